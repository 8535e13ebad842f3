// Written by scripts/subset-fonts.ts (npm run fonts:subset); do not edit.

/** The Nastaliq subsets app/fonts.generated.css declares; every Urdu page uses both (app/layout.tsx preloads them). */
export const NASTALIQ_FONT_FILES = [
  "/fonts/noto-nastaliq-urdu-urdu-400.f1c4edb1b2.woff2",
  "/fonts/noto-nastaliq-urdu-latin-400.39796a62dc.woff2"
] as const;
