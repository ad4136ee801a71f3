/**
 * SANDBOX-ONLY KEYS. Public, fixed, worthless outside the local anvil chain.
 *
 * Never import this file from `worker/` or `widget/` (a test in this folder enforces it), never fund
 * these addresses on a real network, and never reuse them in configuration that reaches production.
 */
import type { Hex } from "viem";

/**
 * The sandbox executor: signs the `parameters[5..6]` executor payload (evm-withdrawals.md section 7),
 * standing in for Rain's executor publisher. Its address is registered in the controller and the
 * coordinator at deploy time.
 *
 * Derivation, so anyone can check it: keccak256(utf8("machines-card sandbox executor (never use outside the local sandbox)")).
 * Address: 0x5E7f0d9341756386fC2BEE3acE75B1A56CD2a6D6.
 */
export const SANDBOX_EXECUTOR_PRIVATE_KEY: Hex = "0x1ece15d5b3b1d769796f13e6197e5692ae27c42195a9276f991f1d51f89b5667";

/**
 * The deployer: anvil's default account 0 (from the well-known "test test … junk" mnemonic).
 * It deploys the contracts, owns every collateral proxy, and is the test dollar's minter (the faucet).
 */
export const SANDBOX_DEPLOYER_PRIVATE_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
