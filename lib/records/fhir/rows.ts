import type {
  allergies,
  attachments,
  consultations,
  diagnoses,
  encounters,
  facilities,
  labOrders,
  labResults,
  noteAddenda,
  patients,
  prescriptionItems,
  prescriptions,
  problems,
  referrals,
  screenings,
  soapNotes,
  specialties,
  users,
  vitals,
} from "@/db/schema";

// The rows the mappers read, as drizzle infers them from the schema: a column added there
// reaches the mappers' types without anything written here.
export type PatientRow = typeof patients.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type FacilityRow = typeof facilities.$inferSelect;
export type SpecialtyRow = typeof specialties.$inferSelect;
export type EncounterRow = typeof encounters.$inferSelect;
export type ConsultationRow = typeof consultations.$inferSelect;
export type VitalsRow = typeof vitals.$inferSelect;
export type SoapNoteRow = typeof soapNotes.$inferSelect;
export type NoteAddendumRow = typeof noteAddenda.$inferSelect;
export type DiagnosisRow = typeof diagnoses.$inferSelect;
export type ProblemRow = typeof problems.$inferSelect;
export type AllergyRow = typeof allergies.$inferSelect;
export type PrescriptionRow = typeof prescriptions.$inferSelect;
export type PrescriptionItemRow = typeof prescriptionItems.$inferSelect;
export type LabOrderRow = typeof labOrders.$inferSelect;
export type LabResultRow = typeof labResults.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type ScreeningRow = typeof screenings.$inferSelect;
/** An attachment without its bytes: the export points at them, it never carries them. */
export type AttachmentMeta = Omit<typeof attachments.$inferSelect, "content">;
