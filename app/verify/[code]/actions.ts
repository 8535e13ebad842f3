"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/actor";
import { formStateFrom, type FormState } from "@/lib/errors";
import { dispensePrescription } from "@/lib/stock/dispense-prescription";
import { dispensingRoles } from "@/lib/stock/dispensing-facility";

/**
 * The counter hands the medicines over: one quantity field per open line (quantity_<position>),
 * all of them echoed back on a refusal.
 */
export async function dispenseAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor(dispensingRoles);
  const quantities: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (name.startsWith("quantity_") && typeof value === "string") quantities[name] = value;
  try {
    await dispensePrescription(actor, code, quantities);
  } catch (error) {
    return formStateFrom(error, quantities);
  }
  revalidatePath(`/verify/${encodeURIComponent(code)}`);
  return { ok: true };
}
