import type { HexString, WalletAdapter } from "../../wallet/wallet-adapter";
import { TEST_FUNDS_DOLLARS } from "./test-funds-offer";

/** rUSD's decimals (the public example transfers `dollars × 10^6` after minting). */
const TEST_TOKEN_DECIMALS = 6n;
/** `mint(uint256)` and `transfer(address,uint256)`: the first four bytes of their signatures' keccak-256. */
const MINT_SELECTOR = "0xa0712d68";
const TRANSFER_SELECTOR = "0xa9059cbb";

const word = (value: bigint) => value.toString(16).padStart(64, "0");

/**
 * Sandbox-only "add test funds": the public rUSD faucet on Base Sepolia, `mint(uint256 _amountDollars_Max100)`
 * (whole dollars, at most 100 a call, minted to the caller), called from the user's own wallet, then a
 * `transfer` of what was minted to the open deposit's address, as Machines' public example funds a card.
 * Encoded by hand: two fixed ABI calls do not justify an ABI library in the widget's bundle. A chunk of
 * its own, loaded on the first click: only a page whose Worker offers test funds (staging) shows the
 * action (`test-funds-offer.ts`).
 *
 * Mints the test dollars into the user's wallet, then sends them to the deposit address; returns both hashes.
 */
export async function addTestFunds(wallet: WalletAdapter, o: { token: HexString; to: HexString; chainId: number }): Promise<HexString[]> {
  const from = await wallet.address();
  const amount = BigInt(TEST_FUNDS_DOLLARS) * 10n ** TEST_TOKEN_DECIMALS;
  const calls: HexString[] = [
    `${MINT_SELECTOR}${word(BigInt(TEST_FUNDS_DOLLARS))}`,
    `${TRANSFER_SELECTOR}${word(BigInt(o.to))}${word(amount)}`,
  ];
  const hashes: HexString[] = [];
  // One after the other: the transfer spends what the mint created.
  for (const data of calls) hashes.push(await wallet.sendTransaction({ from, to: o.token, data, value: "0x0", chainId: o.chainId }));
  return hashes;
}
