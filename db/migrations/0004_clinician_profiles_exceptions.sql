CREATE TYPE "public"."availability_exception_kind" AS ENUM('leave', 'extra');--> statement-breakpoint
CREATE TYPE "public"."facility_kind" AS ENUM('hub', 'spoke');--> statement-breakpoint
CREATE TABLE "availability_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinician_id" uuid NOT NULL,
	"kind" "availability_exception_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"slot_minutes" smallint,
	"facility_id" uuid,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinician_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"sex" "sex" NOT NULL,
	"specialty_code" text NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"facility_id" uuid,
	"slot_minutes" smallint
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "facility_kind" NOT NULL,
	"district" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "specialties" (
	"code" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text NOT NULL,
	"default_slot_minutes" smallint DEFAULT 15 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "availability_rules" ADD COLUMN "facility_id" uuid;--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinician_profiles" ADD CONSTRAINT "clinician_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinician_profiles" ADD CONSTRAINT "clinician_profiles_specialty_code_specialties_code_fk" FOREIGN KEY ("specialty_code") REFERENCES "public"."specialties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinician_profiles" ADD CONSTRAINT "clinician_profiles_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "availability_exceptions_clinician_idx" ON "availability_exceptions" USING btree ("clinician_id","starts_at");--> statement-breakpoint
CREATE INDEX "clinician_profiles_specialty_idx" ON "clinician_profiles" USING btree ("specialty_code");--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Reference data every installation needs, in both languages; districts may add more.
INSERT INTO "specialties" ("code", "name_en", "name_ur", "default_slot_minutes") VALUES
  ('general', 'General practice', 'جنرل پریکٹس', 15),
  ('gynaecology', 'Women''s health and pregnancy', 'خواتین کی صحت اور زچگی', 20),
  ('paediatrics', 'Child health', 'بچوں کی صحت', 20),
  ('psychiatry', 'Mental health', 'ذہنی صحت', 30),
  ('medicine', 'Internal medicine', 'اندرونی امراض', 20),
  ('cardiology', 'Heart', 'امراضِ قلب', 20),
  ('dermatology', 'Skin', 'جلد کے امراض', 15)
ON CONFLICT ("code") DO NOTHING;
