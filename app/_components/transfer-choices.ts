import type { getTranslations } from "next-intl/server";
import type { RoutingTargets } from "@/lib/queue/hosting";
import type { TransferChoices } from "./transfer-form";

type Translate = Awaited<ReturnType<typeof getTranslations<"queue">>>;

/**
 * Where one patient may be transferred: the online clinicians other than the one transferring,
 * and the specialty queues with someone else online to take from them, leaving out the queue the
 * patient already waits in. A patient who asked for a female clinician is offered only women and
 * queues that have one online; the server checks the same, this only spares a refused submit.
 */
export function transferChoicesFor(
  targets: RoutingTargets,
  consultation: { clinicianId: string | null; specialtyCode: string | null; femaleClinicianRequested?: boolean },
  selfId: string,
  locale: string,
  t: Translate,
): TransferChoices {
  const nameOf = (s: { nameEn: string; nameUr: string }) => (locale === "ur" ? s.nameUr : s.nameEn);
  const femaleOnly = consultation.femaleClinicianRequested === true;
  const inSpecialtyQueue = consultation.clinicianId === null ? consultation.specialtyCode : null;
  const others = targets.clinicians.filter((c) => c.id !== selfId && c.id !== consultation.clinicianId);
  const suitable = others.filter((c) => !femaleOnly || c.sex === "female");
  return {
    clinicians: suitable.map((c) => ({ value: `clinician:${c.id}`, label: t("targetClinician", { name: c.name, specialty: nameOf(c.specialty) }) })),
    specialties: targets.specialties.flatMap((s) => {
      const online = others.filter((c) => c.specialty.code === s.code);
      if (s.code === inSpecialtyQueue || !online.some((c) => suitable.includes(c))) return [];
      return [{ value: `specialty:${s.code}`, label: t("targetSpecialty", { specialty: nameOf(s), online: online.length }) }];
    }),
  };
}
