CREATE TYPE "public"."complaint_category" AS ENUM('staff_absent', 'staff_behaviour', 'medicine_unavailable', 'illegal_charges', 'waiting_time', 'call_quality', 'cleanliness', 'other');--> statement-breakpoint
CREATE TYPE "public"."complaint_event_kind" AS ENUM('filed', 'assigned', 'in_progress', 'escalated', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."complaint_status" AS ENUM('received', 'assigned', 'in_progress', 'resolved');--> statement-breakpoint
CREATE SEQUENCE "public"."complaint_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" "complaint_event_kind" NOT NULL,
	"actor_id" uuid,
	"note" text,
	"details" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_number" text NOT NULL,
	"category" "complaint_category" NOT NULL,
	"facility_id" uuid NOT NULL,
	"encounter_id" uuid,
	"description" text NOT NULL,
	"locale" text NOT NULL,
	"phone" text NOT NULL,
	"account_id" uuid,
	"status" "complaint_status" DEFAULT 'received' NOT NULL,
	"assigned_to" uuid,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	CONSTRAINT "complaints_tracking_number_unique" UNIQUE("tracking_number"),
	CONSTRAINT "complaints_locale" CHECK ("complaints"."locale" in ('ur', 'en')),
	CONSTRAINT "complaints_resolved" CHECK (("complaints"."status" = 'resolved') = ("complaints"."resolved_at" is not null and "complaints"."resolution" is not null))
);
--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_account_id_users_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "complaints_facility_idx" ON "complaints" USING btree ("facility_id","filed_at");--> statement-breakpoint
CREATE INDEX "complaints_open_idx" ON "complaints" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "complaints_phone_idx" ON "complaints" USING btree ("phone","filed_at");