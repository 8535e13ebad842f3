import { cookies } from "next/headers";
import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { locales } from "@/lib/i18n/config";
import { clientAddressFrom } from "./client-address";
import { verifyOtp } from "./otp";
import { endSession, startSession } from "./sessions";
import { SignInRefused } from "./sign-in-refused";
import { signInStaff } from "./staff";

const otpCredentials = z.object({
  phone: z.string().min(1).max(40),
  code: z.string().regex(/^\d{6}$/),
  locale: z.enum(locales).optional(),
});
const passwordCredentials = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

/**
 * Auth.js keeps only the user id and the session id in its JWT. Role, the disabled flag and
 * whether the session still stands are read from the database on every request (see
 * currentSession), so a change takes effect at once.
 *
 * The limits on guessing live in `authorize`, not in our sign-in forms: anyone can POST to
 * /api/auth/callback/otp or /api/auth/callback/password directly. `authorize` gets a Request
 * rebuilt from the original headers, which carry the client's address (client-address.ts).
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong code or password is an everyday event for users, not a server error.
    error(error) {
      if ((error as { type?: string }).type !== "CredentialsSignin") console.error(error);
    },
  },
  providers: [
    Credentials({
      id: "otp",
      credentials: { phone: {}, code: {}, locale: {} },
      async authorize(raw, request) {
        const parsed = otpCredentials.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("wrong");
        const client = clientAddressFrom(request.headers);
        const result = await verifyOtp(parsed.data.phone, parsed.data.code, client, { locale: parsed.data.locale });
        if (!result.ok) throw new SignInRefused(result.reason, "retryAfterSeconds" in result ? result.retryAfterSeconds : 0);
        return { id: result.user.id, name: result.user.name, sessionId: await startSession(result.user.id, client) };
      },
    }),
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = passwordCredentials.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("wrong");
        const client = clientAddressFrom(request.headers);
        const result = await signInStaff(parsed.data.email, parsed.data.password, client);
        if (!result.ok) throw new SignInRefused(result.reason, result.retryAfterSeconds);
        const { user } = result;
        return { id: user.id, name: user.name, email: user.email, sessionId: await startSession(user.id, client) };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Also for a sign-out POSTed straight to /api/auth/signout: the session row ends with the cookie.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSession(sid);
    },
  },
});

// Auth.js names the cookie by the site's scheme; the name is also the salt of the token's key.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/**
 * The user id and session id in the request's session cookie, or null: the check auth() makes
 * (the token decrypted with AUTH_SECRET, its cookie name as the salt, the expiry enforced)
 * without the rest of what auth() does on the server, which runs Auth.js's whole session
 * endpoint on a Request made for the purpose and encrypts a refreshed token that it then throws
 * away (about a tenth of a booking's CPU, bench/booking/PROFILE.md). Anything else (a cookie
 * Auth.js split into chunks, a token this secret does not open) is left to auth() itself.
 */
export async function sessionClaims(): Promise<{ userId: string; sessionId?: string } | null> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((cookie) => jar.has(cookie));
  const token = name ? jar.get(name)?.value : undefined;
  if (name && token) {
    const payload = await decode({ token, secret: env().AUTH_SECRET, salt: name }).catch(() => null);
    if (payload?.sub) return { userId: payload.sub, sessionId: payload.sid };
  } else if (!jar.getAll().some((cookie) => cookie.name.includes("authjs.session-token."))) {
    return null;
  }
  const session = await auth();
  return session?.user?.id ? { userId: session.user.id, sessionId: session.sessionId } : null;
}
