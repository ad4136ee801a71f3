import { expect } from "@open-wc/testing";
import { crossmintChainName } from "./crossmint-wallet";
import { WalletError } from "./wallet-adapter";

describe("Crossmint wallet chain names", () => {
  it("maps the Worker's chain id to the name Crossmint's SDK takes", () => {
    expect(crossmintChainName(8453)).to.equal("base");
    expect(crossmintChainName(84532)).to.equal("base-sepolia");
  });

  it("refuses a chain Crossmint's wallet does not serve, as a wrong_chain wallet error", () => {
    let error: unknown;
    try {
      crossmintChainName(31337);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(WalletError);
    expect((error as WalletError).code).to.equal("wrong_chain");
  });

  it("refuses a chain the client key's environment cannot use (the SDK would move Base to Base Sepolia under a staging key)", () => {
    expect(crossmintChainName(84532, "ck_staging_key")).to.equal("base-sepolia");
    expect(crossmintChainName(8453, "ck_production_key")).to.equal("base");
    for (const [chainId, key] of [[8453, "ck_staging_key"], [84532, "ck_production_key"]] as const) {
      let error: unknown;
      try {
        crossmintChainName(chainId, key);
      } catch (e) {
        error = e;
      }
      expect((error as WalletError).code).to.equal("wrong_chain");
      expect((error as WalletError).message).not.to.contain(key);
    }
  });
});
