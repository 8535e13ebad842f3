CREATE TYPE "public"."attendance_check_kind" AS ENUM('check_in', 'check_out');--> statement-breakpoint
CREATE TABLE "attendance_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"kind" "attendance_check_kind" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"accuracy_m" integer NOT NULL,
	"distance_m" integer NOT NULL,
	"within_geofence" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendance_checks" ADD CONSTRAINT "attendance_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_checks" ADD CONSTRAINT "attendance_checks_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_checks_user_idx" ON "attendance_checks" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "attendance_checks_facility_idx" ON "attendance_checks" USING btree ("facility_id","at");--> statement-breakpoint
-- A check-in is the evidence of a day: the app adds them and never rewrites them.
REVOKE UPDATE, DELETE, TRUNCATE ON "attendance_checks" FROM rabta_app;
