import { readdirSync } from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The lib domains from the top down: a domain may import the domains of the layers below its
 * own, never one of its own layer or above. The top-level modules (env.ts, errors.ts, demo.ts,
 * form-fields.ts, vocabulary.ts, ids.ts, health.ts) sit below every layer; server-start.ts and job-handlers.ts, which
 * wire an instance together, above all of them.
 */
const libLayers = [
  ["dhis2-export"],
  ["reports"],
  ["stock", "attendance"],
  ["consult", "records"],
  ["queue"],
  ["emergency", "staff", "complaints"],
  ["booking"],
  ["patients", "vitals", "notifications", "encounters", "district"],
  ["auth"],
  ["audit", "sms", "jobs", "realtime", "livekit", "mrid", "identifiers", "i18n", "security", "dhis2"],
];
// A new domain must be given its place, or nothing would hold it to the direction.
const unplaced = readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !libLayers.flat().includes(entry.name))
  .map((entry) => `lib/${entry.name}`);
if (unplaced.length > 0) throw new Error(`eslint.config.mjs: give ${unplaced.join(", ")} a layer in libLayers`);

const kernel = ["env.ts", "errors.ts", "demo.ts", "form-fields.ts", "vocabulary.ts", "ids.ts", "health.ts"];
const wiring = ["server-start.ts", "job-handlers.ts"];
// The same for a new top-level module: it is either the kernel or the wiring.
const unplacedFiles = readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
  .filter((entry) => ![...kernel, ...wiring].includes(entry.name))
  .map((entry) => `lib/${entry.name}`);
if (unplacedFiles.length > 0) throw new Error(`eslint.config.mjs: add ${unplacedFiles.join(", ")} to kernel or wiring`);

const domainZones = libLayers.flatMap((layer, depth) =>
  layer.map((domain) => ({
    target: `./lib/${domain}`,
    from: [
      ...libLayers.slice(0, depth + 1).flat().filter((other) => other !== domain).map((other) => `./lib/${other}`),
      ...wiring.map((file) => `./lib/${file}`),
    ],
    message: `lib/${domain} sits below these domains (eslint.config.mjs libLayers): move the shared piece down, or the call up.`,
  })),
);
const kernelZones = kernel.map((file) => ({
  target: `./lib/${file}`,
  from: [...libLayers.flat().map((domain) => `./lib/${domain}`), ...wiring.map((other) => `./lib/${other}`)],
  message: "The top-level lib modules are imported by every domain and import none.",
}));

/**
 * The top-level sections of app/: each route group and route tree keeps its internals to
 * itself; what two of them share lives in app/_components.
 */
const appSections = ["(auth)", "(patient)", "(staff)", "consult", "api", "dev", "print", "verify", "1129"];
const sectionZones = appSections.flatMap((section) =>
  appSections
    .filter((other) => other !== section)
    .map((other) => ({
      target: `./app/${section}`,
      from: `./app/${other}`,
      message: `app/${other} is another section's internals: share it through app/_components.`,
    })),
);

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "node_modules/**", "db/migrations/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // app/ renders; the database is reached only through lib/ use cases that check the actor.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/db", "@/db/*", "**/db/*"], message: "app/ calls lib/<domain>, never db/ directly." }] },
      ],
    },
  },
  {
    // The import plugin and its TypeScript resolver (which follows tsconfig's "@/*" paths) are
    // registered by eslint-config-next.
    files: ["app/**/*.{ts,tsx}", "lib/**/*.ts", "db/**/*.ts"],
    // Without this the cycle check parses every package's type declarations it reaches
    // (drizzle's alone run to megabytes): a lint of minutes instead of seconds.
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: ["./lib", "./db"], from: "./app", message: "lib/ and db/ never import app/: the dependency points app → lib → db." },
            ...domainZones,
            ...kernelZones,
            ...sectionZones,
            {
              target: "./app/_components",
              from: appSections.map((section) => `./app/${section}`),
              message: "Shared UI imports no route section; pass what differs in as props.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
