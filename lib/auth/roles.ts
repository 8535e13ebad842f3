import type { Role } from "@/db/schema";

/** Whoever is acting: every lib use case takes one and checks it itself. */
export type Actor = { id: string; role: Role; name: string };

export const clinicianRoles: readonly Role[] = ["doctor", "specialist"];
export const isClinician = (actor: Actor) => clinicianRoles.includes(actor.role);
