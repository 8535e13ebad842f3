"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, optionalText, text } from "@/app/_components/form-action";
import { homeFor } from "@/app/_components/home-for";
import { cancelAppointment, rescheduleAppointment } from "@/lib/booking/change-appointment";
import type { FormState } from "@/lib/errors";

export async function cancelAppointmentAction(appointmentId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["patient"],
    input: z.object({ reason: text, note: optionalText }),
    run: (actor, input) => cancelAppointment(actor, appointmentId, input),
    done: () => redirect("/appointments?cancelled=1"),
  });
}

/** The slot picker's action when it is moving an existing booking (a patient's own, or staff's). */
export async function rescheduleAction(appointmentId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    input: z.object({ slot: text }),
    echo: [],
    run: async (actor, { slot }) => {
      const [startsAt = "", endsAt = ""] = slot.split("/");
      await rescheduleAppointment(actor, appointmentId, { startsAt, endsAt });
      return actor.role;
    },
    done: (role) => redirect(`${homeFor(role)}?rescheduled=1`),
  });
}
