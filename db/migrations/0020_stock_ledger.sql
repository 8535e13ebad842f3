CREATE TYPE "public"."stock_adjustment_reason" AS ENUM('count_correction', 'expired', 'damaged', 'lost', 'returned_by_patient');--> statement-breakpoint
CREATE TYPE "public"."stock_alert_level" AS ENUM('low', 'out');--> statement-breakpoint
CREATE TYPE "public"."stock_movement_kind" AS ENUM('receipt', 'dispense', 'adjustment', 'transfer_out', 'transfer_in');--> statement-breakpoint
CREATE TABLE "stock_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"medicine_code" text NOT NULL,
	"level" "stock_alert_level" NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"medicine_code" text NOT NULL,
	"kind" "stock_movement_kind" NOT NULL,
	"quantity" integer NOT NULL,
	"reason" "stock_adjustment_reason",
	"note" text,
	"batch" text,
	"expires_on" date,
	"transfer_id" uuid,
	"counterpart_facility_id" uuid,
	"prescription_item_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_sign" CHECK (case "stock_movements"."kind"
        when 'receipt' then "stock_movements"."quantity" > 0
        when 'transfer_in' then "stock_movements"."quantity" > 0
        when 'dispense' then "stock_movements"."quantity" < 0 and "stock_movements"."prescription_item_id" is not null
        when 'transfer_out' then "stock_movements"."quantity" < 0
        else "stock_movements"."quantity" <> 0 end),
	CONSTRAINT "stock_movements_adjustment_reason" CHECK (("stock_movements"."kind" = 'adjustment') = ("stock_movements"."reason" is not null)),
	CONSTRAINT "stock_movements_transfer_pair" CHECK (("stock_movements"."kind" in ('transfer_out', 'transfer_in')) = ("stock_movements"."transfer_id" is not null and "stock_movements"."counterpart_facility_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "prescriptions" ADD COLUMN "dispensed_by" uuid;--> statement-breakpoint
ALTER TABLE "prescriptions" ADD COLUMN "dispensed_facility_id" uuid;--> statement-breakpoint
ALTER TABLE "stock_alerts" ADD CONSTRAINT "stock_alerts_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_counterpart_facility_id_facilities_id_fk" FOREIGN KEY ("counterpart_facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_prescription_item_id_prescription_items_id_fk" FOREIGN KEY ("prescription_item_id") REFERENCES "public"."prescription_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_alerts_one_open" ON "stock_alerts" USING btree ("facility_id","medicine_code") WHERE "stock_alerts"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "stock_alerts_raised_idx" ON "stock_alerts" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "stock_movements_facility_medicine_idx" ON "stock_movements" USING btree ("facility_id","medicine_code","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_movements_one_dispense_per_line" ON "stock_movements" USING btree ("prescription_item_id");--> statement-breakpoint
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_dispensed_by_users_id_fk" FOREIGN KEY ("dispensed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_dispensed_facility_id_facilities_id_fk" FOREIGN KEY ("dispensed_facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Stock on hand is the sum of the ledger: the app adds movements and never rewrites them.
REVOKE UPDATE, DELETE, TRUNCATE ON "stock_movements" FROM rabta_app;
