// `npm run fonts:subset`: regenerates the Nastaliq subsets in public/fonts/ from the installed
// @fontsource/noto-nastaliq-urdu files, and app/fonts.generated.css / app/fonts.generated.ts that
// name them. Commit what it writes. Run it again after changing the Urdu catalog's letters or
// upgrading the font package; e2e/page-weight.spec.ts fails when a page's fonts outgrow 120 kB.
//
// What is kept: every letter of the Urdu alphabet (patients' names can hold any of them, not only
// the catalog's), the harakat, both sets of Arabic-Indic digits, the Urdu punctuation, the bidi
// controls, and whatever else the Urdu catalog (lib/i18n/messages/*ur.json) and the Urdu labels of
// the clinical catalogs (lib/records/catalog: diagnoses, medicines, instructions, lab tests) use.
// Latin letters are left to the system's sans-serif, as on the English pages; the space, ASCII
// digits and the catalogs' ASCII punctuation come from the font's own Latin file, so that numbers
// inside Urdu text match it.
//
// harfbuzz's subsetter keeps every glyph the kept characters can reach through GSUB (Nastaliq's
// contextual and cursive forms) and the GPOS positioning between them, so shaping is unchanged.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import subsetFont from "subset-font";
import { catalogs } from "../lib/i18n/config";
import { catalogUrduTexts } from "../lib/records/catalog";
import { repoRoot } from "./lib/paths";

const FONT_FAMILY = "Noto Nastaliq Urdu";
const sourceDir = path.join(repoRoot, "node_modules", "@fontsource", "noto-nastaliq-urdu", "files");
const outputDir = path.join(repoRoot, "public", "fonts");
const PREFIX = "noto-nastaliq-urdu-";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// The Urdu alphabet (with the hamza and madda forms and both heh-goal forms), not Arabic's
// own kaf, yeh, heh and teh marbuta: text typed on an Arabic keyboard falls back to the system.
const URDU_LETTERS = [
  ...range(0x0621, 0x0628), 0x062a, ...range(0x062b, 0x063a), 0x0641, 0x0642, 0x0644, 0x0645, 0x0646, 0x0648,
  0x0679, 0x067e, 0x0686, 0x0688, 0x0691, 0x0698, 0x06a9, 0x06af, 0x06ba, 0x06be, ...range(0x06c0, 0x06c3), 0x06cc, 0x06d2, 0x06d3,
];
const HARAKAT = [...range(0x064b, 0x0652), 0x0654, 0x0670];
const ARABIC_INDIC_DIGITS = [...range(0x0660, 0x0669), ...range(0x06f0, 0x06f9)];
// Comma, semicolon, question mark, full stop, percent and the decimal and thousands separators.
const URDU_PUNCTUATION = [0x060c, 0x061b, 0x061f, 0x06d4, 0x066a, 0x066b, 0x066c];
// Zero-width (non-)joiner, the direction marks and isolates next-intl and our markup use, no-break space.
const CONTROLS = [0x200c, 0x200d, 0x200e, 0x200f, ...range(0x2066, 0x2069), 0x00a0, 0x0020];
const ASCII_DIGITS = range(0x30, 0x39);

function catalogCodePoints(): Set<number> {
  const found = new Set<number>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") for (const char of value) found.add(char.codePointAt(0)!);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(catalogs.ur);
  walk(catalogUrduTexts());
  return found;
}

const isAsciiLetter = (cp: number) => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
// ICU placeholders ({name}, {count, plural, …}) are syntax, never shown.
const ICU_SYNTAX = new Set([0x7b, 0x7d, 0x23]);

/** One subset: the characters it covers and the fontsource file it is cut from. */
type Face = { name: string; source: string; codePoints: number[] };

/** Parses a CSS unicode-range ("U+0600-06FF,U+200C") into a membership test. */
function inRange(unicodeRange: string): (cp: number) => boolean {
  const spans = unicodeRange.split(",").map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(from!, 16), parseInt(to!, 16)] as const;
  });
  return (cp) => spans.some(([from, to]) => cp >= from && cp <= to);
}

function faces(): Face[] {
  const wanted = new Set([...URDU_LETTERS, ...HARAKAT, ...ARABIC_INDIC_DIGITS, ...URDU_PUNCTUATION, ...CONTROLS, ...ASCII_DIGITS]);
  for (const cp of catalogCodePoints()) if (!isAsciiLetter(cp) && !ICU_SYNTAX.has(cp)) wanted.add(cp);
  // Each character from the file fontsource (after Google Fonts) put it in: the Arabic file has
  // no space or ASCII digits, the Latin one no Arabic script.
  const ranges = JSON.parse(readFileSync(path.join(sourceDir, "..", "unicode.json"), "utf8")) as Record<"arabic" | "latin", string>;
  const arabic = inRange(ranges.arabic);
  const latin = inRange(ranges.latin);
  const sorted = [...wanted].sort((a, b) => a - b);
  const missing = sorted.filter((cp) => !arabic(cp) && !latin(cp));
  if (missing.length > 0) throw new Error(`the font has no file for ${missing.map((cp) => `U+${cp.toString(16)}`).join(", ")}`);
  return [
    { name: "urdu", source: "noto-nastaliq-urdu-arabic-400-normal.woff2", codePoints: sorted.filter(arabic) },
    // Space, digits and punctuation inside Urdu text: this face is used on every Urdu page too.
    { name: "latin", source: "noto-nastaliq-urdu-latin-400-normal.woff2", codePoints: sorted.filter((cp) => !arabic(cp)) },
  ];
}

/** `U+0621-063A,U+0641` from a sorted list of code points. */
function unicodeRange(codePoints: number[]): string {
  const parts: string[] = [];
  const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, "0");
  for (let i = 0; i < codePoints.length; i++) {
    const start = codePoints[i]!;
    while (i + 1 < codePoints.length && codePoints[i + 1] === codePoints[i]! + 1) i++;
    const end = codePoints[i]!;
    parts.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
  }
  return parts.join(",");
}

async function main() {
  mkdirSync(outputDir, { recursive: true });
  for (const old of readdirSync(outputDir)) if (old.startsWith(PREFIX)) rmSync(path.join(outputDir, old));
  const written: { face: Face; href: string; bytes: number }[] = [];
  for (const face of faces()) {
    const source = readFileSync(path.join(sourceDir, face.source));
    const text = String.fromCodePoint(...face.codePoints);
    const subset = await subsetFont(source, text, { targetFormat: "woff2" });
    // The content's hash in the name lets next.config.ts cache the file for a year.
    const hash = createHash("sha256").update(subset).digest("hex").slice(0, 10);
    const file = `${PREFIX}${face.name}-400.${hash}.woff2`;
    writeFileSync(path.join(outputDir, file), subset);
    written.push({ face, href: `/fonts/${file}`, bytes: subset.length });
    console.log(`${file}: ${face.codePoints.length} characters, ${(subset.length / 1000).toFixed(1)} kB (from ${(source.length / 1000).toFixed(1)} kB)`);
  }

  const header = "/* Written by scripts/subset-fonts.ts (npm run fonts:subset); do not edit. */\n";
  // One weight: headings' bold is synthesized, which keeps a second ~110 kB file off every page.
  const css = written
    .map(
      ({ face, href }) =>
        `@font-face {\n  font-family: "${FONT_FAMILY}";\n  font-style: normal;\n  font-weight: 400;\n  font-display: swap;\n  src: url("${href}") format("woff2");\n  unicode-range: ${unicodeRange(face.codePoints)};\n}\n`,
    )
    .join("\n");
  writeFileSync(path.join(repoRoot, "app", "fonts.generated.css"), header + css);
  const ts = [
    "// Written by scripts/subset-fonts.ts (npm run fonts:subset); do not edit.",
    "",
    "/** The Nastaliq subsets app/fonts.generated.css declares; every Urdu page uses both (app/layout.tsx preloads them). */",
    `export const NASTALIQ_FONT_FILES = ${JSON.stringify(written.map((w) => w.href), null, 2)} as const;`,
    "",
  ].join("\n");
  writeFileSync(path.join(repoRoot, "app", "fonts.generated.ts"), ts);
  console.log(`total ${(written.reduce((sum, w) => sum + w.bytes, 0) / 1000).toFixed(1)} kB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
