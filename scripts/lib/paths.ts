import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, wherever the scripts are started from. */
export const repoRoot = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");

/** A path under `.data/`, the git-ignored home of everything the local stack writes. */
export function dataPath(...parts: string[]): string {
  return path.join(repoRoot, ".data", ...parts);
}

/** Where a service's log goes; the directory is created so callers can open it straight away. */
export function logPath(service: string): string {
  const dir = dataPath("logs");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${service}.log`);
}
