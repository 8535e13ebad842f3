import { and, desc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, otpChallenges, rateLimitCounters, signInThrottles, smsOutbox, userSessions, users } from "@/db/schema";
import { forgetOldSignIns } from "@/lib/auth/housekeeping";
import { requestOtp, verifyOtp } from "@/lib/auth/otp";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";
import { signInStaff, type StaffSignInResult } from "@/lib/auth/staff";
import { AppError, isAppError } from "@/lib/errors";
import { uniqueClientAddress, uniquePhone } from "./fixtures";

// Every test runs at an hour of its own, far from the real clock: fixed windows and lock
// times are then exact, and no test's counters meet another's.
let hours = 0;
function freshHour(): Date {
  return new Date(Date.UTC(2031, 0, 1) + (Math.floor(Math.random() * 5000) * 24 + hours++) * 3_600_000);
}
const plus = (t: Date, seconds: number) => new Date(t.getTime() + seconds * 1000);

async function codeSentTo(phone: string): Promise<string> {
  const [message] = await db().select().from(smsOutbox).where(eq(smsOutbox.toPhone, phone)).orderBy(desc(smsOutbox.createdAt)).limit(1);
  const code = message?.body.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

function refusalKey(outcome: PromiseSettledResult<unknown>): string | null {
  if (outcome.status === "fulfilled") return null;
  const error = outcome.reason;
  if (!(error instanceof AppError)) throw error;
  return error.fieldErrors.phone ?? error.messageKey;
}

describe("sign-in codes per client address", () => {
  it("sends no more than the client's hourly limit, however many numbers are asked for at once", async () => {
    const now = freshHour();
    const attacker = uniqueClientAddress();
    const phones = Array.from({ length: 12 }, uniquePhone);
    const outcomes = await Promise.allSettled(phones.map((phone) => requestOtp(phone, "en", attacker, { now, limits: { codesPerClientHour: 5 } })));

    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(5);
    expect(outcomes.map(refusalKey).filter(Boolean)).toEqual(Array(7).fill("otp_client_rate_limited"));
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")?.reason;
    // The window is the clock hour, so the wait runs to its end.
    expect(isAppError(refused, "otp_client_rate_limited") && refused.details).toEqual({ retryAfterSeconds: 3600 });
    expect(await db().select().from(otpChallenges).where(inArray(otpChallenges.phone, phones))).toHaveLength(5);
    expect(await db().select().from(smsOutbox).where(inArray(smsOutbox.toPhone, phones))).toHaveLength(5);

    // Another client is not held back, and the next hour the attacker may ask again.
    await expect(requestOtp(uniquePhone(), "en", uniqueClientAddress(), { now, limits: { codesPerClientHour: 5 } })).resolves.toBeDefined();
    await expect(requestOtp(uniquePhone(), "en", attacker, { now: plus(now, 3600), limits: { codesPerClientHour: 5 } })).resolves.toBeDefined();
  });

  it("counts one IPv6 subscriber's whole /64 as one client", async () => {
    const now = freshHour();
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    const limits = { codesPerClientHour: 2 };
    await requestOtp(uniquePhone(), "en", `${prefix}::1`, { now, limits });
    await requestOtp(uniquePhone(), "en", `${prefix}:0:0:0:2`, { now, limits });
    await expect(requestOtp(uniquePhone(), "en", `${prefix}:ffff:ffff:ffff:ffff`, { now, limits })).rejects.toMatchObject({
      fieldErrors: { phone: "otp_client_rate_limited" },
    });
  });

  it("stops at the deployment's hourly SMS budget whoever asks, and a refusal costs the client nothing", async () => {
    const now = freshHour();
    const clients = Array.from({ length: 15 }, uniqueClientAddress);
    const phones = clients.map(() => uniquePhone());
    const outcomes = await Promise.allSettled(clients.map((client, i) => requestOtp(phones[i]!, "en", client, { now, limits: { smsHourlyBudget: 6 } })));

    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(6);
    expect(outcomes.map(refusalKey).filter(Boolean)).toEqual(Array(9).fill("otp_busy"));
    expect(await db().select().from(smsOutbox).where(inArray(smsOutbox.toPhone, phones))).toHaveLength(6);

    const refusedClient = clients[outcomes.findIndex((o) => o.status === "rejected")]!;
    const counters = await db()
      .select({ key: rateLimitCounters.key, count: rateLimitCounters.count })
      .from(rateLimitCounters)
      .where(and(inArray(rateLimitCounters.key, [`otp_send:client:${refusedClient}`, "otp_send:all"]), eq(rateLimitCounters.windowStart, now)));
    // The budget counted only what it let through, and the refused client's own count is untouched.
    expect(counters).toEqual([{ key: "otp_send:all", count: 6 }]);
  });
});

describe("wrong codes per client address", () => {
  it("stops guesses spread over many numbers at the client's limit, even in parallel", async () => {
    const now = freshHour();
    const limits = { wrongCodesPerClientHour: 5 };
    const phones = Array.from({ length: 10 }, uniquePhone);
    const owner = uniqueClientAddress();
    for (const phone of phones) await requestOtp(phone, "en", owner, { now });
    const codes = await Promise.all(phones.map(codeSentTo));

    const attacker = uniqueClientAddress();
    const wrongFor = (code: string) => (code === "000000" ? "111111" : "000000");
    const guesses = await Promise.all(phones.map((phone, i) => verifyOtp(phone, wrongFor(codes[i]!), attacker, { now, limits })));
    expect(guesses.filter((g) => !g.ok && g.reason === "wrong")).toHaveLength(5);
    expect(guesses.filter((g) => !g.ok && g.reason === "client_limited")).toHaveLength(5);
    expect(guesses.find((g) => !g.ok && g.reason === "client_limited")).toEqual({ ok: false, reason: "client_limited", retryAfterSeconds: 3600 });

    // Spent: even a right code from that client waits for the next hour; its owner signs in.
    expect(await verifyOtp(phones[0]!, codes[0]!, attacker, { now, limits })).toMatchObject({ ok: false, reason: "client_limited" });
    expect(await verifyOtp(phones[0]!, codes[0]!, owner, { now, limits })).toMatchObject({ ok: true });
  });

  it("does not count codes that were right", async () => {
    const now = freshHour();
    const clinic = uniqueClientAddress();
    const limits = { wrongCodesPerClientHour: 2 };
    for (let i = 0; i < 5; i++) {
      const phone = uniquePhone();
      await requestOtp(phone, "en", clinic, { now });
      expect(await verifyOtp(phone, await codeSentTo(phone), clinic, { now, limits })).toMatchObject({ ok: true });
    }
  });
});

async function createStaff(password: string) {
  const email = `staff-${crypto.randomUUID()}@test.rabta.local`;
  const [user] = await db()
    .insert(users)
    .values({ role: "doctor", name: "Dr. Lock Test", email, passwordHash: await hashPassword(password) })
    .returning();
  return user!;
}

async function auditOf(action: string, entityId: string) {
  return db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
}

describe("staff password sign-in", () => {
  const password = "the-right-password";

  it("slows down after three failures, locks at the fifth, refuses the right password while locked, and audits the lock", async () => {
    const user = await createStaff(password);
    const client = uniqueClientAddress();
    const t0 = freshHour();
    const attempt = (secondsIn: number, pw: string) => signInStaff(user.email!, pw, client, plus(t0, secondsIn));

    expect(await attempt(0, "wrong-1")).toEqual({ ok: false, reason: "wrong", retryAfterSeconds: 0 });
    expect(await attempt(1, "wrong-2")).toEqual({ ok: false, reason: "wrong", retryAfterSeconds: 0 });
    expect(await attempt(2, "wrong-3")).toEqual({ ok: false, reason: "wrong", retryAfterSeconds: 5 });
    // Too early: refused unchecked, so even the right password does not get in, and it is no failure.
    expect(await attempt(3, password)).toEqual({ ok: false, reason: "delayed", retryAfterSeconds: 4 });
    expect(await attempt(7, "wrong-4")).toEqual({ ok: false, reason: "wrong", retryAfterSeconds: 10 });
    expect(await auditOf("sign_in.account_locked", user.id)).toEqual([]);
    expect(await attempt(17, "wrong-5")).toEqual({ ok: false, reason: "account_locked", retryAfterSeconds: 900 });

    const [audit] = await auditOf("sign_in.account_locked", user.id);
    expect(audit).toMatchObject({
      actorId: null,
      entityType: "user",
      details: { email: user.email, clientAddress: client, failures: 5, lockedUntil: plus(t0, 17 + 900).toISOString() },
    });

    // Locked: the right password is refused from anywhere until the lock ends.
    expect(await attempt(18, password)).toEqual({ ok: false, reason: "account_locked", retryAfterSeconds: 899 });
    expect(await signInStaff(user.email!, password, uniqueClientAddress(), plus(t0, 17 + 899))).toMatchObject({ reason: "account_locked", retryAfterSeconds: 1 });
    expect(await auditOf("sign_in.account_locked", user.id)).toHaveLength(1);
    expect(await attempt(17 + 900, password)).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("takes parallel guesses one at a time, so a burst gets no more tries than a patient attacker", async () => {
    const user = await createStaff(password);
    const t0 = freshHour();
    const client = uniqueClientAddress();
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => signInStaff(user.email!, `wrong-${i}`, client, t0)));
    const reasons = outcomes.map((o) => (o.ok ? "ok" : o.reason)).sort();
    expect(reasons).toEqual([...Array(7).fill("delayed"), ...Array(3).fill("wrong")]);
    const [row] = await db()
      .select()
      .from(signInThrottles)
      .where(and(eq(signInThrottles.scope, "account"), eq(signInThrottles.key, user.email!)));
    expect(row).toMatchObject({ failures: 3, lockedUntil: null });
  });

  it("treats an email nobody has exactly like a real account, lock included", async () => {
    const real = await createStaff(password);
    const unknown = `nobody-${crypto.randomUUID()}@test.rabta.local`;
    const t0 = freshHour();
    const run = async (email: string) => {
      const client = uniqueClientAddress();
      const results: StaffSignInResult[] = [];
      for (const seconds of [0, 1, 2, 7, 17, 18]) results.push(await signInStaff(email, "not-it", client, plus(t0, seconds)));
      return results;
    };
    const expected = [
      { ok: false, reason: "wrong", retryAfterSeconds: 0 },
      { ok: false, reason: "wrong", retryAfterSeconds: 0 },
      { ok: false, reason: "wrong", retryAfterSeconds: 5 },
      { ok: false, reason: "wrong", retryAfterSeconds: 10 },
      { ok: false, reason: "account_locked", retryAfterSeconds: 900 },
      { ok: false, reason: "account_locked", retryAfterSeconds: 899 },
    ];
    expect(await run(real.email!)).toEqual(expected);
    expect(await run(unknown)).toEqual(expected);
    expect(await auditOf("sign_in.account_locked", unknown)).toMatchObject([{ entityType: "sign_in_email", details: { email: unknown } }]);
  });

  it("locks a client after twenty failures across accounts, and audits it", async () => {
    const t0 = freshHour();
    const sprayer = uniqueClientAddress();
    const emails = Array.from({ length: 5 }, () => `sprayed-${crypto.randomUUID()}@test.rabta.local`);
    let t = 0;
    let last: StaffSignInResult | undefined;
    // Four failures per account (one short of its lock), each as early as the throttles allow.
    for (let i = 0; i < 20; i++) {
      for (;;) {
        last = await signInStaff(emails[i % 5]!, "guess", sprayer, plus(t0, t));
        if (last.ok || last.reason !== "delayed") break;
        t += last.retryAfterSeconds;
      }
      if (i < 19) expect(last).toMatchObject({ ok: false, reason: "wrong" });
    }
    expect(last).toEqual({ ok: false, reason: "client_locked", retryAfterSeconds: 900 });
    expect(t).toBeLessThan(15 * 60);
    const key = sprayer;
    expect(await auditOf("sign_in.client_locked", key)).toMatchObject([
      { actorId: null, entityType: "client_address", details: { clientAddress: sprayer, failures: 20, lockedUntil: plus(t0, t + 900).toISOString() } },
    ]);

    // A colleague's right password is refused from that address until the lock ends, not from elsewhere.
    const colleague = await createStaff(password);
    expect(await signInStaff(colleague.email!, password, sprayer, plus(t0, t + 1))).toMatchObject({ ok: false, reason: "client_locked" });
    expect(await signInStaff(colleague.email!, password, uniqueClientAddress(), plus(t0, t + 1))).toMatchObject({ ok: true });
    expect(await signInStaff(colleague.email!, password, sprayer, plus(t0, t + 900))).toMatchObject({ ok: true });
  });

  it("lets a staff member who mistyped twice in, and forgets those mistakes", async () => {
    const user = await createStaff(password);
    const client = uniqueClientAddress();
    const t0 = freshHour();
    await signInStaff(user.email!, "typo", client, t0);
    await signInStaff(user.email!, "typo again", client, plus(t0, 5));
    expect(await signInStaff(` ${user.email!.toUpperCase()} `, password, client, plus(t0, 10))).toMatchObject({ ok: true });
    for (const seconds of [11, 12]) expect(await signInStaff(user.email!, "typo", client, plus(t0, seconds))).toMatchObject({ retryAfterSeconds: 0 });
  });
});

describe("housekeeping", () => {
  it("drops counters, throttles and sessions nothing reads any more, and keeps the rest", async () => {
    const now = freshHour();
    const dayAndHourAgo = plus(now, -25 * 3600);
    const oldClient = uniqueClientAddress();
    const recentClient = uniqueClientAddress();
    await requestOtp(uniquePhone(), "en", oldClient, { now: dayAndHourAgo });
    await requestOtp(uniquePhone(), "en", recentClient, { now: plus(now, -3600) });
    await signInStaff(`old-${crypto.randomUUID()}@test.rabta.local`, "x", oldClient, dayAndHourAgo);
    const lockedEmail = `locked-${crypto.randomUUID()}@test.rabta.local`;
    for (const seconds of [0, 1, 2, 7, 17]) await signInStaff(lockedEmail, "x", recentClient, plus(now, seconds - 3600));

    const staff = await createStaff("pw-for-housekeeping");
    const oldSession = await startSession(staff.id, oldClient, plus(now, -31 * 24 * 3600));
    const recentSession = await startSession(staff.id, recentClient, plus(now, -29 * 24 * 3600));

    await forgetOldSignIns(now);

    const counterKeys = (await db().select({ key: rateLimitCounters.key }).from(rateLimitCounters)).map((r) => r.key);
    expect(counterKeys).not.toContain(`otp_send:client:${oldClient}`);
    expect(counterKeys).toContain(`otp_send:client:${recentClient}`);
    const throttleKeys = (await db().select({ key: signInThrottles.key }).from(signInThrottles)).map((r) => r.key);
    expect(throttleKeys).not.toContain(oldClient);
    expect(throttleKeys).toEqual(expect.arrayContaining([recentClient, lockedEmail]));
    const sessionIds = (await db().select({ id: userSessions.id }).from(userSessions)).map((r) => r.id);
    expect(sessionIds).not.toContain(oldSession);
    expect(sessionIds).toContain(recentSession);
  });
});
