CREATE TYPE "public"."clinician_status" AS ENUM('online', 'busy', 'away');--> statement-breakpoint
CREATE TYPE "public"."presence_event_kind" AS ENUM('clinician_online', 'clinician_busy', 'clinician_away', 'patient_connected', 'patient_disconnected');--> statement-breakpoint
CREATE TYPE "public"."queue_exit_reason" AS ENUM('no_answer', 'not_returned', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."triage_level" AS ENUM('emergency', 'urgent', 'routine');--> statement-breakpoint
CREATE TABLE "clinician_presence" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"status" "clinician_status" NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presence_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "presence_event_kind" NOT NULL,
	"user_id" uuid,
	"consultation_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vitals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"consultation_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"systolic" smallint,
	"diastolic" smallint,
	"pulse" smallint,
	"temperature_c" numeric(4, 1),
	"spo2" smallint,
	"respiratory_rate" smallint,
	"weight_kg" numeric(5, 1),
	"height_cm" numeric(4, 1),
	"glucose_mg_dl" smallint,
	"muac_cm" numeric(3, 1),
	"last_menstrual_period" date
);
--> statement-breakpoint
ALTER TABLE "consultations" ALTER COLUMN "clinician_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "specialty_code" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "triage" "triage_level" DEFAULT 'routine' NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "chief_complaint" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "female_clinician_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "chaperone_present" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "hosted_by" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "scheduled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "no_answer_count" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "patient_connections" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "patient_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "exit_reason" "queue_exit_reason";--> statement-breakpoint
ALTER TABLE "clinician_presence" ADD CONSTRAINT "clinician_presence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presence_events" ADD CONSTRAINT "presence_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presence_events" ADD CONSTRAINT "presence_events_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vitals" ADD CONSTRAINT "vitals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vitals" ADD CONSTRAINT "vitals_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vitals" ADD CONSTRAINT "vitals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "presence_events_user_idx" ON "presence_events" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "presence_events_consultation_idx" ON "presence_events" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "vitals_patient_idx" ON "vitals" USING btree ("patient_id","recorded_at");--> statement-breakpoint
CREATE INDEX "vitals_consultation_idx" ON "vitals" USING btree ("consultation_id");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_specialty_code_specialties_code_fk" FOREIGN KEY ("specialty_code") REFERENCES "public"."specialties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_hosted_by_users_id_fk" FOREIGN KEY ("hosted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultations_specialty_queue_idx" ON "consultations" USING btree ("specialty_code","status") WHERE clinician_id is null;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_has_queue" CHECK (clinician_id is not null or specialty_code is not null);--> statement-breakpoint
UPDATE "consultations" c SET "scheduled_at" = a."starts_at" FROM "appointments" a WHERE a."id" = c."appointment_id";
