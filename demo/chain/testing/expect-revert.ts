import { BaseError, ContractFunctionRevertedError } from "viem";
import { expect } from "vitest";

/**
 * Asserts that `action` fails with the custom error `errorName`, decoded from the revert data
 * (the ABI the call was made with must declare the error).
 */
export async function expectRevert(action: Promise<unknown>, errorName: string): Promise<void> {
  const error = await action.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a revert with ${errorName}, but the call succeeded`).toBeInstanceOf(BaseError);
  const reverted = (error as BaseError).walk((e) => e instanceof ContractFunctionRevertedError);
  expect(reverted, `expected ${errorName}, got: ${(error as Error).message}`).toBeInstanceOf(ContractFunctionRevertedError);
  expect((reverted as ContractFunctionRevertedError).data?.errorName).toBe(errorName);
}
