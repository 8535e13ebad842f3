// Memory of a server process, read from Linux's /proc: no agent inside the app, nothing that
// changes what is measured.
import { readFileSync, readdirSync, readlinkSync } from "node:fs";

/** Resident memory in KiB: all of it, and its anonymous part (the JS heap, malloc, buffers). */
export type Memory = { rssKiB: number; anonKiB: number };

/**
 * The process that accepts connections on 127.0.0.1:`port`: the listening socket's inode from
 * /proc/net/tcp, then the process holding that socket. This is the server itself, whichever
 * process `next start` turns out to run it in.
 */
export function listeningPid(port: number): number {
  const inode = listeningInode(port);
  if (!inode) throw new Error(`nothing listens on 127.0.0.1:${port}`);
  const holders: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${entry}/fd/${fd}`) === `socket:[${inode}]`) {
          holders.push(Number(entry));
          break;
        }
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  // A forked child inherits the socket; the one that serves is the holder with no holder above it.
  const serving = holders.filter((pid) => !holders.includes(parentOf(pid)));
  if (serving.length !== 1) throw new Error(`expected one process listening on port ${port}, found ${holders.join(", ") || "none"}`);
  return serving[0]!;
}

export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => {
    const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]);
  };
  return { rssKiB: kib("VmRSS"), anonKiB: kib("RssAnon") };
}

/** The command line, to show which process was measured. */
export function commandOf(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
}

function listeningInode(port: number): string | null {
  const LISTEN = "0A";
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const rows = readFileSync(table, "utf8").trim().split("\n").slice(1);
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      const local = columns[1] ?? "";
      if (columns[3] === LISTEN && local.endsWith(`:${port.toString(16).toUpperCase().padStart(4, "0")}`)) return columns[9] ?? null;
    }
  }
  return null;
}

export function parentOf(pid: number): number {
  // The command name in field 2 may hold spaces, so read after its closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

// Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on.
const TICK_MS = 10;

/**
 * CPU time (user + system) a process has used so far, in ms. Unlike a profile's wall-clock
 * samples it does not count the time the process waited for a core, so it compares runs on a
 * machine that other work keeps busy.
 */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The CPU time of the PostgreSQL server listening on 127.0.0.1:`port` and all its backends, in ms. */
export function postgresCpuMs(port: number): number {
  const server = listeningPid(port);
  let total = cpuMsOf(server);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentOf(Number(entry)) === server) total += cpuMsOf(Number(entry));
    } catch {
      // gone while we looked
    }
  }
  return total;
}
