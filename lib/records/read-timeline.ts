import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db";
import { allergies, problems } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { readRecord, type RecordAccess } from "./access";

/** What the timeline can be filtered by; each kind is one table of the record. */
export const timelineKinds = [
  "encounter",
  "note",
  "vitals",
  "diagnosis",
  "allergy",
  "problem",
  "prescription",
  "lab_order",
  "lab_result",
  "referral",
  "screening",
  "programme",
  "photo",
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const timelineQuery = z.object({
  kinds: z.array(z.enum(timelineKinds)).optional(),
  /** Entries older than this instant (the last one shown), for "show earlier". */
  before: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TimelineQuery = z.input<typeof timelineQuery>;

type Json = Record<string, unknown>;
export type TimelineEntry = { kind: TimelineKind; id: string; at: Date; encounterId: string | null; data: Json };

const ids = (access: RecordAccess) => sql`(${sql.join(access.patientIds.map((id) => sql`${id}::uuid`), sql`, `)})`;

/**
 * One SELECT per kind, each giving (kind, id, at, encounter_id, data): the timeline is their
 * UNION ALL, ordered and cut in PostgreSQL, so a record of years costs one page of rows.
 */
function sources(access: RecordAccess, viewer: Actor): Record<TimelineKind, SQL> {
  const of = ids(access);
  return {
    encounter: sql`select 'encounter' as kind, e.id::text as id, e.started_at as at, e.id as encounter_id,
        jsonb_build_object('kind', e.kind, 'facility', f.name, 'clinician', cu.name, 'host', hu.name,
          'status', c.status, 'endedAt', c.ended_at, 'consultationId', c.id, 'complaint', c.chief_complaint) as data
      from encounters e
      left join consultations c on c.encounter_id = e.id
      left join users cu on cu.id = c.clinician_id
      left join users hu on hu.id = c.hosted_by
      left join facilities f on f.id = e.facility_id
      where e.patient_id in ${of}`,
    // A patient reads a note once its author has signed it; before that it is the clinician's draft.
    note: sql`select 'note', n.id::text, coalesce(n.signed_at, n.updated_at), c.encounter_id,
        jsonb_build_object('consultationId', n.consultation_id, 'author', u.name, 'signedAt', n.signed_at,
          'assessment', n.assessment, 'plan', n.plan, 'version', n.version,
          'addenda', (select count(*) from note_addenda a where a.note_id = n.id))
      from soap_notes n
      join consultations c on c.id = n.consultation_id
      join users u on u.id = n.author_id
      where n.patient_id in ${of} ${viewer.role === "patient" ? sql`and n.signed_at is not null` : sql``}`,
    vitals: sql`select 'vitals', v.id::text, v.recorded_at, c.encounter_id,
        jsonb_strip_nulls(jsonb_build_object('systolic', v.systolic, 'diastolic', v.diastolic, 'pulse', v.pulse,
          'temperatureC', v.temperature_c, 'spo2', v.spo2, 'respiratoryRate', v.respiratory_rate, 'weightKg', v.weight_kg,
          'heightCm', v.height_cm, 'glucoseMgDl', v.glucose_mg_dl, 'muacCm', v.muac_cm, 'by', u.name))
      from vitals v
      left join consultations c on c.id = v.consultation_id
      join users u on u.id = v.recorded_by
      where v.patient_id in ${of}`,
    diagnosis: sql`select 'diagnosis', d.id::text, d.recorded_at, d.encounter_id,
        jsonb_build_object('code', d.code, 'freeText', d.free_text, 'certainty', d.certainty, 'by', u.name,
          'enteredInError', d.entered_in_error_at is not null)
      from diagnoses d join users u on u.id = d.recorded_by
      where d.patient_id in ${of}`,
    allergy: sql`select 'allergy', a.id::text, a.recorded_at, a.encounter_id,
        jsonb_build_object('allergenCode', a.allergen_code, 'freeText', a.free_text, 'reaction', a.reaction,
          'severity', a.severity, 'status', a.status, 'by', u.name)
      from allergies a join users u on u.id = a.recorded_by
      where a.patient_id in ${of}`,
    problem: sql`select 'problem', p.id::text, p.recorded_at, p.encounter_id,
        jsonb_build_object('code', p.code, 'freeText', p.free_text, 'status', p.status, 'onsetOn', p.onset_on,
          'resolvedOn', p.resolved_on, 'by', u.name)
      from problems p join users u on u.id = p.recorded_by
      where p.patient_id in ${of}`,
    prescription: sql`select 'prescription', r.id::text, r.issued_at, r.encounter_id,
        jsonb_build_object('by', u.name, 'dispensedAt', r.dispensed_at, 'enteredInError', r.entered_in_error_at is not null,
          'items', (select coalesce(jsonb_agg(jsonb_build_object('medicineCode', i.medicine_code, 'dose', i.dose,
              'frequencyCode', i.frequency_code, 'durationValue', i.duration_value, 'durationUnit', i.duration_unit) order by i.position), '[]'::jsonb)
            from prescription_items i where i.prescription_id = r.id))
      from prescriptions r join users u on u.id = r.prescriber_id
      where r.patient_id in ${of}`,
    lab_order: sql`select 'lab_order', o.id::text, o.ordered_at, o.encounter_id,
        jsonb_build_object('testCode', o.test_code, 'status', o.status, 'by', u.name)
      from lab_orders o join users u on u.id = o.ordered_by
      where o.patient_id in ${of}`,
    lab_result: sql`select 'lab_result', l.id::text, l.entered_at, l.encounter_id,
        jsonb_build_object('testCode', l.test_code, 'value', l.value_numeric, 'text', l.value_text, 'flag', l.flag,
          'takenOn', l.taken_on, 'attachmentId', l.attachment_id, 'by', u.name, 'enteredInError', l.entered_in_error_at is not null)
      from lab_results l join users u on u.id = l.entered_by
      where l.patient_id in ${of}`,
    referral: sql`select 'referral', r.id::text, r.referred_at, r.encounter_id,
        jsonb_build_object('specialtyCode', r.to_specialty_code, 'specialtyEn', s.name_en, 'specialtyUr', s.name_ur,
          'facility', f.name, 'urgency', r.urgency, 'reason', r.reason, 'status', r.status, 'by', u.name)
      from referrals r
      join users u on u.id = r.referred_by
      left join specialties s on s.code = r.to_specialty_code
      left join facilities f on f.id = r.to_facility_id
      where r.patient_id in ${of}`,
    screening: sql`select 'screening', s.id::text, s.recorded_at, s.encounter_id,
        jsonb_build_object('instrument', s.instrument, 'score', s.score, 'band', s.band, 'positive', s.positive, 'by', u.name)
      from screenings s join users u on u.id = s.recorded_by
      where s.patient_id in ${of}`,
    programme: sql`select 'programme', g.id::text, g.enrolled_at, g.encounter_id,
        jsonb_build_object('programme', g.programme, 'lastMenstrualPeriod', g.last_menstrual_period, 'endedAt', g.ended_at, 'by', u.name)
      from programme_enrolments g join users u on u.id = g.enrolled_by
      where g.patient_id in ${of}`,
    // Photos sent during a call (lab reports, a rash); a lab result's own photo is shown with it.
    photo: sql`select 'photo', a.id::text, a.uploaded_at, a.encounter_id,
        jsonb_build_object('attachmentId', a.id, 'caption', a.caption, 'by', u.name)
      from attachments a join users u on u.id = a.uploaded_by
      where a.patient_id in ${of} and a.kind = 'photo'`,
  };
}

async function queryTimeline(tx: Transaction, access: RecordAccess, viewer: Actor, query: z.output<typeof timelineQuery>): Promise<TimelineEntry[]> {
  const chosen = query.kinds && query.kinds.length > 0 ? query.kinds : timelineKinds;
  const all = sources(access, viewer);
  const union = sql.join(
    chosen.map((kind) => all[kind]),
    sql` union all `,
  );
  const rows = await tx.execute<{ kind: TimelineKind; id: string; at: string; encounter_id: string | null; data: Json }>(sql`
    select * from (${union}) as entry (kind, id, at, encounter_id, data)
    ${query.before ? sql`where at < ${query.before.toISOString()}` : sql``}
    order by at desc, id
    limit ${query.limit}`);
  return rows.map((row) => ({ kind: row.kind, id: row.id, at: new Date(row.at), encounterId: row.encounter_id, data: row.data }));
}

/** What every view of the record shows on top, whatever the filter: active allergies and problems. */
async function standingLists(tx: Transaction, access: RecordAccess) {
  const [allergyRows, problemRows] = await Promise.all([
    tx
      .select({ id: allergies.id, allergenCode: allergies.allergenCode, freeText: allergies.freeText, severity: allergies.severity, reaction: allergies.reaction })
      .from(allergies)
      .where(and(inArray(allergies.patientId, access.patientIds), eq(allergies.status, "active")))
      .orderBy(desc(allergies.recordedAt)),
    tx
      .select({ id: problems.id, code: problems.code, freeText: problems.freeText, onsetOn: problems.onsetOn })
      .from(problems)
      .where(and(inArray(problems.patientId, access.patientIds), eq(problems.status, "active")))
      .orderBy(desc(problems.recordedAt)),
  ]);
  return { allergies: allergyRows, problems: problemRows };
}

/**
 * The whole record of a patient (every MR ID merged into theirs too), newest first, across
 * facilities and clinicians, optionally of some kinds only. Audited as one read.
 */
export async function readTimeline(actor: Actor, patientId: string, input: TimelineQuery = {}) {
  const query = timelineQuery.parse(input);
  return readRecord(actor, patientId, { action: "record.read_timeline", details: { kinds: query.kinds ?? "all" } }, async (tx, access) => {
    const [entries, standing] = await Promise.all([queryTimeline(tx, access, actor, query), standingLists(tx, access)]);
    return { patient: access.patient, purpose: access.purpose, entries, more: entries.length === query.limit, ...standing };
  });
}

export type Timeline = Awaited<ReturnType<typeof readTimeline>>;
