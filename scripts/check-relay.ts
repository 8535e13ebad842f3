// `npm run check:relay`: the impairment relay (e2e/support/impairment.ts) against a UDP echo
// server on loopback, without LiveKit or a browser: the loss and the delay it adds are the ones
// asked for. Prints the measured figures; exits non-zero when they are off.
import { createSocket } from "node:dgram";
import { ImpairmentRelay } from "../e2e/support/impairment";

const PORT = Number(process.env.CHECK_RELAY_PORT ?? 58801);
const PACKETS = 2000;
const impairment = { lossPercent: 10, delayMs: 50 };

async function main(): Promise<void> {
  const echo = createSocket("udp4");
  echo.on("message", (message, from) => echo.send(message, from.port, from.address));
  await new Promise<void>((resolve) => echo.bind(PORT, "127.0.0.1", () => resolve()));
  const relay = await ImpairmentRelay.start({ listenHost: "127.0.0.2", targetHost: "127.0.0.1", ports: [PORT, PORT] });
  relay.set(impairment);

  const client = createSocket("udp4");
  const sentAt = new Map<number, number>();
  const rtts: number[] = [];
  client.on("message", (message) => rtts.push(performance.now() - sentAt.get(message.readUInt32BE(0))!));
  await new Promise<void>((resolve) => client.bind(0, "127.0.0.1", () => resolve()));
  for (let i = 0; i < PACKETS; i++) {
    const packet = Buffer.alloc(4);
    packet.writeUInt32BE(i);
    sentAt.set(i, performance.now());
    client.send(packet, PORT, "127.0.0.2");
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await new Promise((resolve) => setTimeout(resolve, 4 * impairment.delayMs + 200));
  await relay.close();
  client.close();
  echo.close();

  rtts.sort((a, b) => a - b);
  // Each echo crosses the relay twice, once each way.
  const expectedDelivery = (1 - impairment.lossPercent / 100) ** 2;
  const delivery = rtts.length / PACKETS;
  const medianRtt = rtts[Math.floor(rtts.length / 2)] ?? NaN;
  console.log(JSON.stringify({ impairment, packets: PACKETS, delivery: +delivery.toFixed(3), expectedDelivery: +expectedDelivery.toFixed(3), medianRttMs: +medianRtt.toFixed(1), expectedRttMs: 2 * impairment.delayMs }));
  const ok = Math.abs(delivery - expectedDelivery) < 0.04 && medianRtt >= 2 * impairment.delayMs && medianRtt < 2 * impairment.delayMs + 30;
  if (!ok) {
    console.error("check:relay: the relay's loss or delay is off");
    process.exit(1);
  }
  console.log("check:relay: ok");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
