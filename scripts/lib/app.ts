import path from "node:path";
import type { LiveKit } from "./livekit";
import { repoRoot } from "./paths";

export const nextBin = path.join(repoRoot, "node_modules", ".bin", "next");

export type AppSettings = {
  /** The app's own role (PostgresServer.appUrl). */
  databaseUrl: string;
  /** The tables' owner, which migrates (PostgresServer.serverUrl). */
  ownerDatabaseUrl: string;
  authSecret: string;
  livekit: Pick<LiveKit, "url" | "apiKey" | "apiSecret">;
};

/** The environment the app reads (see lib/env.ts), on top of the caller's own. */
export function appEnv(settings: AppSettings): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: settings.databaseUrl,
    DATABASE_OWNER_URL: settings.ownerDatabaseUrl,
    AUTH_SECRET: settings.authSecret,
    // Sign-in callbacks are built from the request's host; only loopback servers are started here.
    AUTH_TRUST_HOST: "true",
    LIVEKIT_URL: settings.livekit.url,
    LIVEKIT_API_KEY: settings.livekit.apiKey,
    LIVEKIT_API_SECRET: settings.livekit.apiSecret,
    // Every stack these scripts start is a demo or a test: the dev SMS outbox and the published
    // demo keys are allowed only because this says so (lib/env.ts refuses them otherwise).
    RABTA_DEMO: "1",
    SMS_PROVIDER: "dev",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
