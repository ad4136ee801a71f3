import { Hono } from "hono";
import { routes } from "@machines-card/contract/api/routes";
import type { AppEnv } from "../../env";
import { mount } from "../../http/mount";
import { VERSION } from "../../version";

export const configApp = new Hono<AppEnv>();

/**
 * `GET /v1/config`: what the widget needs before sign-in. Readable from any origin (`*`), and it says
 * whether the caller's origin is allowed, so a partner sees "add your origin to ALLOWED_ORIGINS"
 * instead of an opaque CORS failure. No secrets: the Crossmint client key is public by design.
 */
mount(configApp, routes.getConfig, async (c) => {
  const s = c.get("settings");
  const origin = c.req.header("Origin") ?? null;
  const sandbox = s.environment === "sandbox" && s.sandboxUrl !== null;
  return {
    data: {
      environment: s.environment,
      originAllowed: origin !== null && s.allowedOrigins.has(origin),
      origin,
      auth: sandbox
        ? { provider: "sandbox" as const, issuerUrl: `${s.sandboxUrl}/identity` }
        : { provider: "crossmint" as const, clientApiKey: s.crossmint.clientApiKey ?? "" },
      // The signer mode, so the widget knows which approval to ask for (absent in older Workers: email).
      wallet: sandbox
        ? { provider: "sandbox" as const, signerUrl: `${s.sandboxUrl}/sandbox/wallet`, signer: s.crossmint.walletSigner }
        : { provider: "crossmint" as const, signer: s.crossmint.walletSigner },
      chain: { id: s.chain.id, name: s.chain.name, explorerUrl: s.chain.explorerUrl },
      version: VERSION,
      testFunds: s.testFundsToken ? { token: s.testFundsToken } : null,
    },
    summary: "config",
  };
});
