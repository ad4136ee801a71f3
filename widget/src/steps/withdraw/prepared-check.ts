import type { PreparedWithdrawal, Withdrawal } from "@machines-card/contract/api/withdrawals";
import { EVM_ADDRESS_PATTERN } from "@machines-card/contract/machines/common";
import { ApiError } from "../../api/api-error";

/** What a field must be: this text (any letter case), this number, or text matching this pattern. */
type Expected = string | number | RegExp;

const HEX_DATA = /^0x(?:[0-9a-fA-F]{2})+$/;
const INTEGER = /^\d+$/;

function matches(value: unknown, expected: Expected | null | undefined): boolean {
  if (expected === null || expected === undefined) return false;
  if (expected instanceof RegExp) return expected.test(typeof value === "number" ? String(value) : (value as string));
  return typeof expected === "string" ? typeof value === "string" && value.toLowerCase() === expected.toLowerCase() : value === expected;
}

/**
 * Checks what the Worker prepared for the wallet against the withdrawal the user confirmed, before the
 * wallet is asked: the typed data must withdraw the previewed token and amount to the previewed
 * recipient for the user's wallet on the withdrawal's chain; the transaction must come from the user's
 * wallet, go to the withdrawal's call target on its chain and carry no value. The Worker binds the call
 * to the request and dry-runs it; this keeps a reply that is not that call (a bug, a proxy rewriting
 * JSON) from reaching a signature. Throws `invalid_response` naming the first field that differs.
 */
export function checkPrepared(w: Withdrawal, prepared: PreparedWithdrawal): void {
  const p = (prepared ?? {}) as Record<string, any>;
  const call = w.call;
  const chain = w.execution?.chainId ?? INTEGER;
  // Each field by its path in the reply, and what it must be; a path that cannot be checked fails.
  const expected: [string, Expected | null | undefined][] =
    p.kind === "typedData"
      ? [
          ["typedData.primaryType", "Withdraw"],
          ["typedData.domain.chainId", chain],
          ["typedData.domain.salt", p.adminSalt],
          ["typedData.message.user", w.adminAddress],
          ["typedData.message.asset", call?.tokenAddress],
          ["typedData.message.amount", call?.amountNative],
          ["typedData.message.recipient", call?.recipient],
          ["signer", w.adminAddress],
        ]
      : p.kind === "transaction"
        ? [
            ["transaction.from", w.adminAddress],
            ["transaction.to", w.execution?.callTarget ?? EVM_ADDRESS_PATTERN],
            ["transaction.value", "0x0"],
            ["transaction.chainId", chain],
            ["transaction.data", HEX_DATA],
          ]
        : [["kind", "typedData"]];
  const wrong = expected.find(([path, want]) => !matches(path.split(".").reduce((o, k) => o?.[k], p), want));
  if (!wrong) return;
  throw new ApiError({
    code: "invalid_response",
    message: `the Worker prepared a withdrawal whose ${wrong[0]} does not match the one confirmed; nothing was signed`,
    field: wrong[0],
    status: 0,
  });
}
