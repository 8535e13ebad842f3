import { expect, test } from "@playwright/test";
import { cspViolations, recordCspViolations } from "./support/csp";
import { PatientPages, freshPhone } from "./support/pages";

const everywhere = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("every kind of response carries the security headers; pages get a fresh script nonce each time", async ({ request }) => {
  const signIn = await request.get("/sign-in");
  const html = await signIn.text();
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  const responses = {
    page: signIn,
    redirect: await request.get("/appointments", { maxRedirects: 0 }),
    api: await request.get("/api/health"),
    notFound: await request.get("/no-such-page"),
    staticChunk: await request.get(chunk!),
    icon: await request.get("/icon.svg"),
  };
  expect(responses.redirect.status()).toBe(307);
  for (const [kind, response] of Object.entries(responses)) {
    expect(response.headers(), kind).toMatchObject(everywhere);
  }

  const policy = signIn.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain(`script-src 'self' 'nonce-${nonce}';`);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ http:\/\/127\.0\.0\.1:\d+;/);
  // Every script the page carries, inline or not, has this response's nonce.
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const again = (await request.get("/sign-in")).headers()["content-security-policy"]!;
  expect(/'nonce-([^']+)'/.exec(again)?.[1]).not.toBe(nonce);
});

test("camera and microphone are allowed on the call page only; HSTS only over https", async ({ request }) => {
  expect((await request.get("/sign-in")).headers()["permissions-policy"]).toContain("camera=(), microphone=()");
  const call = await request.get("/consult/00000000-0000-4000-8000-000000000000", { maxRedirects: 0 });
  expect(call.headers()["permissions-policy"]).toContain("camera=(self), microphone=(self)");

  expect((await request.get("/sign-in")).headers()).not.toHaveProperty("strict-transport-security");
  const behindTls = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(behindTls.headers()["strict-transport-security"]).toMatch(/^max-age=\d+; includeSubDomains$/);
});

test("the patient's pages run under the policy without a single violation", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await recordCspViolations(context);
  const page = await context.newPage();
  const patient = new PatientPages(page);
  await patient.signIn(freshPhone());
  await patient.register("Policy Bibi", "1992-04-01");
  expect(await cspViolations(page)).toEqual([]);
  for (const path of ["/", "/book", "/appointments", "/family", "/now", "/records"]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    expect(await cspViolations(page), path).toEqual([]);
  }
  await context.close();
});
