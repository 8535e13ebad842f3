CREATE TABLE "attendance_day_facts" (
	"user_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"day" date NOT NULL,
	"starts_minute" smallint,
	"ends_minute" smallint,
	"leave_kind" text,
	"rostered" boolean NOT NULL,
	"first_seen" timestamp with time zone,
	"checks" integer NOT NULL,
	"conducted" integer NOT NULL,
	"hosted" integer NOT NULL,
	"online_minutes" integer NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "attendance_day_facts_user_id_day_facility_id_pk" PRIMARY KEY("user_id","day","facility_id")
);
--> statement-breakpoint
CREATE TABLE "attendance_facility_days" (
	"day" date NOT NULL,
	"facility_id" uuid NOT NULL,
	"present" integer NOT NULL,
	"late" integer NOT NULL,
	"absent" integer NOT NULL,
	"on_leave" integer NOT NULL,
	"off" integer NOT NULL,
	"pending" integer NOT NULL,
	"no_roster" integer NOT NULL,
	CONSTRAINT "attendance_facility_days_day_facility_id_pk" PRIMARY KEY("day","facility_id")
);
--> statement-breakpoint
CREATE TABLE "attendance_judged_days" (
	"day" date PRIMARY KEY NOT NULL,
	"judged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance_month_facts" (
	"user_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"month" date NOT NULL,
	"present" integer NOT NULL,
	"late" integer NOT NULL,
	"absent" integer NOT NULL,
	"on_leave" integer NOT NULL,
	"off" integer NOT NULL,
	"pending" integer NOT NULL,
	"no_roster" integer NOT NULL,
	CONSTRAINT "attendance_month_facts_month_facility_id_user_id_pk" PRIMARY KEY("month","facility_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "attendance_stale_days" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "attendance_stale_days_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE INDEX "attendance_day_facts_facility_idx" ON "attendance_day_facts" USING btree ("facility_id","day");--> statement-breakpoint
CREATE INDEX "attendance_day_facts_day_idx" ON "attendance_day_facts" USING btree ("day");--> statement-breakpoint
CREATE INDEX "attendance_stale_days_day_idx" ON "attendance_stale_days" USING btree ("day");
--> statement-breakpoint
-- The month and facility-day sums follow the kept days: once per statement with the rows it added
-- or removed (the job replaces whole days at once; the app may not update a kept day).
CREATE FUNCTION attendance_day_sums_add(days attendance_day_facts[], delta integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO attendance_month_facts AS m (user_id, facility_id, month, present, late, absent, on_leave, off, pending, no_roster)
  SELECT d.user_id, d.facility_id, date_trunc('month', d.day)::date,
         delta * count(*) FILTER (WHERE d.status = 'present'), delta * count(*) FILTER (WHERE d.status = 'late'),
         delta * count(*) FILTER (WHERE d.status = 'absent'), delta * count(*) FILTER (WHERE d.status = 'on_leave'),
         delta * count(*) FILTER (WHERE d.status = 'off'), delta * count(*) FILTER (WHERE d.status = 'pending'),
         delta * count(*) FILTER (WHERE d.status = 'no_roster')
    FROM unnest(days) AS d
   GROUP BY 1, 2, 3
  ON CONFLICT (month, facility_id, user_id) DO UPDATE SET
    present = m.present + excluded.present, late = m.late + excluded.late, absent = m.absent + excluded.absent,
    on_leave = m.on_leave + excluded.on_leave, off = m.off + excluded.off, pending = m.pending + excluded.pending,
    no_roster = m.no_roster + excluded.no_roster;
  INSERT INTO attendance_facility_days AS m (day, facility_id, present, late, absent, on_leave, off, pending, no_roster)
  SELECT d.day, d.facility_id,
         delta * count(*) FILTER (WHERE d.status = 'present'), delta * count(*) FILTER (WHERE d.status = 'late'),
         delta * count(*) FILTER (WHERE d.status = 'absent'), delta * count(*) FILTER (WHERE d.status = 'on_leave'),
         delta * count(*) FILTER (WHERE d.status = 'off'), delta * count(*) FILTER (WHERE d.status = 'pending'),
         delta * count(*) FILTER (WHERE d.status = 'no_roster')
    FROM unnest(days) AS d
   GROUP BY 1, 2
  ON CONFLICT (day, facility_id) DO UPDATE SET
    present = m.present + excluded.present, late = m.late + excluded.late, absent = m.absent + excluded.absent,
    on_leave = m.on_leave + excluded.on_leave, off = m.off + excluded.off, pending = m.pending + excluded.pending,
    no_roster = m.no_roster + excluded.no_roster;
$$;--> statement-breakpoint
CREATE FUNCTION attendance_day_facts_summed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN PERFORM attendance_day_sums_add(ARRAY(SELECT o::attendance_day_facts FROM old_days o), -1); END IF;
  IF TG_OP = 'INSERT' THEN PERFORM attendance_day_sums_add(ARRAY(SELECT n::attendance_day_facts FROM new_days n), 1); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_day_facts_added AFTER INSERT ON attendance_day_facts
  REFERENCING NEW TABLE AS new_days FOR EACH STATEMENT EXECUTE FUNCTION attendance_day_facts_summed();--> statement-breakpoint
CREATE TRIGGER attendance_day_facts_removed AFTER DELETE ON attendance_day_facts
  REFERENCING OLD TABLE AS old_days FOR EACH STATEMENT EXECUTE FUNCTION attendance_day_facts_summed();--> statement-breakpoint
-- Marks the closed clinic days [from_day, to_day] of each member of staff as stale: their kept
-- judgement (attendance_day_facts) may no longer follow from what changed. Only closed days are
-- kept, so today and later are never marked; nor is anything older than 31 days before the oldest
-- judged day (or, with nothing judged, before the last 31 closed days): a run of the judging job
-- judges at most 31 days it had not judged, so a day it may be judging at this moment is marked
-- all the same. SECURITY DEFINER: the marks are the triggers', not the app's to write.
CREATE FUNCTION attendance_mark_stale(uids uuid[], from_days date[], to_days date[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  last_closed date := (clock_timestamp() AT TIME ZONE 'Asia/Karachi')::date - 1;
  floor_day date := coalesce((SELECT min(day) FROM attendance_judged_days), last_closed) - 31;
BEGIN
  INSERT INTO attendance_stale_days (user_id, day)
  SELECT DISTINCT r.uid, d::date
    FROM unnest(uids, from_days, to_days) AS r(uid, from_day, to_day)
    CROSS JOIN LATERAL generate_series(greatest(r.from_day, floor_day), least(r.to_day, last_closed), interval '1 day') AS d
   WHERE r.uid IS NOT NULL
  ON CONFLICT DO NOTHING;
END $$;--> statement-breakpoint
CREATE FUNCTION attendance_clinic_day(at timestamptz) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (at AT TIME ZONE 'Asia/Karachi')::date
$$;--> statement-breakpoint
-- Evidence of people at instants: each marks that person's clinic day. Evidence of today (nearly
-- all of it: a status change, a check, an admission as it happens) marks nothing, and returns
-- before any work: a presence event's insert costs about 30 µs more with the trigger.
CREATE FUNCTION attendance_mark_evidence(uids uuid[], ats timestamptz[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  today_starts timestamptz := date_trunc('day', clock_timestamp() AT TIME ZONE 'Asia/Karachi') AT TIME ZONE 'Asia/Karachi';
  days date[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM unnest(ats) AS a WHERE a < today_starts) THEN RETURN; END IF;
  days := ARRAY(SELECT attendance_clinic_day(a) FROM unnest(ats) WITH ORDINALITY AS t(a, n) ORDER BY n);
  PERFORM attendance_mark_stale(uids, days, days);
END $$;--> statement-breakpoint
-- Evidence: a check (a device that was offline sends it late), a presence event, a consultation
-- admitted or hosted. New rows once per statement; a row changed or removed, the old and new day.
-- One function per table, not one taking the instant's column as an argument: that needs dynamic
-- SQL, which cost about 80 µs more on every insert.
CREATE FUNCTION attendance_checks_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM attendance_mark_evidence(array_agg(user_id), array_agg(at)) FROM new_rows; END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM attendance_mark_evidence(array_agg(user_id), array_agg(at)) FROM old_rows; END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_checks_added AFTER INSERT ON attendance_checks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_checks_changed();--> statement-breakpoint
CREATE TRIGGER attendance_checks_updated AFTER UPDATE ON attendance_checks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_checks_changed();--> statement-breakpoint
CREATE TRIGGER attendance_checks_removed AFTER DELETE ON attendance_checks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_checks_changed();--> statement-breakpoint
CREATE FUNCTION attendance_presence_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM attendance_mark_evidence(array_agg(user_id), array_agg(occurred_at)) FROM new_rows; END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM attendance_mark_evidence(array_agg(user_id), array_agg(occurred_at)) FROM old_rows; END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_presence_added AFTER INSERT ON presence_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_presence_changed();--> statement-breakpoint
CREATE TRIGGER attendance_presence_updated AFTER UPDATE ON presence_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_presence_changed();--> statement-breakpoint
CREATE TRIGGER attendance_presence_removed AFTER DELETE ON presence_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_presence_changed();--> statement-breakpoint
-- A consultation is evidence for its clinician at its first admission, and for its host at
-- check-in.
CREATE FUNCTION attendance_consultations_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM attendance_mark_evidence(array_agg(e.uid), array_agg(e.at))
     FROM (SELECT clinician_id, first_admitted_at FROM new_rows UNION ALL SELECT hosted_by, checked_in_at FROM new_rows) AS e(uid, at);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_consultations_added AFTER INSERT ON consultations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_consultations_added();--> statement-breakpoint
CREATE FUNCTION attendance_consultation_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- On a delete NEW is null, and so are its pairs.
  PERFORM attendance_mark_evidence(ARRAY[OLD.clinician_id, NEW.clinician_id, OLD.hosted_by, NEW.hosted_by],
                                   ARRAY[OLD.first_admitted_at, NEW.first_admitted_at, OLD.checked_in_at, NEW.checked_in_at]);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_consultation_changed
  AFTER UPDATE OF clinician_id, first_admitted_at, hosted_by, checked_in_at ON consultations FOR EACH ROW
  WHEN ((OLD.clinician_id, OLD.first_admitted_at, OLD.hosted_by, OLD.checked_in_at) IS DISTINCT FROM (NEW.clinician_id, NEW.first_admitted_at, NEW.hosted_by, NEW.checked_in_at))
  EXECUTE FUNCTION attendance_consultation_changed();--> statement-breakpoint
CREATE TRIGGER attendance_consultation_removed AFTER DELETE ON consultations FOR EACH ROW
  WHEN (OLD.first_admitted_at IS NOT NULL OR OLD.hosted_by IS NOT NULL)
  EXECUTE FUNCTION attendance_consultation_changed();--> statement-breakpoint
-- What a day is held against. A roster (or one of its shifts) holds from its date on; leave over
-- its dates; a posting, an account's facility, role or disabling, and a clinician profile's
-- facility decide where (and whether) someone is counted at all, so they mark all their days.
CREATE FUNCTION attendance_roster_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM attendance_mark_stale(ARRAY[OLD.user_id], ARRAY[OLD.effective_from], ARRAY['infinity'::date]); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM attendance_mark_stale(ARRAY[NEW.user_id], ARRAY[NEW.effective_from], ARRAY['infinity'::date]); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_roster_changed AFTER INSERT OR UPDATE OR DELETE ON staff_rosters
  FOR EACH ROW EXECUTE FUNCTION attendance_roster_changed();--> statement-breakpoint
CREATE FUNCTION attendance_roster_shift_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM attendance_mark_stale(ARRAY(SELECT user_id FROM staff_rosters WHERE id IN (OLD.roster_id, NEW.roster_id)),
    ARRAY(SELECT effective_from FROM staff_rosters WHERE id IN (OLD.roster_id, NEW.roster_id)),
    ARRAY(SELECT 'infinity'::date FROM staff_rosters WHERE id IN (OLD.roster_id, NEW.roster_id)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_roster_shift_changed AFTER INSERT OR UPDATE OR DELETE ON staff_roster_shifts
  FOR EACH ROW EXECUTE FUNCTION attendance_roster_shift_changed();--> statement-breakpoint
CREATE FUNCTION attendance_leave_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM attendance_mark_stale(ARRAY[OLD.user_id], ARRAY[OLD.starts_on], ARRAY[OLD.ends_on]); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM attendance_mark_stale(ARRAY[NEW.user_id], ARRAY[NEW.starts_on], ARRAY[NEW.ends_on]); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_leave_changed AFTER INSERT OR UPDATE OR DELETE ON staff_leave
  FOR EACH ROW EXECUTE FUNCTION attendance_leave_changed();--> statement-breakpoint
CREATE FUNCTION attendance_person_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  people uuid[];
BEGIN
  -- users are keyed by id; postings and clinician profiles name theirs in user_id.
  IF TG_TABLE_NAME = 'users' THEN
    people := ARRAY[NEW.id];
  ELSIF TG_OP = 'INSERT' THEN
    people := ARRAY[NEW.user_id];
  ELSIF TG_OP = 'DELETE' THEN
    people := ARRAY[OLD.user_id];
  ELSE
    people := ARRAY[OLD.user_id, NEW.user_id];
  END IF;
  PERFORM attendance_mark_stale(people, array_fill('-infinity'::date, ARRAY[cardinality(people)]), array_fill('infinity'::date, ARRAY[cardinality(people)]));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_posting_changed AFTER INSERT OR UPDATE OR DELETE ON staff_postings
  FOR EACH ROW EXECUTE FUNCTION attendance_person_changed();--> statement-breakpoint
CREATE TRIGGER attendance_staff_added AFTER INSERT ON users
  FOR EACH ROW WHEN (NEW.role <> 'patient') EXECUTE FUNCTION attendance_person_changed();--> statement-breakpoint
CREATE TRIGGER attendance_account_changed AFTER UPDATE OF role, facility_id, disabled_at ON users FOR EACH ROW
  WHEN ((OLD.role, OLD.facility_id, OLD.disabled_at) IS DISTINCT FROM (NEW.role, NEW.facility_id, NEW.disabled_at))
  EXECUTE FUNCTION attendance_person_changed();--> statement-breakpoint
CREATE TRIGGER attendance_clinician_profile_changed AFTER INSERT OR UPDATE OF facility_id OR DELETE ON clinician_profiles
  FOR EACH ROW EXECUTE FUNCTION attendance_person_changed();--> statement-breakpoint
-- The app judges days (the job) and reads them; only the triggers mark them stale, and kept
-- judgements are replaced, never edited.
REVOKE UPDATE, TRUNCATE ON attendance_day_facts, attendance_judged_days FROM rabta_app;--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON attendance_month_facts, attendance_facility_days FROM rabta_app;--> statement-breakpoint
REVOKE INSERT, UPDATE, TRUNCATE ON attendance_stale_days FROM rabta_app;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION attendance_mark_stale(uuid[], date[], date[]), attendance_mark_evidence(uuid[], timestamptz[]), attendance_day_sums_add(attendance_day_facts[], integer) FROM PUBLIC;
