"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { clinicLocalInstant } from "@/lib/booking/slots";
import type { FormState } from "@/lib/errors";
import { addOnCallShift } from "@/lib/queue/on-call";

const shiftForm = z.object({ clinicianId: text, need: text, date: text, start: text, end: text });

export async function addShiftAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: shiftForm,
    run: (actor, input) => {
      const startsAt = clinicLocalInstant(input.date, input.start);
      let endsAt = clinicLocalInstant(input.date, input.end);
      // A night shift ends the next morning.
      if (startsAt && endsAt && endsAt <= startsAt) endsAt = new Date(endsAt.getTime() + 24 * 60 * 60_000);
      return addOnCallShift(actor, { clinicianId: input.clinicianId, need: input.need, startsAt: startsAt ?? "invalid", endsAt: endsAt ?? "invalid" });
    },
    done: () => {
      revalidatePath("/on-call");
      return { ok: true };
    },
  });
}
