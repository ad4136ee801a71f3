import * as z from "zod/mini";
import { defineRoute } from "./define-route";

export const Environment = z.enum(["sandbox", "production"]);
export type Environment = z.infer<typeof Environment>;

/**
 * What the widget needs before anyone signs in. Public: no secrets in it. Answered with
 * `Access-Control-Allow-Origin: *` so that a page whose origin is not allowed still learns why.
 */
/** Who approves what the user's wallet signs (the Worker's `CROSSMINT_WALLET_SIGNER`; README "Signer modes"). */
export const SignerMode = z.enum(["email", "device", "passkey", "api-key"]);
export type SignerMode = z.infer<typeof SignerMode>;

export const PublicConfig = z.object({
  environment: Environment,
  /** Whether the requesting page's Origin is in ALLOWED_ORIGINS. */
  originAllowed: z.boolean(),
  /** The Origin the Worker saw (null without one), echoed so the widget can name it. */
  origin: z.nullable(z.string()),
  auth: z.discriminatedUnion("provider", [
    /** Sandbox: the development identity issuer (email one-time code). */
    z.object({ provider: z.literal("sandbox"), issuerUrl: z.string() }),
    /** Production: Crossmint auth with the partner's public client key. */
    z.object({ provider: z.literal("crossmint"), clientApiKey: z.string() }),
  ]),
  wallet: z.discriminatedUnion("provider", [
    /** Sandbox: the sandbox's custodial signer for the user's wallet on the local chain. */
    z.object({ provider: z.literal("sandbox"), signerUrl: z.string(), signer: z.optional(SignerMode) }),
    /** Production: the user's Crossmint embedded EVM wallet. */
    z.object({ provider: z.literal("crossmint"), signer: z.optional(SignerMode) }),
  ]),
  chain: z.object({ id: z.int(), name: z.string(), explorerUrl: z.nullable(z.string()) }),
  /**
   * The Worker's version (semver, its package.json's); the widget warns when the majors differ. Optional
   * in what the widget accepts: an older Worker may not report one (then the check is skipped).
   */
  version: z.optional(z.string()),
  /**
   * Sandbox environments only (staging against Machines' sandbox): the test token whose public
   * `mint(uint256 dollars)` faucet the widget's "add test funds" calls from the user's wallet (rUSD on
   * Base Sepolia). Absent or null: no such action (always in production; older Workers omit it). Only
   * shown, never checked: one the widget cannot read is taken as null rather than failing the config.
   */
  testFunds: z.optional(z.catch(z.nullable(z.object({ token: z.string() })), null)),
});
export type PublicConfig = z.infer<typeof PublicConfig>;

export const configRoutes = {
  getConfig: defineRoute({
    method: "GET",
    path: "/v1/config",
    operationId: "getConfig",
    tag: "config",
    summary: "Public configuration for the widget (environment, auth and wallet providers, chain)",
    auth: false,
    response: PublicConfig,
  }),
};
