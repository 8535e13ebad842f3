CREATE TYPE "public"."emergency_outcome" AS ENUM('arrived', 'admitted', 'treated_discharged', 'referred_on', 'died_before_arrival', 'refused_transfer', 'lost_to_follow_up');--> statement-breakpoint
CREATE TYPE "public"."emergency_transport" AS ENUM('rescue_1122', 'facility_ambulance', 'private_vehicle', 'public_transport', 'other');--> statement-breakpoint
CREATE TABLE "emergency_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"facility_id" uuid,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"destination_facility_id" uuid,
	"destination_name" text,
	"transport" "emergency_transport",
	"transport_called_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"outcome" "emergency_outcome",
	"outcome_at" timestamp with time zone,
	"outcome_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emergency_referrals_consultation_id_unique" UNIQUE("consultation_id"),
	CONSTRAINT "emergency_referrals_called_after_raised" CHECK ("emergency_referrals"."transport_called_at" is null or "emergency_referrals"."transport_called_at" >= "emergency_referrals"."raised_at" - interval '1 hour'),
	CONSTRAINT "emergency_referrals_left_after_called" CHECK ("emergency_referrals"."left_at" is null or "emergency_referrals"."transport_called_at" is null or "emergency_referrals"."left_at" >= "emergency_referrals"."transport_called_at"),
	CONSTRAINT "emergency_referrals_outcome_dated" CHECK (("emergency_referrals"."outcome" is null) = ("emergency_referrals"."outcome_at" is null))
);
--> statement-breakpoint
ALTER TABLE "emergency_referrals" ADD CONSTRAINT "emergency_referrals_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_referrals" ADD CONSTRAINT "emergency_referrals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_referrals" ADD CONSTRAINT "emergency_referrals_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_referrals" ADD CONSTRAINT "emergency_referrals_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_referrals" ADD CONSTRAINT "emergency_referrals_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_referrals" ADD CONSTRAINT "emergency_referrals_destination_facility_id_facilities_id_fk" FOREIGN KEY ("destination_facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_referrals_facility_idx" ON "emergency_referrals" USING btree ("facility_id","raised_at");--> statement-breakpoint
CREATE INDEX "emergency_referrals_open_idx" ON "emergency_referrals" USING btree ("raised_at") WHERE "emergency_referrals"."outcome" is null;