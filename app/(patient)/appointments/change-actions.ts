"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, optionalText, text } from "@/app/_components/form-action";
import { cancelAppointment } from "@/lib/booking/change-appointment";
import type { FormState } from "@/lib/errors";

export async function cancelAppointmentAction(appointmentId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["patient"],
    input: z.object({ reason: text, note: optionalText }),
    run: (actor, input) => cancelAppointment(actor, appointmentId, input),
    done: () => redirect("/appointments?cancelled=1"),
  });
}
