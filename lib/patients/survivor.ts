import { eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { patients, type Patient } from "@/db/schema";

/** The patient a retired MR ID was merged into (following chains of merges), or the patient itself. */
export async function survivor(tx: Transaction, patient: Patient): Promise<Patient> {
  let current = patient;
  for (let hop = 0; hop < 10 && current.mergedIntoId; hop++) {
    const [next] = await tx.select().from(patients).where(eq(patients.id, current.mergedIntoId));
    if (!next) break;
    current = next;
  }
  return current;
}
