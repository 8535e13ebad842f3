// `npm run db:migrate`: applies the committed migrations to an operator's own PostgreSQL.
// The demo and test scripts migrate their databases themselves.
import { repoRoot } from "./lib/paths";

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is required, e.g. DATABASE_URL=postgres://user:password@host:5432/rabta npm run db:migrate");
    process.exit(2);
  }
  // db/migrate.ts resolves the migrations folder from the working directory when it loads.
  process.chdir(repoRoot);
  const { migrateDatabase } = await import("../db/migrate");
  await migrateDatabase(databaseUrl);
  console.log("migrations applied");
}

main().catch((error: unknown) => {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
