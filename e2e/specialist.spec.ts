import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import sharp from "sharp";
import { RoomServiceClient } from "livekit-server-sdk";
import { hashPassword } from "../lib/auth/password";
import { insertBookableDoctor, TEST_PASSWORD } from "./support/accounts";
import { expectRemoteVideoFlowing, inboundVideo, recordPeerConnections, remoteVideoFrames } from "./support/media";
import { ClinicianPages } from "./support/pages";

const SPOKE = "00000000-0000-4000-8000-000000000102";
const desk = { width: 1280, height: 900 };
const remoteTile = '.lk-participant-tile[data-lk-local-participant="false"]';

/** Frames decoded into the remote tile of the participant named `name` (0 when it shows no picture). */
async function framesOf(page: Page, name: string): Promise<number> {
  return page.locator(remoteTile, { hasText: name }).evaluateAll((tiles) =>
    tiles.reduce((sum, tile) => {
      const video = tile.querySelector("video");
      return sum + (video && video.videoWidth > 0 ? video.getVideoPlaybackQuality().totalVideoFrames : 0);
    }, 0),
  );
}

async function openPanel(page: Page, label: string) {
  const button = page.getByRole("toolbar", { name: "Call controls" }).getByRole("button", { name: label, exact: true });
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
}

test("a specialist invited by specialty joins a hosted call after the host consents, is removed for good; chat and a photo persist", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const screenshot = async (page: Page, name: string) => testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  const rooms = new RoomServiceClient(process.env.LIVEKIT_URL!.replace(/^ws/, "http"), process.env.LIVEKIT_API_KEY!, process.env.LIVEKIT_API_SECRET!);
  try {
    // The spec's own people: a hub doctor, a specialist of a specialty no one else has, and an LHV.
    const suffix = Math.random().toString(36).slice(2, 7);
    const specialty = { code: `e2e_cardio_${suffix}`, name: `Cardiology ${suffix}` };
    await sql`insert into specialties (code, name_en, name_ur) values (${specialty.code}, ${specialty.name}, ${`امراض قلب ${suffix}`})`;
    const doctor = await insertBookableDoctor(sql, "Dr. Hub Doctor");
    const password = await hashPassword(TEST_PASSWORD);
    const specialistName = `Dr. Sana Heart ${suffix}`;
    const [specialist] = await sql<{ id: string; email: string }[]>`
      insert into users (role, name, email, password_hash) values ('specialist', ${specialistName}, ${`specialist-${suffix}@test.rabta.local`}, ${password}) returning id, email`;
    await sql`insert into clinician_profiles (user_id, sex, specialty_code, languages) values (${specialist!.id}, 'female', ${specialty.code}, ${["ur", "en"]})`;
    const [host] = await sql<{ id: string; email: string }[]>`
      insert into users (role, name, email, password_hash, facility_id) values ('rhu_staff', ${`LHV ${suffix}`}, ${`lhv-${suffix}@test.rabta.local`}, ${password}, ${SPOKE}) returning id, email`;

    const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ viewport: desk })));
    for (const context of contexts) await recordPeerConnections(context);
    const [hostPage, doctorPage, specialistPage] = await Promise.all(contexts.map((c) => c.newPage()));

    // The LHV registers a walk-in and sends them to the hub doctor, who admits them.
    const hostStaff = new ClinicianPages(hostPage!);
    await hostStaff.signIn(host!.email, TEST_PASSWORD, /\/host$/);
    const patientName = `Rashid Mehmood ${suffix}`;
    await hostStaff.registerWalkIn({ name: patientName, sex: "Male", dateOfBirth: "1958-03-04" });
    await hostPage!.getByLabel("Chief complaint").fill("Chest pain on exertion for two weeks");
    await hostPage!.getByRole("radio", { name: /^Urgent/ }).check();
    const sendTo = hostPage!.getByLabel("Send to");
    await sendTo.selectOption(await sendTo.locator("option", { hasText: doctor.name }).getAttribute("value"));
    await hostPage!.getByRole("button", { name: "Send to the queue" }).click();
    await hostPage!.waitForURL(/\/host\/visits\/[0-9a-f-]{36}$/);
    const consultationId = hostPage!.url().split("/host/visits/")[1]!;
    const roomName = `consult-${consultationId}`;

    await new ClinicianPages(doctorPage!).signIn(doctor.email, TEST_PASSWORD, /\/queue$/);
    await doctorPage!.getByRole("button", { name: "Admit next patient" }).click();
    await doctorPage!.waitForURL(`**/consult/${consultationId}`);
    await doctorPage!.getByRole("button", { name: "Join" }).click();
    await hostPage!.getByTestId("join-call").click();
    await hostPage!.waitForURL(`**/consult/${consultationId}`);
    await hostPage!.getByRole("button", { name: "Join" }).click();
    await expectRemoteVideoFlowing(hostPage!);
    await expectRemoteVideoFlowing(doctorPage!);

    // The specialist's queue page is open before the invitation exists: it arrives live.
    await new ClinicianPages(specialistPage!).signIn(specialist!.email, TEST_PASSWORD, /\/queue$/);
    await expect(specialistPage!.getByText("Live", { exact: true })).toBeVisible();
    await expect(specialistPage!.getByTestId("invitations")).toHaveCount(0);

    // The doctor invites anyone of the specialty, with a reason.
    await openPanel(doctorPage!, "Invite a specialist");
    const invite = doctorPage!.getByTestId("invite-panel");
    await invite.getByLabel("Specialty or clinician's name").fill(specialty.name);
    await invite.getByRole("radio", { name: `Anyone in ${specialty.name}` }).check();
    await invite.getByLabel("Reason (optional)").fill("ECG shows ST changes");
    await invite.getByRole("button", { name: "Invite" }).click();
    await expect(invite.getByRole("status")).toHaveText("Invitation sent. They see it on their queue page and by SMS.");

    const invitation = specialistPage!.getByTestId("invitations");
    await expect(invitation).toContainText(`${doctor.name} asks you to join a call`);
    await expect(invitation).toContainText("Reason: ECG shows ST changes");
    const firstToken = specialistPage!.waitForResponse((r) => r.url().endsWith(`/api/consultations/${consultationId}/token`) && r.ok());
    await invitation.getByRole("button", { name: "Accept and join" }).click();
    await specialistPage!.waitForURL(`**/consult/${consultationId}`);
    await specialistPage!.getByRole("button", { name: "Join" }).click();
    const oldToken = (await (await firstToken).json()) as { token: string; serverUrl: string; identity: string };
    expect(oldToken.identity).toMatch(new RegExp(`^specialist:${specialist!.id}:[0-9a-f-]{36}$`));

    // Before consent: the specialist is in the room but nothing of theirs reaches the host, and
    // nothing reaches them; the host is asked.
    await expect(specialistPage!.getByTestId("specialist-waiting")).toBeVisible();
    const prompt = hostPage!.getByRole("alertdialog", { name: "A specialist wants to join" });
    await expect(prompt).toContainText(`${specialistName}, ${specialty.name}, wants to join this call. Allow?`);
    await expect(hostPage!.locator(remoteTile, { hasText: specialistName })).toBeVisible();
    const inRoom = await rooms.listParticipants(roomName);
    const specialistInRoom = inRoom.find((p) => p.identity === oldToken.identity);
    expect(specialistInRoom?.permission).toMatchObject({ canPublish: false, canSubscribe: false });
    expect(specialistInRoom?.tracks ?? []).toHaveLength(0);
    expect(await framesOf(hostPage!, specialistName)).toBe(0);
    expect(await framesOf(doctorPage!, specialistName)).toBe(0);
    expect(await remoteVideoFrames(specialistPage!)).toBe(0);
    expect((await inboundVideo(specialistPage!)).bytesReceived).toBe(0);
    await screenshot(hostPage!, "host: the consent question, the specialist's tile without a picture");
    const [pending] = await sql`select consented_at from consultation_invitations where consultation_id = ${consultationId}`;
    expect(pending!.consented_at).toBeNull();

    // The host allows: the consent is recorded, and media flows among all three.
    await prompt.getByRole("button", { name: "Allow" }).click();
    await expect(prompt).toBeHidden();
    await expect
      .poll(async () => (await sql`select consented_by from consultation_invitations where consultation_id = ${consultationId} and consented_at is not null`).map((r) => r.consented_by))
      .toEqual([host!.id]);
    await expect(specialistPage!.getByTestId("specialist-waiting")).toBeHidden();
    await expect.poll(() => framesOf(hostPage!, specialistName), { timeout: 30_000, message: "the specialist's video on the host's screen" }).toBeGreaterThan(0);
    await expect.poll(() => framesOf(doctorPage!, specialistName), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => framesOf(specialistPage!, doctor.name), { timeout: 30_000 }).toBeGreaterThan(0);
    for (const page of [hostPage!, doctorPage!, specialistPage!]) await expectRemoteVideoFlowing(page);
    await screenshot(hostPage!, "host: three-party call after consent");
    await screenshot(specialistPage!, "specialist: in the call after consent");
    // Each tile carries its role.
    await openPanel(doctorPage!, "People in the call");
    const people = doctorPage!.getByTestId("call-participants");
    await expect(people.locator(`[data-identity="${oldToken.identity}"]`)).toContainText("Specialist");
    await expect(people.locator(`[data-identity="host:${host!.id}"]`)).toContainText("Health worker with the patient");

    // Chat and a photo from the host reach the others and are kept on the encounter.
    await openPanel(hostPage!, "Chat");
    const hostChat = hostPage!.getByTestId("call-chat");
    await hostChat.getByLabel("Message").fill("He also has swollen ankles");
    await hostChat.getByRole("button", { name: "Send", exact: true }).click();
    const rash = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#c08070" } }).jpeg().toBuffer();
    await hostChat.locator('input[type="file"]').setInputFiles({ name: "ankle.jpg", mimeType: "image/jpeg", buffer: rash });
    await expect(hostChat.getByRole("img", { name: `Photo from LHV ${suffix}` })).toBeVisible();
    await openPanel(specialistPage!, "Chat");
    await expect(specialistPage!.getByTestId("call-chat")).toContainText("He also has swollen ankles");
    await expect(specialistPage!.getByTestId("call-chat").getByRole("img", { name: `Photo from LHV ${suffix}` })).toBeVisible();

    // After a reload the doctor sees both again, and the photo is on the patient's record.
    await doctorPage!.reload();
    await expect(doctorPage!.getByRole("img", { name: "Photo sent during the call" })).toBeVisible();
    await doctorPage!.getByRole("button", { name: "Join" }).click();
    await openPanel(doctorPage!, "Chat");
    const doctorChat = doctorPage!.getByTestId("call-chat");
    await expect(doctorChat.getByTestId("chat-message")).toHaveCount(2);
    await expect(doctorChat).toContainText("He also has swollen ankles");
    await expect(doctorChat.getByRole("img", { name: `Photo from LHV ${suffix}` })).toBeVisible();
    await screenshot(doctorPage!, "doctor: chat and photo after a reload");
    const [photo] = await sql`select a.kind, a.patient_id = c.patient_id as on_record from attachments a join consultations c on c.encounter_id = a.encounter_id where c.id = ${consultationId}`;
    expect(photo).toMatchObject({ kind: "photo", on_record: true });
    await expectRemoteVideoFlowing(doctorPage!);

    // The doctor removes the specialist: they are out of the call and cannot come back.
    await openPanel(doctorPage!, "People in the call");
    doctorPage!.once("dialog", (dialog) => void dialog.accept());
    await doctorPage!.getByTestId("call-participants").locator(`[data-identity="${oldToken.identity}"]`).getByRole("button", { name: "Remove" }).click();
    await expect(specialistPage!.getByRole("status").filter({ hasText: "You were removed from the call." })).toContainText("Taking you to the next page…");
    await expect.poll(async () => (await sql`select status from consultation_invitations where consultation_id = ${consultationId}`).map((r) => r.status)).toEqual(["removed"]);
    await expect(hostPage!.locator(remoteTile, { hasText: specialistName })).toHaveCount(0);

    // No new token, and the call page is "not found" to them now.
    const again = await specialistPage!.request.post(`/api/consultations/${consultationId}/token`, { headers: { origin: new URL(specialistPage!.url()).origin } });
    expect(again.status()).toBe(404);
    await specialistPage!.goto(`/consult/${consultationId}`);
    await expect(specialistPage!.getByRole("heading", { name: "Not found" })).toBeVisible();

    // The token minted before removal is still valid to self-hosted LiveKit: used directly with
    // livekit-client, it may get into the room, but it receives nothing and is thrown out as soon
    // as LiveKit's participant_joined webhook reaches the app (lib/consult/webhook.ts →
    // enforceAdmission), because the identity is marked removed on the invitation.
    const rogue = await contexts[2]!.newPage();
    await rogue.addScriptTag({ path: path.join(process.cwd(), "node_modules/livekit-client/dist/livekit-client.umd.js") });
    await rogue.evaluate(async ({ url, token }) => {
      const { Room, RoomEvent } = (window as unknown as { LivekitClient: typeof import("livekit-client") }).LivekitClient;
      const room = new Room();
      const state = { disconnected: false, subscribed: 0 };
      Object.assign(window, { rogueState: state });
      room.on(RoomEvent.Disconnected, () => (state.disconnected = true));
      room.on(RoomEvent.TrackSubscribed, () => state.subscribed++);
      // Thrown out during the join, connect() rejects; that is the same outcome.
      await room.connect(url, token).catch(() => (state.disconnected = true));
    }, { url: oldToken.serverUrl, token: oldToken.token });
    await expect.poll(() => rogue.evaluate(() => (window as unknown as { rogueState: { disconnected: boolean } }).rogueState.disconnected)).toBe(true);
    expect(await rogue.evaluate(() => (window as unknown as { rogueState: { subscribed: number } }).rogueState.subscribed)).toBe(0);
    expect((await rooms.listParticipants(roomName)).map((p) => p.identity).sort()).toEqual([`clinician:${doctor.id}`, `host:${host!.id}`]);

    // The call goes on for the two who remain.
    await expectRemoteVideoFlowing(hostPage!);
    await doctorPage!.getByRole("button", { name: "End consultation" }).click();
    await Promise.all(contexts.map((c) => c.close()));
  } finally {
    await sql.end();
  }
});
