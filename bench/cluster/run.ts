// `npm run drill:cluster`: Rabta on two LiveKit nodes sharing one Redis, by configuration only.
// Starts Debian's redis-server on loopback (a free port, no persistence), node A (the stack's own
// livekit-server, bench/join/stack.ts) and node B, both with `redis: address:` in their config,
// and two `next start` instances on one database: instance 1 with LIVEKIT_URL = node A, instance 2
// with LIVEKIT_URL = node B (the app hands each browser the LIVEKIT_URL of the instance it talks
// to, lib/consult/room-token.ts). The patient uses instance 1, the doctor instance 2, so their
// signalling goes to different nodes. Then it checks: media flowing both ways (decoded frames,
// growing video and audio bytes on each side); each node's API sees both participants; and the
// webhooks, sent by each node to its own app instance, recorded once each on the consultation.
// Prints what it found; exits non-zero when a check fails.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import postgres from "postgres";
import { RoomServiceClient } from "livekit-server-sdk";
import { expectRemoteVideoFlowing, inboundVideo, recordPeerConnections } from "../../e2e/support/media";
import { roomNameFor } from "../../lib/queue/rules";
import { DEV_LIVEKIT_KEY, DEV_LIVEKIT_SECRET, startLiveKit } from "../../scripts/lib/livekit";
import { dataPath, logPath } from "../../scripts/lib/paths";
import { describe, freeLoopbackPort, isAccepting, onShutdown, shutdown, start } from "../../scripts/lib/proc";
import { runDrill } from "../faults/drill";
import { launchBrowser } from "../join/browser";
import { DoctorDesk } from "../join/doctor";
import { startStack } from "../join/stack";
import { byteCounts } from "../call/measure";
import { closeConsult, openConsult, type RabtaDeps } from "../call/runs";

const NAME = "drill-cluster";
const APP_PORT = 3610; // instance 1 (node A); instance 2 is on 3611 (node B)
const NODE_A = { port: 8310, rtcTcpPort: 8311, udpPortStart: 51500, udpPortEnd: 51599 };
const NODE_B = { port: 8320, rtcTcpPort: 8321, udpPortStart: 51600, udpPortEnd: 51699 };

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

async function main(): Promise<number> {
  if (spawnSync("redis-server", ["--version"]).error) {
    console.error("drill:cluster needs Debian's redis-server on PATH: apt-get install redis-server");
    return 1;
  }

  const redisPort = await freeLoopbackPort();
  const redisDir = dataPath(`${NAME}-redis`);
  rmSync(redisDir, { recursive: true, force: true });
  mkdirSync(redisDir, { recursive: true });
  // No RDB snapshots, no AOF: the cluster's state lives only as long as the drill.
  const redis = start({
    name: `${NAME}-redis`,
    command: "redis-server",
    args: ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", redisDir],
    toLogFile: true,
  });
  onShutdown(async () => rmSync(redisDir, { recursive: true, force: true }));
  for (let i = 0; !(await isAccepting(redisPort)); i++) {
    if (redis.hasExited() || i > 100) throw new Error(`redis-server did not start on 127.0.0.1:${redisPort}; see ${redis.logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const redisAddress = `127.0.0.1:${redisPort}`;
  console.log(`redis-server on ${redisAddress} (log: ${redis.logFile})`);

  // Node B first, so that instance 2 can be given its URL; each node's webhooks go to its own instance.
  const nodeB = await startLiveKit({
    name: `${NAME}-b`,
    ...NODE_B,
    apiKey: DEV_LIVEKIT_KEY,
    apiSecret: DEV_LIVEKIT_SECRET,
    webhookUrl: `http://127.0.0.1:${APP_PORT + 1}/api/livekit/webhook`,
    redisAddress,
  });
  onShutdown(() => nodeB.stop());
  console.log(`livekit node B at ${nodeB.url}`);
  const stack = await startStack({
    name: NAME,
    appPort: APP_PORT,
    instances: 2,
    livekit: { ...NODE_A, redisAddress },
    instanceEnv: (i): Record<string, string> => (i === 1 ? { LIVEKIT_URL: nodeB.url } : {}),
  });
  const nodeA = stack.livekit;
  console.log(`livekit node A at ${nodeA.url}; app 1 ${stack.baseUrls[0]} → A, app 2 ${stack.baseUrls[1]} → B`);

  const browser = await launchBrowser();
  onShutdown(() => browser.close());
  const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
  onShutdown(() => sql.end());
  const doctor = await DoctorDesk.open(browser, stack.baseUrls[1]!, nodeA);
  const deps: RabtaDeps = { browser, baseUrl: stack.baseUrls[0]!, doctor, sql };

  // The doctor (instance 2 → node B) admits and joins first, so node B's signalling opens the room.
  const doctorPage = doctor.page;
  // The desk's context does not record its peer connections (bench/join reads only the patient's);
  // the doctor's next page load (admitAndJoin opens /queue) picks this up.
  await recordPeerConnections(doctorPage.context());
  const doctorSockets = watchSockets(doctorPage);
  const consult = await openConsult("cluster", deps);
  const patientSockets = watchSockets(consult.page);
  const room = roomNameFor(consult.consultationId);
  await consult.page.getByRole("button", { name: "Join", exact: true }).click();

  for (const [who, page] of [["patient", consult.page], ["doctor", doctorPage]] as const) {
    const flowing = await expectRemoteVideoFlowing(page).then(
      () => true,
      async (error: unknown) => {
        const stats = await inboundVideo(page).catch(() => "unreadable");
        const state = await page.evaluate(() => (window.__rabtaPeerConnections ?? []).map((pc) => `${pc.connectionState}/${pc.iceConnectionState}`)).catch(() => []);
        await page.screenshot({ path: dataPath(`${NAME}-${who}.png`) }).catch(() => undefined);
        console.log(`${who}: ${describe(error).split("\n")[0]}; inbound video ${JSON.stringify(stats)}; peer connections ${state.join(", ")}; screenshot ${dataPath(`${NAME}-${who}.png`)}`);
        return false;
      },
    );
    check(flowing, `${who}: the other side's video decoded on a visible <video>, inbound video bytes growing`);
  }
  for (const [who, page] of [["patient", consult.page], ["doctor", doctorPage]] as const) {
    const before = await byteCounts(page);
    await page.waitForTimeout(3_000);
    const after = await byteCounts(page);
    check(after.inAudio > before.inAudio && after.inVideo > before.inVideo, `${who}: inbound audio +${after.inAudio - before.inAudio} B, video +${after.inVideo - before.inVideo} B in 3 s`);
  }
  check(patientSockets.some((url) => url.startsWith(nodeA.url)), `patient signalled via node A (${unique(patientSockets).join(", ")})`);
  check(doctorSockets.some((url) => url.startsWith(nodeB.url)), `doctor signalled via node B (${unique(doctorSockets).join(", ")})`);
  for (const [label, node] of [["A", nodeA], ["B", nodeB]] as const) {
    const client = new RoomServiceClient(node.url.replace(/^ws/, "http"), node.apiKey, node.apiSecret);
    const identities = (await client.listParticipants(room)).map((p) => p.identity).sort();
    check(identities.length === 2, `node ${label}'s API lists the room's participants: ${identities.join(", ")}`);
  }

  await closeConsult(consult, deps);
  const rows = await webhookRows(sql, consult.consultationId);
  console.log(`\nconsultation_events for ${room} (kind, identity: rows):`);
  for (const r of rows) console.log(`  ${r.kind}, ${r.identity ?? "-"}: ${r.count}`);
  const count = (kind: string) => rows.filter((r) => r.kind === kind);
  check(count("room_started").length === 1 && count("room_started")[0]!.count === 1, "room_started recorded once");
  const joined = count("participant_joined");
  check(joined.length === 2 && joined.every((r) => r.count === 1), "participant_joined recorded once per participant (2 participants)");
  check(rows.every((r) => r.count === 1), "no event recorded twice for the same participant");

  console.log("\nwhich node hosts the room (from the livekit-server logs):");
  const logs = { A: currentRun(logPath(`livekit-${NAME}`)), B: currentRun(logPath(`livekit-${NAME}-b`)) };
  const nodeIds = Object.fromEntries(Object.entries(logs).map(([label, text]) => [label, /"nodeID": "([^"]+)"/.exec(text)?.[1] ?? "?"]));
  const hosts: string[] = [];
  for (const [label, text] of Object.entries(logs)) {
    const lines = text.split("\n").filter((line) => line.includes(room) && !line.includes("livekit.api"));
    const field = (line: string, name: string) => new RegExp(`"${name}": "([^"]+)"`).exec(line)?.[1] ?? "?";
    const selected = lines.filter((line) => line.includes("selected node for room")).map((line) => field(line, "selectedNodeID"));
    const sessions = lines.filter((line) => line.includes("starting RTC session")).map((line) => field(line, "participant"));
    const webhooks = lines.filter((line) => line.includes("sent webhook")).map((line) => field(line, "event"));
    console.log(`  node ${label} (${nodeIds[label]}):`);
    if (selected.length > 0) console.log(`    chose the host for the new room: ${selected.map((id) => `${id} (node ${id === nodeIds.A ? "A" : id === nodeIds.B ? "B" : "?"})`).join(", ")}`);
    console.log(`    RTC sessions started: ${sessions.join(", ") || "none"}`);
    console.log(`    webhooks sent: ${webhooks.join(", ") || "none"}`);
    if (sessions.length > 0) hosts.push(label);
  }
  const relay = hosts.length === 1 ? (hosts[0] === "A" ? "the doctor's (node B)" : "the patient's (node A)") : "?";
  console.log(`  → the room is hosted on node ${hosts.join(" and ") || "?"}; ${relay} signalling was relayed to it through Redis`);
  check(hosts.length === 1, "the room was hosted on exactly one node");

  const cleanedUp = await shutdown();
  console.log(failures.length === 0 ? "\ndrill:cluster passed" : `\ndrill:cluster FAILED: ${failures.join("; ")}`);
  return failures.length === 0 && cleanedUp ? 0 : 1;
}

/** The consultation's webhook rows by kind and identity, once the room's finish has arrived (or after 20 s). */
async function webhookRows(sql: postgres.Sql, consultationId: string) {
  const read = () => sql<Array<{ kind: string; identity: string | null; count: number }>>`
    select kind::text as kind, participant_identity as identity, count(*)::int as count
    from consultation_events where consultation_id = ${consultationId}
    group by 1, 2 order by 1, 2`;
  const deadline = Date.now() + 20_000;
  let rows = await read();
  while (!rows.some((r) => r.kind === "room_finished") && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    rows = await read();
  }
  // Late duplicates, if a node were to send them, would arrive now.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  return read();
}

function watchSockets(page: Page): string[] {
  const urls: string[] = [];
  page.on("websocket", (socket) => urls.push(socket.url().replace(/\?.*$/, "")));
  return urls;
}

const unique = (values: string[]) => [...new Set(values)];

/** The part of an appended log written by this drill's start of the service. */
function currentRun(file: string): string {
  const text = readFileSync(file, "utf8");
  return text.slice(Math.max(0, text.lastIndexOf("\n--- ")));
}

runDrill("drill:cluster", 20 * 60_000, main);
