import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import net from "node:net";
import { createInterface } from "node:readline";
import { logPath } from "./paths";

export type StartOptions = {
  /** Short label used as the output prefix and, with `toLogFile`, the log file name. */
  name: string;
  command: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Send output to `.data/logs/<name>.log` instead of the terminal. */
  toLogFile?: boolean;
};

export type Service = {
  name: string;
  logFile?: string;
  /** Resolves with the exit code; a death by signal counts as 128 + signal number. */
  exited: Promise<number>;
  hasExited(): boolean;
  stop(): Promise<void>;
  /** Sends `signal` to the whole process group at once, no grace period (fault drills: SIGKILL). */
  kill(signal: NodeJS.Signals): void;
};

const STOP_GRACE_MS = 5_000;
const POLL_INTERVAL_MS = 250;

const services: Service[] = [];
const cleanups: Array<() => Promise<void>> = [];
const liveGroups = new Set<number>();

/** Starts a long-running child in its own process group, so stopping it also stops its helpers. */
export function start(options: StartOptions): Service {
  const logFile = options.toLogFile ? logPath(options.name) : undefined;
  const fd = logFile ? openSync(logFile, "a") : undefined;
  if (fd !== undefined) {
    writeSync(fd, `\n--- ${new Date().toISOString()} ${options.command} ${(options.args ?? []).join(" ")}\n`);
  }

  // A file descriptor, not a pipe, for logged services: they keep logging even if we stall.
  const child = spawn(options.command, options.args ?? [], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", fd ?? "pipe", fd ?? "pipe"],
  });
  if (fd !== undefined) closeSync(fd);
  if (fd === undefined) prefixOutput(child, options.name);

  const pid = child.pid;
  if (pid !== undefined) liveGroups.add(pid);
  let done = false;
  const exited = new Promise<number>((resolve) => {
    child.on("error", (error) => {
      console.error(`[${options.name}] could not start ${options.command}: ${error.message}`);
      done = true;
      resolve(127);
    });
    child.on("exit", (code, signal) => {
      done = true;
      // Helpers left in the group would outlive the leader otherwise; the group id is still ours here.
      if (pid !== undefined) signalGroup(pid, "SIGKILL");
      if (pid !== undefined) liveGroups.delete(pid);
      resolve(code ?? 128 + (signal ? signalNumber(signal) : 0));
    });
  });

  const service: Service = {
    name: options.name,
    logFile,
    exited,
    hasExited: () => done,
    async stop() {
      if (done || pid === undefined) return;
      signalGroup(pid, "SIGTERM");
      const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
    kill(signal) {
      if (!done && pid !== undefined) signalGroup(pid, signal);
    },
  };
  services.push(service);
  return service;
}

/** Runs a command to completion with prefixed output and returns its exit code. */
export async function run(options: StartOptions): Promise<number> {
  const service = start(options);
  const code = await service.exited;
  const index = services.indexOf(service);
  if (index >= 0) services.splice(index, 1);
  return code;
}

/** Registers work for `shutdown`, e.g. stopping a database server; runs last-registered first. */
export function onShutdown(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

let shuttingDown: Promise<boolean> | undefined;

/** True once `shutdown` has begun, e.g. after Ctrl-C; children exiting then is expected. */
export function isShuttingDown(): boolean {
  return shuttingDown !== undefined;
}

/**
 * Stops every child (newest first), then runs the registered cleanups, all of them even if one
 * fails. Resolves to whether every cleanup succeeded. Safe to call more than once.
 */
export function shutdown(): Promise<boolean> {
  shuttingDown ??= (async () => {
    for (const service of [...services].reverse()) await service.stop();
    let ok = true;
    for (const cleanup of [...cleanups].reverse()) {
      await cleanup().catch((error: unknown) => {
        ok = false;
        console.error(`cleanup failed: ${describe(error)}`);
      });
    }
    return ok;
  })();
  return shuttingDown;
}

installExitHandlers();

function installExitHandlers(): void {
  // Last line of defence: whatever path ends this process, no child group survives it.
  process.on("exit", () => {
    for (const pid of liveGroups) signalGroup(pid, "SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (shuttingDown) {
        // A second Ctrl-C means "now": the exit handler above kills what is left.
        process.exit(128 + signalNumber(signal));
      }
      console.log(`\n${signal}: stopping…`);
      for (const pid of liveGroups) signalGroup(pid, "SIGTERM");
      void shutdown().finally(() => process.exit(128 + signalNumber(signal)));
    });
  }
}

function prefixOutput(child: ChildProcess, name: string): void {
  const label = `[${name}]`.padEnd(10);
  if (child.stdout) {
    createInterface({ input: child.stdout }).on("line", (line) => process.stdout.write(`${label} ${line}\n`));
  }
  if (child.stderr) {
    createInterface({ input: child.stderr }).on("line", (line) => process.stderr.write(`${label} ${line}\n`));
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string] ?? 1;
}

export type WaitOptions = {
  timeoutMs: number;
  /** Status codes that count as ready; any 2xx when omitted. */
  okStatus?: number | number[];
  /** Named in the error, with the service's log file, so a failure says where to look. */
  service?: Service | string;
};

/** Polls `url` until it answers with an accepted status, the service dies, or the deadline passes. */
export async function waitForHttp(url: string, options: WaitOptions): Promise<void> {
  const accepted = options.okStatus === undefined ? undefined : [options.okStatus].flat();
  const service = typeof options.service === "object" ? options.service : undefined;
  const name = service?.name ?? (options.service as string | undefined) ?? url;
  const where = service?.logFile ? `; see ${service.logFile}` : "";
  const deadline = Date.now() + options.timeoutMs;
  let last = "no answer yet";

  for (;;) {
    if (service?.hasExited()) {
      throw new Error(`${name} exited with code ${await service.exited} before ${url} was ready${where}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: "manual" });
      await response.body?.cancel();
      const ok = accepted ? accepted.includes(response.status) : response.status >= 200 && response.status < 300;
      if (ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = describe(error);
    }
    if (Date.now() >= deadline) {
      throw new Error(`${name} was not ready at ${url} within ${options.timeoutMs / 1000}s (last: ${last})${where}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function isAccepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    const finish = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.once("connect", () => finish(true));
    socket.once("timeout", () => finish(false));
    socket.once("error", () => finish(false));
  });
}

/** Fails early with a readable message instead of letting a server die on EADDRINUSE. */
export async function assertPortFree(port: number, service: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new Error(`port ${port} on 127.0.0.1 is already in use, so ${service} cannot start there`);
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

/** A loopback TCP port the OS says is free now (for a server this process is about to start). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
