CREATE TYPE "public"."leave_kind" AS ENUM('casual', 'sick', 'earned', 'maternity', 'official_duty');--> statement-breakpoint
CREATE TABLE "staff_leave" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "leave_kind" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "staff_leave_dates" CHECK ("staff_leave"."ends_on" >= "staff_leave"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "staff_roster_shifts" (
	"roster_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts_minute" smallint NOT NULL,
	"ends_minute" smallint NOT NULL,
	CONSTRAINT "staff_roster_shifts_weekday" CHECK ("staff_roster_shifts"."weekday" between 1 and 7),
	CONSTRAINT "staff_roster_shifts_hours" CHECK ("staff_roster_shifts"."starts_minute" >= 0 and "staff_roster_shifts"."ends_minute" <= 1440 and "staff_roster_shifts"."ends_minute" > "staff_roster_shifts"."starts_minute")
);
--> statement-breakpoint
CREATE TABLE "staff_rosters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"set_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_leave" ADD CONSTRAINT "staff_leave_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_leave" ADD CONSTRAINT "staff_leave_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_roster_shifts" ADD CONSTRAINT "staff_roster_shifts_roster_id_staff_rosters_id_fk" FOREIGN KEY ("roster_id") REFERENCES "public"."staff_rosters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_rosters" ADD CONSTRAINT "staff_rosters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_rosters" ADD CONSTRAINT "staff_rosters_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_leave_user_idx" ON "staff_leave" USING btree ("user_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_roster_shifts_day" ON "staff_roster_shifts" USING btree ("roster_id","weekday");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_rosters_user_from" ON "staff_rosters" USING btree ("user_id","effective_from");--> statement-breakpoint
-- Leave of one person does not overlap unless cancelled (btree_gist is there since 0002).
ALTER TABLE "staff_leave" ADD CONSTRAINT "staff_leave_no_overlap"
  EXCLUDE USING gist ("user_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("cancelled_at" IS NULL);
