"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, text } from "@/app/_components/form-action";
import type { FormState } from "@/lib/errors";
import { postStaff } from "@/lib/staff/post-staff";
import { recordLeave } from "@/lib/staff/record-leave";
import { setRoster } from "@/lib/staff/set-roster";
import { setStaffRecord } from "@/lib/staff/set-staff-record";

export async function setStaffRecordAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ cadre: text, registrationNumber: text }),
    run: (actor, input) => setStaffRecord(actor, userId, input),
    done: (_result, values) => {
      revalidatePath("/staff-registry");
      return { ok: true, values };
    },
  });
}

export async function postStaffAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ facilityId: text, startsOn: text }),
    run: (actor, input) => postStaff(actor, userId, input),
    done: (_result, values) => {
      revalidatePath("/staff-registry");
      return { ok: true, values };
    },
  });
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export async function setRosterAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ effectiveFrom: text, ...Object.fromEntries(WEEKDAYS.flatMap((d) => [[`starts_${d}`, text], [`ends_${d}`, text]])) }),
    run: (actor, input) => {
      const fields = input as Record<string, string>;
      return setRoster(actor, userId, { effectiveFrom: fields.effectiveFrom, days: WEEKDAYS.map((weekday) => ({ weekday, starts: fields[`starts_${weekday}`] ?? "", ends: fields[`ends_${weekday}`] ?? "" })) });
    },
    done: (_result, values) => {
      revalidatePath("/staff-registry");
      return { ok: true, values };
    },
  });
}

export async function recordLeaveAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    roles: ["admin"],
    input: z.object({ kind: text, startsOn: text, endsOn: text, note: text }),
    run: (actor, input) => recordLeave(actor, userId, input),
    done: () => {
      revalidatePath("/staff-registry");
      return { ok: true };
    },
  });
}
