import type { Actor } from "@/lib/auth/roles";

/** Where each role's work starts; actions send people back there after a booking change. */
export function homeFor(role: Actor["role"]): string {
  if (role === "patient") return "/appointments";
  if (role === "doctor" || role === "specialist") return "/queue";
  if (role === "rhu_staff") return "/host";
  return "/patients";
}
