import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test, type Response } from "@playwright/test";
import postgres from "postgres";
import { hashPassword } from "../lib/auth/password";
import { DEMO_LIVEKIT_SECRET, DEMO_STAFF_PASSWORD } from "../lib/demo";
import { ClinicianPages, PatientPages, freshPhone } from "./support/pages";
import { startSmsGateway, type SmsGateway } from "./support/sms-gateway";

// The production build that the suite serves from, started here again as an operator would:
// NODE_ENV=production, no RABTA_DEMO, and nothing inherited from the test run's demo settings.
const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");
const port = Number(process.env.E2E_PRODUCTION_PORT ?? 3102);
const baseUrl = `http://127.0.0.1:${port}`;
// The app's role (DATABASE_URL) and the tables' owner, who migrates (DATABASE_OWNER_URL).
const seededDatabaseUrl = process.env.DATABASE_URL!;
const seededOwnerUrl = process.env.DATABASE_OWNER_URL!;
const productionDatabase = `${new URL(seededDatabaseUrl).pathname.slice(1)}_prod`;
const productionDatabaseUrl = withDatabase(seededDatabaseUrl, productionDatabase);
const productionOwnerUrl = withDatabase(seededOwnerUrl, productionDatabase);

// Every test starts its own server (one at a time: the config runs one worker, and a file's
// tests in turn) and needs only what beforeAll makes, so any of them runs alone.
let gateway: SmsGateway;

test.beforeAll(async () => {
  gateway = await startSmsGateway(randomBytes(24).toString("base64url"));
  await withMaintenance((sql) => sql`create database ${sql(productionDatabase)}`);
});

test.afterAll(async () => {
  await gateway?.close();
  await withMaintenance((sql) => sql`drop database if exists ${sql(productionDatabase)} with (force)`);
});

/** What a real deployment sets: a gateway, secrets of its own, a LiveKit key that is not the demo's. */
function safeSettings(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: "UTC",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: productionDatabaseUrl,
    DATABASE_OWNER_URL: productionOwnerUrl,
    AUTH_SECRET: randomBytes(33).toString("base64"),
    AUTH_TRUST_HOST: "true",
    LIVEKIT_URL: process.env.LIVEKIT_URL,
    LIVEKIT_API_KEY: process.env.E2E_PRODUCTION_LIVEKIT_KEY,
    LIVEKIT_API_SECRET: process.env.E2E_PRODUCTION_LIVEKIT_SECRET,
    SMS_PROVIDER: "http",
    SMS_HTTP_URL: gateway.url,
    SMS_HTTP_TOKEN: gateway.token,
  };
}

type Server = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startServer(env: NodeJS.ProcessEnv): Server {
  const child = spawn(nextBin, ["start", "--hostname", "127.0.0.1", "--port", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode === null) server.child.kill("SIGTERM");
  await server.exited;
}

const unsafe: Array<[string, Partial<NodeJS.ProcessEnv>, RegExp]> = [
  ["no SMS provider", { SMS_PROVIDER: undefined }, /SMS_PROVIDER is missing: set it to http/],
  ["the dev SMS provider", { SMS_PROVIDER: "dev" }, /SMS_PROVIDER is dev: /],
  ["the demo LiveKit secret", { LIVEKIT_API_SECRET: DEMO_LIVEKIT_SECRET }, /LIVEKIT_API_SECRET is the published demo secret/],
  ["a short AUTH_SECRET", { AUTH_SECRET: "too-short" }, /AUTH_SECRET must be at least 32 characters/],
  ["a published AUTH_SECRET", { AUTH_SECRET: "dev-only-auth-secret-".padEnd(40, "x") }, /AUTH_SECRET is a value published/],
  ["the app connecting as a role that could rewrite the audit trail", { DATABASE_URL: productionOwnerUrl }, /DATABASE_URL connects as \w+, (a superuser|which owns the tables)/],
  ["demo staff accounts with the demo password", { DATABASE_URL: seededDatabaseUrl, DATABASE_OWNER_URL: seededOwnerUrl }, /staff accounts still have the published demo password \(.*doctor@rabta\.local/],
];

for (const [what, override, line] of unsafe) {
  test(`the production build refuses to start with ${what}`, async () => {
    const server = startServer({ ...safeSettings(), ...override });
    const code = await Promise.race([server.exited, new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 30_000))]);
    if (code === "running") await stopServer(server);
    expect(code, server.output()).not.toBe("running");
    expect(code).not.toBe(0);
    expect(server.output()).toMatch(line);
    expect(server.output()).toContain("Rabta will not start:");
  });
}

test("with safe settings the production build serves no outbox, and no response carries a sign-in code", async ({ page, request }) => {
  const server = startServer(safeSettings());
  try {
    await expect
      .poll(async () => (await request.get(`${baseUrl}/api/health`).catch(() => null))?.status(), { timeout: 60_000, message: server.output() })
      .toBe(200);

    for (const outboxPath of ["/dev/outbox", "/dev/outbox?refresh=1"]) {
      const response = await request.get(`${baseUrl}${outboxPath}`, { maxRedirects: 0 });
      expect(response.status(), outboxPath).toBe(404);
    }

    // Every response the browser gets, except the build's static assets, which were written
    // before any code existed.
    const bodies: { url: string; text: string }[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response: Response) => {
      if (new URL(response.url()).pathname.startsWith("/_next/static/")) return;
      pending.push(
        response
          .text()
          .then((text) => void bodies.push({ url: response.url(), text }))
          .catch(() => undefined),
      );
    });

    const phone = freshPhone();
    const patient = new PatientPages(page);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Mobile number").fill(phone.local);
    await page.getByRole("button", { name: "Send code" }).click();
    await expect(page.getByLabel("6-digit code")).toBeVisible();

    await expect.poll(() => gateway.messages.filter((m) => m.to === phone.e164).length).toBe(1);
    const code = /\b(\d{6})\b/.exec(gateway.messages.find((m) => m.to === phone.e164)!.body)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    await patient.enterCode(code === "000000" ? "111111" : "000000");
    await expect(page.getByLabel("6-digit code")).toHaveAttribute("aria-invalid", "true");
    await patient.enterCode(code!);
    await expect(page.getByRole("heading", { name: "Register" })).toBeVisible();
    for (const visit of ["/", "/dev/outbox", "/api/health"]) await page.goto(`${baseUrl}${visit}`);

    // A staff account given the published demo password opens nothing; its own password works.
    const own = `own-${randomBytes(9).toString("base64url")}`;
    await withProductionDatabase(async (sql) => {
      await sql`insert into users (role, name, email, password_hash) values
        ('doctor', 'Dr. Demo Password', 'demo-pw@clinic.example', ${await hashPassword(DEMO_STAFF_PASSWORD)}),
        ('doctor', 'Dr. Own Password', 'own-pw@clinic.example', ${await hashPassword(own)})`;
    });
    const staff = await page.context().browser()!.newContext({ baseURL: baseUrl });
    const staffPage = await staff.newPage();
    await staffPage.goto("/sign-in/staff");
    await staffPage.getByLabel("Email").fill("demo-pw@clinic.example");
    await staffPage.getByLabel("Password").fill(DEMO_STAFF_PASSWORD);
    await staffPage.getByRole("button", { name: "Sign in" }).click();
    await expect(staffPage.getByRole("main").getByRole("alert")).toHaveText("Email or password is not right.");
    await new ClinicianPages(staffPage).signIn("own-pw@clinic.example", own);
    await staff.close();

    await Promise.all(pending);
    expect(bodies.length).toBeGreaterThan(5);
    const leaks = bodies.filter((body) => body.text.includes(code!)).map((body) => body.url);
    expect(leaks, "responses that contain the sign-in code").toEqual([]);
    // Nor does the server print it, as the dev sender would.
    expect(server.output()).not.toContain(code!);
  } finally {
    await stopServer(server);
  }
});

/** Runs `work` on a connection of its own to `url`'s database. */
async function connected(url: string, work: (sql: postgres.Sql) => Promise<unknown>): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await work(sql);
  } finally {
    await sql.end();
  }
}

const withMaintenance = (work: (sql: postgres.Sql) => Promise<unknown>) => connected(withDatabase(seededOwnerUrl, "postgres"), work);
const withProductionDatabase = (work: (sql: postgres.Sql) => Promise<unknown>) => connected(productionDatabaseUrl, work);

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
