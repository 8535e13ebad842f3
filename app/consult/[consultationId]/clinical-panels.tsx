import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { listFacilities, listSpecialties } from "@/lib/booking/clinicians";
import { clinicToday } from "@/lib/booking/slots";
import { MAX_UPLOAD_BYTES } from "@/lib/records/attachments/image-intake";
import { allergenChoices, diagnoses, findAllergen, findDiagnosis, findLabTest, labTests } from "@/lib/records/catalog";
import { readConsultationEntries } from "@/lib/records/read-consultation-entries";
import { listOpenReferrals } from "@/lib/records/refer";
import { ageInMonths } from "@/lib/vitals/ranges";
import { AllergyPanel, DiagnosisPanel, LabPanel, ProblemPanel, ReferralPanel, VitalsPanel } from "./clinician-forms";
import { DIAGNOSIS_LIST_ID } from "./record-panel";

type Named = { en: string; ur: string };

/**
 * The clinical entries beside the call: vitals, diagnoses, allergies, problems, labs and
 * referrals, read once (one audited read of the record, one of its open referrals) and handed to
 * each panel. The diagnosis list goes to the browser as one native <datalist>: about 250
 * options filtered as the clinician types in English, Urdu or the code, with no script and no
 * round trip per key on a hub's connection that already carries the video.
 */
export async function ClinicalPanels({ actor, consultationId }: { actor: Actor; consultationId: string }) {
  const entries = await readConsultationEntries(actor, consultationId);
  const [referrals, specialties, facilities, locale, format, tq, ta] = await Promise.all([
    listOpenReferrals(actor, entries.patient.id),
    listSpecialties(),
    listFacilities(),
    getLocale(),
    getFormatter(),
    getTranslations("queue"),
    getTranslations("clinical.allergy"),
  ]);
  const name = (named: Named) => (locale === "ur" ? named.ur : named.en);
  const today = clinicToday(new Date());
  const ageMonths = ageInMonths(entries.patient.dateOfBirth, today);
  const entryLabel = (code: string | null, freeText: string | null, find: (code: string) => Named | undefined) => {
    const found = code ? find(code) : undefined;
    return found ? name(found) : (freeText ?? code ?? "");
  };
  const testLabel = (code: string) => {
    const test = findLabTest(code);
    return test ? name(test) : code;
  };

  const [latest] = entries.vitals;
  const latestVitals = latest && {
    time: format.dateTime(latest.recordedAt, { hour: "numeric", minute: "2-digit" }),
    summary: [
      latest.systolic !== null && `${tq("vital_bp")} ${latest.systolic}/${latest.diastolic}`,
      latest.pulse !== null && `${tq("vital_pulse")} ${latest.pulse}`,
      latest.temperatureC !== null && `${tq("vital_temp")} ${latest.temperatureC}`,
      latest.spo2 !== null && `${tq("vital_spo2")} ${latest.spo2}%`,
    ]
      .filter(Boolean)
      .join(" · "),
    warnings: latest.warnings,
  };

  const allergenGroups = [
    { kind: "drug_group", label: ta("groupDrug") },
    { kind: "ingredient", label: ta("groupIngredient") },
    { kind: "non_drug", label: ta("groupOther") },
  ].map((group) => ({
    label: group.label,
    options: allergenChoices()
      .filter((allergen) => allergen.kind === group.kind)
      .map((allergen) => ({ value: allergen.code, label: name(allergen) })),
  }));

  return (
    <>
      <datalist id={DIAGNOSIS_LIST_ID}>
        {diagnoses.map((diagnosis) => (
          <option key={diagnosis.code} value={diagnosis.code}>{`${diagnosis.en} · ${diagnosis.ur}`}</option>
        ))}
      </datalist>
      <VitalsPanel consultationId={consultationId} showMuac={ageMonths >= 6 && ageMonths <= 59} latest={latestVitals || null} />
      <DiagnosisPanel
        consultationId={consultationId}
        items={entries.diagnoses.map((d) => ({
          id: d.id,
          label: d.code ? `${entryLabel(d.code, d.freeText, findDiagnosis)} (${d.code})` : (d.freeText ?? ""),
          certainty: d.certainty,
          enteredInError: d.enteredInErrorAt !== null,
          mine: d.recordedBy === actor.id,
        }))}
      />
      <AllergyPanel
        consultationId={consultationId}
        allergenGroups={allergenGroups}
        items={entries.allergies.map((a) => ({ id: a.id, label: entryLabel(a.allergenCode, a.freeText, findAllergen), reaction: a.reaction, severity: a.severity }))}
      />
      <ProblemPanel
        consultationId={consultationId}
        today={today}
        items={entries.problems.map((p) => ({ id: p.id, label: entryLabel(p.code, p.freeText, findDiagnosis), since: p.onsetOn }))}
      />
      <LabPanel
        consultationId={consultationId}
        today={today}
        maxUploadBytes={MAX_UPLOAD_BYTES}
        tests={labTests.map((test) => ({ code: test.code, label: test.unit ? `${name(test)} (${test.unit})` : name(test), resultKind: test.resultKind, unit: test.unit }))}
        openOrders={entries.openLabOrders.map((o) => ({ id: o.id, testCode: o.testCode, label: testLabel(o.testCode), note: o.note }))}
        results={entries.labResults.map((r) => ({
          id: r.id,
          label: testLabel(r.testCode),
          value: r.valueNumeric !== null ? `${r.valueNumeric}${findLabTest(r.testCode)?.unit ? ` ${findLabTest(r.testCode)!.unit}` : ""}` : r.valueText,
          flag: r.flag,
          takenOn: r.takenOn,
          attachmentId: r.attachmentId,
        }))}
      />
      <ReferralPanel
        consultationId={consultationId}
        patientId={entries.patient.id}
        specialties={specialties.map((s) => ({ value: s.code, label: locale === "ur" ? s.nameUr : s.nameEn }))}
        facilities={facilities.map((f) => ({ value: f.id, label: f.name }))}
        items={referrals.map((r) => ({
          id: r.id,
          destination: [r.specialty && (locale === "ur" ? r.specialty.nameUr : r.specialty.nameEn), r.facility?.name].filter(Boolean).join(", "),
          urgency: r.urgency,
          reason: r.reason,
          referredBy: r.referredByName,
          bookable: r.specialty !== null,
        }))}
      />
    </>
  );
}
