import { and, desc, eq, gte } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { attendanceChecks, facilities, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { staffRoles, type Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { formEnum } from "@/lib/form-fields";
import { MAX_ACCURACY_M, distanceMetres, withinGeofence } from "./geofence";

const checkInput = z.object({
  kind: formEnum(["check_in", "check_out"] as const, "check_kind_invalid"),
  latitude: z.coerce.number({ error: "location_missing" }).min(-90, "location_missing").max(90, "location_missing"),
  longitude: z.coerce.number({ error: "location_missing" }).min(-180, "location_missing").max(180, "location_missing"),
  accuracy: z.coerce.number({ error: "location_missing" }).min(0, "location_missing").max(MAX_ACCURACY_M, "location_too_imprecise"),
});

/**
 * A member of facility staff checks in or out on the facility's device. The device's position is
 * held against the coordinates of the facility they work at; the distance is kept with the
 * record, and whether it was inside the geofence. Every check is kept (the evidence of a day).
 */
export async function recordAttendanceCheck(actor: Actor, input: Record<string, unknown>, now = new Date()) {
  if (!staffRoles.includes(actor.role) || actor.role === "admin") throw notFound();
  const parsed = checkInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const { kind, latitude, longitude, accuracy } = parsed.data;
  return db().transaction(async (tx) => {
    const [place] = await tx
      .select({ facilityId: facilities.id, latitude: facilities.latitude, longitude: facilities.longitude })
      .from(users)
      .innerJoin(facilities, eq(facilities.id, users.facilityId))
      .where(eq(users.id, actor.id))
      .for("update", { of: users });
    if (!place) throw new AppError("conflict", "not_posted");
    if (place.latitude === null || place.longitude === null) throw new AppError("conflict", "facility_has_no_location");
    const distanceM = Math.round(distanceMetres({ latitude, longitude }, { latitude: place.latitude, longitude: place.longitude }));
    const [check] = await tx
      .insert(attendanceChecks)
      .values({ userId: actor.id, facilityId: place.facilityId, kind, at: now, latitude, longitude, accuracyM: Math.round(accuracy), distanceM, withinGeofence: withinGeofence(distanceM, accuracy) })
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: `attendance.${kind}`,
      entityType: "attendance_check",
      entityId: check!.id,
      details: { facilityId: place.facilityId, distanceM, withinGeofence: check!.withinGeofence },
    });
    return check!;
  });
}

/** The staff member's own checks since `since` (the clinic day's start), newest first. */
export async function listOwnChecks(actor: Actor, since: Date) {
  if (!staffRoles.includes(actor.role)) throw notFound();
  return db()
    .select()
    .from(attendanceChecks)
    .where(and(eq(attendanceChecks.userId, actor.id), gte(attendanceChecks.at, since)))
    .orderBy(desc(attendanceChecks.at));
}
