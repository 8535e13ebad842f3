import "./fonts.generated.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { preload } from "react-dom";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { directionOf, isLocale } from "@/lib/i18n/config";
import { SiteHeader } from "./_components/site-header";
import { NASTALIQ_FONT_FILES } from "./fonts.generated";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#047857" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const dir = isLocale(locale) ? directionOf(locale) : "ltr";
  // Only an Urdu page sets its text in Nastaliq (globals.css); without the preload the browser
  // finds the font only after the stylesheet has arrived and been applied. Fonts are always
  // fetched in CORS mode, so the preload must be too, or the browser downloads them twice.
  if (locale === "ur") {
    for (const href of NASTALIQ_FONT_FILES) preload(href, { as: "font", type: "font/woff2", crossOrigin: "anonymous" });
  }
  return (
    <html lang={locale} dir={dir}>
      <body className="min-h-dvh bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider>
          <SiteHeader />
          <main className="mx-auto w-full max-w-5xl px-4 py-6">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
