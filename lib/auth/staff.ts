import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { signInThrottles, users, type SignInThrottleScope, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo";
import { env } from "@/lib/env";
import { clientLimitKey } from "./client-address-rules";
import { hashPassword, verifyPassword } from "./password";
import { ACCOUNT_THROTTLE, CLIENT_THROTTLE, afterFailure, checkThrottle, type ThrottleState } from "./sign-in-throttle-rules";

// Checked when the email is unknown, so that a miss takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export type StaffSignInRefusal = "wrong" | "delayed" | "account_locked" | "client_locked";
export type StaffSignInResult = { ok: true; user: User } | { ok: false; reason: StaffSignInRefusal; retryAfterSeconds: number };

/**
 * Staff sign-in by email and password, from the client at `clientAddress`; patients have no
 * password. Failures slow down and then lock both the account (by the email typed, whether or
 * not it exists) and the client (sign-in-throttle-rules). While either is locked or waiting,
 * the password is not even checked, so a locked account refuses the right one too. Each lock
 * is audited in the transaction that sets it.
 *
 * The account's and the client's rows are locked, in that order, for the whole attempt:
 * parallel guesses take turns and each sees the failures before it. An unknown email goes the
 * same way, through a real argon2 check, so that neither the answer nor its timing says
 * whether the account exists. `now` is the clock (tests pass their own).
 */
export async function signInStaff(emailInput: string, password: string, clientAddress: string, now = new Date()): Promise<StaffSignInResult> {
  const email = emailInput.trim().toLowerCase();
  const clientKey = clientLimitKey(clientAddress);
  dummyHash ??= hashPassword(crypto.randomUUID());
  const fallbackHash = await dummyHash;

  return db().transaction(async (tx): Promise<StaffSignInResult> => {
    const account = await lockThrottle(tx, "account", email);
    const client = await lockThrottle(tx, "client", clientKey);

    const accountCheck = checkThrottle(account, ACCOUNT_THROTTLE, now);
    const clientCheck = checkThrottle(client, CLIENT_THROTTLE, now);
    if (!accountCheck.ok && accountCheck.reason === "locked") return { ok: false, reason: "account_locked", retryAfterSeconds: accountCheck.retryAfterSeconds };
    if (!clientCheck.ok && clientCheck.reason === "locked") return { ok: false, reason: "client_locked", retryAfterSeconds: clientCheck.retryAfterSeconds };
    if (!accountCheck.ok || !clientCheck.ok) {
      const wait = Math.max(accountCheck.ok ? 0 : accountCheck.retryAfterSeconds, clientCheck.ok ? 0 : clientCheck.retryAfterSeconds);
      return { ok: false, reason: "delayed", retryAfterSeconds: wait };
    }

    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.email, email), isNull(users.disabledAt), ne(users.role, "patient")));
    // The demo password is published in our README: outside a demo it opens no account, even
    // one that was given it, and counts as a wrong guess.
    const published = password === DEMO_STAFF_PASSWORD && !env().demo;
    const ok = (await verifyPassword(user?.passwordHash ?? fallbackHash, password)) && !published;
    if (ok && user) {
      // The client's count stays: signing in to one's own account must not wash out guesses at others.
      await saveThrottle(tx, "account", email, { failures: 0, windowStartedAt: null, lastFailureAt: null, lockedUntil: null });
      return { ok: true, user };
    }

    const accountAfter = afterFailure(account, ACCOUNT_THROTTLE, now);
    const clientAfter = afterFailure(client, CLIENT_THROTTLE, now);
    await saveThrottle(tx, "account", email, accountAfter.state);
    await saveThrottle(tx, "client", clientKey, clientAfter.state);
    if (accountAfter.locked) {
      await recordAudit(tx, {
        actorId: null,
        action: "sign_in.account_locked",
        // An email nobody has is locked all the same (so a lock reveals nothing) and recorded as typed.
        entityType: user ? "user" : "sign_in_email",
        entityId: user?.id ?? email,
        details: { email, clientAddress, failures: ACCOUNT_THROTTLE.lockAfter, lockedUntil: accountAfter.state.lockedUntil?.toISOString() },
      });
    }
    if (clientAfter.locked) {
      await recordAudit(tx, {
        actorId: null,
        action: "sign_in.client_locked",
        entityType: "client_address",
        entityId: clientKey,
        details: { clientAddress, lastEmail: email, failures: CLIENT_THROTTLE.lockAfter, lockedUntil: clientAfter.state.lockedUntil?.toISOString() },
      });
    }
    if (accountAfter.locked) return { ok: false, reason: "account_locked", retryAfterSeconds: accountAfter.retryAfterSeconds };
    if (clientAfter.locked) return { ok: false, reason: "client_locked", retryAfterSeconds: clientAfter.retryAfterSeconds };
    return { ok: false, reason: "wrong", retryAfterSeconds: Math.max(accountAfter.retryAfterSeconds, clientAfter.retryAfterSeconds) };
  });
}

/** The throttle row of one account or client, created if need be, locked until the transaction ends. */
async function lockThrottle(tx: Transaction, scope: SignInThrottleScope, key: string): Promise<ThrottleState> {
  // DO UPDATE (not DO NOTHING) so that an existing row comes back, locked, in the same statement.
  const [row] = await tx
    .insert(signInThrottles)
    .values({ scope, key })
    .onConflictDoUpdate({ target: [signInThrottles.scope, signInThrottles.key], set: { key: sql`excluded.key` } })
    .returning();
  return row!;
}

async function saveThrottle(tx: Transaction, scope: SignInThrottleScope, key: string, state: ThrottleState): Promise<void> {
  await tx
    .update(signInThrottles)
    .set(state)
    .where(and(eq(signInThrottles.scope, scope), eq(signInThrottles.key, key)));
}
