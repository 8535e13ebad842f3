"use server";

import { cookies } from "next/headers";
import { signOut } from "@/lib/auth";
import { currentActor } from "@/lib/auth/actor";
import { setPreferredLocale } from "@/lib/auth/preferences";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";

export async function setLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  const actor = await currentActor();
  if (actor) await setPreferredLocale(actor, locale);
}

/** Ends the session row too (Auth.js's signOut event), so the old cookie opens nothing. */
export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
