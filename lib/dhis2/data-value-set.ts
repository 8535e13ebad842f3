import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { parsePeriod } from "@/lib/dhis2/periods";
import { CLINIC_TIME_ZONE } from "@/lib/vocabulary";

/** One aggregate number to report: a data element code, optionally split by a category option combo code. */
export type Dhis2DataValue = { dataElement: string; categoryOptionCombo?: string; value: number };

/** The JSON body of `POST /api/dataValueSets?idScheme=CODE`: every reference is a DHIS2 code. */
export type Dhis2DataValueSet = {
  dataSet?: string;
  period: string;
  orgUnit: string;
  completeDate?: string;
  dataValues: { dataElement: string; categoryOptionCombo?: string; value: string; comment?: string }[];
};

// DHIS2 codes are at most 50 characters; we keep to a conservative alphabet that needs no escaping.
const CODE = /^[A-Za-z0-9_.-]{1,50}$/;

function checkCode(what: string, code: string): void {
  if (!CODE.test(code)) {
    throw new Error(
      `DHIS2 ${what} code ${JSON.stringify(code)} is invalid: it must be 1 to 50 characters of A-Z, a-z, 0-9, "_", "." or "-"`,
    );
  }
}

/**
 * Builds the body DHIS2 expects for one data value set (one org unit, one period), with codes as
 * identifiers. It refuses bad codes, a malformed period and values that are not whole numbers,
 * by throwing an Error that says which.
 *
 * Zero values are kept, not dropped: sending 0 is how a facility reports "none this period"
 * rather than "not reported". DHIS2 then stores the 0 only when the data element is set to store
 * zero values ("zeroIsSignificant"); otherwise it ignores it, which is DHIS2's choice to make.
 */
export function buildDataValueSet(input: {
  dataSet?: string;
  period: string;
  orgUnit: string;
  values: readonly Dhis2DataValue[];
  /** When given, the data set registration is marked complete on this day (Karachi calendar). */
  completeDate?: Date;
}): Dhis2DataValueSet {
  if (input.dataSet !== undefined) checkCode("data set", input.dataSet);
  checkCode("org unit", input.orgUnit);
  if (parsePeriod(input.period) === null) {
    throw new Error(`DHIS2 period ${JSON.stringify(input.period)} is invalid: expected yyyyMM (202611) or yyyyWn (2026W48)`);
  }
  const seen = new Set<string>();
  const dataValues = input.values.map(({ dataElement, categoryOptionCombo, value }) => {
    checkCode("data element", dataElement);
    if (categoryOptionCombo !== undefined) checkCode("category option combo", categoryOptionCombo);
    if (!Number.isSafeInteger(value)) {
      throw new Error(`DHIS2 value for ${dataElement} must be a whole number, got ${String(value)}`);
    }
    const key = `${dataElement}|${categoryOptionCombo ?? ""}`;
    if (seen.has(key)) {
      // DHIS2 would keep whichever came last: a duplicate is a bug in the caller, not data.
      throw new Error(`DHIS2 value for ${key} is given twice in one data value set`);
    }
    seen.add(key);
    return {
      dataElement,
      ...(categoryOptionCombo !== undefined ? { categoryOptionCombo } : {}),
      value: String(value),
    };
  });
  return {
    ...(input.dataSet !== undefined ? { dataSet: input.dataSet } : {}),
    period: input.period,
    orgUnit: input.orgUnit,
    ...(input.completeDate !== undefined
      ? { completeDate: format(new TZDate(input.completeDate.getTime(), CLINIC_TIME_ZONE), "yyyy-MM-dd") }
      : {}),
    dataValues,
  };
}
