import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { districtScopeOf, type DistrictScope } from "@/lib/district/scope";
import { AppError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The longest period an attendance report covers, in days: a year, leap or not. */
export const MAX_REPORT_DAYS = 366;

export type AttendancePeriod = { fromDay: string; toDay: string; facilityId?: string };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * The admin's scope and the condition on the facility `f` an attendance report is limited to,
 * after checking the period: clinic dates, from not after to, at most a year. A facility outside
 * the scope, or not a facility id, answers "not found".
 */
export async function attendanceScope(actor: Actor, period: AttendancePeriod): Promise<{ scope: DistrictScope; facilityWhere: SQL }> {
  const scope = await districtScopeOf(actor);
  const days = [period.fromDay, period.toDay].map((day) => (ISO_DATE.test(day) ? dayNumber(day) : Number.NaN));
  if (days.some(Number.isNaN)) throw new AppError("invalid", "form_invalid", { from: "period_invalid" });
  if (days[1]! < days[0]! || days[1]! - days[0]! + 1 > MAX_REPORT_DAYS) throw new AppError("invalid", "form_invalid", { to: "period_invalid" });
  return { scope, facilityWhere: facilitiesOf(scope, period.facilityId) };
}

/**
 * The condition on the facility `f` for an office report: the admin's district (or all, for the
 * province), and one facility when asked. Not a facility id: "not found".
 */
export function facilitiesOf(scope: DistrictScope, facilityId?: string): SQL {
  if (facilityId !== undefined && !isUuid(facilityId)) throw notFound();
  const parts: SQL[] = [];
  if (scope.kind === "district") parts.push(sql`f.district_id = ${scope.districtId}`);
  if (facilityId) parts.push(sql`f.id = ${facilityId}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}
