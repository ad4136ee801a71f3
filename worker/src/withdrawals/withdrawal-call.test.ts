import { decodeFunctionData, hashTypedData, keccak256, recoverTypedDataAddress, type TypedDataDefinition, toHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { controllerV1Abi, coordinatorV2Abi } from "@machines-card/contract/abi";
import { AdminTypedData } from "@machines-card/contract/api/withdrawals";
import { adminTypedData, adminTypedDataJson } from "./admin-typed-data";
import type { WithdrawalCallParameters } from "./call-parameters";
import { controllerV1Calldata, coordinatorV2Calldata } from "./withdrawal-calldata";

// A throwaway key made up for this test (keccak of a label); it holds nothing anywhere.
const adminAccount = privateKeyToAccount(keccak256(toHex("withdrawal-call.test admin")));

const parameters: WithdrawalCallParameters = {
  collateralProxy: "0x1111111111111111111111111111111111111111",
  asset: "0x2222222222222222222222222222222222222222",
  amount: 123456789012345678901234567890n,
  recipient: "0x3333333333333333333333333333333333333333",
  expiresAt: 1716400000,
  executorSalt: `0x${"ee".repeat(32)}`,
  executorSignature: `0x${"ab".repeat(65)}`,
};
const adminSalt = `0x${"5a".repeat(32)}` as const;
/** The JSON form as a wallet library takes it (hex strings typed as such). */
const asTypedData = (json: AdminTypedData) => json as unknown as TypedDataDefinition;
const message = { parameters, chainId: 31337, admin: adminAccount.address, adminSalt, nonce: 7n };

describe("controller_v1 calldata", () => {
  it("is withdrawAsset(address,address,uint256,address,uint256,bytes32,bytes) with the 7 parameters in order", () => {
    const data = controllerV1Calldata(parameters);
    expect(data.slice(0, 10)).toBe("0xe167d26a");
    expect(decodeFunctionData({ abi: controllerV1Abi, data }).args).toEqual([
      parameters.collateralProxy,
      parameters.asset,
      parameters.amount,
      parameters.recipient,
      1716400000n,
      parameters.executorSalt,
      parameters.executorSignature,
    ]);
  });
});

describe("coordinator_v2 calldata", () => {
  it("is the 10-argument withdrawAsset with the admin pair and a direct transfer", () => {
    const adminSignature = `0x${"cd".repeat(65)}` as const;
    const data = coordinatorV2Calldata(parameters, { adminSalt, adminSignature });
    expect(data.slice(0, 10)).toBe("0x4b268241");
    const { args } = decodeFunctionData({ abi: coordinatorV2Abi, data });
    expect(args.slice(0, 7)).toEqual([
      parameters.collateralProxy,
      parameters.asset,
      parameters.amount,
      parameters.recipient,
      1716400000n,
      parameters.executorSalt,
      parameters.executorSignature,
    ]);
    expect(args.slice(7)).toEqual([[adminSalt], [adminSignature], true]);
  });
});

describe("admin typed data", () => {
  it("has the Collateral v2 domain on the proxy with the admin salt, and Withdraw(user, asset, amount, recipient, nonce)", () => {
    const json = adminTypedDataJson(message);
    expect(json).toEqual({
      domain: { name: "Collateral", version: "2", chainId: 31337, verifyingContract: parameters.collateralProxy, salt: adminSalt },
      types: {
        EIP712Domain: [
          { name: "name", type: "string" },
          { name: "version", type: "string" },
          { name: "chainId", type: "uint256" },
          { name: "verifyingContract", type: "address" },
          { name: "salt", type: "bytes32" },
        ],
        Withdraw: [
          { name: "user", type: "address" },
          { name: "asset", type: "address" },
          { name: "amount", type: "uint256" },
          { name: "recipient", type: "address" },
          { name: "nonce", type: "uint256" },
        ],
      },
      primaryType: "Withdraw",
      message: {
        user: adminAccount.address,
        asset: parameters.asset,
        amount: "123456789012345678901234567890",
        recipient: parameters.recipient,
        nonce: "7",
      },
    });
    expect(AdminTypedData.safeParse(json).success).toBe(true);
    // Survives JSON (what the widget receives) unchanged.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("hashes the same in its JSON form as in the bigint form the coordinator checks", () => {
    expect(hashTypedData(asTypedData(adminTypedDataJson(message)))).toBe(hashTypedData(adminTypedData(message)));
  });

  it("is signed by the admin wallet from its JSON form", async () => {
    const json = adminTypedDataJson(message);
    const signature = await adminAccount.signTypedData(asTypedData(json));
    expect(await recoverTypedDataAddress({ ...adminTypedData(message), signature })).toBe(adminAccount.address);
  });

  it("changes with the admin salt and the nonce (one signature per withdrawal)", () => {
    const base = hashTypedData(adminTypedData(message));
    expect(hashTypedData(adminTypedData({ ...message, nonce: 8n }))).not.toBe(base);
    expect(hashTypedData(adminTypedData({ ...message, adminSalt: `0x${"5b".repeat(32)}` }))).not.toBe(base);
  });
});
