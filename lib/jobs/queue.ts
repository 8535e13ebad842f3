import { sql as sqlFragment, type SQL } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { ParameterOrJSON, Sql } from "postgres";
import { db, type Transaction } from "@/db";
import { isDatabaseUnavailable, retryOnDeadlock } from "@/lib/errors";

/**
 * Every queue the app uses. What each one's worker does is given by whoever starts the workers
 * (lib/job-handlers.ts): the job queue is a leaf that the domains enqueuing into it import, so it
 * must not import them back.
 */
export const QUEUES = {
  appointmentNotice: "appointment-notice",
  queueRemovalNotice: "queue-removal-notice",
  invitationNotice: "invitation-notice",
  noShow: "no-show",
  queueAbsent: "queue-absent",
  signInHousekeeping: "sign-in-housekeeping",
  callDropped: "call-dropped",
  complaintNotice: "complaint-notice",
  complaintSla: "complaint-sla",
  dhis2Send: "dhis2-send",
  attendanceJudge: "attendance-judge",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** What each queue's worker does with one job's payload; a throw fails the job for a retry. */
export type JobHandlers = Record<QueueName, (data: unknown) => Promise<unknown>>;

type QueuePolicy = { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number };

// Notices: a gateway outage of a few hours is ridden out (30 s, 1 min, 2 min ... capped by the
// limit), and a job still "active" after 5 minutes belongs to a dead worker, since the gateway
// call gives up after 10 s. No-show marking runs every minute anyway, so it barely retries.
const queuePolicies: Record<QueueName, QueuePolicy> = {
  "appointment-notice": { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  "queue-removal-notice": { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  // A specialist is wanted in a call now: a text that arrives an hour late helps no one.
  "invitation-notice": { retryLimit: 3, retryDelay: 10, retryBackoff: false, expireInSeconds: 60 },
  "no-show": { retryLimit: 1, retryDelay: 10, retryBackoff: false, expireInSeconds: 60 },
  "queue-absent": { retryLimit: 1, retryDelay: 10, retryBackoff: false, expireInSeconds: 60 },
  "sign-in-housekeeping": { retryLimit: 1, retryDelay: 60, retryBackoff: false, expireInSeconds: 5 * 60 },
  // Asks LiveKit who is in the room; while LiveKit is down (a restart), the check waits for it.
  "call-dropped": { retryLimit: 6, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 },
  // A complainant's texts ride out a gateway outage like appointment notices.
  "complaint-notice": { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  // An escalation that failed (the database away) is tried again for about an hour.
  "complaint-sla": { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 },
  // A report to DHIS2 can wait: 30 s, 1 min, 2 min ... doubling, so the first seven retries span
  // over an hour of DHIS2 being down (maintenance, an upgrade) and the last waits some hours.
  // DHIS2 is given 30 s to answer, so an "active" job past 5 minutes had a dead worker.
  "dhis2-send": { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  // Judging closed days runs every few minutes anyway; a run gives itself a minute's budget.
  "attendance-judge": { retryLimit: 1, retryDelay: 60, retryBackoff: false, expireInSeconds: 10 * 60 },
};

/** How many times a queue's job runs at most: the first try and its retries. */
export function attemptsOf(queue: QueueName): number {
  return queuePolicies[queue].retryLimit + 1;
}

/** Cron schedules (UTC), registered by instances that run workers. */
const schedules: { queue: QueueName; cron: string }[] = [
  { queue: QUEUES.noShow, cron: "* * * * *" },
  // Patients offline past the grace period leave the waiting room.
  { queue: QUEUES.queueAbsent, cron: "* * * * *" },
  // Old sign-in counters, throttles and sessions are dropped once nothing can depend on them.
  { queue: QUEUES.signInHousekeeping, cron: "17 * * * *" },
  // Closed days' attendance is judged once and kept; days marked stale are judged again.
  { queue: QUEUES.attendanceJudge, cron: "*/5 * * * *" },
];

export type JobQueueOptions = {
  /** Register these workers and the schedules; without them the instance only enqueues. */
  workers?: JobHandlers;
  /** How often an idle worker asks for due jobs (pg-boss's default: 2 s). */
  pollingIntervalSeconds?: number;
  /** Overrides of the queues' retry policy, for tests that cannot wait minutes for a retry. */
  policy?: Partial<QueuePolicy>;
};

/**
 * pg-boss's database adapter over the app's postgres.js client, so that the job queue opens no
 * connections of its own. pg-boss's SQL was written for node-postgres, whose contract this keeps:
 * parameters are sent as text for the server to type (objects as JSON, which drizzle's client
 * passes through unchanged; dates as ISO strings), and `{ rows }` comes back. `client` may be a
 * function, called for every statement: the app's pool is replaced after a lost connection
 * (db/index.ts), and pg-boss, which lives as long as the process, must follow it.
 */
export function postgresJsExecutor(client: Sql | (() => Sql)): PgBoss.Db {
  const current = (): Sql => (isClientGetter(client) ? client() : client);
  return {
    async executeSql(text, values = []) {
      const sql = current();
      // pg-boss sends its maintenance and schema changes as one string wrapped in BEGIN/COMMIT.
      // postgres.js allows that only on a reserved connection, and a statement that fails inside
      // must be rolled back on that same connection before the pool hands it to anyone else.
      if (values.length === 0 && /\bBEGIN\s*;/i.test(text)) {
        const connection = await sql.reserve();
        let lost = false;
        try {
          return { rows: lastResult(await connection.unsafe(text)) };
        } catch (error) {
          // A connection that is gone has no transaction left to roll back, and writing to it
          // is what breaks postgres.js 3.4.9 (porsager/postgres#1208); its pool takes it back.
          lost = isDatabaseUnavailable(error);
          if (!lost) await connection.unsafe("ROLLBACK").catch(() => {});
          throw error;
        } finally {
          if (!lost) connection.release();
        }
      }
      return { rows: lastResult(await sql.unsafe(text, values.map(toParameter))) };
    },
  };
}

/**
 * The same adapter over one drizzle transaction, so that jobs are written by the statement
 * stream of the change they belong to: pg-boss's `$n` placeholders become drizzle parameters.
 */
function transactionExecutor(tx: Transaction): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      // split() with a capturing group alternates text and placeholder numbers.
      const parts = text.split(/\$(\d+)\b/);
      const query: SQL = sqlFragment.join(
        parts.map((part, i) => (i % 2 === 0 ? sqlFragment.raw(part) : sqlFragment`${toParameter(values[Number(part) - 1])}`)),
      );
      return { rows: [...(await tx.execute(query))] };
    },
  };
}

/**
 * Queues jobs inside the caller's transaction: they exist exactly when its change commits, so
 * a crash right after the commit cannot leave a booking whose confirmation and reminders were
 * never queued (and a rolled-back change queues nothing).
 */
export async function enqueueInTransaction(tx: Transaction, jobs: PgBoss.JobInsert[]): Promise<void> {
  if (jobs.length === 0) return;
  await jobWriter().insert(jobs, { db: transactionExecutor(tx) });
}

/**
 * A pg-boss instance that is never started, only for the SQL of writing jobs through a caller's
 * transaction. Starting one there could deadlock: twenty bookings holding every pooled
 * connection while pg-boss waits for one to start. The schema and the queues it writes to are
 * created by {@link openJobQueue} when a server (or a test run) starts.
 */
function jobWriter(): PgBoss {
  holder.rabtaJobWriter ??= new PgBoss({ db: postgresJsExecutor(() => db().$client), supervise: false, schedule: false });
  return holder.rabtaJobWriter;
}

// A postgres.js client is itself callable (a tagged template), so tell it apart by its methods.
function isClientGetter(client: Sql | (() => Sql)): client is () => Sql {
  return typeof (client as Partial<Sql>).unsafe !== "function";
}

function toParameter(value: unknown): ParameterOrJSON<never> {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "object" || Array.isArray(value) || value instanceof Uint8Array) {
    return value as ParameterOrJSON<never>;
  }
  return JSON.stringify(value);
}

// Several statements in one string answer one result each; pg-boss reads only the last.
function lastResult(result: readonly unknown[]): unknown[] {
  return Array.isArray(result[0]) ? ((result.at(-1) as unknown[]) ?? []) : [...result];
}

/**
 * A new pg-boss instance over the app's database client, started, with every queue created and
 * its retry policy applied; with `workers`, it also processes jobs and fires the schedules.
 * The app keeps one per process (see {@link startJobs}); tests open more to play a second
 * instance or a restarted one.
 */
export async function openJobQueue(options: JobQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: postgresJsExecutor(() => db().$client),
    // Maintenance (expiring jobs of dead workers, archiving) and cron belong with the workers.
    supervise: Boolean(options.workers),
    schedule: Boolean(options.workers),
  });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    const policy = { name, ...queuePolicies[name], ...options.policy };
    // Instances starting together on a fresh database race to create the same queues, and
    // PostgreSQL may pick one of them as a deadlock victim; the loser tries again.
    await retryOnDeadlock(async () => {
      await boss.createQueue(name, policy);
      await boss.updateQueue(name, policy);
    }, 5);
  }
  if (options.workers) await startWorkers(boss, options.workers, options.pollingIntervalSeconds);
  return boss;
}

async function startWorkers(boss: PgBoss, handlers: JobHandlers, pollingIntervalSeconds?: number): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    const handle = handlers[name];
    // pg-boss rejects an explicit `undefined`; leave the option out to get its default.
    const workOptions = pollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds };
    await boss.work<unknown>(name, workOptions, async (jobs) => {
      for (const job of jobs) await handle(job.data);
    });
  }
  for (const { queue, cron } of schedules) await boss.schedule(queue, cron, {}, { tz: "UTC" });
}

/**
 * Runs the jobs that are due now, once, in the calling process, and reports how many ran.
 * A throwing job is failed, so that pg-boss retries it later exactly as a worker would; tests
 * use this to drive the queue without waiting on polling.
 */
export async function processDueJobs(
  boss: PgBoss,
  handlers: JobHandlers,
  queues: readonly QueueName[] = Object.values(QUEUES),
): Promise<number> {
  let ran = 0;
  for (const name of queues) {
    for (const job of await boss.fetch<unknown>(name, { batchSize: 50 })) {
      ran += 1;
      try {
        await handlers[name](job.data);
        await boss.complete(name, job.id);
      } catch (error) {
        await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return ran;
}

type ProcessJobs = { ready: Promise<PgBoss>; workers: boolean };

// One instance per process; kept on globalThis so dev-mode hot reloads do not start another.
const holder = globalThis as unknown as { rabtaJobs?: ProcessJobs; rabtaJobWriter?: PgBoss };

/** The process's job queue for enqueueing, started on first use (in tests, in scripts). */
export function jobQueue(): Promise<PgBoss> {
  return (holder.rabtaJobs ??= hold(openJobQueue(), false)).ready;
}

// A failed start is forgotten, so that the next caller tries again instead of failing forever.
function hold(ready: Promise<PgBoss>, workers: boolean): ProcessJobs {
  const held = { ready, workers };
  ready.catch(() => {
    if (holder.rabtaJobs === held) holder.rabtaJobs = undefined;
  });
  return held;
}

/**
 * Starts this process's workers (every app instance runs them; pg-boss hands each job to one
 * instance with SELECT ... FOR UPDATE SKIP LOCKED). Called once at server start, after the
 * migrations; calling it again returns the running instance.
 */
export async function startJobs(handlers: JobHandlers, options: Omit<JobQueueOptions, "workers"> = {}): Promise<PgBoss> {
  const current = holder.rabtaJobs;
  if (current?.workers) return current.ready;
  // An instance started earlier only to enqueue gives way to one that also works.
  const replacing = current?.ready.then((boss) => boss.stop({ graceful: false }), () => undefined);
  holder.rabtaJobs = hold(
    (async () => {
      await replacing;
      return openJobQueue({ ...options, workers: handlers });
    })(),
    true,
  );
  return holder.rabtaJobs.ready;
}

/**
 * Stops this process's instance: workers finish the job in hand (up to `timeoutMs`), jobs still
 * running after that are failed so another instance retries them. The database client stays open.
 */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
  const current = holder.rabtaJobs;
  holder.rabtaJobs = undefined;
  if (!current) return;
  const boss = await current.ready.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: timeoutMs });
}
