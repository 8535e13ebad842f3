import type { getFormatter } from "next-intl/server";
import type { Slot } from "@/lib/booking/slots";
import type { SlotDay } from "./slot-picker";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** Slots grouped under their clinic-local day, labelled for the slot picker. */
export function groupSlotsByDay(slots: readonly Slot[], format: Formatter): SlotDay[] {
  const days: SlotDay[] = [];
  for (const slot of slots) {
    const label = format.dateTime(slot.startsAt, { weekday: "long", day: "numeric", month: "long" });
    let day = days.at(-1);
    if (!day || day.label !== label) {
      day = { label, slots: [] };
      days.push(day);
    }
    day.slots.push({
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      label: format.dateTime(slot.startsAt, { hour: "numeric", minute: "2-digit" }),
    });
  }
  return days;
}
