import { getTranslations } from "next-intl/server";

export async function CodeForm({ defaultValue = "" }: { defaultValue?: string }) {
  const t = await getTranslations("prescriptions");
  return (
    <form method="get" action="/verify" className="card space-y-3" role="search">
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t("verifyCodeField")}</span>
        <input
          name="code"
          defaultValue={defaultValue}
          dir="ltr"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          className="field-input ltr-nums text-lg tracking-wider"
          placeholder="XXXX-XXXX-XXXX-XXXX-X"
        />
      </label>
      <button type="submit" className="btn-primary w-full">
        {t("verifySubmit")}
      </button>
    </form>
  );
}
