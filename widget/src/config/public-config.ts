import type { PublicConfig } from "@machines-card/contract/api/config";

/**
 * Reads `GET /v1/config`'s data: the one reply that decides whether this is a machines-card Worker at
 * all, so the parts the element acts on are checked (environment, origin, the auth and wallet providers
 * with their URLs or keys, the chain id). What is only shown or optional is read tolerantly: a
 * `testFunds` the widget cannot read is taken as none, an unknown signer mode is left to the wallet.
 * Returns the config, or the first field that is not what a machines-card Worker sends.
 */
export function readPublicConfig(data: unknown): { ok: true; config: PublicConfig } | { ok: false; field: string } {
  const d = data as Record<string, any>;
  const auth = d?.auth;
  const wallet = d?.wallet;
  const checks: [string, boolean][] = [
    ["environment", d?.environment === "sandbox" || d?.environment === "production"],
    ["originAllowed", typeof d?.originAllowed === "boolean"],
    ["auth", auth?.provider === "sandbox" ? typeof auth.issuerUrl === "string" : auth?.provider === "crossmint" && typeof auth.clientApiKey === "string"],
    ["wallet", wallet?.provider === "sandbox" ? typeof wallet.signerUrl === "string" : wallet?.provider === "crossmint"],
    ["chain.id", Number.isInteger(d?.chain?.id)],
  ];
  const failed = checks.find(([, ok]) => !ok);
  if (failed) return { ok: false, field: failed[0] };
  const testFunds = typeof d.testFunds?.token === "string" ? { token: d.testFunds.token as string } : null;
  const version = typeof d.version === "string" ? d.version : undefined;
  return { ok: true, config: { ...(d as PublicConfig), origin: typeof d.origin === "string" ? d.origin : null, testFunds, version } };
}
