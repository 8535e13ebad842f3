import type { staffCadres } from "@/db/enums";

export type Cadre = (typeof staffCadres)[number];
export type Council = "pmdc" | "pnmc";

/** Which council registers a cadre: PMDC doctors and specialists, PNMC nurses, midwives and LHVs. */
export function councilOf(cadre: Cadre): Council | null {
  if (cadre === "doctor" || cadre === "specialist") return "pmdc";
  if (cadre === "lhv" || cadre === "nurse" || cadre === "midwife") return "pnmc";
  return null;
}

// The shapes the councils print on their cards, checked for format only (there is no council
// register to look a number up in from here): PMDC, digits, a hyphen and the letter of the
// register ("12345-P"); PNMC, an optional letter prefix of the register and digits ("LHV-12345",
// "N-123456", "123456").
const FORMATS: Record<Council, RegExp> = {
  pmdc: /^\d{1,6}-[A-Z]$/,
  pnmc: /^(?:[A-Z]{1,4}-)?\d{3,8}$/,
};

/** The number as stored (trimmed, upper case, no inner spaces), or the problem with it. */
export function checkRegistration(cadre: Cadre, raw: string | undefined): { number: string | null } | { problem: string } {
  const council = councilOf(cadre);
  const number = (raw ?? "").trim().toUpperCase().replace(/\s+/g, "");
  if (!council) return number === "" ? { number: null } : { problem: "registration_not_for_cadre" };
  if (number === "") return { problem: council === "pmdc" ? "pmdc_required" : "pnmc_required" };
  if (!FORMATS[council].test(number)) return { problem: council === "pmdc" ? "pmdc_format" : "pnmc_format" };
  return { number };
}
