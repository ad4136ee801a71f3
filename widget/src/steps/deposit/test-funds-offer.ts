import type { PublicConfig } from "@machines-card/contract/api/config";
import type { Deposit } from "@machines-card/contract/api/deposits";
import { EVM_ADDRESS_PATTERN as ADDRESS } from "@machines-card/contract/machines/common";
import type { HexString } from "../../wallet/wallet-adapter";

/** The whole dollars one "add test funds" mints (the rUSD faucet's maximum per call). */
export const TEST_FUNDS_DOLLARS = 100;

/**
 * The test token to offer, or null: only when the Worker runs a sandbox environment and names one
 * (`testFunds`), and only for an open deposit on that chain with an EVM address. Never in production,
 * whatever the config says.
 */
export function testFundsToken(config: PublicConfig, deposit: Deposit): { token: HexString; to: HexString } | null {
  const token = config.testFunds?.token;
  if (config.environment !== "sandbox" || !token || !ADDRESS.test(token)) return null;
  if (!deposit.depositAddress || !ADDRESS.test(deposit.depositAddress)) return null;
  if (deposit.chainId !== null && deposit.chainId !== config.chain.id) return null;
  return { token: token as HexString, to: deposit.depositAddress as HexString };
}
