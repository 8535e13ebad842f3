import { z } from "zod";

const uuid = z.uuid();

/** True for a well-formed id; anything else cannot name a row, so a lookup answers "not found" at once. */
export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}
