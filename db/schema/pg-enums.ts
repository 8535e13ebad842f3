// The database's enum types, built from the value lists in db/enums.ts.
import { pgEnum } from "drizzle-orm/pg-core";
import {
  accessPurposes,
  allergySeverities,
  allergyStatuses,
  attachmentKinds,
  availabilityExceptionKinds,
  callModeReasons,
  callModes,
  callRoles,
  careNeeds,
  clinicianStatuses,
  diagnosisCertainties,
  durationUnits,
  encounterKinds,
  invitationStatuses,
  labOrderStatuses,
  problemStatuses,
  programmes,
  referralStatuses,
  relations,
  screeningInstruments,
  sexes,
  triageLevels,
  userRoles,
} from "../enums";

export const userRole = pgEnum("user_role", userRoles);
export const sex = pgEnum("sex", sexes);
export const appointmentStatus = pgEnum("appointment_status", [
  "booked",
  "checked_in",
  "in_consultation",
  "completed",
  "cancelled",
  "no_show",
]);
export const consultationStatus = pgEnum("consultation_status", ["waiting", "in_call", "completed", "cancelled"]);
export const consultationEventKind = pgEnum("consultation_event_kind", [
  "room_started",
  "participant_joined",
  "participant_left",
  "room_finished",
]);
export const smsStatus = pgEnum("sms_status", ["queued", "sent", "failed"]);
export const locale = pgEnum("locale", ["ur", "en"]);
export const facilityKind = pgEnum("facility_kind", ["hub", "spoke"]);
export const availabilityExceptionKind = pgEnum("availability_exception_kind", availabilityExceptionKinds);
export const careNeed = pgEnum("care_need", careNeeds);
export const onCallRequestStatus = pgEnum("on_call_request_status", ["waiting", "picked_up", "cancelled"]);
export const triageLevel = pgEnum("triage_level", triageLevels);
// Why a consultation left the queue without a call.
export const queueExitReason = pgEnum("queue_exit_reason", ["no_answer", "not_returned", "withdrawn"]);
export const clinicianStatus = pgEnum("clinician_status", clinicianStatuses);
export const presenceEventKind = pgEnum("presence_event_kind", [
  "clinician_online",
  "clinician_busy",
  "clinician_away",
  "patient_connected",
  "patient_disconnected",
]);
export const relation = pgEnum("relation", relations);
export const sessionEndReason = pgEnum("session_end_reason", ["signed_out", "idle"]);
// Failed staff sign-ins are counted per account (by the email typed, known or not) and per client.
export const signInThrottleScope = pgEnum("sign_in_throttle_scope", ["account", "client"]);

export type Role = (typeof userRole.enumValues)[number];
export type TriageLevel = (typeof triageLevel.enumValues)[number];
export type ClinicianStatus = (typeof clinicianStatus.enumValues)[number];
export type ConsultationStatus = (typeof consultationStatus.enumValues)[number];
export type SignInThrottleScope = (typeof signInThrottleScope.enumValues)[number];

export const encounterKind = pgEnum("encounter_kind", encounterKinds);
export const allergySeverity = pgEnum("allergy_severity", allergySeverities);
export const allergyStatus = pgEnum("allergy_status", allergyStatuses);
export const problemStatus = pgEnum("problem_status", problemStatuses);
export const diagnosisCertainty = pgEnum("diagnosis_certainty", diagnosisCertainties);
export const durationUnit = pgEnum("duration_unit", durationUnits);
export const labOrderStatus = pgEnum("lab_order_status", labOrderStatuses);
export const referralStatus = pgEnum("referral_status", referralStatuses);
export const programme = pgEnum("programme", programmes);
export const screeningInstrument = pgEnum("screening_instrument", screeningInstruments);
export const attachmentKind = pgEnum("attachment_kind", attachmentKinds);
export const accessPurpose = pgEnum("access_purpose", accessPurposes);
export const callRole = pgEnum("call_role", callRoles);
export const invitationStatus = pgEnum("invitation_status", invitationStatuses);
export const callMode = pgEnum("call_mode", callModes);
export const callModeReason = pgEnum("call_mode_reason", callModeReasons);
