import { dosageForms, findMedicine, formulary } from "@/lib/records/catalog";

const formNames = new Map<string, string>(dosageForms.map((form) => [form.code, form.en]));

/** A medicine as the counter reads it on the box: generic name, strength and form (Latin script). */
export function medicineName(code: string): string {
  const medicine = findMedicine(code);
  return medicine ? `${medicine.generic} ${medicine.strength} ${formNames.get(medicine.form) ?? ""}`.trim() : code;
}

/** The formulary as choices of a select, by name. */
export function medicineOptions(): { value: string; label: string }[] {
  return formulary.map((medicine) => ({ value: medicine.code, label: medicineName(medicine.code) })).sort((a, b) => a.label.localeCompare(b.label));
}
