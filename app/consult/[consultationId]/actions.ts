"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import { clinicianRoles } from "@/lib/auth/roles";
import { endConsultation } from "@/lib/consult/end-consultation";
import type { FormState } from "@/lib/errors";
import { markNoAnswer } from "@/lib/queue/no-answer";
import { returnToQueue } from "@/lib/queue/return-to-queue";
import { addNoteAddendum } from "@/lib/records/add-addendum";
import { saveSoapNote } from "@/lib/records/save-soap-note";
import { signSoapNote } from "@/lib/records/sign-note";

const noteForm = z.object({ subjective: text, objective: text, assessment: text, plan: text });

/** A saved note answers with the version it became. */
export type SaveNoteState = FormState & { version?: number };

export async function saveNoteAction(consultationId: string, _prev: SaveNoteState, formData: FormData): Promise<SaveNoteState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: noteForm,
    run: (actor, note) => saveSoapNote(actor, consultationId, note),
    done: (note, values) => ({ ok: true, values, version: note.version }),
  });
}

/** The author signs the note; the page then shows it as final, with the addendum form. */
export async function signNoteAction(consultationId: string, _prev: FormState, formData?: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({}),
    run: (actor) => signSoapNote(actor, consultationId),
    done: () => {
      revalidatePath(`/consult/${consultationId}`);
      return { ok: true };
    },
  });
}

export async function addAddendumAction(consultationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({ body: text }),
    run: (actor, input) => addNoteAddendum(actor, consultationId, input),
    done: () => {
      revalidatePath(`/consult/${consultationId}`);
      return { ok: true, values: { body: "" } };
    },
  });
}

export async function endConsultationAction(consultationId: string, _prev: FormState, formData?: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({}),
    run: (actor) => endConsultation(actor, consultationId),
    done: () => redirect("/queue"),
  });
}

/** The patient did not answer: back to their place the first time, out of the queue the second. */
export async function noAnswerAction(consultationId: string, _prev: FormState, formData?: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({}),
    run: (actor) => markNoAnswer(actor, consultationId),
    done: ({ removed }) => redirect(`/queue?notice=${removed ? "no_answer_removed" : "no_answer"}`),
  });
}

export async function returnToQueueAction(consultationId: string, _prev: FormState, formData?: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: clinicianRoles,
    input: z.object({}),
    run: (actor) => returnToQueue(actor, consultationId),
    done: () => redirect("/queue?notice=returned"),
  });
}
