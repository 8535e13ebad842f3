import { and, asc, desc, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { districts, encounters, facilities, patients } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";

/** How far back a patient may pick one of their visits to complain about. */
const VISIT_DAYS = 180;

/**
 * What the public complaint form offers: every facility (name and district — the registry is
 * public), and for a signed-in patient their own visits of the last six months.
 */
export async function complaintChoices(actor: Actor | null, now = new Date()) {
  const [facilityRows, visits] = await Promise.all([
    db()
      .select({ id: facilities.id, name: facilities.name, districtEn: districts.nameEn, districtUr: districts.nameUr })
      .from(facilities)
      .innerJoin(districts, eq(districts.id, facilities.districtId))
      .orderBy(asc(districts.nameEn), asc(facilities.name)),
    actor?.role === "patient"
      ? db()
          .select({ id: encounters.id, startedAt: encounters.startedAt, patientName: patients.fullName, facilityId: encounters.facilityId })
          .from(encounters)
          .innerJoin(patients, eq(patients.id, encounters.patientId))
          .where(and(eq(patients.accountId, actor.id), gt(encounters.startedAt, new Date(now.getTime() - VISIT_DAYS * 86_400_000))))
          .orderBy(desc(encounters.startedAt))
          .limit(20)
      : Promise.resolve([]),
  ]);
  return { facilities: facilityRows, visits };
}
