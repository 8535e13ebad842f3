/**
 * The words the whole product shares, defined once: the enum values of the database (the
 * pgEnums of db/schema.ts are built from these lists) and the clinic's time zone. Free of I/O,
 * of the schema and of zod, so client components may import it (ids: lib/ids.ts).
 */
export {
  accessPurposes,
  allergySeverities,
  allergyStatuses,
  attachmentKinds,
  availabilityExceptionKinds,
  careNeeds,
  clinicianStatuses,
  dhis2SendStatuses,
  diagnosisCertainties,
  durationUnits,
  emergencyOutcomes,
  emergencyTransports,
  encounterKinds,
  equipmentKinds,
  labOrderStatuses,
  problemStatuses,
  programmes,
  referralStatuses,
  relations,
  screeningInstruments,
  sexes,
  staffCadres,
  triageLevels,
  userRoles,
} from "@/db/enums";

/** Clinics are in Pakistan: every time a person reads or types is Karachi time (UTC+5, no DST). */
export const CLINIC_TIME_ZONE = "Asia/Karachi";
