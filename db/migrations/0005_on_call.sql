CREATE TYPE "public"."care_need" AS ENUM('general', 'womens_health', 'child');--> statement-breakpoint
CREATE TYPE "public"."on_call_request_status" AS ENUM('waiting', 'picked_up', 'cancelled');--> statement-breakpoint
CREATE TABLE "on_call_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"need" "care_need" NOT NULL,
	"status" "on_call_request_status" DEFAULT 'waiting' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consultation_id" uuid,
	"picked_up_by" uuid,
	CONSTRAINT "on_call_requests_consultation_id_unique" UNIQUE("consultation_id")
);
--> statement-breakpoint
CREATE TABLE "on_call_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinician_id" uuid NOT NULL,
	"need" "care_need" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "on_call_requests" ADD CONSTRAINT "on_call_requests_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_call_requests" ADD CONSTRAINT "on_call_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_call_requests" ADD CONSTRAINT "on_call_requests_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_call_requests" ADD CONSTRAINT "on_call_requests_picked_up_by_users_id_fk" FOREIGN KEY ("picked_up_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_call_shifts" ADD CONSTRAINT "on_call_shifts_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_call_shifts" ADD CONSTRAINT "on_call_shifts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "on_call_requests_one_waiting" ON "on_call_requests" USING btree ("patient_id") WHERE status = 'waiting';--> statement-breakpoint
CREATE INDEX "on_call_requests_pool_idx" ON "on_call_requests" USING btree ("need","status","requested_at");--> statement-breakpoint
CREATE INDEX "on_call_shifts_need_idx" ON "on_call_shifts" USING btree ("need","starts_at");