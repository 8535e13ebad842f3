import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, patients, vitals } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { findPatients, listAccountPatients } from "@/lib/patients/find-patients";
import { addDependant } from "@/lib/patients/add-dependant";
import { resolveRecordAccess } from "@/lib/records/access";
import { listBreakGlassForReview, openBreakGlass, reviewBreakGlass } from "@/lib/records/break-glass";
import { mergePatients } from "@/lib/records/merge-patients";
import { readAccessLog } from "@/lib/records/read-access-log";
import { readTimeline } from "@/lib/records/read-timeline";
import { saveSoapNote } from "@/lib/records/save-soap-note";
import { signSoapNote } from "@/lib/records/sign-note";
import { consultationInCall, createDoctor, createPatientAccount, createUser } from "./fixtures";

const notFound = (e: unknown) => isAppError(e, "not_found");
const reason = "Unconscious at the emergency desk, family not reachable";

describe("break-glass", () => {
  it("opens a record for a limited time, with a reason, flagged for review and shown to the patient", async () => {
    const { patient, actor: patientAccount } = await consultationInCall();
    const outsider = await createDoctor();
    await expect(readTimeline(outsider, patient.id)).rejects.toSatisfy(notFound);

    await expect(openBreakGlass(outsider, patient.id, { reason: "short", minutes: "60" })).rejects.toSatisfy(
      (e) => isAppError(e, "form_invalid") && (e as { fieldErrors: Record<string, string> }).fieldErrors.reason === "break_glass_reason_short",
    );
    const grant = await openBreakGlass(outsider, patient.id, { reason, minutes: "15" });
    const timeline = await readTimeline(outsider, patient.id);
    expect(timeline.purpose).toBe("break_glass");

    const [read] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, outsider.id), eq(auditEvents.action, "record.read_timeline")));
    expect(read).toMatchObject({ purpose: "break_glass", breakGlassId: grant.id, actorRole: "doctor", patientId: patient.id });

    const log = await readAccessLog(patientAccount, patient.id);
    const emergency = log.find((entry) => entry.purpose === "break_glass" && entry.kind === "read");
    expect(emergency).toMatchObject({ actorName: outsider.name, actorRole: "doctor", breakGlassReason: reason });
    expect(log.some((entry) => entry.kind === "break_glass_opened")).toBe(true);

    const admin = await createUser("admin");
    expect((await listBreakGlassForReview(admin)).map((g) => g.id)).toContain(grant.id);
    await reviewBreakGlass(admin, grant.id, { note: "Checked with the emergency desk: justified." });
    expect((await listBreakGlassForReview(admin)).map((g) => g.id)).not.toContain(grant.id);
    await expect(listBreakGlassForReview(outsider)).rejects.toSatisfy(notFound);
  });

  it("expires: after its time the record is 'not found' again", async () => {
    const { patient } = await consultationInCall();
    const outsider = await createDoctor();
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await openBreakGlass(outsider, patient.id, { reason, minutes: "60" }, twoHoursAgo);
    await expect(resolveRecordAccess(outsider, patient.id)).rejects.toSatisfy(notFound);
  });

  it("is refused to patients and admins, and to a patient that does not exist", async () => {
    const { patient } = await consultationInCall();
    const otherPatient = await createPatientAccount();
    await expect(openBreakGlass(otherPatient.actor, patient.id, { reason, minutes: "15" })).rejects.toSatisfy(notFound);
    await expect(openBreakGlass(await createUser("admin"), patient.id, { reason, minutes: "15" })).rejects.toSatisfy(notFound);
    await expect(openBreakGlass(await createDoctor(), crypto.randomUUID(), { reason, minutes: "15" })).rejects.toSatisfy(notFound);
  });
});

describe("the timeline", () => {
  it("shows the record newest first, filters by kind, and hides drafts from the patient", async () => {
    const { consultationId, doctor, actor, patient } = await consultationInCall();
    await db().insert(vitals).values({ patientId: patient.id, consultationId, recordedBy: doctor.id, systolic: 150, diastolic: 95 });
    await saveSoapNote(doctor, consultationId, { subjective: "Headache", objective: "", assessment: "Hypertension", plan: "" });

    const forDoctor = await readTimeline(doctor, patient.id);
    expect(forDoctor.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(["encounter", "vitals", "note"]));
    const times = forDoctor.entries.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await readTimeline(doctor, patient.id, { kinds: ["vitals"] })).entries.map((e) => e.kind)).toEqual(["vitals"]);

    expect((await readTimeline(actor, patient.id)).entries.some((e) => e.kind === "note")).toBe(false);
    await signSoapNote(doctor, consultationId);
    expect((await readTimeline(actor, patient.id)).entries.some((e) => e.kind === "note")).toBe(true);

    const stranger = await createPatientAccount();
    await expect(readTimeline(stranger.actor, patient.id)).rejects.toSatisfy(notFound);
  });
});

describe("merging two MR IDs", () => {
  it("keeps everything under the survivor, resolves the retired ID to it, and is audited", async () => {
    const first = await consultationInCall();
    const second = await consultationInCall();
    const admin = await createUser("admin");
    await saveSoapNote(first.doctor, first.consultationId, { subjective: "First visit", objective: "", assessment: "", plan: "" });
    await signSoapNote(first.doctor, first.consultationId);
    await saveSoapNote(second.doctor, second.consultationId, { subjective: "Second visit", objective: "", assessment: "", plan: "" });
    const before = (await readTimeline(first.doctor, first.patient.id)).entries.length + (await readTimeline(second.doctor, second.patient.id)).entries.length;

    await expect(mergePatients(first.doctor, { survivorMrId: first.patient.mrId, retiredMrId: second.patient.mrId, reason: "Same CNIC on the paper card" })).rejects.toSatisfy(notFound);
    await expect(mergePatients(admin, { survivorMrId: first.patient.mrId, retiredMrId: first.patient.mrId, reason: "Same CNIC on the paper card" })).rejects.toSatisfy(
      (e) => isAppError(e, "form_invalid"),
    );
    await mergePatients(admin, { survivorMrId: first.patient.mrId, retiredMrId: second.patient.mrId, reason: "Same CNIC on the paper card" });

    // Both doctors still have their encounter; each now sees the one record, whole.
    const merged = await readTimeline(first.doctor, second.patient.id);
    expect(merged.patient.id).toBe(first.patient.id);
    expect(merged.entries.length).toBeGreaterThanOrEqual(before);
    const subjects = merged.entries.filter((e) => e.kind === "encounter").length;
    expect(subjects).toBe(2);
    expect((await findPatients(admin, second.patient.mrId)).map((p) => p.id)).toEqual([first.patient.id]);

    const [retired] = await db().select().from(patients).where(eq(patients.id, second.patient.id));
    expect(retired?.mergedIntoId).toBe(first.patient.id);
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "patient.merge"), eq(auditEvents.actorId, admin.id)));
    expect(audits.map((a) => a.patientId).sort()).toEqual([first.patient.id, second.patient.id].sort());
    await expect(mergePatients(admin, { survivorMrId: first.patient.mrId, retiredMrId: second.patient.mrId, reason: "Same CNIC on the paper card" })).rejects.toSatisfy(
      (e) => isAppError(e, "form_invalid"),
    );
  });

  it("takes the retired ID off its household phone's list; opening it opens the survivor", async () => {
    const account = await createPatientAccount();
    const duplicate = await addDependant(account.actor, { fullName: "Nasreen Akhtar", sex: "female", dateOfBirth: "1960-02-01", relation: "parent" });
    const admin = await createUser("admin");
    await mergePatients(admin, { survivorMrId: account.patient.mrId, retiredMrId: duplicate.mrId, reason: "Registered twice on one phone" });
    expect((await listAccountPatients(account.actor)).map((p) => p.id)).toEqual([account.patient.id]);
    const access = await resolveRecordAccess(account.actor, duplicate.id);
    expect(access.patient.id).toBe(account.patient.id);
    expect(access.patientIds.sort()).toEqual([account.patient.id, duplicate.id].sort());
  });
});
