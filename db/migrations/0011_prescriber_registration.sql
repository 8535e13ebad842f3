ALTER TABLE "clinician_profiles" ADD COLUMN "registration_number" text;--> statement-breakpoint
ALTER TABLE "prescriptions" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "prescriptions_idempotency" ON "prescriptions" USING btree ("prescriber_id","idempotency_key");