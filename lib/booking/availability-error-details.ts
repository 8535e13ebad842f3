// The details of the refusal lib/booking/availability.ts throws, declared apart from it only
// while that file is being split into one use case per file; they belong beside the throw.
declare module "@/lib/errors" {
  interface ErrorDetails {
    /** The live bookings the refused change would strand (times as ISO strings). */
    availability_orphans: {
      appointmentIds: string[];
      bookings: { id: string; patientName: string; startsAt: string; endsAt: string }[];
    };
  }
}

export {};
