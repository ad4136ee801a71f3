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

/**
 * The bundler's executor: sends every `handleOps` bundle (so it is `tx.from` of a smart account's
 * transactions) and is refunded by the EntryPoint. keccak256(utf8("machines-card sandbox bundler executor
 * (never use outside the local sandbox)")), address 0x4f87912401EAeDB01d10483321575A2fd77D3d0a.
 */
export const SANDBOX_BUNDLER_EXECUTOR_PRIVATE_KEY: Hex = "0xbb7af0f572c540f2246831ddd2a7acb60206d46fd54a7e830618eefc84df1ce2";

/**
 * The bundler's utility key: pays for the simulation contracts the bundler deploys at start-up.
 * keccak256(utf8("machines-card sandbox bundler utility (never use outside the local sandbox)")),
 * address 0xcF9BAeaF36C380D95e02D0186DC1a43e00CBB87e.
 */
export const SANDBOX_BUNDLER_UTILITY_PRIVATE_KEY: Hex = "0xf2f6cbd0c12e2c80b22737df646e457afd9dc873eeab7fd0df668775efc3b822";
