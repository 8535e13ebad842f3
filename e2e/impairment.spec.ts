import { devices, expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import postgres from "postgres";
import { RoomServiceClient } from "livekit-server-sdk";
import enCall from "../lib/i18n/messages/call.en.json";
import { LADDER_TIMING } from "../lib/consult/degrade-ladder";
import { TEST_PASSWORD, insertBookableDoctor } from "./support/accounts";
import { NO_IMPAIRMENT, RelayProcess, livekitUdpRange, type Impairment } from "./support/impairment";
import { attachScreenshot, expectRemoteVideoFlowing, inboundVideo, recordPeerConnections } from "./support/media";
import { ClinicianPages, PatientPages, freshPhone } from "./support/pages";
import { STACK_CONTROL_URL, restartLiveKit } from "./support/stack-control";

// Network impairment on LiveKit's media ports, the userspace way (no netem on this kernel): see
// e2e/support/impairment.ts for how the media of both browsers crosses the relay.
const RELAY_HOST = "127.0.0.2";
const udpRange = livekitUdpRange();

const phone = { width: 360, height: 740 };
const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
let relay: RelayProcess | undefined;

test.skip(!STACK_CONTROL_URL || !udpRange, "needs the test stack's own LiveKit (E2E_STACK_CONTROL_URL, E2E_LIVEKIT_UDP_RANGE)");

test.beforeAll(async () => {
  relay = await RelayProcess.start({ listenHost: RELAY_HOST, targetHost: "127.0.0.1", ports: udpRange! });
  // From now on every ICE candidate LiveKit hands out names the relay.
  // ICE-lite: the server answers the browsers' checks and sends none of its own, so it cannot find
  // a direct loopback path to a browser past the relay (with full ICE it did, for one of the two).
  await restartLiveKit({ nodeIp: RELAY_HOST, iceLite: true });
});

test.afterAll(async () => {
  // Back to the plain loopback server for whatever runs next, then the relay can go.
  if (relay) await restartLiveKit();
  await relay?.close();
  await sql.end();
});

type Call = { consultationId: string; patientPage: Page; doctorPage: Page; close(): Promise<void> };

async function startCall(browser: Browser, name: string): Promise<Call> {
  const DOCTOR = await insertBookableDoctor(sql, `Dr. ${name}`);
  const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 5"];
  const patientCtx: BrowserContext = await browser.newContext({ ...pixel, viewport: phone, screen: phone });
  const doctorCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordPeerConnections(patientCtx);
  await recordPeerConnections(doctorCtx);
  const patientPage = await patientCtx.newPage();
  const doctorPage = await doctorCtx.newPage();
  const patient = new PatientPages(patientPage);
  await patient.signIn(freshPhone());
  await patient.register(`${name} Patient`, "1985-07-07");
  await patient.bookFirstSlotWith(DOCTOR.name);
  const consultationId = await patient.checkIn();
  await new ClinicianPages(doctorPage).signIn(DOCTOR.email, TEST_PASSWORD);
  await expect(doctorPage.getByRole("row").filter({ hasText: `${name} Patient` })).toContainText("Online");
  await doctorPage.getByRole("button", { name: "Admit next patient" }).click();
  await doctorPage.waitForURL(`**/consult/${consultationId}`);
  await doctorPage.getByRole("button", { name: "Join", exact: true }).click();
  await patientPage.getByRole("link", { name: "Join the call" }).click({ timeout: 20_000 });
  await patientPage.getByRole("button", { name: "Join", exact: true }).click();
  try {
    await expectRemoteVideoFlowing(patientPage);
    await expectRemoteVideoFlowing(doctorPage);
  } catch (error) {
    // What the drill's path looked like when the call did not start (for the report).
    const states = async (page: Page) => page.evaluate(() => (window.__rabtaPeerConnections ?? []).map((pc) => `${pc.connectionState}/${pc.iceConnectionState}`));
    const seen = {
      relay: await relay!.stats(),
      patient: { paths: await mediaPaths(patientPage), states: await states(patientPage), video: await inboundVideo(patientPage) },
      doctor: { paths: await mediaPaths(doctorPage), states: await states(doctorPage), video: await inboundVideo(doctorPage) },
    };
    await report(test.info(), "media did not start through the relay", seen);
    throw error;
  }
  // Every media path of both browsers goes to the relay, none straight to LiveKit.
  for (const page of [patientPage, doctorPage]) {
    const paths = await mediaPaths(page);
    expect(paths.length, "connected peer connections").toBeGreaterThan(0);
    for (const path of paths) expect(path.startsWith(`${RELAY_HOST}:`), `the selected ICE pair goes to ${path}`).toBe(true);
  }
  return { consultationId, patientPage, doctorPage, close: async () => void (await Promise.all([patientCtx.close(), doctorCtx.close()])) };
}

/** The server-side address of each open peer connection's selected ICE pair. */
async function mediaPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const pc of window.__rabtaPeerConnections ?? []) {
      if (pc.connectionState !== "connected") continue;
      const stats = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      stats.forEach((report) => byId.set(report.id, report));
      stats.forEach((report) => {
        if (report.type !== "transport" || !report.selectedCandidatePairId) return;
        const pair = byId.get(report.selectedCandidatePairId);
        const remote = pair && byId.get(pair.remoteCandidateId as string);
        if (remote) paths.push(`${remote.address}:${remote.port}`);
      });
    }
    return paths;
  });
}

type AudioIn = {
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
  jitter: number;
  concealedSamples: number;
  totalSamplesReceived: number;
  /** The selected ICE pair's current round trip, browser ↔ LiveKit, in seconds. */
  roundTripTime: number | null;
};

/** Inbound audio RTP over every open peer connection of the page, and the media path's RTT. */
async function inboundAudio(page: Page): Promise<AudioIn> {
  return page.evaluate(async () => {
    const sum = { bytesReceived: 0, packetsReceived: 0, packetsLost: 0, jitter: 0, concealedSamples: 0, totalSamplesReceived: 0, roundTripTime: null as number | null };
    for (const pc of window.__rabtaPeerConnections ?? []) {
      if (pc.connectionState === "closed") continue;
      const stats = await pc.getStats();
      let selectedPair: string | undefined;
      stats.forEach((report) => {
        if (report.type === "transport" && report.selectedCandidatePairId) selectedPair = report.selectedCandidatePairId;
      });
      stats.forEach((report) => {
        if (report.type === "inbound-rtp" && report.kind === "audio") {
          sum.bytesReceived += report.bytesReceived ?? 0;
          sum.packetsReceived += report.packetsReceived ?? 0;
          sum.packetsLost += report.packetsLost ?? 0;
          sum.jitter = Math.max(sum.jitter, report.jitter ?? 0);
          sum.concealedSamples += report.concealedSamples ?? 0;
          sum.totalSamplesReceived += report.totalSamplesReceived ?? 0;
        }
        if (report.type === "candidate-pair" && report.id === selectedPair && typeof report.currentRoundTripTime === "number") {
          sum.roundTripTime = Math.max(sum.roundTripTime ?? 0, report.currentRoundTripTime);
        }
      });
    }
    return sum;
  });
}

/** What one side heard over a window: the deltas of its inbound audio counters. */
function audioWindow(before: AudioIn, after: AudioIn, seconds: number) {
  const packets = after.packetsReceived - before.packetsReceived;
  const lost = after.packetsLost - before.packetsLost;
  const samples = after.totalSamplesReceived - before.totalSamplesReceived;
  return {
    seconds,
    audioBytes: after.bytesReceived - before.bytesReceived,
    packetsReceived: packets,
    packetsLost: lost,
    lossSeenByReceiver: packets + lost > 0 ? +(lost / (packets + lost)).toFixed(4) : null,
    jitterMs: Math.round(after.jitter * 1000),
    concealedRatio: samples > 0 ? +((after.concealedSamples - before.concealedSamples) / samples).toFixed(4) : null,
    roundTripMs: after.roundTripTime === null ? null : Math.round(after.roundTripTime * 1000),
  };
}

async function report(testInfo: TestInfo, name: string, figures: object): Promise<void> {
  console.log(`${name}: ${JSON.stringify(figures)}`);
  await testInfo.attach(name, { body: JSON.stringify(figures, null, 2), contentType: "application/json" });
}

async function impair(impairment: Impairment): Promise<void> {
  await relay!.set(impairment);
}

// Each packet crosses the relay twice between the two browsers (up to LiveKit, down to the other
// side), so 3% a leg is about 5.9% end to end, and the receiver conceals roughly what is lost
// (Opus's loss concealment; runs so far: 4.5–6.2% of samples concealed at 5.4–6.4% of packets
// lost). The bound is that end-to-end loss plus 2 points for packets the 300 ms path makes late:
// more concealment than that would mean the jitter buffer is failing on top of the loss.
const MAX_CONCEALED_RATIO = 0.08;
const WINDOW_S = 20;

test("at 3% loss and 300 ms round trip on the media ports, audio keeps flowing both ways with little concealment", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const call = await startCall(browser, "Lossy Line");
  const routed = await relay!.stats();
  expect(routed.flows, "media crosses the relay").toBeGreaterThan(0);

  // 3% each way per packet, 150 ms each way: a 300 ms round trip between each browser and LiveKit.
  const impairment = { lossPercent: 3, delayMs: 150 };
  await impair(impairment);
  // Let the jitter buffers and the congestion controller settle on the new path.
  await call.patientPage.waitForTimeout(5_000);
  const before = { patient: await inboundAudio(call.patientPage), doctor: await inboundAudio(call.doctorPage) };
  const relayBefore = await relay!.stats();
  await call.patientPage.waitForTimeout(WINDOW_S * 1000);
  const after = { patient: await inboundAudio(call.patientPage), doctor: await inboundAudio(call.doctorPage) };
  const relayAfter = await relay!.stats();
  await impair(NO_IMPAIRMENT);

  const forwarded = relayAfter.forwarded - relayBefore.forwarded;
  const dropped = relayAfter.dropped - relayBefore.dropped;
  const figures = {
    impairment,
    relay: { forwarded, dropped, droppedShare: +(dropped / (forwarded + dropped)).toFixed(4) },
    patientHears: audioWindow(before.patient, after.patient, WINDOW_S),
    doctorHears: audioWindow(before.doctor, after.doctor, WINDOW_S),
  };
  await report(testInfo, "audio at 3% loss, 300 ms RTT", figures);

  for (const side of ["patientHears", "doctorHears"] as const) {
    const heard = figures[side];
    expect(heard.audioBytes, `${side}: audio bytes keep arriving`).toBeGreaterThan(WINDOW_S * 2_000);
    expect(heard.packetsLost, `${side}: the loss reaches the receiver`).toBeGreaterThan(0);
    expect(heard.roundTripMs, `${side}: the round trip includes the relay's delay`).toBeGreaterThanOrEqual(250);
    expect(heard.concealedRatio, `${side}: concealed share of samples`).not.toBeNull();
    expect(heard.concealedRatio!, `${side}: concealed share of samples`).toBeLessThan(MAX_CONCEALED_RATIO);
  }
  await call.close();
});

test("under heavy loss the patient's side drops to audio-only by itself and says so; when the loss stops, video comes back", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const call = await startCall(browser, "Broken Line");
  const stage = call.patientPage.getByTestId("call-stage");
  await expect(stage).toHaveAttribute("data-call-mode", "video");

  // What the patient's screen showed every 2 s: the mode and LiveKit's scores (own and other's).
  const timeline: Array<{ s: number; loss: number; mode: string | null; quality: Record<string, string | null> }> = [];
  const t0 = Date.now();
  const sampler = setInterval(() => {
    void call.patientPage
      .evaluate(() => ({
        mode: document.querySelector('[data-testid="call-stage"]')?.getAttribute("data-call-mode") ?? null,
        quality: Object.fromEntries(
          [...document.querySelectorAll('[data-testid="call-quality"]')].map((badge) => [badge.getAttribute("data-identity")?.split(":")[0] ?? "?", badge.getAttribute("data-quality")]),
        ),
      }))
      .then((seen) => timeline.push({ s: Math.round((Date.now() - t0) / 1000), loss: relay!.current().lossPercent, ...seen }))
      .catch(() => {});
  }, 2_000);
  const reportTimeline = () => report(testInfo, "patient's screen under heavy loss, every 2 s", timeline);

  const impairment = { lossPercent: 35, delayMs: 100 };
  const lossStarted = Date.now();
  await impair(impairment);
  // LiveKit scores every ~5 s; the ladder wants poor held for 10 s. A minute is plenty.
  try {
    await expect(stage).toHaveAttribute("data-call-mode", "audio_only", { timeout: 60_000 });
  } catch (error) {
    clearInterval(sampler);
    await reportTimeline();
    throw error;
  }
  const toAudioOnlyMs = Date.now() - lossStarted;
  await expect(call.patientPage.getByTestId("call-mode-status")).toBeVisible();
  await expect(call.patientPage.getByTestId("call-mode-status")).toContainText(enCall.status_audio_only_poor_connection);
  await attachScreenshot(call.patientPage, testInfo, "patient, audio only under 35% loss");
  // Audio still gets through meanwhile.
  const during = await inboundAudio(call.patientPage);
  await call.patientPage.waitForTimeout(3_000);
  expect((await inboundAudio(call.patientPage)).bytesReceived, "audio keeps arriving under heavy loss").toBeGreaterThan(during.bytesReceived);

  const lossStopped = Date.now();
  await impair(NO_IMPAIRMENT);
  // 20 s of good scores bring video back; the scores themselves lag the network by a few seconds.
  const backWithin = LADDER_TIMING.goodToVideoMs + 40_000;
  await expect(stage).not.toHaveAttribute("data-call-mode", "audio_only", { timeout: backWithin });
  const videoBackMs = Date.now() - lossStopped;
  const modeBack = await stage.getAttribute("data-call-mode");
  await expectRemoteVideoFlowing(call.patientPage);
  await attachScreenshot(call.patientPage, testInfo, "patient, video back after the loss stopped");

  clearInterval(sampler);
  await reportTimeline();
  await report(testInfo, "degrade ladder under 35% loss", { impairment, toAudioOnlyMs, videoBackMs, modeBack, relay: await relay!.stats() });
  expect(["video", "low_video"]).toContain(modeBack);
  await call.close();
});

test("a short network loss (every media packet dropped for 6 s) resumes the same call: the same participants, media again, the patient still in the call", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const call = await startCall(browser, "Short Gap");
  const rooms = new RoomServiceClient(process.env.LIVEKIT_URL!.replace(/^ws/, "http"), process.env.LIVEKIT_API_KEY!, process.env.LIVEKIT_API_SECRET!);
  const roomName = `consult-${call.consultationId}`;
  // A participant's sid is LiveKit's id for one session: a resume keeps it, a full reconnect (as
  // after a server restart) makes a new one.
  const sessions = async () => Object.fromEntries((await rooms.listParticipants(roomName)).map((p) => [p.identity, p.sid]));
  const before = await sessions();
  expect(Object.keys(before)).toHaveLength(2);

  const lossStarted = Date.now();
  await impair({ lossPercent: 100, delayMs: 0 });
  await call.patientPage.waitForTimeout(6_000);
  await impair(NO_IMPAIRMENT);
  const lossEnded = Date.now();
  await expectRemoteVideoFlowing(call.patientPage);
  await expectRemoteVideoFlowing(call.doctorPage);
  const mediaBackMs = Date.now() - lossEnded;
  await attachScreenshot(call.patientPage, testInfo, "patient, after a 6 s network gap");

  expect(await sessions(), "the same LiveKit sessions: resumed, not rejoined").toEqual(before);
  const [consultation] = await sql`select status, call_dropped_at from consultations where id = ${call.consultationId}`;
  expect(consultation).toMatchObject({ status: "in_call", call_dropped_at: null });
  await report(testInfo, "a 6 s network gap", { gapMs: lossEnded - lossStarted, mediaBackMs, relay: await relay!.stats() });
  await call.close();
});
