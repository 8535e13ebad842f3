import type { AdmitOffer } from "./queue-actions";

// The details of the refusals lib/queue/queue-actions.ts throws, declared apart from it only
// while that file is being split into one use case per file; they belong beside their throws.
declare module "@/lib/errors" {
  interface ErrorDetails {
    /** The patient's visit that is already in a queue. */
    already_queued: { consultationId: string };
    /** Who is offline, and the next patient who is there to admit instead (null: nobody). */
    patient_offline: { offline: AdmitOffer; next: AdmitOffer | null };
  }
}
