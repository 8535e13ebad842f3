import type { Role } from "@/db/schema";

/** Whoever is acting: every lib use case takes one and checks it itself. */
export type Actor = { id: string; role: Role; name: string };

export const clinicianRoles: readonly Role[] = ["doctor", "specialist"];
/** Everyone who works for a clinic: they look patients up and book on a patient's behalf. */
export const staffRoles: readonly Role[] = ["rhu_staff", "doctor", "specialist", "admin"];
/** Facility staff who register walk-ins and host their calls. */
export const hostRoles: readonly Role[] = ["rhu_staff", "admin"];
/**
 * Staff who may cancel or move any booking, not only one with themselves: the facility desk
 * and admins. A clinician changes only the bookings made with them, so clinicians are
 * deliberately not in this set although they are staff.
 */
export const bookingDeskRoles: readonly Role[] = hostRoles;
