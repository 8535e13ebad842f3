DROP INDEX "appointments_one_per_slot";--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_idempotency" ON "appointments" USING btree ("booked_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "appointments_clinician_time_idx" ON "appointments" USING btree ("clinician_id","starts_at");