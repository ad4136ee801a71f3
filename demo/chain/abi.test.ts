/**
 * The hand-written public ABIs in shared/abi (what the Worker and widget encode against) and the
 * sandbox-operator ABIs must be exactly what the Solidity sources compile to, and carry the selectors
 * from evm-withdrawals.md.
 */
import { type Abi, type AbiFunction, toFunctionSelector } from "viem";
import { formatAbiItem } from "viem/utils";
import { beforeAll, describe, expect, it } from "vitest";
import {
  COLLATERAL_ADMIN_NONCE_SELECTOR,
  COLLATERAL_IS_ADMIN_SELECTOR,
  CONTROLLER_V1_WITHDRAW_SELECTOR,
  COORDINATOR_V2_WITHDRAW_SELECTOR,
  collateralAbi,
  controllerV1Abi,
  coordinatorV2Abi,
  erc20Abi,
  withdrawalErrorsAbi,
  withdrawalEventAbi,
} from "@machines-card/contract/abi";
import { type ContractArtifacts, type ContractName, loadArtifacts } from "./compile";
import { collateralAdminsAbi, collateralFactoryAbi, testDollarMintAbi } from "./sandbox-abi";

let artifacts: ContractArtifacts;
beforeAll(async () => {
  artifacts = await loadArtifacts();
});

/** internalType is compiler detail; everything else (names, types, indexed, mutability) must match. */
function withoutInternalType(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutInternalType);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).filter(([key]) => key !== "internalType").map(([key, v]) => [key, withoutInternalType(v)]),
    );
  }
  return value;
}

function compiledItem(contract: ContractName, type: string, name: string) {
  return artifacts[contract].abi.find((item) => item.type === type && "name" in item && item.name === name);
}

function expectAbiIn(contract: ContractName, abi: Abi) {
  for (const item of abi) {
    const name = "name" in item ? item.name : item.type;
    expect(withoutInternalType(compiledItem(contract, item.type, name)), `${contract}.${name}`).toEqual(item);
  }
}

const selector = (abi: Abi, name: string) =>
  toFunctionSelector(formatAbiItem(abi.find((i): i is AbiFunction => i.type === "function" && i.name === name)!));

describe("selectors (evm-withdrawals.md)", () => {
  it("matches the reference for both withdrawAsset shapes and the collateral reads", () => {
    expect(selector(controllerV1Abi, "withdrawAsset")).toBe("0xe167d26a");
    expect(selector(coordinatorV2Abi, "withdrawAsset")).toBe("0x4b268241");
    expect(selector(collateralAbi, "isAdmin")).toBe("0x24d7806c");
    expect(selector(collateralAbi, "adminNonce")).toBe("0x4ab3be98");
    expect([CONTROLLER_V1_WITHDRAW_SELECTOR, COORDINATOR_V2_WITHDRAW_SELECTOR, COLLATERAL_IS_ADMIN_SELECTOR, COLLATERAL_ADMIN_NONCE_SELECTOR])
      .toEqual(["0xe167d26a", "0x4b268241", "0x24d7806c", "0x4ab3be98"]);
  });

  it("is the selector the compiled contracts expose", () => {
    expect(selector(artifacts.Controller.abi, "withdrawAsset")).toBe(CONTROLLER_V1_WITHDRAW_SELECTOR);
    expect(selector(artifacts.Coordinator.abi, "withdrawAsset")).toBe(COORDINATOR_V2_WITHDRAW_SELECTOR);
    expect(selector(artifacts.CollateralProxy.abi, "isAdmin")).toBe(COLLATERAL_IS_ADMIN_SELECTOR);
    expect(selector(artifacts.CollateralProxy.abi, "adminNonce")).toBe(COLLATERAL_ADMIN_NONCE_SELECTOR);
  });

  it("does not use the bytes-salt variant the reference warns against (0xff3778ed)", () => {
    expect(toFunctionSelector("withdrawAsset(address,address,uint256,address,uint256,bytes,bytes,bytes[],bytes[],bool)")).toBe("0xff3778ed");
    expect(selector(coordinatorV2Abi, "withdrawAsset")).not.toBe("0xff3778ed");
  });
});

describe("shared ABIs match the compiled contracts", () => {
  it("controller v1", () => expectAbiIn("Controller", controllerV1Abi));
  it("coordinator v2", () => expectAbiIn("Coordinator", coordinatorV2Abi.filter((i) => i.type !== "error")));
  it("collateral reads", () => expectAbiIn("CollateralProxy", collateralAbi));
  it("ERC-20", () => expectAbiIn("TestDollar", erc20Abi));
  it("Withdrawal event, emitted by the v1 controller only (nothing in any artifact is called Withdrawn)", () => {
    expectAbiIn("Controller", withdrawalEventAbi);
    for (const name of Object.keys(artifacts) as ContractName[]) {
      expect(artifacts[name].abi.some((i) => i.type === "event" && i.name === "Withdrawn"), name).toBe(false);
    }
  });

  it("withdrawal errors: exactly the custom errors the v2 coordinator and the collateral can revert with (v1 reverts with strings)", () => {
    expect(artifacts.Controller.abi.filter((i) => i.type === "error")).toEqual([]);
    const reachable = new Set(
      (["Coordinator", "CollateralProxy"] as const).flatMap((c) =>
        artifacts[c].abi.filter((i) => i.type === "error").map((i) => i.name),
      ),
    );
    reachable.delete("NotOwner"); // only the owner-only admin functions raise it
    expect(new Set(withdrawalErrorsAbi.map((e) => e.name))).toEqual(reachable);
    for (const error of withdrawalErrorsAbi) {
      const compiled = ["Coordinator", "CollateralProxy"]
        .map((c) => compiledItem(c as ContractName, "error", error.name))
        .find(Boolean);
      expect(withoutInternalType(compiled)).toEqual(error);
    }
  });

  it("sandbox-operator ABIs", () => {
    expectAbiIn("TestDollar", testDollarMintAbi);
    expectAbiIn("CollateralFactory", collateralFactoryAbi);
    expectAbiIn("CollateralProxy", collateralAdminsAbi);
  });
});
