CREATE TYPE "public"."locale" AS ENUM('ur', 'en');--> statement-breakpoint
CREATE TYPE "public"."relation" AS ENUM('self', 'child', 'parent', 'spouse', 'sibling', 'other');--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "rescheduled_from_id" uuid;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "relation" "relation";--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" "locale" DEFAULT 'ur' NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD CONSTRAINT "sms_outbox_dedupe_key_unique" UNIQUE("dedupe_key");--> statement-breakpoint
UPDATE "patients" SET "relation" = 'self' WHERE "account_id" IS NOT NULL;
