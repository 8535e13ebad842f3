import type { Transaction } from "@/db";
import { db } from "@/db";
import type { facilities } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { buildDataValueSet, type Dhis2DataValueSet } from "@/lib/dhis2/data-value-set";
import { parsePeriod, type Dhis2Period } from "@/lib/dhis2/periods";
import { districtScopeOf, facilityInScope } from "@/lib/district/scope";
import { AppError } from "@/lib/errors";
import { facilityFigures } from "./figures";
import { dhis2Mapping, type FigureKey } from "./mapping";

/** One line of what would be sent: a Rabta figure, where it goes in DHIS2, and its value. */
export type PreviewRow = { figure: FigureKey; dataElement: string; categoryOptionCombo?: string; value: number };

/** A facility's data value set for one period, before it is sent: the rows to show and the body to post. */
export type Dhis2Preview = {
  facility: { id: string; name: string; orgUnitCode: string };
  period: Dhis2Period;
  rows: PreviewRow[];
  body: Dhis2DataValueSet;
};

type Facility = typeof facilities.$inferSelect;

/**
 * Reads a DHIS2 period id for a report: a real month or ISO week (lib/dhis2/periods.ts) that
 * has already begun. Refused at the form's `period` field otherwise.
 */
export function reportingPeriod(periodId: string, now: Date): Dhis2Period {
  const period = parsePeriod(periodId);
  if (!period) throw new AppError("invalid", "form_invalid", { period: "dhis2_period_invalid" });
  if (period.start > now) throw new AppError("invalid", "form_invalid", { period: "dhis2_period_future" });
  return period;
}

/**
 * The preview of an already scoped (and, for a send, locked) facility: its figures, mapped to
 * DHIS2 codes, and the body built from them, for the data set of the period's type. A facility
 * without an org-unit code cannot be reported: DHIS2 would not know where the values belong; a
 * kind of period with no data set in the mapping is refused at the period.
 */
export async function previewOfFacility(reader: Pick<Transaction, "execute">, facility: Facility, period: Dhis2Period): Promise<Dhis2Preview> {
  if (!facility.dhis2OrgUnitCode) throw new AppError("conflict", "dhis2_org_unit_missing", { facilityId: "dhis2_org_unit_missing" });
  const mapping = dhis2Mapping();
  const dataSet = mapping.dataSets[period.kind];
  if (!dataSet) throw new AppError("invalid", "form_invalid", { period: "dhis2_period_kind_unmapped" });
  const figures = await facilityFigures(reader, facility.id, period);
  const rows = mapping.entries.map((entry) => ({ ...entry, value: figures[entry.figure] }));
  const body = buildDataValueSet({ dataSet, period: period.id, orgUnit: facility.dhis2OrgUnitCode, values: rows });
  return { facility: { id: facility.id, name: facility.name, orgUnitCode: facility.dhis2OrgUnitCode }, period, rows, body };
}

/**
 * What would go to DHIS2 for one facility of the admin's district and one period (`202611`,
 * `2026W48`): every mapped figure with its data element, category option combo and value, and
 * the data value set body. Another district's facility is "not found".
 */
export async function previewDataValueSet(actor: Actor, facilityId: string, periodId: string, now = new Date()): Promise<Dhis2Preview> {
  const scope = await districtScopeOf(actor);
  const facility = await facilityInScope(db(), scope, facilityId);
  return previewOfFacility(db(), facility, reportingPeriod(periodId, now));
}
