CREATE TABLE "consultation_report_district_months" (
	"district_id" uuid NOT NULL,
	"month" date NOT NULL,
	"wait_minutes" integer NOT NULL,
	"consultations" integer NOT NULL,
	"female" integer NOT NULL,
	"male" integer NOT NULL,
	"other_sex" integer NOT NULL,
	"under_1" integer NOT NULL,
	"age_1_4" integer NOT NULL,
	"age_5_14" integer NOT NULL,
	"age_15_49" integer NOT NULL,
	"age_50_plus" integer NOT NULL,
	"booked" integer NOT NULL,
	"walk_in" integer NOT NULL,
	"see_now" integer NOT NULL,
	"other_route" integer NOT NULL,
	"audio_only" integer NOT NULL,
	"dropped" integer NOT NULL,
	CONSTRAINT "consultation_report_district_months_district_id_month_wait_minutes_pk" PRIMARY KEY("district_id","month","wait_minutes")
);
--> statement-breakpoint
CREATE TABLE "consultation_report_facts" (
	"consultation_id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"clinician_id" uuid,
	"checked_in_at" timestamp with time zone NOT NULL,
	"sex" "sex" NOT NULL,
	"years" smallint NOT NULL,
	"route" text NOT NULL,
	"wait" double precision NOT NULL,
	"dropped" boolean NOT NULL,
	"audio_only" boolean NOT NULL,
	CONSTRAINT "consultation_report_facts_route" CHECK ("consultation_report_facts"."route" in ('booked', 'walk_in', 'see_now', 'other'))
);
--> statement-breakpoint
-- What the district reports count, kept ready: consultation_report_facts holds one row per
-- consultation seen, derived from the view consultation_report_source (the one definition of what
-- each column means), and consultation_report_district_months sums those rows per district,
-- clinic month and whole minute of wait. Triggers on every table the view reads re-derive the
-- rows a change touches, in the writer's transaction, so the reports never lag the visit.
-- Nothing may write to the source tables while the existing rows are copied, or a write between
-- the copy and the triggers' creation would be missed: the migration holds them until it commits.
LOCK TABLE consultations, encounters, patients, on_call_requests, call_mode_changes, facilities IN SHARE MODE;--> statement-breakpoint
SET LOCAL work_mem = '256MB';--> statement-breakpoint
-- DHIS2's usual outpatient age bands, from whole years on the day of check-in.
CREATE FUNCTION consultation_report_age_band(years integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN years < 1 THEN 'under_1' WHEN years <= 4 THEN '1_4' WHEN years <= 14 THEN '5_14' WHEN years <= 49 THEN '15_49' ELSE '50_plus' END
$$;--> statement-breakpoint
-- The first day of the clinic-calendar month an instant falls in.
CREATE FUNCTION consultation_report_month(at timestamptz) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT date_trunc('month', at AT TIME ZONE 'Asia/Karachi')::date
$$;--> statement-breakpoint
-- One row per consultation seen: it belongs to its encounter's facility (the hosting unit for a
-- hosted call, the clinician's facility otherwise) and that facility's district, and to the
-- instant its patient checked in; it counts once admitted.
CREATE VIEW consultation_report_source AS
SELECT c.id AS consultation_id, c.patient_id, e.facility_id, f.district_id, c.clinician_id, c.checked_in_at, p.sex,
       extract(year FROM age((c.checked_in_at AT TIME ZONE 'Asia/Karachi')::date, p.date_of_birth))::smallint AS years,
       CASE WHEN c.appointment_id IS NOT NULL THEN 'booked'
            WHEN EXISTS (SELECT 1 FROM on_call_requests o WHERE o.consultation_id = c.id) THEN 'see_now'
            WHEN c.hosted_by IS NOT NULL THEN 'walk_in'
            ELSE 'other' END AS route,
       greatest(0, extract(epoch FROM c.admitted_at - greatest(c.checked_in_at, coalesce(c.scheduled_at, c.checked_in_at))) / 60)::double precision AS wait,
       c.call_dropped_at IS NOT NULL AS dropped,
       EXISTS (SELECT 1 FROM call_mode_changes m WHERE m.consultation_id = c.id AND m.mode = 'audio_only' AND m.reason = 'poor_connection') AS audio_only
  FROM consultations c
  JOIN encounters e ON e.id = c.encounter_id
  JOIN facilities f ON f.id = e.facility_id
  JOIN patients p ON p.id = c.patient_id
 WHERE c.admitted_at IS NOT NULL;--> statement-breakpoint
-- Adds facts' counts to their district months (delta 1) or takes them away (delta -1), summed
-- per month and minute first, so that a statement touching many facts is one upsert. The only
-- place that says how a fact counts in the sums.
CREATE FUNCTION consultation_report_district_months_add(facts consultation_report_facts[], delta integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF cardinality(facts) = 0 THEN RETURN; END IF;
  INSERT INTO consultation_report_district_months AS m
  SELECT r.district_id, consultation_report_month(r.checked_in_at), floor(r.wait)::int, delta * count(*),
         delta * count(*) FILTER (WHERE r.sex = 'female'), delta * count(*) FILTER (WHERE r.sex = 'male'), delta * count(*) FILTER (WHERE r.sex = 'other'),
         delta * count(*) FILTER (WHERE consultation_report_age_band(r.years) = 'under_1'), delta * count(*) FILTER (WHERE consultation_report_age_band(r.years) = '1_4'),
         delta * count(*) FILTER (WHERE consultation_report_age_band(r.years) = '5_14'), delta * count(*) FILTER (WHERE consultation_report_age_band(r.years) = '15_49'),
         delta * count(*) FILTER (WHERE consultation_report_age_band(r.years) = '50_plus'),
         delta * count(*) FILTER (WHERE r.route = 'booked'), delta * count(*) FILTER (WHERE r.route = 'walk_in'), delta * count(*) FILTER (WHERE r.route = 'see_now'),
         delta * count(*) FILTER (WHERE r.route = 'other'), delta * count(*) FILTER (WHERE r.audio_only), delta * count(*) FILTER (WHERE r.dropped)
    FROM unnest(facts) r
   GROUP BY 1, 2, 3
  ON CONFLICT (district_id, month, wait_minutes) DO UPDATE SET
    consultations = m.consultations + excluded.consultations, female = m.female + excluded.female, male = m.male + excluded.male,
    other_sex = m.other_sex + excluded.other_sex, under_1 = m.under_1 + excluded.under_1, age_1_4 = m.age_1_4 + excluded.age_1_4,
    age_5_14 = m.age_5_14 + excluded.age_5_14, age_15_49 = m.age_15_49 + excluded.age_15_49, age_50_plus = m.age_50_plus + excluded.age_50_plus,
    booked = m.booked + excluded.booked, walk_in = m.walk_in + excluded.walk_in, see_now = m.see_now + excluded.see_now,
    other_route = m.other_route + excluded.other_route, audio_only = m.audio_only + excluded.audio_only, dropped = m.dropped + excluded.dropped;
END $$;--> statement-breakpoint
-- Once per statement with the rows it changed (a row-level trigger would upsert the same few
-- month rows once per fact, which a bulk load or a rebuild cannot afford).
CREATE FUNCTION consultation_report_facts_summed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM consultation_report_district_months_add(ARRAY(SELECT o::consultation_report_facts FROM old_facts o), -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM consultation_report_district_months_add(ARRAY(SELECT n::consultation_report_facts FROM new_facts n), 1); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER consultation_report_district_months_insert AFTER INSERT ON consultation_report_facts
  REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION consultation_report_facts_summed();--> statement-breakpoint
CREATE TRIGGER consultation_report_district_months_update AFTER UPDATE ON consultation_report_facts
  REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION consultation_report_facts_summed();--> statement-breakpoint
CREATE TRIGGER consultation_report_district_months_delete AFTER DELETE ON consultation_report_facts
  REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION consultation_report_facts_summed();--> statement-breakpoint
-- Re-derives the facts of these consultations from the view: a row is added, changed (only if
-- something in it differs, so the district months are not touched for nothing) or removed.
-- SECURITY DEFINER because the app may only read the facts. Planned afresh for every call
-- (about 1 ms of an admission): a cached plan is made for the sizes and the number of ids of its
-- first call, and one made on a near-empty table or for one id (a seq scan matching each row
-- against the ids) would crawl on a bulk change of a full table.
CREATE FUNCTION consultation_report_refresh(ids uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  DELETE FROM consultation_report_facts f
   WHERE f.consultation_id = ANY (ids)
     AND NOT EXISTS (SELECT 1 FROM consultation_report_source s WHERE s.consultation_id = f.consultation_id);
  INSERT INTO consultation_report_facts AS f (consultation_id, patient_id, facility_id, district_id, clinician_id, checked_in_at, sex, years, route, wait, dropped, audio_only)
  SELECT consultation_id, patient_id, facility_id, district_id, clinician_id, checked_in_at, sex, years, route, wait, dropped, audio_only
    FROM consultation_report_source
   WHERE consultation_id = ANY (ids)
  ON CONFLICT (consultation_id) DO UPDATE SET
    patient_id = excluded.patient_id, facility_id = excluded.facility_id, district_id = excluded.district_id, clinician_id = excluded.clinician_id,
    checked_in_at = excluded.checked_in_at, sex = excluded.sex, years = excluded.years, route = excluded.route, wait = excluded.wait,
    dropped = excluded.dropped, audio_only = excluded.audio_only
  WHERE (f.patient_id, f.facility_id, f.district_id, f.clinician_id, f.checked_in_at, f.sex, f.years, f.route, f.wait, f.dropped, f.audio_only)
        IS DISTINCT FROM
        (excluded.patient_id, excluded.facility_id, excluded.district_id, excluded.clinician_id, excluded.checked_in_at, excluded.sex,
         excluded.years, excluded.route, excluded.wait, excluded.dropped, excluded.audio_only);
END $$;--> statement-breakpoint
-- The existing consultations, through the same path as every later change.
SELECT consultation_report_refresh(ARRAY(SELECT id FROM consultations WHERE admitted_at IS NOT NULL));--> statement-breakpoint
ALTER TABLE "consultation_report_facts" ADD CONSTRAINT "consultation_report_facts_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_report_facts_district_idx" ON "consultation_report_facts" USING btree ("district_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "consultation_report_facts_facility_idx" ON "consultation_report_facts" USING btree ("facility_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "consultation_report_facts_checked_in_idx" ON "consultation_report_facts" USING btree ("checked_in_at");--> statement-breakpoint
CREATE INDEX "consultation_report_facts_patient_idx" ON "consultation_report_facts" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "consultations_encounter_idx" ON "consultations" USING btree ("encounter_id");--> statement-breakpoint
ANALYZE consultation_report_facts;--> statement-breakpoint
ANALYZE consultation_report_district_months;--> statement-breakpoint
-- Inserts are caught once per statement (a bulk load is one refresh); updates row by row,
-- because only a row trigger can name the columns it waits for and skip the many updates that
-- touch nothing the reports count (heartbeats, the patient's connections, status).
CREATE FUNCTION consultation_report_consultations_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM consultation_report_refresh(ARRAY(SELECT id FROM new_consultations WHERE admitted_at IS NOT NULL));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER consultation_report_admitted AFTER INSERT ON consultations
  REFERENCING NEW TABLE AS new_consultations FOR EACH STATEMENT EXECUTE FUNCTION consultation_report_consultations_added();--> statement-breakpoint
CREATE FUNCTION consultation_report_consultation_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM consultation_report_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER consultation_report_changed
  AFTER UPDATE OF encounter_id, patient_id, clinician_id, appointment_id, hosted_by, scheduled_at, checked_in_at, admitted_at, call_dropped_at ON consultations
  FOR EACH ROW WHEN (OLD.admitted_at IS NOT NULL OR NEW.admitted_at IS NOT NULL) EXECUTE FUNCTION consultation_report_consultation_changed();--> statement-breakpoint
-- A see-now request linked to its consultation, and a call's mode changes: new rows once per
-- statement, a link changed or removed row by row.
CREATE FUNCTION consultation_report_links_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM consultation_report_refresh(ARRAY(SELECT DISTINCT consultation_id FROM new_links WHERE consultation_id IS NOT NULL));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION consultation_report_link_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF OLD.consultation_id IS NOT NULL THEN PERFORM consultation_report_refresh(ARRAY[OLD.consultation_id]); END IF;
  IF TG_OP = 'UPDATE' AND NEW.consultation_id IS NOT NULL THEN PERFORM consultation_report_refresh(ARRAY[NEW.consultation_id]); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER consultation_report_see_now_added AFTER INSERT ON on_call_requests
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION consultation_report_links_added();--> statement-breakpoint
CREATE TRIGGER consultation_report_see_now_changed AFTER UPDATE OF consultation_id OR DELETE ON on_call_requests
  FOR EACH ROW EXECUTE FUNCTION consultation_report_link_changed();--> statement-breakpoint
CREATE TRIGGER consultation_report_call_mode_added AFTER INSERT ON call_mode_changes
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION consultation_report_links_added();--> statement-breakpoint
CREATE TRIGGER consultation_report_call_mode_changed AFTER UPDATE OR DELETE ON call_mode_changes
  FOR EACH ROW EXECUTE FUNCTION consultation_report_link_changed();--> statement-breakpoint
-- A visit moved to another facility, a patient's sex or date of birth corrected, a facility
-- moved to another district: every fact they carry is derived again.
CREATE FUNCTION consultation_report_encounter_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM consultation_report_refresh(ARRAY(SELECT id FROM consultations WHERE encounter_id = NEW.id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER consultation_report_encounter AFTER UPDATE OF facility_id ON encounters
  FOR EACH ROW WHEN (OLD.facility_id IS DISTINCT FROM NEW.facility_id) EXECUTE FUNCTION consultation_report_encounter_changed();--> statement-breakpoint
CREATE FUNCTION consultation_report_patient_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM consultation_report_refresh(ARRAY(SELECT consultation_id FROM consultation_report_facts WHERE patient_id = NEW.id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER consultation_report_patient AFTER UPDATE OF sex, date_of_birth ON patients
  FOR EACH ROW WHEN (OLD.sex IS DISTINCT FROM NEW.sex OR OLD.date_of_birth IS DISTINCT FROM NEW.date_of_birth)
  EXECUTE FUNCTION consultation_report_patient_changed();--> statement-breakpoint
CREATE FUNCTION consultation_report_facility_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM consultation_report_refresh(ARRAY(SELECT consultation_id FROM consultation_report_facts WHERE facility_id = NEW.id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER consultation_report_facility AFTER UPDATE OF district_id ON facilities
  FOR EACH ROW WHEN (OLD.district_id IS DISTINCT FROM NEW.district_id) EXECUTE FUNCTION consultation_report_facility_changed();--> statement-breakpoint
-- The app reads the reports and never writes them: only the triggers above do (as the owner).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON consultation_report_facts, consultation_report_district_months, consultation_report_source FROM rabta_app;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION consultation_report_refresh(uuid[]), consultation_report_district_months_add(consultation_report_facts[], integer) FROM PUBLIC;
