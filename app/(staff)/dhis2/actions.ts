"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { PreviewRow } from "@/lib/dhis2-export/preview";
import { previewDataValueSet } from "@/lib/dhis2-export/preview";
import { periodIdFromInput } from "@/lib/dhis2-export/period-input";
import { requestDhis2Send } from "@/lib/dhis2-export/request-send";
import { AppError, type FormState } from "@/lib/errors";

/** What the DHIS2 form shows after an action: the preview table, and whether a send was queued. */
export type Dhis2FormState = FormState & {
  preview?: { facilityName: string; orgUnitCode: string; periodId: string; rows: PreviewRow[] };
  queued?: "send" | "dry_run";
};

/** Preview, dry run or send, by the button pressed (`intent`); the preview is shown again after a send. */
export async function dhis2Action(_prev: Dhis2FormState, formData: FormData): Promise<Dhis2FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ facilityId: text, kind: text, month: text, week: text, intent: text }),
    run: async (actor, { facilityId, kind, month, week, intent }) => {
      if (!facilityId) throw new AppError("invalid", "form_invalid", { facilityId: "dhis2_facility_required" });
      const periodId = periodIdFromInput(kind, month, week);
      let queued: Dhis2FormState["queued"] | undefined;
      if (intent === "send" || intent === "dry_run") {
        await requestDhis2Send(actor, facilityId, periodId, { dryRun: intent === "dry_run" });
        queued = intent;
      }
      const preview = await previewDataValueSet(actor, facilityId, periodId);
      return {
        preview: { facilityName: preview.facility.name, orgUnitCode: preview.facility.orgUnitCode, periodId: preview.period.id, rows: preview.rows },
        ...(queued ? { queued } : {}),
      };
    },
    done: (result, values): Dhis2FormState => {
      if (result.queued) revalidatePath("/dhis2");
      return { ok: true, values, ...result };
    },
  });
}
