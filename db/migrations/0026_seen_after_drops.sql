ALTER TABLE "consultations" ADD COLUMN "first_admitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "call_drops" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- A consultation is seen from its first admission, and stays seen: a call that dropped (which
-- clears admitted_at, so the patient waits again) or a transfer no longer takes it out of the
-- reports, and its wait runs to that first admission. A dropped call is one that broke off for
-- good at least once (call_drops; call_dropped_at is cleared when they are admitted again).
-- Before this, a dropped call was never counted: a seen consultation could not have both.
-- Filled from what the audit log kept of each admission and drop, and from the rows themselves.
LOCK TABLE consultations IN SHARE ROW EXCLUSIVE MODE;--> statement-breakpoint
-- The backfill is one set-based refresh below, not 2 M row triggers.
ALTER TABLE consultations DISABLE TRIGGER consultation_report_changed;--> statement-breakpoint
UPDATE consultations SET first_admitted_at = admitted_at, call_drops = (call_dropped_at IS NOT NULL)::int
 WHERE admitted_at IS NOT NULL OR call_dropped_at IS NOT NULL;--> statement-breakpoint
UPDATE consultations c
   SET first_admitted_at = least(c.first_admitted_at, a.first_admitted_at), call_drops = greatest(c.call_drops, a.drops)
  FROM (SELECT entity_id::uuid AS id,
               min(occurred_at) FILTER (WHERE action IN ('consultation.admit', 'on_call.pick_up')) AS first_admitted_at,
               count(*) FILTER (WHERE action = 'consultation.call_dropped') AS drops
          FROM audit_events
         WHERE entity_type = 'consultation' AND action IN ('consultation.admit', 'on_call.pick_up', 'consultation.call_dropped')
         GROUP BY 1) a
 WHERE c.id = a.id;--> statement-breakpoint
CREATE OR REPLACE VIEW consultation_report_source AS
SELECT c.id AS consultation_id, c.patient_id, e.facility_id, f.district_id, c.clinician_id, c.checked_in_at, p.sex,
       extract(year FROM age((c.checked_in_at AT TIME ZONE 'Asia/Karachi')::date, p.date_of_birth))::smallint AS years,
       CASE WHEN c.appointment_id IS NOT NULL THEN 'booked'
            WHEN EXISTS (SELECT 1 FROM on_call_requests o WHERE o.consultation_id = c.id) THEN 'see_now'
            WHEN c.hosted_by IS NOT NULL THEN 'walk_in'
            ELSE 'other' END AS route,
       greatest(0, extract(epoch FROM c.first_admitted_at - greatest(c.checked_in_at, coalesce(c.scheduled_at, c.checked_in_at))) / 60)::double precision AS wait,
       c.call_drops > 0 AS dropped,
       EXISTS (SELECT 1 FROM call_mode_changes m WHERE m.consultation_id = c.id AND m.mode = 'audio_only' AND m.reason = 'poor_connection') AS audio_only
  FROM consultations c
  JOIN encounters e ON e.id = c.encounter_id
  JOIN facilities f ON f.id = e.facility_id
  JOIN patients p ON p.id = c.patient_id
 WHERE c.first_admitted_at IS NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION consultation_report_consultations_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM consultation_report_refresh(ARRAY(SELECT id FROM new_consultations WHERE first_admitted_at IS NOT NULL));
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER consultation_report_changed ON consultations;--> statement-breakpoint
CREATE TRIGGER consultation_report_changed
  AFTER UPDATE OF encounter_id, patient_id, clinician_id, appointment_id, hosted_by, scheduled_at, checked_in_at, first_admitted_at, call_drops ON consultations
  FOR EACH ROW WHEN (OLD.first_admitted_at IS NOT NULL OR NEW.first_admitted_at IS NOT NULL) EXECUTE FUNCTION consultation_report_consultation_changed();--> statement-breakpoint
-- Every consultation that is seen now, through the same path as every later change.
SELECT consultation_report_refresh(ARRAY(SELECT id FROM consultations WHERE first_admitted_at IS NOT NULL));
