import type { PublicConfig } from "@machines-card/contract/api/config";

/**
 * Reads `GET /v1/config`'s data: the one reply that decides whether this is a machines-card Worker at
 * all, so the parts the element acts on are checked (environment, origin, the auth and wallet providers
 * with their URLs or keys, the chain id). What is only shown or optional is read tolerantly: a
 * `testFunds` the widget cannot read is taken as none, an unknown signer mode is left to the wallet.
 * Returns the config, or the first field that is not what a machines-card Worker sends.
 */
export function readPublicConfig(data: unknown): { ok: true; config: PublicConfig } | { ok: false; field: string } {
  const d = (data ?? {}) as Record<string, any>;
  const { auth = {}, wallet = {} } = d;
  const text = (value: unknown) => typeof value === "string";
  const wrong = (
    [
      ["environment", d.environment === "sandbox" || d.environment === "production"],
      ["originAllowed", typeof d.originAllowed === "boolean"],
      ["auth", auth.provider === "sandbox" ? text(auth.issuerUrl) : auth.provider === "crossmint" && text(auth.clientApiKey)],
      ["wallet", wallet.provider === "sandbox" ? text(wallet.signerUrl) : wallet.provider === "crossmint"],
      ["chain.id", Number.isInteger(d.chain?.id)],
    ] as const
  ).find(([, ok]) => !ok);
  if (wrong) return { ok: false, field: wrong[0] };
  const testFunds = text(d.testFunds?.token) ? { token: d.testFunds.token as string } : null;
  return { ok: true, config: { ...(d as PublicConfig), origin: text(d.origin) ? d.origin : null, testFunds, version: text(d.version) ? d.version : undefined } };
}
