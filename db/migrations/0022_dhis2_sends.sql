CREATE TYPE "public"."dhis2_send_status" AS ENUM('queued', 'imported', 'partial', 'failed', 'rejected');--> statement-breakpoint
CREATE TABLE "dhis2_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"period_id" text NOT NULL,
	"org_unit_code" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" "dhis2_send_status" DEFAULT 'queued' NOT NULL,
	"payload" jsonb NOT NULL,
	"summary" jsonb,
	"http_status" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dhis2_sends" ADD CONSTRAINT "dhis2_sends_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dhis2_sends" ADD CONSTRAINT "dhis2_sends_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dhis2_sends_facility_idx" ON "dhis2_sends" USING btree ("facility_id","requested_at");