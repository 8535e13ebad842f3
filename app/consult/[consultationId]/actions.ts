"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { endConsultation } from "@/lib/consult/end-consultation";
import { AppError, formStateFrom, formValues, type FormState } from "@/lib/errors";
import { markNoAnswer } from "@/lib/queue/no-answer";
import { returnToQueue } from "@/lib/queue/return-to-queue";
import { saveSoapNote } from "@/lib/records/save-soap-note";

const noteFields = ["subjective", "objective", "assessment", "plan"] as const;

export async function saveNoteAction(consultationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(["doctor", "specialist"]);
  const values = formValues(formData, noteFields);
  try {
    const note = await saveSoapNote(actor, consultationId, {
      subjective: values.subjective ?? "",
      objective: values.objective ?? "",
      assessment: values.assessment ?? "",
      plan: values.plan ?? "",
    });
    return { ok: true, values, message: String(note.version) };
  } catch (error) {
    return formStateFrom(error, values);
  }
}

export async function endConsultationAction(consultationId: string, _prev: FormState): Promise<FormState> {
  const actor = await requireActor(["doctor", "specialist"]);
  try {
    await endConsultation(actor, consultationId);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  redirect("/queue");
}

/** The patient did not answer: back to their place the first time, out of the queue the second. */
export async function noAnswerAction(consultationId: string, _prev: FormState): Promise<FormState> {
  const actor = await requireActor(["doctor", "specialist"]);
  let removed: boolean;
  try {
    ({ removed } = await markNoAnswer(actor, consultationId));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  redirect(`/queue?notice=${removed ? "no_answer_removed" : "no_answer"}`);
}

export async function returnToQueueAction(consultationId: string, _prev: FormState): Promise<FormState> {
  const actor = await requireActor(["doctor", "specialist"]);
  try {
    await returnToQueue(actor, consultationId);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageKey };
    throw error;
  }
  redirect("/queue?notice=returned");
}
