import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { createIdentityIssuer, createTestTokens } from "../../demo/identity";
import { createMachinesSimulator } from "../../demo/upstream";
import { createWalletsStandIn } from "../../demo/wallets";
import type { SandboxInfo } from "./sandbox-info";

/** A running sandbox: what tests get (`SandboxInfo`), and how to stop it. */
export interface TestSandbox extends SandboxInfo {
  stop(): Promise<void>;
}

export interface TestSandboxOptions {
  partnerKey: string;
  crossmintServerKey: string;
}

/**
 * The sandbox the Worker's tests talk to over loopback: the Machines simulator at `/partner/v1` (controls
 * and fault injection at `/sandbox`), the identity issuer at `/identity`, the Crossmint wallets stand-in at
 * `/crossmint`, on a free port. Interim stand-in for the lead's `startSandbox()` (demo/sandbox/start.ts),
 * without the chain: the card journey does not need one (wallets are not funded with gas).
 */
export async function startTestSandbox(options: TestSandboxOptions): Promise<TestSandbox> {
  const root = new Hono();
  let handler: (req: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  const server = serve({ fetch: (req) => handler(req), port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const identity = await createIdentityIssuer({ issuer: `${url}/identity`, logger: () => {} });
  const simulator = createMachinesSimulator({ partnerKey: options.partnerKey, publicBaseUrl: url, logger: { info() {}, warn() {}, error() {} } });
  const wallets = await createWalletsStandIn({
    apiKey: options.crossmintServerKey,
    chain: { chainId: 31337, fundGas: async () => undefined },
    userIdForEmail: identity.userIdForEmail,
  });
  root.route("/identity", identity.app).route("/partner/v1", simulator.api).route("/sandbox", simulator.controls).route("/crossmint", wallets.app);
  handler = (req) => root.fetch(req);

  const email = "token-matrix@example.com";
  const bad = createTestTokens(identity);
  const u = { email };
  const tokens = {
    valid: await bad.valid(u),
    expired: await bad.expired(u),
    wrongAudience: await bad.wrongAudience(u),
    wrongIssuer: await bad.wrongIssuer(u),
    unknownKey: await bad.unknownKey(u),
    unknownKid: await bad.unknownKid(u),
    missingKid: await bad.missingKid(u),
    tampered: await bad.tamperedPayload(u),
    unsigned: await bad.unsigned(u),
  };

  return {
    url,
    machinesApiBase: `${url}/partner/v1`,
    identityIssuer: identity.issuer,
    identityAudience: identity.audience,
    jwksUrl: identity.jwksUrl,
    crossmintApiBase: `${url}/crossmint`,
    partnerKey: options.partnerKey,
    crossmintServerKey: options.crossmintServerKey,
    tokens,
    tokenEmail: email,
    stop: () =>
      new Promise<void>((resolve) => {
        simulator.close();
        server.close(() => resolve());
      }),
  };
}
