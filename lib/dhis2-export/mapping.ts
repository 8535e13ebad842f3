import { z } from "zod";
import { AGE_BANDS } from "@/lib/reports/dashboard";
import raw from "./mapping.json";

const SEXES = ["female", "male"] as const;

/** Every Rabta figure the export can send, by its stable key (the mapping names them). */
export const FIGURE_KEYS = [
  ...SEXES.flatMap((sex) => AGE_BANDS.map((band) => `consultations.${sex}.${band}` as const)),
  "referrals",
  "emergency_referrals",
  "audio_only_fallbacks",
  "no_shows",
  "dropped_calls",
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

// The alphabet lib/dhis2/data-value-set.ts accepts; checked here too so a bad mapping fails when it is loaded, not when a send is built.
const code = z.string().regex(/^[A-Za-z0-9_.-]{1,50}$/, "must be a DHIS2 code: 1 to 50 of A-Z, a-z, 0-9, _ . -");

const mappingSchema = z
  .object({
    comment: z.string().optional(),
    // A DHIS2 data set has one period type: a month and an ISO week each go to their own.
    dataSets: z.object({ monthly: code.optional(), weekly: code.optional() }).refine((sets) => sets.monthly || sets.weekly, "name a monthly or a weekly data set"),
    entries: z
      .array(
        z.object({
          figure: z.enum(FIGURE_KEYS),
          dataElement: code,
          categoryOptionCombo: code.optional(),
        }),
      )
      .min(1),
  })
  .superRefine((mapping, ctx) => {
    const figures = new Set<string>();
    const targets = new Set<string>();
    mapping.entries.forEach((entry, index) => {
      // One figure sent twice, or two figures into one cell, would make DHIS2 keep whichever came last.
      if (figures.has(entry.figure)) ctx.addIssue({ code: "custom", path: ["entries", index, "figure"], message: `figure ${entry.figure} is mapped twice` });
      const target = `${entry.dataElement}|${entry.categoryOptionCombo ?? ""}`;
      if (targets.has(target)) ctx.addIssue({ code: "custom", path: ["entries", index], message: `${target} receives two figures` });
      figures.add(entry.figure);
      targets.add(target);
    });
  });

/** The mapping from Rabta's figures to DHIS2 codes: the data set of each period type and where each figure goes. */
export type Dhis2Mapping = z.infer<typeof mappingSchema>;
export type MappingEntry = Dhis2Mapping["entries"][number];

/**
 * Reads a mapping (the shape of mapping.json) and checks it: known figure keys, DHIS2-shaped
 * codes, no figure twice and no two figures into one data element and combo. Throws an Error
 * naming each problem.
 */
export function parseMapping(input: unknown): Dhis2Mapping {
  const parsed = mappingSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Invalid DHIS2 mapping:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  return parsed.data;
}

let cached: Dhis2Mapping | undefined;

/** The deployment's mapping (lib/dhis2-export/mapping.json), checked once on first use. */
export function dhis2Mapping(): Dhis2Mapping {
  cached ??= parseMapping(raw);
  return cached;
}
