CREATE TYPE "public"."staff_cadre" AS ENUM('doctor', 'specialist', 'lhv', 'nurse', 'midwife', 'technician', 'dispenser', 'other');--> statement-breakpoint
CREATE TABLE "staff_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"posted_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_postings_dates" CHECK ("staff_postings"."ends_on" is null or "staff_postings"."ends_on" >= "staff_postings"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "staff_records" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"cadre" "staff_cadre" NOT NULL,
	"registration_number" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_postings" ADD CONSTRAINT "staff_postings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_postings" ADD CONSTRAINT "staff_postings_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_postings" ADD CONSTRAINT "staff_postings_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_records" ADD CONSTRAINT "staff_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_records" ADD CONSTRAINT "staff_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_postings_user_idx" ON "staff_postings" USING btree ("user_id","starts_on");--> statement-breakpoint
CREATE INDEX "staff_postings_facility_idx" ON "staff_postings" USING btree ("facility_id","starts_on");--> statement-breakpoint
-- One posting at a time: two postings of one person may not overlap (drizzle-kit cannot express
-- EXCLUDE; btree_gist is there since 0002).
ALTER TABLE "staff_postings" ADD CONSTRAINT "staff_postings_no_overlap"
  EXCLUDE USING gist ("user_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&);
