import { and, asc, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { patients } from "@/db/schema";
import { nameKey } from "./household";
import { normalizeCnic, normalizePkMobile } from "@/lib/identifiers/identifiers";

// Titles clinic staff often type in front of a name; they say nothing about who the person is.
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr"]);

/**
 * Name as compared: Unicode NFKC, lower case, punctuation dropped, whitespace collapsed, and the
 * honorifics mr/mrs/ms/miss/dr dropped. Builds on `nameKey`, so Urdu typed on an Arabic keyboard
 * still matches.
 */
export function comparableName(name: string): string {
  return nameKey(name)
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .split(/\s+/)
    .filter((word) => word !== "" && !HONORIFICS.has(word))
    .join(" ");
}

export type PersonKey = { fullName: string; dateOfBirth: string; phone: string | null; cnic: string | null };

// Phones and CNICs are compared in their stored forms; what does not normalise is no evidence.
const phoneOf = (person: PersonKey) => (person.phone ? normalizePkMobile(person.phone) : null);
const cnicOf = (person: PersonKey) => (person.cnic ? normalizeCnic(person.cnic) : null);

// A malformed date could match no one, and PostgreSQL would reject it rather than say so.
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Same comparable name and date of birth, and the same phone or the same CNIC. Name and birthday
 * alone are shared too often (and twins share a phone), so a contact detail must agree as well.
 */
export function isLikelyDuplicate(a: PersonKey, b: PersonKey): boolean {
  const name = comparableName(a.fullName);
  if (name === "" || a.dateOfBirth !== b.dateOfBirth || name !== comparableName(b.fullName)) return false;
  const phone = phoneOf(a);
  const cnic = cnicOf(a);
  return (phone !== null && phone === phoneOf(b)) || (cnic !== null && cnic === cnicOf(b));
}

/**
 * Existing patients that are likely the same person (reads the patients table), so staff can
 * offer the MR ID already issued instead of issuing a second one. Oldest registration first.
 */
export async function findLikelyDuplicates(
  tx: DbOrTx,
  person: PersonKey,
): Promise<Array<{ id: string; mrId: string; fullName: string; dateOfBirth: string; phone: string | null }>> {
  const phone = phoneOf(person);
  const cnic = cnicOf(person);
  if ((phone === null && cnic === null) || !isCalendarDate(person.dateOfBirth)) return [];
  const sameContact = or(
    phone !== null ? eq(patients.phone, phone) : undefined,
    cnic !== null ? eq(patients.cnic, cnic) : undefined,
  );
  const candidates = await tx
    .select({
      id: patients.id,
      mrId: patients.mrId,
      fullName: patients.fullName,
      dateOfBirth: patients.dateOfBirth,
      phone: patients.phone,
      cnic: patients.cnic,
    })
    .from(patients)
    .where(and(eq(patients.dateOfBirth, person.dateOfBirth), sameContact))
    .orderBy(asc(patients.createdAt), asc(patients.id));
  return candidates
    .filter((candidate) => isLikelyDuplicate(person, candidate))
    .map(({ cnic: _cnic, ...candidate }) => candidate);
}
