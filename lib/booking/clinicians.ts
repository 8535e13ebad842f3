import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { clinicianProfiles, districts, facilities, specialties, users, type sex } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { clinicianRoles, type Actor } from "@/lib/auth/roles";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { listBookableClinicians, type BookableClinician } from "./bookable-clinicians";
import {
  CONSULT_LANGUAGES,
  DEFAULT_SPECIALTY,
  compareByEarliest,
  matchesFindCareFilters,
  type FindCareFilters,
} from "./find-care";
import { listOpenSlots } from "./open-slots";
import type { Slot } from "./slots";
import { isUuid } from "@/lib/ids";
import { formEnum } from "@/lib/form-fields";
import { sexes } from "@/lib/vocabulary";

type Sex = (typeof sex.enumValues)[number];

export type Specialty = { code: string; nameEn: string; nameUr: string };

/** A bookable clinician as patients choose them: what they do, speak, and where they work. */
export type ClinicianCard = BookableClinician & {
  specialty: Specialty;
  sex: Sex | null;
  languages: string[];
  facility: { name: string; kind: "hub" | "spoke" } | null;
};

export type CareOption = ClinicianCard & { earliest: Slot | null };

export const clinicianProfileInput = z.object({
  sex: formEnum(sexes, "sex_required"),
  specialtyCode: z.string({ error: "specialty_unknown" }).trim().min(1, "specialty_unknown").max(40, "specialty_unknown"),
  languages: z
    .array(formEnum(CONSULT_LANGUAGES, "language_unknown"), { error: "languages_required" })
    .min(1, "languages_required")
    .transform((codes) => [...new Set(codes)]),
  facilityId: z.uuid({ error: "facility_unknown" }).nullish(),
  slotMinutes: z.number({ error: "slot_minutes_invalid" }).int("slot_minutes_invalid").min(5, "slot_minutes_invalid").max(240, "slot_minutes_invalid").nullish(),
});
export type ClinicianProfileInput = z.input<typeof clinicianProfileInput>;

/**
 * Creates or replaces a clinician's profile. Only an admin or the clinician themself may; to
 * anyone else, and for anyone who is not a clinician, the clinician is "not found".
 */
export async function setClinicianProfile(actor: Actor, userId: string, input: ClinicianProfileInput) {
  if (actor.role !== "admin" && actor.id !== userId) throw notFound();
  if (!isUuid(userId)) throw notFound();
  const parsed = clinicianProfileInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "form_invalid", fieldErrorsOf(parsed.error));
  const profile = { ...parsed.data, facilityId: parsed.data.facilityId ?? null, slotMinutes: parsed.data.slotMinutes ?? null };

  return db().transaction(async (tx) => {
    const [clinician] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), inArray(users.role, [...clinicianRoles])));
    if (!clinician) throw notFound();
    const [specialty] = await tx.select({ code: specialties.code }).from(specialties).where(eq(specialties.code, profile.specialtyCode));
    if (!specialty) throw new AppError("invalid", "form_invalid", { specialtyCode: "specialty_unknown" });
    if (profile.facilityId) {
      const [facility] = await tx.select({ id: facilities.id }).from(facilities).where(eq(facilities.id, profile.facilityId));
      if (!facility) throw new AppError("invalid", "form_invalid", { facilityId: "facility_unknown" });
    }

    const [saved] = await tx
      .insert(clinicianProfiles)
      .values({ userId, ...profile })
      .onConflictDoUpdate({ target: clinicianProfiles.userId, set: profile })
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "clinician_profile.set",
      entityType: "clinician",
      entityId: userId,
      details: { specialtyCode: profile.specialtyCode, languages: profile.languages, facilityId: profile.facilityId },
    });
    return saved!;
  });
}

/** A clinician's own profile as stored; `slotMinutes` null means "my specialty's default". */
export type ClinicianProfile = {
  sex: Sex;
  specialtyCode: string;
  languages: string[];
  facilityId: string | null;
  slotMinutes: number | null;
};

/** A facility a clinician may work at. */
export type Facility = { id: string; name: string; kind: "hub" | "spoke"; district: string };

// When neither the clinician nor a specialty says otherwise: the length most OPD visits get.
const FALLBACK_SLOT_MINUTES = 15;

/**
 * The clinician whose profile the actor may read: themself, or anyone for an admin. A stranger,
 * or a user who is not a clinician, gets "not found" so that they cannot learn who works here.
 */
async function assertProfileReadable(actor: Actor, userId: string): Promise<void> {
  if (actor.role !== "admin" && actor.id !== userId) throw notFound();
  if (!isUuid(userId)) throw notFound();
  const [clinician] = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, [...clinicianRoles])));
  if (!clinician) throw notFound();
}

/**
 * A clinician's profile for their "My profile" page, or null while they have not filled it in.
 * Only the clinician themself or an admin may read it; anyone else gets "not found".
 */
export async function getClinicianProfile(actor: Actor, userId: string): Promise<ClinicianProfile | null> {
  await assertProfileReadable(actor, userId);
  const [profile] = await db()
    .select({
      sex: clinicianProfiles.sex,
      specialtyCode: clinicianProfiles.specialtyCode,
      languages: clinicianProfiles.languages,
      facilityId: clinicianProfiles.facilityId,
      slotMinutes: clinicianProfiles.slotMinutes,
    })
    .from(clinicianProfiles)
    .where(eq(clinicianProfiles.userId, userId));
  return profile ?? null;
}

/**
 * The slot length a new session of this clinician starts with: their own, else their
 * specialty's default, else 15 minutes (no profile yet). Same permission as the profile itself.
 */
export async function getDefaultSlotMinutes(actor: Actor, userId: string): Promise<number> {
  await assertProfileReadable(actor, userId);
  const [row] = await db()
    .select({ own: clinicianProfiles.slotMinutes, specialty: specialties.defaultSlotMinutes })
    .from(clinicianProfiles)
    .innerJoin(specialties, eq(specialties.code, clinicianProfiles.specialtyCode))
    .where(eq(clinicianProfiles.userId, userId));
  return row?.own ?? row?.specialty ?? FALLBACK_SLOT_MINUTES;
}

/** Every facility, hospitals (hubs) before the health units they support, then by name. */
export async function listFacilities(): Promise<Facility[]> {
  return db()
    .select({ id: facilities.id, name: facilities.name, kind: facilities.kind, district: districts.nameEn })
    .from(facilities)
    .innerJoin(districts, eq(districts.id, facilities.districtId))
    .orderBy(sql`${facilities.kind} <> 'hub'`, asc(facilities.name));
}

/** Every specialty, general practice first (what most patients need), then by English name. */
export async function listSpecialties(): Promise<Specialty[]> {
  return db()
    .select({ code: specialties.code, nameEn: specialties.nameEn, nameUr: specialties.nameUr })
    .from(specialties)
    .orderBy(sql`${specialties.code} <> ${DEFAULT_SPECIALTY}`, asc(specialties.nameEn));
}

/** Adds profile, specialty and facility to bookable clinicians; no profile means general practice, sex unknown. */
async function describeClinicians(bookable: BookableClinician[]): Promise<ClinicianCard[]> {
  if (bookable.length === 0) return [];
  const [profiles, allSpecialties] = await Promise.all([
    db()
      .select({
        userId: clinicianProfiles.userId,
        sex: clinicianProfiles.sex,
        specialtyCode: clinicianProfiles.specialtyCode,
        languages: clinicianProfiles.languages,
        facilityName: facilities.name,
        facilityKind: facilities.kind,
      })
      .from(clinicianProfiles)
      .leftJoin(facilities, eq(facilities.id, clinicianProfiles.facilityId))
      .where(inArray(clinicianProfiles.userId, bookable.map((c) => c.id))),
    listSpecialties(),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const specialtyOf = new Map(allSpecialties.map((s) => [s.code, s]));
  const general = specialtyOf.get(DEFAULT_SPECIALTY) ?? { code: DEFAULT_SPECIALTY, nameEn: "General practice", nameUr: "جنرل پریکٹس" };

  return bookable.map((clinician) => {
    const profile = profileOf.get(clinician.id);
    return {
      ...clinician,
      specialty: (profile && specialtyOf.get(profile.specialtyCode)) || general,
      sex: profile?.sex ?? null,
      languages: profile?.languages ?? [],
      facility: profile?.facilityName && profile.facilityKind ? { name: profile.facilityName, kind: profile.facilityKind } : null,
    };
  });
}

/** One bookable clinician with their specialty and facility, or null if they cannot be booked. */
export async function getBookableClinician(clinicianId: string): Promise<ClinicianCard | null> {
  const clinician = (await listBookableClinicians()).find((c) => c.id === clinicianId);
  if (!clinician) return null;
  const [card] = await describeClinicians([clinician]);
  return card ?? null;
}

const DAY_MS = 24 * 60 * 60_000;
export const FIND_CARE_HORIZON_DAYS = 14;
// A one-tap "book earliest" must not offer a slot that will have started before the tap lands
// on a slow connection; bookAppointment refuses slots in the past.
const EARLIEST_LEAD_MS = 2 * 60_000;

/**
 * A clinician's first open slot in the horizon. Most clinicians have something within a day,
 * so the short look comes first and the rest of the horizon is read only when it finds nothing.
 */
async function earliestOpenSlot(clinicianId: string, from: Date): Promise<Slot | null> {
  const [soon] = await listOpenSlots(clinicianId, from, 1);
  if (soon) return soon;
  const [later] = await listOpenSlots(clinicianId, new Date(from.getTime() + DAY_MS), FIND_CARE_HORIZON_DAYS - 1);
  return later ?? null;
}

/**
 * "Find care": active doctors and specialists with availability who match the filters, each
 * with their earliest open slot in the next 14 days, the soonest first. Clinicians with nothing
 * free in that time come last, with `earliest: null`.
 */
export async function findCare(filters: FindCareFilters = {}, from = new Date(Date.now() + EARLIEST_LEAD_MS)): Promise<CareOption[]> {
  const cards = (await describeClinicians(await listBookableClinicians())).filter((c) =>
    matchesFindCareFilters({ specialtyCode: c.specialty.code, sex: c.sex, languages: c.languages }, filters),
  );
  const options = await Promise.all(cards.map(async (card) => ({ ...card, earliest: await earliestOpenSlot(card.id, from) })));
  return options.sort(compareByEarliest);
}
