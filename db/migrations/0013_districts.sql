CREATE TABLE "districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text NOT NULL,
	"province" text NOT NULL,
	"dhis2_org_unit_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "districts_name_en_unique" UNIQUE("name_en"),
	CONSTRAINT "districts_dhis2_org_unit_code_unique" UNIQUE("dhis2_org_unit_code"),
	CONSTRAINT "districts_name_en_present" CHECK (length(trim("districts"."name_en")) > 0)
);
--> statement-breakpoint
CREATE TABLE "tehsils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text NOT NULL,
	"dhis2_org_unit_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tehsils_dhis2_org_unit_code_unique" UNIQUE("dhis2_org_unit_code"),
	CONSTRAINT "tehsils_district_name" UNIQUE("district_id","name_en")
);
--> statement-breakpoint
CREATE TABLE "admin_scopes" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "district_id" uuid;--> statement-breakpoint
-- Facilities so far named their district in a text column: each name becomes a district (its
-- province is not known here; the provincial office corrects it), and the facility points at it.
INSERT INTO "districts" ("name_en", "name_ur", "province")
  SELECT DISTINCT "district", "district", 'Unassigned' FROM "facilities";--> statement-breakpoint
UPDATE "facilities" SET "district_id" = "districts"."id" FROM "districts" WHERE "districts"."name_en" = "facilities"."district";--> statement-breakpoint
ALTER TABLE "facilities" ALTER COLUMN "district_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "tehsil_id" uuid;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "dhis2_org_unit_code" text;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "tehsils" ADD CONSTRAINT "tehsils_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_scopes" ADD CONSTRAINT "admin_scopes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_scopes" ADD CONSTRAINT "admin_scopes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tehsils_district_idx" ON "tehsils" USING btree ("district_id");--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_tehsil_id_tehsils_id_fk" FOREIGN KEY ("tehsil_id") REFERENCES "public"."tehsils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facilities_district_idx" ON "facilities" USING btree ("district_id");--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_dhis2_org_unit_code_unique" UNIQUE("dhis2_org_unit_code");--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_coordinates" CHECK (("facilities"."latitude" is null) = ("facilities"."longitude" is null) and ("facilities"."latitude" is null or ("facilities"."latitude" between -90 and 90 and "facilities"."longitude" between -180 and 180)));