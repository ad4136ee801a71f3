import { BaseError, ContractFunctionRevertedError } from "viem";
import { expect } from "vitest";

/**
 * Asserts that `action` fails with the custom error `errorName` (decoded from the revert data; the ABI
 * the call was made with must declare the error) or with the revert string `reason` (`Error(string)`,
 * as Rain's v1 controller reverts), whichever is given.
 */
export async function expectRevert(action: Promise<unknown>, expected: string | { reason: string }): Promise<void> {
  const error = await action.then(
    () => undefined,
    (e: unknown) => e,
  );
  const label = typeof expected === "string" ? expected : `"${expected.reason}"`;
  expect(error, `expected a revert with ${label}, but the call succeeded`).toBeInstanceOf(BaseError);
  const reverted = (error as BaseError).walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null;
  expect(reverted, `expected ${label}, got: ${(error as Error).message}`).toBeInstanceOf(ContractFunctionRevertedError);
  if (typeof expected === "string") expect(reverted!.data?.errorName).toBe(expected);
  else expect(reverted!.reason).toBe(expected.reason);
}
