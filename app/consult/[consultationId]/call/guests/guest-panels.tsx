import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { ConsultationRole } from "@/lib/queue/consultation-access";
import { ChatPanel } from "./chat-panel";
import { ConsentPrompt } from "./consent-prompt";
import { InvitePanel } from "./invite-panel";
import { ParticipantsPanel } from "./participants-panel";
import { RecordingToggle } from "./recording-toggle";
import { SpecialistGate } from "./specialist-gate";

export type CallPanel = { id: string; label: string; content: ReactNode };

/**
 * What the guests' side adds to CallRoom for this viewer: `panels` (chat, people, invite for the
 * clinician, recording consent) and `overlay`, drawn over the stage inside the room (the consent
 * question for the patient's side, the "waiting to be let in" notice for a specialist).
 */
export async function guestPanels(role: ConsultationRole, consultationId: string): Promise<{ panels: CallPanel[]; overlay: ReactNode }> {
  const t = await getTranslations("guests");
  const panels: CallPanel[] = [
    { id: "chat", label: t("chatTitle"), content: <ChatPanel consultationId={consultationId} /> },
    { id: "people", label: t("participantsTitle"), content: <ParticipantsPanel consultationId={consultationId} canRemove={role === "clinician"} /> },
  ];
  if (role === "clinician") panels.push({ id: "invite", label: t("inviteTitle"), content: <InvitePanel consultationId={consultationId} /> });
  panels.push({ id: "recording", label: t("recordingTitle"), content: <RecordingToggle consultationId={consultationId} /> });
  const overlay =
    role === "patient" || role === "host" ? <ConsentPrompt consultationId={consultationId} /> : role === "specialist" ? <SpecialistGate /> : null;
  return { panels, overlay };
}
