import { describe, expect, it } from "vitest";
import { call, expectOk } from "../../test/helpers/api";
import { sandbox } from "../../test/helpers/sandbox";
import { newEmail, signIn } from "../../test/helpers/users";
import { workerWith } from "../../test/helpers/worker-with";

/** The user's wallet as Crossmint's wallets API (the sandbox stand-in) holds it. */
async function walletAtCrossmint(token: string): Promise<{ address: string; config: { adminSigner: { type: string; email?: string } } }> {
  const sub = (JSON.parse(atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as { sub: string }).sub;
  const s = sandbox();
  const res = await fetch(`${s.crossmintApiBase}/api/2025-06-09/wallets/${encodeURIComponent(`userId:${sub}:evm:smart`)}`, {
    headers: { "X-API-KEY": s.crossmintServerKey },
  });
  expect(res.status).toBe(200);
  return res.json();
}

describe("the wallet the Worker creates at a person's first request", () => {
  it("has the user's email as admin signer by default (email mode), so a signature needs the emailed code", async () => {
    const email = newEmail("email-signer");
    const token = await signIn(email);
    const me = expectOk("getMe", await call("getMe", { token }));
    const wallet = await walletAtCrossmint(token);
    expect(wallet.config.adminSigner).toMatchObject({ type: "email", email });
    expect(wallet.address.toLowerCase()).toBe(me.user.walletAddress);
  });

  it.each(["device", "passkey"])("has the user's email as recovery (admin) signer in %s mode", async (mode) => {
    const email = newEmail(`${mode}-signer`);
    const token = await signIn(email);
    expectOk("getMe", await call("getMe", { token, fetcher: workerWith({ CROSSMINT_WALLET_SIGNER: mode }) }));
    expect((await walletAtCrossmint(token)).config.adminSigner).toMatchObject({ type: "email", email });
  });

  it("has Crossmint's api-key admin signer only when the partner opts in (CROSSMINT_WALLET_SIGNER=api-key)", async () => {
    const token = await signIn();
    expectOk("getMe", await call("getMe", { token, fetcher: workerWith({ CROSSMINT_WALLET_SIGNER: "api-key" }) }));
    expect((await walletAtCrossmint(token)).config.adminSigner.type).toBe("api-key");
  });

  it("is the signer mode /v1/config reports to the widget (email unless set)", async () => {
    expect(expectOk("getConfig", await call("getConfig")).wallet.signer).toBe("email");
    expect(expectOk("getConfig", await call("getConfig", { fetcher: workerWith({ CROSSMINT_WALLET_SIGNER: "device" }) })).wallet.signer).toBe("device");
  });
});
