// CPU time of the processes under the bench, from /proc (Linux): which of the app, PostgreSQL,
// nginx and the bench's own client a run spends the machine's cores on. A figure of about 1.0
// core for one `next start` means that instance is bound by its single JavaScript thread.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

type ProcStat = { pid: number; ppid: number; ticks: number };

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses; fields resume after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function allPids(): number[] {
  return readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
}

function read(pid: number, what: "cmdline" | "cwd"): string {
  try {
    return what === "cwd" ? readlinkSync(`/proc/${pid}/cwd`) : readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** A named group of processes: those `root` picks, and all their descendants. */
export type ProcessGroup = { name: string; root: (pid: number, cmdline: string, cwd: string) => boolean };

/** Processes whose working directory is `dir` (a `next start` and its helpers). */
export function byCwd(name: string, dir: string): ProcessGroup {
  return { name, root: (_pid, _cmdline, cwd) => cwd === dir };
}

/** Processes whose command line contains `text` (PostgreSQL's `-D <dir>`, nginx's `-c <file>`). */
export function byCmdline(name: string, text: string): ProcessGroup {
  return { name, root: (_pid, cmdline) => cmdline.includes(text) };
}

/** CPU seconds used so far by each group (children included), and by this process. */
export function cpuSnapshot(groups: ProcessGroup[]): Map<string, number> {
  const stats = allPids().flatMap((pid) => readStat(pid) ?? []);
  const children = new Map<number, number[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  const ticksOf = new Map(stats.map((stat) => [stat.pid, stat.ticks]));
  const result = new Map<string, number>();
  for (const group of groups) {
    const members = new Set<number>();
    const visit = (pid: number) => {
      if (members.has(pid)) return;
      members.add(pid);
      for (const child of children.get(pid) ?? []) visit(child);
    };
    for (const stat of stats) if (group.root(stat.pid, read(stat.pid, "cmdline"), read(stat.pid, "cwd"))) visit(stat.pid);
    const ticks = [...members].reduce((sum, pid) => sum + (ticksOf.get(pid) ?? 0), 0);
    result.set(group.name, ticks / TICKS_PER_SECOND);
  }
  const self = process.cpuUsage();
  result.set("bench client", (self.user + self.system) / 1e6);
  return result;
}

/**
 * `app 0.93 cores = 4.1 ms/booking, postgres …` between two snapshots taken `wallMs` apart. On a
 * shared machine the cores a run gets vary with the neighbours; CPU time per booking much less.
 */
export function cpuReport(before: Map<string, number>, after: Map<string, number>, wallMs: number, bookings: number): string {
  return [...after]
    .map(([name, seconds]) => {
      const used = seconds - (before.get(name) ?? 0);
      return `${name} ${(used / (wallMs / 1000)).toFixed(2)} cores = ${((1000 * used) / Math.max(1, bookings)).toFixed(1)} ms/booking`;
    })
    .join(", ");
}
