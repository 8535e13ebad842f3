// Once per test run, as a server does when it starts: pg-boss's schema and the app's queues, so
// that use cases can write their jobs inside their own transactions (lib/jobs/queue.ts).
export default async function setup(): Promise<() => Promise<void>> {
  const { openJobQueue } = await import("@/lib/jobs/queue");
  const boss = await openJobQueue();
  await boss.stop({ graceful: false });
  return async () => {
    const { db } = await import("@/db");
    await db().$client.end();
  };
}
