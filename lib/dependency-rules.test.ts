import { rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The dependency rules of eslint.config.mjs, each shown failing on a deliberate violation:
// a rule that is switched off, or whose paths no longer resolve, would pass everything silently.

const root = fileURLToPath(new URL("..", import.meta.url));
const eslint = new ESLint({ cwd: root });

// ESLint's first run loads the config, the plugins and the TypeScript resolver: seconds on a busy
// machine, once for the whole file.
const LINT_MS = 60_000;

// Each probe is linted as if it were an existing file of the tree: the cycle check cannot start
// from a path that is not on disk (eslint-plugin-import's component graph throws).

async function problems(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

describe("import direction", () => {
  it("accepts a domain importing a lower one, its own files and the top-level modules", async () => {
    const code = [
      'import { clinicToday } from "@/lib/booking/slots";',
      'import { notFound } from "@/lib/errors";',
      'import { queueKeyOf } from "./rules";',
      "export const probe = [clinicToday, notFound, queueKeyOf];",
      "",
    ].join("\n");
    expect(await problems("lib/queue/rules.ts", code)).toEqual([]);
  }, LINT_MS);

  it("refuses a domain importing one above it", async () => {
    const code = 'import { admitNext } from "@/lib/queue/admit";\nexport const probe = admitNext;\n';
    expect(await problems("lib/booking/slots.ts", code)).toEqual([
      expect.objectContaining({ ruleId: "import/no-restricted-paths", message: expect.stringContaining("lib/booking sits below") }),
    ]);
  }, LINT_MS);

  it("refuses lib importing app", async () => {
    const code = 'import { homeFor } from "@/app/_components/home-for";\nexport const probe = homeFor;\n';
    expect(await problems("lib/booking/slots.ts", code)).toEqual([
      expect.objectContaining({ ruleId: "import/no-restricted-paths", message: expect.stringContaining("never import app/") }),
    ]);
  }, LINT_MS);

  it("refuses a route group importing another group's internals, and shared UI importing a group", async () => {
    const code = 'import { FindCareList } from "@/app/(patient)/book/find-care-list";\nexport const probe = FindCareList;\n';
    expect(await problems("app/(staff)/queue/status-control.tsx", code)).toEqual([
      expect.objectContaining({ ruleId: "import/no-restricted-paths", message: expect.stringContaining("app/(patient) is another section") }),
    ]);
    const shared = 'import { StatusControl } from "@/app/(staff)/queue/status-control";\nexport const probe = StatusControl;\n';
    expect(await problems("app/_components/field.tsx", shared)).toEqual([
      expect.objectContaining({ ruleId: "import/no-restricted-paths", message: expect.stringContaining("Shared UI imports no route section") }),
    ]);
  }, LINT_MS);

  it("refuses app importing db", async () => {
    const code = 'import { db } from "@/db";\nexport const probe = db;\n';
    expect(await problems("app/(staff)/queue/status-control.tsx", code)).toEqual([
      expect.objectContaining({ ruleId: "no-restricted-imports" }),
    ]);
  }, LINT_MS);
});

describe("import cycles", () => {
  // The cycle check reads the other side of a cycle from disk, so both files are written there
  // for the run; one of them reaches the other through the "@/" alias, which only the TypeScript
  // resolver knows.
  const first = "lib/queue/dependency-probe-cycle-a.ts";
  const second = "lib/queue/dependency-probe-cycle-b.ts";
  const firstCode = 'import { b } from "./dependency-probe-cycle-b";\nexport const a = (): number => b();\n';
  beforeAll(() => {
    writeFileSync(`${root}${first}`, firstCode);
    writeFileSync(`${root}${second}`, 'import { a } from "@/lib/queue/dependency-probe-cycle-a";\nexport const b = (): number => a();\n');
  });
  afterAll(() => {
    rmSync(`${root}${first}`, { force: true });
    rmSync(`${root}${second}`, { force: true });
  });

  it("refuses a cycle", async () => {
    expect(await problems(first, firstCode)).toEqual([expect.objectContaining({ ruleId: "import/no-cycle" })]);
  }, LINT_MS);
});
