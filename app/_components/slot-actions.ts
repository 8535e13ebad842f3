"use server";

// The slot picker's two actions, shared by the patient's booking pages and the clinic desk's.

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, optionalText, text } from "@/app/_components/form-action";
import { homeFor } from "@/app/_components/home-for";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { rescheduleAppointment } from "@/lib/booking/change-appointment";
import type { FormState } from "@/lib/errors";

const bookingForm = z.object({ patientId: text, clinicianId: text, slot: text, idempotencyKey: optionalText, referralId: optionalText, followUpId: optionalText });

/**
 * Books the tapped slot. `slot` is "startsAt/endsAt" on a clinician's page; the find-care list
 * offers several clinicians in one form (so that "for whom?" is chosen once above them all), and
 * there each button carries its clinician too: "clinicianId/startsAt/endsAt".
 */
export async function bookSlotAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // Patients book for their household, clinic staff for anyone; bookAppointment decides which.
  return formAction(formData, {
    input: bookingForm,
    run: async (actor, input) => {
      const parts = input.slot.split("/");
      const [clinicianId = "", startsAt = "", endsAt = ""] = parts.length === 3 ? parts : [input.clinicianId, ...parts];
      // Whether this account may book for the chosen patient is bookAppointment's to decide.
      await bookAppointment(actor, {
        patientId: input.patientId,
        clinicianId,
        startsAt,
        endsAt,
        idempotencyKey: input.idempotencyKey,
        referralId: input.referralId,
        followUpId: input.followUpId,
      });
      return actor.role;
    },
    refused: () => {
      // The times on screen are stale once one was taken or has passed: show the current ones.
      refresh();
      return undefined;
    },
    done: (role) => redirect(`${homeFor(role)}?booked=1`),
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
