// The values of the database enums that pages and rules list, in a module of their own so that
// anything (a client component included) can import them without loading the schema. db/schema.ts
// builds its pgEnums from these; nothing else spells them out.
export const userRoles = ["patient", "rhu_staff", "doctor", "specialist", "admin"] as const;
export const sexes = ["female", "male", "other"] as const;
export const availabilityExceptionKinds = ["leave", "extra"] as const;
export const careNeeds = ["general", "womens_health", "child"] as const;
// Triage at the facility: an emergency is told to go to hospital now and still goes first.
export const triageLevels = ["emergency", "urgent", "routine"] as const;
// A clinician's own status; patients are routed only to clinicians who are online.
export const clinicianStatuses = ["online", "busy", "away"] as const;
export const relations = ["self", "child", "parent", "spouse", "sibling", "other"] as const;
// The record (lib/records): the kinds of what a patient's lifelong record holds.
export const encounterKinds = ["video_consult", "hosted_consult", "rhu_visit"] as const;
export const allergySeverities = ["mild", "moderate", "severe"] as const;
export const allergyStatuses = ["active", "inactive", "entered_in_error"] as const;
export const problemStatuses = ["active", "resolved", "entered_in_error"] as const;
export const diagnosisCertainties = ["provisional", "confirmed"] as const;
export const durationUnits = ["days", "weeks", "months"] as const;
export const labOrderStatuses = ["ordered", "resulted", "cancelled"] as const;
export const referralStatuses = ["open", "booked", "completed", "cancelled"] as const;
export const programmes = ["antenatal", "hypertension", "diabetes", "mental_health"] as const;
export const screeningInstruments = ["phq9", "gad7", "preventive"] as const;
export const attachmentKinds = ["lab_report", "photo"] as const;
// Why someone opened a record, as the patient is told it ("during your consultation").
export const accessPurposes = ["own_record", "household", "care", "break_glass", "pharmacy_check", "admin"] as const;
// The call (lib/consult): who is in a consultation's room, and how their media is running.
export const callRoles = ["patient", "host", "clinician", "specialist"] as const;
export const invitationStatuses = ["pending", "accepted", "declined", "cancelled", "removed"] as const;
// The degrade ladder, best first: full video, the lowest simulcast layer, sound only.
export const callModes = ["video", "low_video", "audio_only"] as const;
// Why a participant's call changed mode: the connection stayed poor, it recovered, they asked.
export const callModeReasons = ["poor_connection", "recovered", "data_saver", "asked"] as const;
// Emergency referrals (lib/emergency): how the patient went to hospital, and what became of them.
// 1122 is Punjab's emergency service (Rescue 1122); other provinces run their own numbers.
export const emergencyTransports = ["rescue_1122", "facility_ambulance", "private_vehicle", "public_transport", "other"] as const;
export const emergencyOutcomes = ["arrived", "admitted", "treated_discharged", "referred_on", "died_before_arrival", "refused_transfer", "lost_to_follow_up"] as const;
// What a facility can measure or do (lib/district/capability): each item is there or not, and
// may be out of order for a while (an outage, with dates).
export const equipmentKinds = [
  "bp_apparatus",
  "glucometer",
  "pulse_oximeter",
  "weighing_scale",
  "thermometer",
  "ecg",
  "rapid_tests",
  "ultrasound",
  "oxygen",
  "internet",
  "power",
] as const;
// The staff registry (HRMIS-lite, lib/staff): each member's cadre, which decides the council
// that registers them (PMDC for doctors, PNMC for nurses, midwives and LHVs).
export const staffCadres = ["doctor", "specialist", "lhv", "nurse", "midwife", "technician", "dispenser", "other"] as const;

// The stock ledger (lib/stock): every change to a facility's stock of a medicine is one of
// these, and stock on hand is their sum.
export const stockMovementKinds = ["receipt", "dispense", "adjustment", "transfer_out", "transfer_in"] as const;
// Why a count was changed by hand: an adjustment always says which.
export const stockAdjustmentReasons = ["count_correction", "expired", "damaged", "lost", "returned_by_patient"] as const;
// A stock alert raised to the district: nothing left, or fewer days left than LOW_STOCK_DAYS.
export const stockAlertLevels = ["low", "out"] as const;

// Public complaints, the "1129" line (lib/complaints): what a complaint is about, where it
// stands, and what happened to it.
export const complaintCategories = [
  "staff_absent",
  "staff_behaviour",
  "medicine_unavailable",
  "illegal_charges",
  "waiting_time",
  "call_quality",
  "cleanliness",
  "other",
] as const;
export const complaintStatuses = ["received", "assigned", "in_progress", "resolved"] as const;
export const complaintEventKinds = ["filed", "assigned", "in_progress", "escalated", "resolved"] as const;
// The DHIS2 export (lib/dhis2-export): what became of one send. queued until the job has an
// answer; imported (every value in), partial (DHIS2 ignored some: conflicts), rejected (DHIS2
// refused it, sending again unchanged would not help), failed (out of retries, or no DHIS2).
export const dhis2SendStatuses = ["queued", "imported", "partial", "failed", "rejected"] as const;

// Leave on the duty roster (lib/staff): a day of leave is not an absence.
export const leaveKinds = ["casual", "sick", "earned", "maternity", "official_duty"] as const;
