"use server";

import { cookies } from "next/headers";
import { signOut } from "@/lib/auth";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";

export async function setLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
