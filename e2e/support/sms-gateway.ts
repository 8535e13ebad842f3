import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type GatewayMessage = { to: string; body: string };

export type SmsGateway = {
  url: string;
  token: string;
  messages: GatewayMessage[];
  close(): Promise<void>;
};

/**
 * A loopback stand-in for the SMS gateway, speaking the contract lib/sms/senders.ts documents:
 * `POST {"to","body"}` as JSON with `Authorization: Bearer <token>`, any 2xx meaning accepted.
 * A wrong token gets 401 and a malformed body 400, as a real gateway would answer.
 */
export async function startSmsGateway(token: string): Promise<SmsGateway> {
  const messages: GatewayMessage[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method !== "POST") return void response.writeHead(405).end();
      if (request.headers.authorization !== `Bearer ${token}`) return void response.writeHead(401).end();
      let message: Partial<GatewayMessage> = {};
      try {
        message = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Partial<GatewayMessage>;
      } catch {
        // handled below as a malformed request
      }
      if (typeof message.to !== "string" || typeof message.body !== "string") return void response.writeHead(400).end();
      messages.push({ to: message.to, body: message.body });
      response.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ accepted: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    token,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
