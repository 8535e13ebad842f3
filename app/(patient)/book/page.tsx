import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { findCare, listSpecialties, type CareOption, type Specialty } from "@/lib/booking/clinicians";
import { CONSULT_LANGUAGES, clinicDaysAhead, readFindCareFilters } from "@/lib/booking/find-care";
import { requirePatientProfile } from "../patient-profile";
import { FindCareList, type CareCardView } from "./find-care-list";

export async function generateMetadata() {
  return { title: (await getTranslations("book"))("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function BookPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { self, patients } = await requirePatientProfile();
  const filters = readFindCareFilters(await searchParams);
  const [t, tf, format, locale, specialties, options] = await Promise.all([
    getTranslations("book"),
    getTranslations("family"),
    getFormatter(),
    getLocale(),
    listSpecialties(),
    findCare(filters),
  ]);
  const nameOf = (s: Specialty) => (locale === "ur" ? s.nameUr : s.nameEn);
  const now = new Date();

  const timeLabel = (startsAt: Date) => {
    const time = format.dateTime(startsAt, { hour: "numeric", minute: "2-digit" });
    const ahead = clinicDaysAhead(startsAt, now);
    if (ahead === 0) return t("earliestToday", { time });
    if (ahead === 1) return t("earliestTomorrow", { time });
    return format.dateTime(startsAt, { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });
  };
  const cards: CareCardView[] = options.map((c: CareOption) => ({
    id: c.id,
    name: c.name,
    specialty: nameOf(c.specialty),
    languages: c.languages.length > 0 ? t("speaks", { languages: format.list(c.languages.map((code) => languageName(t, code))) }) : null,
    facility: c.facility ? `${c.facility.name} · ${t(`facility_${c.facility.kind}`)}` : null,
    earliest: c.earliest
      ? { slot: `${c.earliest.startsAt.toISOString()}/${c.earliest.endsAt.toISOString()}`, label: timeLabel(c.earliest.startsAt) }
      : null,
  }));
  const forWhom = patients.map((p) => ({
    id: p.id,
    label: t("forWhomOption", { name: p.fullName, relation: tf(`relation_${p.relation ?? "other"}`) }),
  }));
  const filtered = Boolean(filters.specialty || filters.femaleOnly || filters.language);

  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {/* A GET form: the filters live in the URL, so a reload or the back button keeps them. */}
      <form method="get" action="/book" role="search" aria-label={t("filters")} className="card space-y-3">
        <div className="grid grid-cols-2 gap-2">
          <label className="block">
            <span className="text-sm font-medium text-slate-700">{t("specialty")}</span>
            <select name="specialty" defaultValue={filters.specialty ?? ""} className="field-input">
              <option value="">{t("anySpecialty")}</option>
              {specialties.map((s) => (
                <option key={s.code} value={s.code}>
                  {nameOf(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="text-sm font-medium text-slate-700">{t("language")}</span>
            <select name="language" defaultValue={filters.language ?? ""} className="field-input">
              <option value="">{t("anyLanguage")}</option>
              {CONSULT_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageName(t, code)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex min-h-12 items-center gap-2 rounded-full border border-slate-300 bg-white px-4 has-checked:border-brand-600 has-checked:bg-brand-50">
            <input type="checkbox" name="female" value="1" defaultChecked={filters.femaleOnly} className="size-5" />
            {t("femaleOnly")}
          </label>
          <button type="submit" className="btn-secondary ms-auto">
            {t("applyFilters")}
          </button>
        </div>
        {filtered && (
          <Link href="/book" className="inline-flex min-h-12 items-center text-brand-700 underline">
            {t("clearFilters")}
          </Link>
        )}
      </form>
      <p className="text-sm text-slate-600">{t("timesInKarachi")}</p>
      {cards.length === 0 ? (
        <p className="text-slate-600">{t("noMatches")}</p>
      ) : (
        <FindCareList clinicians={cards} patients={forWhom} defaultPatientId={self.id} idempotencyKey={crypto.randomUUID()} />
      )}
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"book">>>;

// Languages the catalog knows have a translated name; any other code a profile holds is shown as is.
function languageName(t: Translate, code: string): string {
  const key = `lang_${code}`;
  return t.has(key as Parameters<Translate>[0]) ? t(key as Parameters<Translate>[0]) : code;
}
