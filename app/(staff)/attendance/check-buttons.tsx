"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, startTransition } from "react";
import { FormMessage } from "@/app/_components/field";
import { checkAction, type CheckState } from "./actions";

/**
 * Check in / check out: the device's position is read when the button is pressed (the browser
 * asks once for permission) and sent with the check; the server measures the distance.
 */
export function CheckButtons() {
  const t = useTranslations("attendance");
  const [state, action, pending] = useActionState(checkAction, {} as CheckState);
  const [locating, setLocating] = useState(false);
  const [deviceError, setDeviceError] = useState<string | null>(null);

  const check = (kind: "check_in" | "check_out") => {
    setDeviceError(null);
    if (!("geolocation" in navigator)) return setDeviceError(t("noGeolocation"));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const data = new FormData();
        data.set("kind", kind);
        data.set("latitude", String(position.coords.latitude));
        data.set("longitude", String(position.coords.longitude));
        data.set("accuracy", String(position.coords.accuracy));
        startTransition(() => action(data));
      },
      (error) => {
        setLocating(false);
        setDeviceError(error.code === error.PERMISSION_DENIED ? t("permissionDenied") : t("noFix"));
      },
      // A fresh fix each time: a cached one could be where the device was a minute ago.
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn-primary min-h-12 grow sm:grow-0" disabled={pending || locating} onClick={() => check("check_in")}>
          {t("checkIn")}
        </button>
        <button type="button" className="btn-secondary min-h-12 grow sm:grow-0" disabled={pending || locating} onClick={() => check("check_out")}>
          {t("checkOut")}
        </button>
      </div>
      {locating && <p role="status">{t("locating")}</p>}
      {deviceError && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {deviceError}
        </p>
      )}
      {state.ok && state.distanceM !== undefined && (
        <p role="status" data-testid="check-result" className={`rounded-lg p-3 ${state.withinGeofence ? "bg-brand-50 text-brand-900" : "bg-amber-50 text-amber-900"}`}>
          {t(state.withinGeofence ? "recordedInside" : "recordedOutside", { kind: t(state.kind === "check_out" ? "checkOut" : "checkIn"), metres: state.distanceM })}
        </p>
      )}
      <FormMessage messageKey={state.ok ? undefined : (state.message ?? Object.values(state.fieldErrors ?? {})[0])} />
    </div>
  );
}
