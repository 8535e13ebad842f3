/**
 * Values the demo and the tests use, published in the README. Because anyone can read them,
 * they must never guard a real deployment: lib/env.ts refuses them unless RABTA_DEMO=1 says
 * that this server is a demo, and the staff sign-in refuses the demo password likewise.
 */
export const DEMO_STAFF_PASSWORD = "rabta-demo-password";

/** The loopback LiveKit servers that `npm run demo` and `npm test` start use this pair. */
export const DEMO_LIVEKIT_KEY = "devkey";
export const DEMO_LIVEKIT_SECRET = "rabta-local-dev-livekit-secret-0123456789";

/**
 * The mail domain of the staff accounts db/seed.ts creates with the demo password. `.local` is
 * reserved for multicast DNS, so no real staff address ends in it.
 */
export const DEMO_STAFF_DOMAIN = "rabta.local";

/**
 * Secrets that have been printed somewhere a reader could copy them from: our scripts and
 * docs, and the placeholders that tutorials and `.env.example` files use.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  DEMO_LIVEKIT_SECRET,
  "dev-only-auth-secret-".padEnd(40, "x"),
];
