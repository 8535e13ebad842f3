import { z } from "zod";
import { blankAsMissing } from "@/lib/form-fields";
import { findMedicine } from "@/lib/records/catalog";
import { MAX_MOVEMENT_QUANTITY } from "./rules";


/** A formulary medicine's code; anything else is `medicine_unknown`. */
export const medicineField = z
  .string({ error: "medicine_required" })
  .trim()
  .min(1, "medicine_required")
  .refine((code) => findMedicine(code) !== undefined, "medicine_unknown");

/** A whole number of units from 1 to MAX_MOVEMENT_QUANTITY. */
export const quantityField = z.preprocess(
  blankAsMissing,
  z.coerce.number({ error: "quantity_invalid" }).int("quantity_invalid").min(1, "quantity_invalid").max(MAX_MOVEMENT_QUANTITY, "quantity_invalid"),
);

/** A short free-text note, or nothing. */
export const noteField = z.preprocess(blankAsMissing, z.string().trim().max(300, "stock_note_too_long").optional());
