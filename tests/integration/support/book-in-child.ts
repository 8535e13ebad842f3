// Books one appointment in a process of its own, so that a test can kill that process at the
// worst moment. argv[2] is JSON `{ actor, input }`. It prints "ready" once its job queue is
// started, waits for a line on stdin, books, and prints "booked <id>".
import { createInterface } from "node:readline";
import { bookAppointment, type BookAppointmentInput } from "@/lib/booking/book-appointment";
import type { Actor } from "@/lib/auth/roles";
import { jobQueue } from "@/lib/jobs/queue";

async function main() {
  const { actor, input } = JSON.parse(process.argv[2]!) as { actor: Actor; input: BookAppointmentInput };
  await jobQueue();
  console.log("ready");
  const lines = createInterface({ input: process.stdin });
  await new Promise((resolve) => lines.once("line", resolve));
  const appointment = await bookAppointment(actor, input);
  console.log(`booked ${appointment.id}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
