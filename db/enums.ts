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
