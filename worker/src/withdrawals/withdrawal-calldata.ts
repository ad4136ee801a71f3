import { encodeFunctionData, type Hex } from "viem";
import { controllerV1Abi, coordinatorV2Abi } from "@machines-card/contract/abi";
import type { WithdrawalCallParameters } from "./call-parameters";

/**
 * controller_v1 (evm-withdrawals.md section 3): `withdrawAsset` with the 7 parameters in order,
 * selector 0xe167d26a. No admin signature on this path.
 */
export function controllerV1Calldata(p: WithdrawalCallParameters): Hex {
  return encodeFunctionData({
    abi: controllerV1Abi,
    functionName: "withdrawAsset",
    args: [p.collateralProxy, p.asset, p.amount, p.recipient, BigInt(p.expiresAt), p.executorSalt, p.executorSignature],
  });
}

/** The admin wallet's own pair for coordinator_v2: the salt the Worker issued and the signature over it. */
export interface AdminAuthorisation {
  readonly adminSalt: Hex;
  readonly adminSignature: Hex;
}

/**
 * coordinator_v2 (evm-withdrawals.md section 4): `withdrawAsset` with the 7 parameters, then
 * `_adminSalts = [adminSalt]`, `_adminSignatures = [adminSignature]` and `_directTransfer = true`
 * (what every Rain sample passes), selector 0x4b268241.
 */
export function coordinatorV2Calldata(p: WithdrawalCallParameters, admin: AdminAuthorisation): Hex {
  return encodeFunctionData({
    abi: coordinatorV2Abi,
    functionName: "withdrawAsset",
    args: [
      p.collateralProxy,
      p.asset,
      p.amount,
      p.recipient,
      BigInt(p.expiresAt),
      p.executorSalt,
      p.executorSignature,
      [admin.adminSalt],
      [admin.adminSignature],
      true,
    ],
  });
}
