import { expect } from "@open-wc/testing";
import type { Eip1193Provider } from "./eip1193-provider";
import { createEip1193Wallet } from "./eip1193-wallet";
import { WalletError } from "./wallet-adapter";

/**
 * An EOA wallet set on the element's `provider` (MetaMask and the like) keeps working beside the smart
 * accounts: the provider is the system's edge, so a scripted one stands in for the browser extension.
 */
const ACCOUNT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const TX_HASH = `0x${"ab".repeat(32)}`;

function scriptedProvider(o: { chainId?: number; reject?: string } = {}) {
  const calls: { method: string; params?: unknown }[] = [];
  let chainId = o.chainId ?? 31337;
  const provider: Eip1193Provider = {
    async request({ method, params }) {
      calls.push({ method, params });
      if (method === o.reject) throw Object.assign(new Error("User rejected the request."), { code: 4001 });
      switch (method) {
        case "eth_requestAccounts":
          return [ACCOUNT.toLowerCase()];
        case "eth_chainId":
          return `0x${chainId.toString(16)}`;
        case "wallet_switchEthereumChain":
          chainId = Number.parseInt((params as [{ chainId: string }])[0].chainId, 16);
          return null;
        case "eth_sendTransaction":
          return TX_HASH;
        case "eth_signTypedData_v4":
          return `0x${"11".repeat(65)}`;
        default:
          throw new Error(`unexpected ${method}`);
      }
    },
  };
  return { provider, calls };
}

const tx = { from: ACCOUNT, to: "0x00000000000000000000000000000000000000c1", data: "0xe167d26a", value: "0x0" as const, chainId: 31337 };
const typedData = {
  domain: { name: "Collateral", version: "2", chainId: 31337, verifyingContract: "0x00000000000000000000000000000000000000c0", salt: `0x${"5a".repeat(32)}` },
  types: { Withdraw: [{ name: "user", type: "address" }] },
  primaryType: "Withdraw" as const,
  message: { user: ACCOUNT, asset: ACCOUNT, amount: "1", recipient: ACCOUNT, nonce: "0" },
};

describe("EIP-1193 wallet (an EOA on the element's provider)", () => {
  it("sends the prepared transaction from the expected account and returns its hash", async () => {
    const { provider, calls } = scriptedProvider();
    expect(await createEip1193Wallet(provider).sendTransaction(tx)).to.equal(TX_HASH);
    expect(calls.find((c) => c.method === "eth_sendTransaction")!.params).to.deep.equal([
      { from: ACCOUNT.toLowerCase(), to: tx.to, data: tx.data, value: "0x0" },
    ]);
  });

  it("switches the wallet to the transaction's chain first", async () => {
    const { provider, calls } = scriptedProvider({ chainId: 1 });
    await createEip1193Wallet(provider).sendTransaction(tx);
    expect(calls.map((c) => c.method)).to.include("wallet_switchEthereumChain");
  });

  it("signs typed data as eth_signTypedData_v4 JSON with the EIP712Domain type", async () => {
    const { provider, calls } = scriptedProvider();
    await createEip1193Wallet(provider).signTypedData(typedData as never);
    const [account, json] = calls.find((c) => c.method === "eth_signTypedData_v4")!.params as [string, string];
    expect(account).to.equal(ACCOUNT.toLowerCase());
    expect(JSON.parse(json).types.EIP712Domain.map((f: { name: string }) => f.name)).to.deep.equal(["name", "version", "chainId", "verifyingContract", "salt"]);
  });

  it("refuses another account, and reports a decline as user_rejected", async () => {
    const wrong = createEip1193Wallet(scriptedProvider().provider);
    const error = await wrong.sendTransaction({ ...tx, from: "0x00000000000000000000000000000000000000aa" }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(WalletError);
    expect((error as WalletError).code).to.equal("wrong_account");
    const declined = await createEip1193Wallet(scriptedProvider({ reject: "eth_sendTransaction" }).provider).sendTransaction(tx).catch((e: unknown) => e);
    expect((declined as WalletError).code).to.equal("user_rejected");
  });
});
