CREATE TABLE "referral_report_facts" (
	"referral_id" uuid PRIMARY KEY NOT NULL,
	"facility_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"referred_by" uuid NOT NULL,
	"referred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Referrals kept ready for the district reports, as 0024 keeps consultations: one row per
-- referral with the facility and district it counts for, derived from the view
-- referral_report_source by triggers on referrals, encounters and facilities. The source tables
-- are held until the migration commits, so no write falls between the copy and the triggers.
LOCK TABLE referrals, encounters, facilities IN SHARE MODE;--> statement-breakpoint
-- A referral counts at the facility of the encounter it came from, in the period it was written.
CREATE VIEW referral_report_source AS
SELECT r.id AS referral_id, e.facility_id, f.district_id, r.referred_by, r.referred_at
  FROM referrals r
  JOIN encounters e ON e.id = r.encounter_id
  JOIN facilities f ON f.id = e.facility_id;--> statement-breakpoint
ALTER TABLE "referral_report_facts" ADD CONSTRAINT "referral_report_facts_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_report_facts_district_idx" ON "referral_report_facts" USING btree ("district_id","referred_at");--> statement-breakpoint
CREATE INDEX "referral_report_facts_facility_idx" ON "referral_report_facts" USING btree ("facility_id","referred_at");--> statement-breakpoint
CREATE INDEX "referral_report_facts_referred_at_idx" ON "referral_report_facts" USING btree ("referred_at");--> statement-breakpoint
CREATE INDEX "referrals_encounter_idx" ON "referrals" USING btree ("encounter_id");--> statement-breakpoint
-- Re-derives the facts of these referrals from the view (added, changed if different, removed).
CREATE FUNCTION referral_report_refresh(ids uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  DELETE FROM referral_report_facts f
   WHERE f.referral_id = ANY (ids)
     AND NOT EXISTS (SELECT 1 FROM referral_report_source s WHERE s.referral_id = f.referral_id);
  INSERT INTO referral_report_facts AS f (referral_id, facility_id, district_id, referred_by, referred_at)
  SELECT referral_id, facility_id, district_id, referred_by, referred_at FROM referral_report_source WHERE referral_id = ANY (ids)
  ON CONFLICT (referral_id) DO UPDATE SET
    facility_id = excluded.facility_id, district_id = excluded.district_id, referred_by = excluded.referred_by, referred_at = excluded.referred_at
  WHERE (f.facility_id, f.district_id, f.referred_by, f.referred_at) IS DISTINCT FROM (excluded.facility_id, excluded.district_id, excluded.referred_by, excluded.referred_at);
END $$;--> statement-breakpoint
-- The existing referrals, through the same path as every later change.
SELECT referral_report_refresh(ARRAY(SELECT id FROM referrals));--> statement-breakpoint
ANALYZE referral_report_facts;--> statement-breakpoint
-- New referrals once per statement; a changed one row by row (only a row trigger can name the
-- columns it waits for).
CREATE FUNCTION referral_report_referrals_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM referral_report_refresh(ARRAY(SELECT id FROM new_referrals));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER referral_report_written AFTER INSERT ON referrals
  REFERENCING NEW TABLE AS new_referrals FOR EACH STATEMENT EXECUTE FUNCTION referral_report_referrals_added();--> statement-breakpoint
CREATE FUNCTION referral_report_referral_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM referral_report_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER referral_report_changed AFTER UPDATE OF encounter_id, referred_by, referred_at ON referrals
  FOR EACH ROW EXECUTE FUNCTION referral_report_referral_changed();--> statement-breakpoint
CREATE FUNCTION referral_report_encounter_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM referral_report_refresh(ARRAY(SELECT id FROM referrals WHERE encounter_id = NEW.id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER referral_report_encounter AFTER UPDATE OF facility_id ON encounters
  FOR EACH ROW WHEN (OLD.facility_id IS DISTINCT FROM NEW.facility_id) EXECUTE FUNCTION referral_report_encounter_changed();--> statement-breakpoint
CREATE FUNCTION referral_report_facility_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM referral_report_refresh(ARRAY(SELECT referral_id FROM referral_report_facts WHERE facility_id = NEW.id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER referral_report_facility AFTER UPDATE OF district_id ON facilities
  FOR EACH ROW WHEN (OLD.district_id IS DISTINCT FROM NEW.district_id) EXECUTE FUNCTION referral_report_facility_changed();--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON referral_report_facts, referral_report_source FROM rabta_app;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION referral_report_refresh(uuid[]) FROM PUBLIC;
