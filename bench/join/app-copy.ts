import { cpSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { dataPath, repoRoot } from "../../scripts/lib/paths";
import { onShutdown } from "../../scripts/lib/proc";

// Build outputs, installed packages and local state, none of which the build reads as source.
const NOT_SOURCE = new Set(["node_modules", "test-results", "playwright-report"]);

/**
 * `next build` always writes `.next` in the project directory, and `npm test` may be building
 * and serving from the repository's own `.next` at this very moment. Building a copy of the
 * sources keeps the two from overwriting each other's output.
 *
 * The copy lives inside the repository and leaves out package-lock.json, so that both Node's
 * module lookup and Turbopack's root detection walk up to the repository's node_modules.
 */
export function copyAppSources(name = "bench-join"): string {
  const dir = dataPath(name);
  rmSync(dir, { recursive: true, force: true });
  for (const entry of readdirSync(repoRoot)) {
    // Dot-entries are VCS, tool caches and local .env files; the bench passes its own environment.
    if (entry.startsWith(".") || NOT_SOURCE.has(entry) || entry === "package-lock.json" || entry.endsWith(".tsbuildinfo")) continue;
    cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  onShutdown(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
