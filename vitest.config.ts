import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import type { SandboxInfo } from "./worker/test/sandbox-info";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          // test/e2e holds Playwright's *.spec.ts (run by `playwright test`, not vitest).
          include: ["shared/**/*.test.ts", "demo/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["test/e2e/**", "**/node_modules/**"],
          environment: "node",
          // Several of these drive Chromium, wrangler dev or anvil: 5 s (vitest's default) is too short on
          // a busy two-core machine, where they fail by timing alone.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [
          // The Worker under test, inside workerd, with D1 migrations applied and the sandbox (started by
          // the global setup on free ports) as its upstream: Machines, identity issuer, Crossmint wallets.
          cloudflareTest(async ({ inject }) => {
            const sandbox = inject<SandboxInfo>("sandbox");
            return {
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: await readD1Migrations("./worker/migrations"),
                  ENVIRONMENT: "sandbox",
                  MACHINES_API_BASE: sandbox.machinesApiBase,
                  MACHINES_PARTNER_KEY: sandbox.partnerKey,
                  UPSTREAM_TIMEOUT_MS: "2500",
                  CROSSMINT_JWKS_URL: sandbox.jwksUrl,
                  CROSSMINT_ISSUER: sandbox.identityIssuer,
                  CROSSMINT_AUDIENCE: sandbox.identityAudience,
                  CROSSMINT_API_BASE: sandbox.crossmintApiBase,
                  CROSSMINT_SERVER_KEY: sandbox.crossmintServerKey,
                  CHAIN_RPC_URL: sandbox.rpcUrl,
                  CHAIN_ID: String(sandbox.chainId),
                  ALLOWED_ORIGINS: "https://shop.example,http://127.0.0.1:8787",
                  DATA_ENCRYPTION_KEY: "dGVzdC1kYXRhLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=",
                  SANDBOX_URL: sandbox.url,
                  // Cases per operation in worker/test/fuzz (`npm run fuzz:long` raises it).
                  FUZZ_RUNS: process.env.FUZZ_RUNS ?? "",
                },
              },
            };
          }),
        ],
        test: {
          name: "worker",
          include: ["worker/**/*.test.ts"],
          globalSetup: ["./worker/test/global-setup.ts"],
          setupFiles: ["./worker/test/apply-migrations.ts"],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
