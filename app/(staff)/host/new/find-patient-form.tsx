"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { parseMrId } from "@/lib/mrid/mrid";
import { FieldError } from "@/app/_components/field";
import { useErrorText } from "@/app/_components/host-fields";

/**
 * True when the text is a complete MR ID whose check digit is wrong. Ten digits starting with 3
 * are left alone: that is also a mobile number typed without its leading 0, which the search accepts.
 */
function hasWrongCheckDigit(text: string): boolean {
  const result = parseMrId(text);
  if (result.ok || result.reason !== "check_digit") return false;
  return !/^[\s-]*[3\u0663\u06f3]/.test(text);
}

/**
 * Search by MR ID, CNIC or mobile number. A GET form, so the query stays in the box and in the
 * address; a mistyped MR ID is caught by its check digit while it is typed, before any search.
 */
export function FindPatientForm({ query, serverError }: { query: string; serverError?: string }) {
  const t = useTranslations("host.find");
  const errorText = useErrorText();
  const [text, setText] = useState(query);
  const [edited, setEdited] = useState(false);
  const error = hasWrongCheckDigit(text) ? t("checkDigit") : edited ? undefined : errorText(serverError);

  return (
    <form
      method="get"
      role="search"
      noValidate
      className="flex flex-wrap items-start gap-3"
      onSubmit={(event) => {
        if (hasWrongCheckDigit(text)) event.preventDefault();
      }}
    >
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor="q" className="text-sm font-medium text-slate-700">
          {t("query")}
        </label>
        <input
          id="q"
          name="q"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setEdited(true);
          }}
          dir="ltr"
          inputMode="tel"
          autoComplete="off"
          className="field-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "q-error" : undefined}
        />
        <FieldError id="q-error" text={error} />
      </div>
      <button type="submit" className="btn-primary mt-6 grow sm:grow-0">
        {t("search")}
      </button>
    </form>
  );
}
