import {
  type Address,
  type Chain,
  type Client,
  type Hex,
  type JsonRpcAccount,
  type LocalAccount,
  type Transport,
  decodeFunctionData,
  encodeFunctionData,
  parseAbi,
} from "viem";
import { entryPoint07Abi, getUserOperationHash, toSmartAccount } from "viem/account-abstraction";
import { readContract } from "viem/actions";

/**
 * The sandbox's smart accounts (`demo/chain/contracts/SandboxAccount.sol`: the ERC-4337 reference
 * SimpleAccount v0.7 with ERC-1271) as a viem `SmartAccount`, so viem's bundler client can build, sign
 * and send their user operations. viem has no SimpleAccount implementation of its own; this one says
 * how the account is created, called and signed for:
 * - created by `factory.createAccount(owner, 0)` (the first operation's initCode), at the address
 *   `factory.getAddress(owner, 0)` gives beforehand (counterfactual);
 * - called through `execute(to, value, data)` / `executeBatch(to[], value[], data[])`;
 * - user operations signed by the owner with EIP-191 over the operation's hash (what SimpleAccount checks);
 * - messages and typed data signed by the owner over their EIP-191 / EIP-712 digest, which the account's
 *   `isValidSignature` accepts (ERC-1271). While the account has no code, viem wraps these in ERC-6492
 *   (factory, factory call, signature, magic suffix), as Crossmint's SDK does for an undeployed wallet.
 */
export const sandboxAccountAbi = parseAbi([
  "function execute(address dest, uint256 value, bytes func)",
  "function executeBatch(address[] dest, uint256[] value, bytes[] func)",
  "function owner() view returns (address)",
  "function isValidSignature(bytes32 hash, bytes signature) view returns (bytes4)",
]);

export const sandboxAccountFactoryAbi = parseAbi([
  "function createAccount(address owner, uint256 salt) returns (address)",
  "function getAddress(address owner, uint256 salt) view returns (address)",
]);

/** One account per owner key: the salt is always 0 (each wallet has its own derived owner). */
const SALT = 0n;

/** The account's address before (and after) it exists, from the factory. */
export function counterfactualAddress(client: Client, p: { factory: Address; owner: Address }): Promise<Address> {
  return readContract(client, { address: p.factory, abi: sandboxAccountFactoryAbi, functionName: "getAddress", args: [p.owner, SALT] });
}

export interface SandboxSmartAccountParameters {
  client: Client<Transport, Chain | undefined, JsonRpcAccount | LocalAccount | undefined>;
  /** The owner key (the wallet's signer, derived by the sandbox). */
  owner: LocalAccount;
  factory: Address;
  entryPoint: Address;
  /** The account's address (known from `counterfactualAddress`). */
  address: Address;
}

/** 65 bytes ECDSA recovery accepts (low s), so gas estimation runs the account's real signature check. */
const STUB_SIGNATURE: Hex =
  "0xfffffffffffffffffffffffffffffff0000000000000000000000000000000007aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1c";

export function toSandboxSmartAccount(p: SandboxSmartAccountParameters) {
  const entryPoint = { abi: entryPoint07Abi, address: p.entryPoint, version: "0.7" } as const;
  return toSmartAccount({
    client: p.client,
    entryPoint,
    async getAddress() {
      return p.address;
    },
    async encodeCalls(calls) {
      if (calls.length === 1) {
        const [call] = calls;
        return encodeFunctionData({ abi: sandboxAccountAbi, functionName: "execute", args: [call!.to, call!.value ?? 0n, call!.data ?? "0x"] });
      }
      return encodeFunctionData({
        abi: sandboxAccountAbi,
        functionName: "executeBatch",
        args: [calls.map((c) => c.to), calls.map((c) => c.value ?? 0n), calls.map((c) => c.data ?? "0x")],
      });
    },
    async decodeCalls(data) {
      const call = decodeFunctionData({ abi: sandboxAccountAbi, data });
      if (call.functionName === "execute") return [{ to: call.args[0], value: call.args[1], data: call.args[2] }];
      if (call.functionName === "executeBatch") return call.args[0].map((to, i) => ({ to, value: call.args[1][i] ?? 0n, data: call.args[2][i]! }));
      throw new Error(`not an account call: ${call.functionName}`);
    },
    async getFactoryArgs() {
      return {
        factory: p.factory,
        factoryData: encodeFunctionData({ abi: sandboxAccountFactoryAbi, functionName: "createAccount", args: [p.owner.address, SALT] }),
      };
    },
    async getStubSignature() {
      return STUB_SIGNATURE;
    },
    async signMessage({ message }) {
      return p.owner.signMessage({ message });
    },
    async signTypedData(typedData) {
      return p.owner.signTypedData(typedData as Parameters<LocalAccount["signTypedData"]>[0]);
    },
    async signUserOperation({ chainId = p.client.chain!.id, ...userOperation }) {
      const hash = getUserOperationHash({
        chainId,
        entryPointAddress: entryPoint.address,
        entryPointVersion: entryPoint.version,
        userOperation: { ...userOperation, sender: p.address },
      });
      return p.owner.signMessage({ message: { raw: hash } });
    },
  });
}
