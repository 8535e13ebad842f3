import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { listAccountPatients } from "@/lib/patients/find-patients";

/** Patient pages need a registered patient behind the phone account; new accounts register first. */
export async function requirePatientProfile() {
  const actor = await requireActor(["patient"]);
  const patients = await listAccountPatients(actor);
  const self = patients[0];
  if (!self) redirect("/register");
  return { actor, patients, self };
}
