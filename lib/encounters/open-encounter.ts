import { sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { clinicianProfiles, encounters, users, type Encounter } from "@/db/schema";

type OpenEncounter = {
  patientId: string;
  kind: Encounter["kind"];
  /** Whose facility the visit is at: the host's for a hosted call, the clinician's otherwise. */
  facilityOf: string | null;
  createdBy: string;
  startedAt?: Date;
};

/**
 * Opens the encounter a consultation belongs to, inside the caller's transaction. The facility
 * is the host's (a member of staff's own facility) or the clinician's (their profile's).
 */
export async function openEncounter(tx: Transaction, encounter: OpenEncounter): Promise<string> {
  const facility = encounter.facilityOf
    ? sql`coalesce(
        (select ${clinicianProfiles.facilityId} from ${clinicianProfiles} where ${clinicianProfiles.userId} = ${encounter.facilityOf}),
        (select ${users.facilityId} from ${users} where ${users.id} = ${encounter.facilityOf}))`
    : null;
  const [row] = await tx
    .insert(encounters)
    .values({
      patientId: encounter.patientId,
      kind: encounter.kind,
      facilityId: facility,
      createdBy: encounter.createdBy,
      startedAt: encounter.startedAt ?? new Date(),
    })
    .returning({ id: encounters.id });
  return row!.id;
}
