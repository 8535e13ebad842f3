import { and, desc, eq, gte, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { districts, emergencyReferrals, facilities, patients, users } from "@/db/schema";
import { hostRoles, type Actor } from "@/lib/auth/roles";
import { districtScopeOf, withinScope, type DistrictScope } from "@/lib/district/scope";
import { notFound } from "@/lib/errors";

const destination = alias(facilities, "destination");
const RECENTLY_CLOSED_MS = 7 * 24 * 60 * 60_000;

function referralColumns() {
  return {
    id: emergencyReferrals.id,
    raisedAt: emergencyReferrals.raisedAt,
    // Counted on the database's clock, the one raisedAt was written by.
    minutesOpen: sql<number>`floor(extract(epoch from now() - ${emergencyReferrals.raisedAt}) / 60)::int`,
    facilityId: emergencyReferrals.facilityId,
    facilityName: facilities.name,
    districtName: districts.nameEn,
    mrId: patients.mrId,
    sex: patients.sex,
    dateOfBirth: patients.dateOfBirth,
    destinationFacilityId: emergencyReferrals.destinationFacilityId,
    destination: sql<string | null>`coalesce(${destination.name}, ${emergencyReferrals.destinationName})`,
    destinationName: emergencyReferrals.destinationName,
    transport: emergencyReferrals.transport,
    transportCalledAt: emergencyReferrals.transportCalledAt,
    leftAt: emergencyReferrals.leftAt,
    outcome: emergencyReferrals.outcome,
    outcomeAt: emergencyReferrals.outcomeAt,
    outcomeNote: emergencyReferrals.outcomeNote,
  };
}

export type EmergencyRow = Awaited<ReturnType<typeof listOpenEmergencies>>[number];

/** A district scope's condition on the referral's facility; a referral without one is the province's. */
function scopeCondition(scope: DistrictScope) {
  return scope.kind === "province" ? undefined : withinScope(scope, facilities.districtId);
}

/**
 * The district's open emergency referrals (no outcome yet), oldest first: the ones waiting
 * longest for transport are the ones to chase. Patients appear by MR ID, not by name.
 */
export async function listOpenEmergencies(actor: Actor) {
  const scope = await districtScopeOf(actor);
  return db()
    .select(referralColumns())
    .from(emergencyReferrals)
    .innerJoin(patients, eq(patients.id, emergencyReferrals.patientId))
    .leftJoin(facilities, eq(facilities.id, emergencyReferrals.facilityId))
    .leftJoin(districts, eq(districts.id, facilities.districtId))
    .leftJoin(destination, eq(destination.id, emergencyReferrals.destinationFacilityId))
    .where(and(isNull(emergencyReferrals.outcome), scopeCondition(scope)))
    .orderBy(emergencyReferrals.raisedAt);
}

/** The emergencies of the staff member's own facility: open ones, and those closed this week. */
export async function listFacilityEmergencies(actor: Actor, now = new Date()) {
  if (!hostRoles.includes(actor.role)) throw notFound();
  const [staff] = await db().select({ facilityId: users.facilityId }).from(users).where(eq(users.id, actor.id));
  if (!staff?.facilityId) return [];
  return db()
    .select({ ...referralColumns(), patientName: patients.fullName })
    .from(emergencyReferrals)
    .innerJoin(patients, eq(patients.id, emergencyReferrals.patientId))
    .leftJoin(facilities, eq(facilities.id, emergencyReferrals.facilityId))
    .leftJoin(districts, eq(districts.id, facilities.districtId))
    .leftJoin(destination, eq(destination.id, emergencyReferrals.destinationFacilityId))
    .where(
      and(
        eq(emergencyReferrals.facilityId, staff.facilityId),
        or(isNull(emergencyReferrals.outcome), gte(emergencyReferrals.outcomeAt, new Date(now.getTime() - RECENTLY_CLOSED_MS))),
      ),
    )
    .orderBy(sql`${emergencyReferrals.outcome} is not null`, desc(emergencyReferrals.raisedAt));
}

/** Hospitals a patient can be sent to: the registry's hubs, nearest district first would need a map; by name. */
export async function listReceivingHospitals() {
  return db().select({ id: facilities.id, name: facilities.name }).from(facilities).where(eq(facilities.kind, "hub")).orderBy(facilities.name);
}
