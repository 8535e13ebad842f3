import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { httpSmsSender, SmsRejectedError } from "./senders";

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function gatewayAnswering(status: number): Promise<string> {
  server = createServer((_request, response) => response.writeHead(status).end());
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
}

describe("httpSmsSender", () => {
  it("accepts a 2xx answer", async () => {
    await expect(httpSmsSender(await gatewayAnswering(202), "t").send("+923001234567", "hi")).resolves.toBeUndefined();
  });

  it("reports an error answer as refused, which is safe to retry", async () => {
    await expect(httpSmsSender(await gatewayAnswering(503), "t").send("+923001234567", "hi")).rejects.toBeInstanceOf(SmsRejectedError);
  });

  it("reports a gateway that cannot be reached as refused", async () => {
    const url = await gatewayAnswering(200);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(httpSmsSender(url, undefined).send("+923001234567", "hi")).rejects.toBeInstanceOf(SmsRejectedError);
  });
});
