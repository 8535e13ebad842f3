import { z } from "zod";

/** What DHIS2 did with one data value set: the overall status, the counts, and why values were refused. */
export type ImportSummary = {
  status: "SUCCESS" | "WARNING" | "ERROR";
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
  conflicts: { object: string; value: string; errorCode?: string; indexes?: number[] }[];
  description?: string;
};

const count = z.number().int().nonnegative().catch(0);

const conflictSchema = z.looseObject({
  object: z.string().optional(),
  // DHIS2 2.38+ also names the offending objects by property: { "dataElement": "DE_CODE" }.
  objects: z.record(z.string(), z.unknown()).optional(),
  value: z.string(),
  errorCode: z.string().optional(),
  indexes: z.array(z.number().int()).optional(),
});

const summarySchema = z.looseObject({
  responseType: z.literal("ImportSummary").optional(),
  status: z.enum(["SUCCESS", "WARNING", "ERROR"]),
  description: z.string().optional(),
  importCount: z
    .looseObject({ imported: count, updated: count, ignored: count, deleted: count })
    .optional(),
  conflicts: z.array(conflictSchema).optional(),
});

// DHIS2 2.38+: { httpStatus, httpStatusCode, status, message, response: ImportSummary }.
const webMessageSchema = z.looseObject({
  httpStatusCode: z.number().optional(),
  response: z.looseObject({ responseType: z.literal("ImportSummary") }),
});

/**
 * Reads DHIS2's answer to a data value set import into a typed summary. Accepts the 2.38+ shape
 * (an ImportSummary inside a WebMessage's `response`) and the older one (the ImportSummary at the
 * top level). Only 2xx and 409 answers carry an import summary; returns null for any other status
 * or for a body that is not an import summary (an HTML login page, a plain error message).
 */
export function parseImportSummary(httpStatus: number, body: unknown): ImportSummary | null {
  if (!((httpStatus >= 200 && httpStatus < 300) || httpStatus === 409)) return null;
  const wrapped = webMessageSchema.safeParse(body);
  const candidate = wrapped.success ? wrapped.data.response : body;
  // The old top-level shape must say what it is: a bare { status } is not enough to count as a summary.
  if (!wrapped.success && (typeof body !== "object" || body === null || !("importCount" in body || "responseType" in body))) {
    return null;
  }
  const parsed = summarySchema.safeParse(candidate);
  if (!parsed.success) return null;
  const { status, description, importCount, conflicts } = parsed.data;
  return {
    status,
    imported: importCount?.imported ?? 0,
    updated: importCount?.updated ?? 0,
    ignored: importCount?.ignored ?? 0,
    deleted: importCount?.deleted ?? 0,
    conflicts: (conflicts ?? []).map((conflict) => ({
      object: conflict.object ?? firstObject(conflict.objects),
      value: conflict.value,
      ...(conflict.errorCode !== undefined ? { errorCode: conflict.errorCode } : {}),
      ...(conflict.indexes !== undefined ? { indexes: conflict.indexes } : {}),
    })),
    ...(description !== undefined ? { description } : {}),
  };
}

function firstObject(objects: Record<string, unknown> | undefined): string {
  const first = objects ? Object.values(objects)[0] : undefined;
  return typeof first === "string" ? first : "";
}
