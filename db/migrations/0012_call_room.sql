CREATE TYPE "public"."call_mode" AS ENUM('video', 'low_video', 'audio_only');--> statement-breakpoint
CREATE TYPE "public"."call_mode_reason" AS ENUM('poor_connection', 'recovered', 'data_saver', 'asked');--> statement-breakpoint
CREATE TYPE "public"."call_role" AS ENUM('patient', 'host', 'clinician', 'specialist');--> statement-breakpoint
CREATE TYPE "public"."invitation_status" AS ENUM('pending', 'accepted', 'declined', 'cancelled', 'removed');--> statement-breakpoint
CREATE TABLE "call_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"sender_id" uuid NOT NULL,
	"sender_role" "call_role" NOT NULL,
	"body" text,
	"attachment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_messages_has_content" CHECK (body is not null or attachment_id is not null)
);
--> statement-breakpoint
CREATE TABLE "call_mode_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"participant_role" "call_role" NOT NULL,
	"mode" "call_mode" NOT NULL,
	"reason" "call_mode_reason" NOT NULL,
	"connection_quality" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"invited_by" uuid NOT NULL,
	"specialty_code" text,
	"invitee_id" uuid,
	"reason" text,
	"status" "invitation_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"consented_at" timestamp with time zone,
	"consented_by" uuid,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	CONSTRAINT "consultation_invitations_has_invitee" CHECK (specialty_code is not null or invitee_id is not null)
);
--> statement-breakpoint
CREATE TABLE "recording_consents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"participant_role" "call_role" NOT NULL,
	"consented" boolean NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "call_dropped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "call_seconds" integer;--> statement-breakpoint
ALTER TABLE "call_messages" ADD CONSTRAINT "call_messages_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_messages" ADD CONSTRAINT "call_messages_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_messages" ADD CONSTRAINT "call_messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_messages" ADD CONSTRAINT "call_messages_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_mode_changes" ADD CONSTRAINT "call_mode_changes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_mode_changes" ADD CONSTRAINT "call_mode_changes_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_mode_changes" ADD CONSTRAINT "call_mode_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_specialty_code_specialties_code_fk" FOREIGN KEY ("specialty_code") REFERENCES "public"."specialties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_invitee_id_users_id_fk" FOREIGN KEY ("invitee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_consented_by_users_id_fk" FOREIGN KEY ("consented_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_consents" ADD CONSTRAINT "recording_consents_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_consents" ADD CONSTRAINT "recording_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_messages_consultation_idx" ON "call_messages" USING btree ("consultation_id","created_at");--> statement-breakpoint
CREATE INDEX "call_mode_changes_encounter_idx" ON "call_mode_changes" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "call_mode_changes_consultation_idx" ON "call_mode_changes" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultation_invitations_consultation_idx" ON "consultation_invitations" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultation_invitations_invitee_idx" ON "consultation_invitations" USING btree ("invitee_id","status");--> statement-breakpoint
CREATE INDEX "consultation_invitations_specialty_idx" ON "consultation_invitations" USING btree ("specialty_code","status");--> statement-breakpoint
CREATE INDEX "recording_consents_consultation_idx" ON "recording_consents" USING btree ("consultation_id","user_id","recorded_at");--> statement-breakpoint
-- What was said in the call, the degrade ladder's steps and recording consents are history:
-- the app adds rows and never rewrites them (a withdrawn consent is a new row).
REVOKE UPDATE, DELETE, TRUNCATE ON "call_messages", "call_mode_changes", "recording_consents" FROM rabta_app;--> statement-breakpoint
CREATE TRIGGER call_messages_append_only BEFORE UPDATE OR DELETE ON "call_messages" FOR EACH ROW EXECUTE FUNCTION rabta_refuse_rewrite();--> statement-breakpoint
CREATE TRIGGER call_mode_changes_append_only BEFORE UPDATE OR DELETE ON "call_mode_changes" FOR EACH ROW EXECUTE FUNCTION rabta_refuse_rewrite();--> statement-breakpoint
CREATE TRIGGER recording_consents_append_only BEFORE UPDATE OR DELETE ON "recording_consents" FOR EACH ROW EXECUTE FUNCTION rabta_refuse_rewrite();
