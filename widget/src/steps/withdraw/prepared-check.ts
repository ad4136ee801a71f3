import type { PreparedWithdrawal, Withdrawal } from "@machines-card/contract/api/withdrawals";
import { ApiError } from "../../api/api-error";

const HEX_DATA = /^0x(?:[0-9a-fA-F]{2})+$/;
const same = (a: unknown, b: unknown) => typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

/**
 * Checks what the Worker prepared for the wallet against the withdrawal the user confirmed, before the
 * wallet is asked: the typed data must withdraw the previewed token and amount to the previewed
 * recipient for the user's wallet on the withdrawal's chain; the transaction must come from the user's
 * wallet, go to the withdrawal's call target on its chain and carry no value. The Worker binds the call
 * to the request and dry-runs it; this keeps a reply that is not that call (a bug, a proxy rewriting
 * JSON) from reaching a signature. Throws `invalid_response` naming the first field that differs.
 */
export function checkPrepared(w: Withdrawal, prepared: PreparedWithdrawal): void {
  const chainId = w.execution?.chainId ?? null;
  const sameChain = (id: unknown) => chainId === null || id === chainId;
  const p = (prepared ?? {}) as Record<string, any>;
  let checks: [string, boolean][];
  if (p.kind === "typedData") {
    const typed = p.typedData;
    const call = w.call;
    checks = [
      ["call", call !== null],
      ["typedData.primaryType", typed?.primaryType === "Withdraw"],
      ["typedData.domain.chainId", sameChain(typed?.domain?.chainId)],
      ["typedData.domain.salt", same(typed?.domain?.salt, p.adminSalt)],
      ["typedData.message.user", same(typed?.message?.user, w.adminAddress)],
      ["typedData.message.asset", same(typed?.message?.asset, call?.tokenAddress)],
      ["typedData.message.amount", typed?.message?.amount === call?.amountNative],
      ["typedData.message.recipient", same(typed?.message?.recipient, call?.recipient)],
      ["signer", same(p.signer, w.adminAddress)],
    ];
  } else if (p.kind === "transaction") {
    const tx = p.transaction;
    checks = [
      ["transaction.from", same(tx?.from, w.adminAddress)],
      ["transaction.to", w.execution?.callTarget ? same(tx?.to, w.execution.callTarget) : /^0x[0-9a-fA-F]{40}$/.test(tx?.to)],
      ["transaction.value", tx?.value === "0x0"],
      ["transaction.chainId", Number.isInteger(tx?.chainId) && sameChain(tx.chainId)],
      ["transaction.data", typeof tx?.data === "string" && HEX_DATA.test(tx.data)],
    ];
  } else {
    checks = [["kind", false]];
  }
  const failed = checks.find(([, ok]) => !ok);
  if (!failed) return;
  throw new ApiError({
    code: "invalid_response",
    message: `the Worker prepared a withdrawal whose ${failed[0]} does not match the one confirmed; nothing was signed`,
    field: failed[0],
    status: 0,
  });
}
