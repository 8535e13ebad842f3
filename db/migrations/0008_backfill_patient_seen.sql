-- Consultations already waiting before the live queue existed have never been seen by it; count
-- them as seen now, so that the absent-patient sweep gives them the full grace period.
UPDATE "consultations" SET "patient_seen_at" = now() WHERE "status" IN ('waiting', 'in_call') AND "patient_seen_at" IS NULL;
