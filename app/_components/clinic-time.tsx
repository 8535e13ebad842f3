"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { CLINIC_TIME_ZONE } from "@/lib/booking/slots";

const noSubscription = () => () => {};
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => CLINIC_TIME_ZONE;

const dateTimeStyle = { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit" } as const;

/**
 * A time in clinic time (Asia/Karachi), and, for a viewer whose device is set to another zone
 * (a relative abroad booking for a parent), the same moment in their own time, labelled.
 */
export function ClinicTime({ value }: { value: Date | string }) {
  const format = useFormatter();
  const t = useTranslations("time");
  const date = typeof value === "string" ? new Date(value) : value;
  const zone = useSyncExternalStore(noSubscription, viewerZone, serverZone);
  return (
    <span>
      <time dateTime={date.toISOString()}>{format.dateTime(date, { ...dateTimeStyle, timeZone: CLINIC_TIME_ZONE })}</time>
      {zone !== CLINIC_TIME_ZONE && (
        <span className="block text-sm text-slate-600">
          {t("yourTime", { time: format.dateTime(date, { ...dateTimeStyle, timeZone: zone }), zone })}
        </span>
      )}
    </span>
  );
}
