import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { appRoleProblems } from "@/db/app-role";
import { auditEvents, noteAddenda, noteRevisions, soapNotes } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { resolveRecordAccess } from "@/lib/records/access";
import { addNoteAddendum } from "@/lib/records/add-addendum";
import { saveSoapNote } from "@/lib/records/save-soap-note";
import { signSoapNote } from "@/lib/records/sign-note";
import { consultationInCall, createDoctor } from "./fixtures";

const note = { subjective: "Cough for 3 days", objective: "Chest clear", assessment: "Common cold", plan: "Paracetamol, fluids" };

// The tables' owner, when the run provides it (scripts/test.ts and db:dev do): what even the
// owner cannot do is refused by a trigger, not only by privileges.
const ownerUrl = process.env.DATABASE_OWNER_URL;
const owner = ownerUrl ? postgres(ownerUrl, { max: 1, onnotice: () => {} }) : null;
afterAll(async () => {
  await owner?.end();
});

/** The SQLSTATE a statement fails with, or null when it succeeds. */
async function failure(statement: Promise<unknown>): Promise<string | null> {
  try {
    await statement;
    return null;
  } catch (error) {
    return (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? "unknown";
  }
}

describe("the app's database role", () => {
  it("is neither a superuser nor the tables' owner, and cannot rewrite audit rows", async () => {
    expect(await appRoleProblems(db())).toEqual([]);
  });

  it.runIf(owner)("is told apart from the owner, whom the start-up check refuses", async () => {
    const { drizzle } = await import("drizzle-orm/postgres-js");
    expect((await appRoleProblems(drizzle(owner!) as never)).length).toBe(1);
  });
});

describe("the audit trail", () => {
  it("is append-only for the app: updates, deletes and truncation are refused by PostgreSQL", async () => {
    const { consultationId, doctor } = await consultationInCall();
    await saveSoapNote(doctor, consultationId, note);
    const [row] = await db()
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, doctor.id), eq(auditEvents.action, "note.create")));
    expect(row).toBeDefined();
    // 42501: insufficient_privilege, from the missing grant.
    expect(await failure(db().update(auditEvents).set({ action: "tampered" }).where(eq(auditEvents.id, row!.id)))).toBe("42501");
    expect(await failure(db().delete(auditEvents).where(eq(auditEvents.id, row!.id)))).toBe("42501");
    expect(await failure(db().execute(sql`truncate audit_events`))).toBe("42501");
    const [still] = await db().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.id, row!.id));
    expect(still?.action).toBe("note.create");
  });

  it.runIf(owner)("refuses even the tables' owner, by trigger", async () => {
    const [row] = await owner!<{ id: number }[]>`select id from audit_events order by id limit 1`;
    expect(await failure(owner!`update audit_events set action = 'tampered' where id = ${row!.id}`)).toBe("42501");
    expect(await failure(owner!`delete from audit_events where id = ${row!.id}`)).toBe("42501");
    expect(await failure(owner!`truncate audit_events`)).toBe("42501");
  });

  it("is written in the same transaction as the change it records", async () => {
    const { consultationId, doctor } = await consultationInCall();
    const saved = await saveSoapNote(doctor, consultationId, note);
    await signSoapNote(doctor, consultationId);
    // Rows written by one transaction carry its id as xmin.
    const [changed] = await db().execute<{ xmin: string }>(sql`select xmin::text from soap_notes where id = ${saved.id}`);
    const [audited] = await db().execute<{ xmin: string }>(
      sql`select xmin::text from audit_events where action = 'note.sign' and entity_id = ${saved.id}`,
    );
    expect(audited?.xmin).toBeDefined();
    expect(audited?.xmin).toBe(changed?.xmin);
  });
});

describe("a signed note", () => {
  it("can no longer be saved over; corrections are addenda", async () => {
    const { consultationId, doctor } = await consultationInCall();
    await saveSoapNote(doctor, consultationId, note);
    await expect(addNoteAddendum(doctor, consultationId, { body: "Too early" })).rejects.toSatisfy((e) => isAppError(e, "note_not_signed"));
    const signed = await signSoapNote(doctor, consultationId);
    expect(signed.version).toBe(1);

    await expect(saveSoapNote(doctor, consultationId, { ...note, plan: "changed" })).rejects.toSatisfy((e) => isAppError(e, "note_signed"));
    const addendum = await addNoteAddendum(doctor, consultationId, { body: "Allergy to penicillin reported after the call." });
    expect(addendum.body).toBe("Allergy to penicillin reported after the call.");
    const [stored] = await db().select().from(soapNotes).where(eq(soapNotes.consultationId, consultationId));
    expect(stored).toMatchObject({ plan: note.plan, version: 1 });
    expect(stored?.signedAt).toBeInstanceOf(Date);
  });

  it("is refused by PostgreSQL itself: no update or delete, even of its history", async () => {
    const { consultationId, doctor } = await consultationInCall();
    const saved = await saveSoapNote(doctor, consultationId, note);
    await signSoapNote(doctor, consultationId);
    await addNoteAddendum(doctor, consultationId, { body: "Seen again by phone." });
    expect(await failure(db().update(soapNotes).set({ plan: "rewritten" }).where(eq(soapNotes.id, saved.id)))).toBe("42501");
    expect(await failure(db().update(soapNotes).set({ signedAt: null }).where(eq(soapNotes.id, saved.id)))).toBe("42501");
    expect(await failure(db().delete(soapNotes).where(eq(soapNotes.id, saved.id)))).toBe("42501");
    expect(await failure(db().update(noteRevisions).set({ plan: "rewritten" }).where(eq(noteRevisions.noteId, saved.id)))).toBe("42501");
    expect(await failure(db().delete(noteAddenda).where(eq(noteAddenda.noteId, saved.id)))).toBe("42501");
    if (owner) expect(await failure(owner`update soap_notes set plan = 'rewritten' where id = ${saved.id}`)).toBe("42501");
    const [stored] = await db().select({ plan: soapNotes.plan }).from(soapNotes).where(eq(soapNotes.id, saved.id));
    expect(stored?.plan).toBe(note.plan);
  });

  it("is signed only by its author", async () => {
    const { consultationId, doctor } = await consultationInCall();
    await saveSoapNote(doctor, consultationId, note);
    const stranger = await createDoctor();
    await expect(signSoapNote(stranger, consultationId)).rejects.toSatisfy((e) => isAppError(e, "not_found"));
    const [stored] = await db().select({ signedAt: soapNotes.signedAt }).from(soapNotes).where(eq(soapNotes.consultationId, consultationId));
    expect(stored?.signedAt).toBeNull();
  });
});

describe("record access", () => {
  it("is the patient's account and the encounter's clinician, and nobody else", async () => {
    const { consultationId, doctor, actor, patient } = await consultationInCall();
    expect((await resolveRecordAccess(actor, patient.id)).purpose).toBe("own_record");
    expect((await resolveRecordAccess(doctor, patient.id)).purpose).toBe("care");
    const stranger = await createDoctor();
    await expect(resolveRecordAccess(stranger, patient.id)).rejects.toSatisfy((e) => isAppError(e, "not_found"));
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, doctor.id), eq(auditEvents.entityId, consultationId)));
    expect(rows.length).toBeGreaterThan(0);
  });
});
