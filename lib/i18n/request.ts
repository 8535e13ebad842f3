import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, catalogs, isLocale, negotiateLocale } from "./config";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: catalogs[locale], timeZone: CLINIC_TIME_ZONE };
});
