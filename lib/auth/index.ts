import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyOtp } from "./otp";
import { verifyStaffPassword } from "./staff";

class OtpSignInError extends CredentialsSignin {
  constructor(reason: string) {
    super(reason);
    this.code = reason;
  }
}

const otpCredentials = z.object({
  phone: z.string().min(1),
  code: z.string().regex(/^\d{6}$/),
  locale: z.enum(["ur", "en"]).optional(),
});
const passwordCredentials = z.object({ email: z.string().min(1), password: z.string().min(1) });

/**
 * Auth.js keeps only the user id in its JWT. Role and the disabled flag are read from the
 * database on every request (see currentActor), so a change takes effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong code or password is an everyday event for users, not a server error.
    error(error) {
      if (error.name !== "CredentialsSignin") console.error(error);
    },
  },
  providers: [
    Credentials({
      id: "otp",
      credentials: { phone: {}, code: {}, locale: {} },
      async authorize(raw) {
        const parsed = otpCredentials.safeParse(raw);
        if (!parsed.success) throw new OtpSignInError("wrong");
        const result = await verifyOtp(parsed.data.phone, parsed.data.code, parsed.data.locale);
        if (!result.ok) throw new OtpSignInError(result.reason);
        return { id: result.user.id, name: result.user.name };
      },
    }),
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = passwordCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyStaffPassword(parsed.data.email, parsed.data.password);
        return user ? { id: user.id, name: user.name, email: user.email } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
