import { createTranslator } from "next-intl";
import coreEn from "./messages/en.json";
import coreUr from "./messages/ur.json";
import callEn from "./messages/call.en.json";
import callUr from "./messages/call.ur.json";
import clinicalEn from "./messages/clinical.en.json";
import clinicalUr from "./messages/clinical.ur.json";
import prescriptionsEn from "./messages/prescriptions.en.json";
import prescriptionsUr from "./messages/prescriptions.ur.json";
import programmesEn from "./messages/programmes.en.json";
import programmesUr from "./messages/programmes.ur.json";
import guestsEn from "./messages/guests.en.json";
import guestsUr from "./messages/guests.ur.json";
import recordsEn from "./messages/records.en.json";
import recordsUr from "./messages/records.ur.json";
import emergencyEn from "./messages/emergency.en.json";
import emergencyUr from "./messages/emergency.ur.json";
import capabilityEn from "./messages/capability.en.json";
import capabilityUr from "./messages/capability.ur.json";
import dashboardEn from "./messages/dashboard.en.json";
import dashboardUr from "./messages/dashboard.ur.json";
import staffRegistryEn from "./messages/staffRegistry.en.json";
import staffRegistryUr from "./messages/staffRegistry.ur.json";
import attendanceEn from "./messages/attendance.en.json";
import attendanceUr from "./messages/attendance.ur.json";
import stockEn from "./messages/stock.en.json";
import stockUr from "./messages/stock.ur.json";
import complaintsEn from "./messages/complaints.en.json";
import complaintsUr from "./messages/complaints.ur.json";
import dhis2En from "./messages/dhis2.en.json";
import dhis2Ur from "./messages/dhis2.ur.json";

export const locales = ["ur", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ur";
export const LOCALE_COOKIE = "NEXT_LOCALE";

// The catalogs are one object per language; a namespace that grew its own vocabulary (the
// record, the programmes) lives in a file of its own, `<namespace>.<locale>.json`.
const en = { ...coreEn, records: recordsEn, programmes: programmesEn, prescriptions: prescriptionsEn, clinical: clinicalEn, call: callEn, guests: guestsEn, emergency: emergencyEn, capability: capabilityEn, dashboard: dashboardEn, staffRegistry: staffRegistryEn, attendance: attendanceEn, stock: stockEn, complaints: complaintsEn, dhis2: dhis2En };
const ur = { ...coreUr, records: recordsUr, programmes: programmesUr, prescriptions: prescriptionsUr, clinical: clinicalUr, call: callUr, guests: guestsUr, emergency: emergencyUr, capability: capabilityUr, dashboard: dashboardUr, staffRegistry: staffRegistryUr, attendance: attendanceUr, stock: stockUr, complaints: complaintsUr, dhis2: dhis2Ur };

export const catalogs = { en, ur } as const;
export type Messages = typeof en;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): "rtl" | "ltr" {
  return locale === "ur" ? "rtl" : "ltr";
}

/** Picks Urdu or English from an Accept-Language header; Urdu when neither is asked for. */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return defaultLocale;
  const wanted = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return wanted.map((w) => w.lang).find(isLocale) ?? defaultLocale;
}

/** Translations outside a request (SMS text, background work), same catalogs as the UI. */
export function serverTranslator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: catalogs[locale] as Messages, namespace });
}
