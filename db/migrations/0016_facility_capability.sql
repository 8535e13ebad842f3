CREATE TYPE "public"."equipment_kind" AS ENUM('bp_apparatus', 'glucometer', 'pulse_oximeter', 'weighing_scale', 'thermometer', 'ecg', 'rapid_tests', 'ultrasound', 'oxygen', 'internet', 'power');--> statement-breakpoint
CREATE TABLE "equipment_outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"kind" "equipment_kind" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"reason" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"ended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_equipment" (
	"facility_id" uuid NOT NULL,
	"kind" "equipment_kind" NOT NULL,
	"present" boolean NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facility_equipment_facility_id_kind_pk" PRIMARY KEY("facility_id","kind")
);
--> statement-breakpoint
ALTER TABLE "equipment_outages" ADD CONSTRAINT "equipment_outages_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_outages" ADD CONSTRAINT "equipment_outages_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_outages" ADD CONSTRAINT "equipment_outages_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_equipment" ADD CONSTRAINT "facility_equipment_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_equipment" ADD CONSTRAINT "facility_equipment_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_outages_one_open" ON "equipment_outages" USING btree ("facility_id","kind") WHERE "equipment_outages"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "equipment_outages_facility_idx" ON "equipment_outages" USING btree ("facility_id","started_at");