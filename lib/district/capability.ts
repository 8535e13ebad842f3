import { and, eq, isNull } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { equipmentOutages, facilities, facilityEquipment, users, type equipmentKind } from "@/db/schema";
import { staffRoles, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { equipmentKinds } from "@/lib/vocabulary";

export type EquipmentKind = (typeof equipmentKind.enumValues)[number];

export type EquipmentState = {
  kind: EquipmentKind;
  /** Whether the facility has it; null when nobody has said. */
  present: boolean | null;
  /** The open outage, when it is out of order now. */
  outage: { id: string; startedAt: Date; reason: string } | null;
  /** Has it and it works: true; lacks it or it is out of order: false; not recorded: null. */
  worksNow: boolean | null;
};

/** Every item of the list, in its order, as the facility has it now. */
export async function capabilityOf(reader: Pick<Transaction, "select">, facilityId: string): Promise<EquipmentState[]> {
  const [items, outages] = await Promise.all([
    reader.select({ kind: facilityEquipment.kind, present: facilityEquipment.present }).from(facilityEquipment).where(eq(facilityEquipment.facilityId, facilityId)),
    reader
      .select({ id: equipmentOutages.id, kind: equipmentOutages.kind, startedAt: equipmentOutages.startedAt, reason: equipmentOutages.reason })
      .from(equipmentOutages)
      .where(and(eq(equipmentOutages.facilityId, facilityId), isNull(equipmentOutages.endedAt))),
  ]);
  const present = new Map(items.map((i) => [i.kind, i.present]));
  const open = new Map(outages.map((o) => [o.kind, { id: o.id, startedAt: o.startedAt, reason: o.reason }]));
  return equipmentKinds.map((kind) => {
    const has = present.get(kind) ?? null;
    const outage = open.get(kind) ?? null;
    return { kind, present: has, outage, worksNow: has === null ? null : has && !outage };
  });
}

/**
 * What a facility can do now, for anyone who works for a clinic: the host planning a visit, the
 * doctor seeing a patient hosted there, the district office. Not a patient's business.
 */
export async function readFacilityCapability(actor: Actor, facilityId: string) {
  if (!staffRoles.includes(actor.role) || !isUuid(facilityId)) throw notFound();
  const [facility] = await db().select({ id: facilities.id, name: facilities.name }).from(facilities).where(eq(facilities.id, facilityId));
  if (!facility) throw notFound();
  return { facility, items: await capabilityOf(db(), facilityId) };
}

/** Which items do not work now (absent or out of order), for a form that would need them. */
export function unavailableNow(items: EquipmentState[]): Set<EquipmentKind> {
  return new Set(items.filter((i) => i.worksNow === false).map((i) => i.kind));
}

/** The measurements taken at intake with each item: without a working one, the field is left out. */
export const MEASURED_WITH = {
  systolic: "bp_apparatus",
  diastolic: "bp_apparatus",
  glucoseMgDl: "glucometer",
  spo2: "pulse_oximeter",
  weightKg: "weighing_scale",
  temperatureC: "thermometer",
} as const satisfies Record<string, EquipmentKind>;

/** What the staff member's own facility cannot do now, for the visit they are planning. */
export async function unavailableAtOwnFacility(actor: Actor): Promise<{ facilityId: string | null; items: EquipmentKind[] }> {
  if (!staffRoles.includes(actor.role)) throw notFound();
  const [staff] = await db().select({ facilityId: users.facilityId }).from(users).where(eq(users.id, actor.id));
  if (!staff?.facilityId) return { facilityId: null, items: [] };
  return { facilityId: staff.facilityId, items: [...unavailableNow(await capabilityOf(db(), staff.facilityId))] };
}
