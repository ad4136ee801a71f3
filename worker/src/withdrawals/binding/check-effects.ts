import { type Address, decodeEventLog, erc20Abi, type Hex, isAddressEqual, toEventSelector } from "viem";
import { withdrawalEventAbi } from "@machines-card/contract/abi/withdrawal-event";
import type { WithdrawalCallParameters } from "../call-parameters";
import { type BindingRefusal, refuse } from "./withdrawal-refusal";

/** A log of the dry run (eth_simulateV1's `logs`). */
export interface SimulatedLog {
  address: Address;
  topics: readonly Hex[];
  data: Hex;
}

const TRANSFER = toEventSelector("Transfer(address,address,uint256)");
const WITHDRAWAL = toEventSelector("Withdrawal(address,address,uint256)");

/**
 * What the dry run of the exact call moved must be the withdrawal asked for: exactly one token `Transfer`
 * out of the collateral or the user's wallet, of the signed token and amount to the signed recipient, and
 * any `Withdrawal` event (Rain's public v1 event) naming the same collateral, token and amount. A call
 * that moves nothing (a target that is not the collateral's) or moves anything else is refused.
 */
export function checkEffects(logs: readonly SimulatedLog[], p: WithdrawalCallParameters, wallet: Address): BindingRefusal | null {
  const outgoing: { token: Address; to: Address; value: bigint }[] = [];
  for (const log of logs) {
    if (log.topics[0] === TRANSFER && log.topics.length === 3) {
      const { args } = decodeEventLog({ abi: erc20Abi, eventName: "Transfer", topics: log.topics as [Hex, ...Hex[]], data: log.data });
      if (isAddressEqual(args.from, p.collateralProxy) || isAddressEqual(args.from, wallet)) {
        outgoing.push({ token: log.address, to: args.to, value: args.value });
      }
    } else if (log.topics[0] === WITHDRAWAL && log.topics.length === 2) {
      const { args } = decodeEventLog({ abi: withdrawalEventAbi, topics: log.topics as [Hex, ...Hex[]], data: log.data });
      const same = isAddressEqual(args._collateralProxy, p.collateralProxy) && isAddressEqual(args._asset, p.asset) && args._amount === p.amount;
      if (!same) return refuse("withdrawal_simulation_mismatch", "transaction", "the dry run withdraws another collateral, token or amount than was signed");
    }
  }
  if (outgoing.length === 0) return refuse("withdrawal_simulation_mismatch", "transaction", "the dry run moves no tokens out of the collateral");
  const [only] = outgoing;
  if (outgoing.length > 1 || !isAddressEqual(only!.token, p.asset) || !isAddressEqual(only!.to, p.recipient) || only!.value !== p.amount) {
    return refuse("withdrawal_simulation_mismatch", "transaction", "the dry run moves other tokens, amounts or recipients than were signed");
  }
  return null;
}
