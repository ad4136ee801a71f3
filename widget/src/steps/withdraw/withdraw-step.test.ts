import { expect, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { routes } from "@machines-card/contract/api/routes";
import { newIdempotencyKey } from "../../api/idempotency-key";
import { stack, type StackUrls } from "#test/services";
import { sandboxChain, sandboxControl, sandboxUser, tokenBalance, type SandboxUser } from "#test/sandbox";
import { renderStep, type StepFixtureOptions } from "#test/step-fixture";
import { createSandboxWallet } from "../../wallet/sandbox-wallet";
import { WalletError, type WalletAdapter } from "../../wallet/wallet-adapter";
import type { WithdrawStep } from "./withdraw-step";

// Withdrawals against the real stack: the Worker, the Machines simulator and the contracts on anvil,
// signed and sent by the sandbox wallet. Every test that creates a withdrawal lives in this one file,
// so the fault injected below never meets another file's withdrawal.
let services: StackUrls & { signerUrl: string };

before(async function () {
  this.timeout(120_000);
  const running = await stack();
  if (!running) this.skip();
  services = running as typeof services;
});

const randomAddress = () => `0x${[...crypto.getRandomValues(new Uint8Array(20))].map((b) => b.toString(16).padStart(2, "0")).join("")}`;

async function setup(o: { user?: SandboxUser; fundCents?: number; collateralVersion?: 1 | 2; wallet?: (user: SandboxUser) => WalletAdapter; options?: StepFixtureOptions } = {}) {
  const user = o.user ?? (await sandboxUser(services, { fundCents: o.fundCents ?? 200_00, ...(o.collateralVersion ? { collateralVersion: o.collateralVersion } : {}) }));
  const wallet = o.wallet?.(user) ?? createSandboxWallet({ signerUrl: services.signerUrl, token: user.token });
  const rendered = await renderStep<WithdrawStep>("withdraw", { workerUrl: services.workerUrl, token: user.token, state: user.state, wallet, ...o.options });
  const root = rendered.step.shadowRoot!;
  const $ = <E extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<E>(selector);
  await waitUntil(() => !root.querySelector(".skeleton"), "the step should load", { timeout: 10_000 });
  return { ...rendered, user, root, $ };
}
type Setup = Awaited<ReturnType<typeof setup>>;

async function fill(s: Setup, amount: string, address: string) {
  await waitUntil(() => s.$("#withdraw-amount-hint"), "the range should load", { timeout: 10_000 });
  const amountInput = s.$<HTMLInputElement>("#withdraw-amount")!;
  amountInput.value = "";
  amountInput.focus();
  await sendKeys({ type: amount });
  const addressInput = s.$<HTMLInputElement>("#withdraw-address")!;
  addressInput.value = "";
  addressInput.focus();
  if (address) await sendKeys({ type: address });
}

async function toReview(s: Setup, amount: string, address: string) {
  await fill(s, amount, address);
  await sendKeys({ press: "Enter" });
  await waitUntil(() => s.$("[data-action=confirm]"), "the preview should show once the withdrawal is ready", { timeout: 15_000 });
}

/**
 * Answers the approval prompt as the person does in the default (email) signer mode: sends the code,
 * reads it in the sandbox mailbox, types it and approves.
 */
async function approve(s: Setup) {
  const byText = (text: string) => [...s.root.querySelectorAll("button")].find((b) => b.textContent!.includes(text));
  await waitUntil(() => byText("Email me a code"), "the approval prompt should ask to send the code", { timeout: 15_000 });
  expect(s.root.textContent).to.contain("Approve this withdrawal");
  byText("Email me a code")!.click();
  await waitUntil(() => s.$("#approval-code"), "the code field should show once the code is sent", { timeout: 10_000 });
  const mailbox = await fetch(`${services.signerUrl}/approvals/codes?email=${encodeURIComponent(s.user.email.toLowerCase())}`);
  const { codes } = (await mailbox.json()) as { codes: { code: string; status: string }[] };
  s.$<HTMLInputElement>("#approval-code")!.value = codes.find((c) => c.status === "pending")!.code;
  s.$<HTMLFormElement>(".approval form")!.requestSubmit();
}

async function confirmAndWait(s: Setup) {
  s.$<HTMLButtonElement>("[data-action=confirm]")!.click();
  await approve(s);
  await waitUntil(() => s.root.textContent!.includes("Withdrawal confirmed"), "the withdrawal should be confirmed", { timeout: 20_000 });
}

/** A test's wrapper around the real wallet: the step's approval handler still reaches the real one. */
function wrap(real: WalletAdapter, overrides: Partial<WalletAdapter>): WalletAdapter {
  return {
    ...real,
    ...overrides,
    get onApprovalRequired() {
      return real.onApprovalRequired;
    },
    set onApprovalRequired(handler) {
      real.onApprovalRequired = handler;
    },
  };
}

const eventsOf = (s: Setup, type: string) => s.recorder.events.filter((e) => e.type === type).map((e) => e.detail);

describe("withdraw step", function () {
  this.timeout(60_000);

  it("offers assets and networks (the partner's default first), the range, and an estimate as the amount is typed", async () => {
    const s = await setup({ options: { defaults: { depositAsset: "usdc", depositNetwork: "base" } } });
    await expect(s.host).to.be.accessible();
    expect(s.$<HTMLSelectElement>("#withdraw-asset")!.value).to.equal("usdc");
    expect(s.$<HTMLSelectElement>("#withdraw-network")!.value).to.equal("base");
    await fill(s, "50", "");
    expect(s.$("#withdraw-amount-hint")!.textContent).to.equal("Between $1.00 and $10,000.00.");
    await waitUntil(() => s.$("#withdraw-estimate")!.textContent!.includes("49.5 USDC"), "the estimate should show", { timeout: 10_000 });
    expect(s.$("#withdraw-estimate")!.textContent!.trim()).to.equal("You receive about 49.5 USDC.");
    expect(s.$("#withdraw-amount")!.getAttribute("aria-describedby")).to.contain("withdraw-estimate");

    const asset = s.$<HTMLSelectElement>("#withdraw-asset")!;
    asset.value = "rusd";
    asset.dispatchEvent(new Event("change"));
    await waitUntil(() => s.$("#withdraw-estimate")!.textContent!.includes("50 RUSD"), "the estimate should follow the asset", { timeout: 10_000 });
    expect(s.$(".available")!.textContent).to.contain("$200.00");
  });

  it("checks the amount against the range and the address before anything is created", async () => {
    const s = await setup({ fundCents: 0 });
    const submit = async (amount: string, address: string) => {
      await fill(s, amount, address);
      await sendKeys({ press: "Enter" });
      await s.step.updateComplete;
    };
    await submit("abc", "");
    expect(s.$("#withdraw-amount-error")!.textContent).to.equal("Enter an amount like 50 or 25.50.");
    expect(s.$("#withdraw-address-error")!.textContent).to.equal("Enter the address to send to.");
    expect(s.root.activeElement).to.equal(s.$("#withdraw-amount"));
    await submit("0.50", "0x1234");
    expect(s.$("#withdraw-amount-error")!.textContent).to.equal("The minimum is $1.00.");
    expect(s.$("#withdraw-address-error")!.textContent).to.contain("0x and 40 characters");
    await submit("10000.01", `0x${"0".repeat(40)}`);
    expect(s.$("#withdraw-amount-error")!.textContent).to.equal("The maximum is $10,000.00.");
    expect(s.$("#withdraw-address-error")!.textContent).to.contain("zero address");
    await expect(s.host).to.be.accessible();
    expect((await s.user.client.call(routes.listWithdrawals, {})).withdrawals).to.have.length(0);
  });

  it("says an amount is out of range once typing pauses, before Review, and not for a number still being typed", async () => {
    const s = await setup({ fundCents: 0 });
    const amountInput = s.$<HTMLInputElement>("#withdraw-amount")!;
    amountInput.focus();
    await sendKeys({ type: "0.5" });
    await waitUntil(() => s.$("#withdraw-amount-error"), "the minimum should be said", { timeout: 5000 });
    expect(s.$("#withdraw-amount-error")!.textContent).to.equal("The minimum is $1.00.");
    expect(amountInput.getAttribute("aria-invalid")).to.equal("true");
    await sendKeys({ type: "0" }); // 0.50 is still under the minimum; typing again clears the message first
    expect(s.$("#withdraw-amount-error")).to.equal(null);
    amountInput.select();
    await sendKeys({ type: "12" });
    await new Promise((r) => setTimeout(r, 700));
    expect(s.$("#withdraw-amount-error")).to.equal(null);
  });

  it("withdraws for a coordinator (v2) user: preview, approval, transaction, confirmed, and the tokens arrive on chain", async () => {
    const s = await setup();
    const recipient = randomAddress();
    await toReview(s, "25.50", recipient);
    const [w] = (await s.user.client.call(routes.listWithdrawals, {})).withdrawals;
    expect(w!.execution!.callPath).to.equal("coordinator_v2");
    await waitUntil(() => s.$("dl.summary")!.textContent!.includes("RUSD"), "the estimate should reach the preview", { timeout: 10_000 });
    const preview = s.$("dl.summary")!.textContent!;
    expect(preview).to.contain("$25.50").and.contain("About 25.5 RUSD").and.contain("1 USD ≈ 1 RUSD").and.contain("Base");
    // The recipient as the call signs it (checksummed), not as typed.
    expect(preview.toLowerCase()).to.contain(recipient.toLowerCase());
    expect(preview).to.contain(w!.execution!.callTarget!).and.contain("coordinator (v2)").and.contain("signs an approval");
    expect(preview).to.contain(w!.adminAddress).and.contain("Confirm before").and.contain("anvil");
    expect(s.root.activeElement).to.equal(s.$("[data-view-heading]"));
    await expect(s.host).to.be.accessible();

    await confirmAndWait(s);
    const [submitted] = eventsOf(s, "mc-withdrawal-submitted");
    const [confirmed] = eventsOf(s, "mc-withdrawal-confirmed");
    expect(submitted).to.deep.equal({ withdrawalId: w!.id, txHash: submitted.txHash, amountCents: 2550 });
    expect(confirmed).to.deep.equal({ withdrawalId: w!.id, txHash: submitted.txHash, amountCents: 2550 });
    expect(submitted.txHash).to.match(/^0x[0-9a-f]{64}$/i);
    // Anvil mines at once, so the Worker often knows the outcome when the hash is submitted (no "Waiting…").
    for (const stage of ["Preparing…", "Approve in your wallet…", "Confirm in your wallet…", "Sending…", "Withdrawal confirmed"]) {
      expect(s.recorder.announcements).to.include(stage);
    }
    // No explorer in the sandbox: the hash, with a copy button.
    expect(s.root.textContent).to.contain(submitted.txHash);
    expect(s.root.querySelector<HTMLElement & { value: string }>("mc-copy-button")!.value).to.equal(submitted.txHash);
    await expect(s.host).to.be.accessible();

    const chain = await sandboxChain(services);
    expect(await tokenBalance(chain.rpcUrl, chain.tokenAddress, recipient)).to.equal(2550n * 10n ** BigInt(chain.tokenDecimals - 2));
    await waitUntil(() => s.recorder.updates.some((u) => u.patch?.balances), "the balances should be refreshed", { timeout: 10_000 });
  });

  it("withdraws for a controller (v1) user with one transaction, linking the hash to the explorer", async () => {
    const s = await setup({ collateralVersion: 1, options: { config: { chain: { id: 31337, name: "Sandbox (anvil)", explorerUrl: "https://explorer.example/" } } } });
    const recipient = randomAddress();
    await toReview(s, "12", recipient);
    expect(s.$("dl.summary")!.textContent).to.contain("controller (v1)");
    await confirmAndWait(s);
    expect(s.recorder.announcements).not.to.include("Approve in your wallet…");
    const [confirmed] = eventsOf(s, "mc-withdrawal-confirmed");
    const link = s.root.querySelector<HTMLAnchorElement>(".tx-hash a")!;
    expect(link.href).to.equal(`https://explorer.example/tx/${confirmed.txHash}`);
    expect(link.target).to.equal("_blank");
    expect(link.textContent).to.contain("opens in a new window");
    const chain = await sandboxChain(services);
    expect(await tokenBalance(chain.rpcUrl, chain.tokenAddress, recipient)).to.equal(1200n * 10n ** BigInt(chain.tokenDecimals - 2));

    // The same details again are a new withdrawal (a new key), not the finished one.
    s.$<HTMLButtonElement>("[data-action=another]")!.click();
    await waitUntil(() => s.root.activeElement === s.$("#withdraw-amount"), "focus should return to the form");
    await toReview(s, "12", recipient);
    expect((await s.user.client.call(routes.listWithdrawals, {})).withdrawals).to.have.length(2);
  });

  it("asks for the emailed code after the preview; giving up sends nothing and the withdrawal stays ready", async () => {
    const s = await setup({ collateralVersion: 1 });
    const to = randomAddress();
    await toReview(s, "4", to);
    s.$<HTMLButtonElement>("[data-action=confirm]")!.click();
    const byText = (text: string) => [...s.root.querySelectorAll("button")].find((b) => b.textContent!.includes(text));
    await waitUntil(() => byText("Cancel"), "the approval prompt should show", { timeout: 15_000 });
    expect(s.root.textContent).to.contain("You are sending $4.00 to:");
    expect(s.root.textContent).to.contain(to);
    byText("Cancel")!.click();
    await waitUntil(() => s.root.querySelector("[role=alert]"), "giving up should be explained", { timeout: 10_000 });
    expect(s.root.querySelector("[role=alert]")!.textContent).to.contain("nothing was sent");
    const { withdrawals } = await s.user.client.call(routes.listWithdrawals, {});
    expect(withdrawals.map((w) => w.status)).to.deep.equal(["ready"]);
  });

  it("explains a declined signature and, on Try again, continues the same withdrawal", async () => {
    let declines = 1;
    const s = await setup({
      wallet: (user) => {
        const real = createSandboxWallet({ signerUrl: services.signerUrl, token: user.token });
        return wrap(real, {
          signTypedData: async (typedData) => {
            if (declines-- > 0) throw new WalletError("user_rejected", "declined by the person in the test");
            return real.signTypedData(typedData);
          },
        });
      },
    });
    await toReview(s, "5", randomAddress());
    s.$<HTMLButtonElement>("[data-action=confirm]")!.click();
    await waitUntil(() => s.root.querySelector("[role=alert]"), "the refusal should be explained", { timeout: 10_000 });
    expect(s.root.querySelector("[role=alert]")!.textContent).to.contain("You declined in your wallet; nothing was sent.");
    expect(eventsOf(s, "mc-error").map((d) => d.code)).to.include("user_rejected");
    s.$<HTMLButtonElement>("[data-action=retry]")!.click();
    await approve(s);
    await waitUntil(() => s.root.textContent!.includes("Withdrawal confirmed"), "the retry should go through", { timeout: 20_000 });
    const sandboxSide = await sandboxControl<{ withdrawals: unknown[] }>(services, "GET", `/users/${s.user.machinesUserId}`);
    expect(sandboxSide.withdrawals).to.have.length(1);
  });

  it("explains a wallet on the wrong network, and sends once after Try again", async () => {
    let wrong = 1;
    let sent = 0;
    const s = await setup({
      collateralVersion: 1,
      wallet: (user) => {
        const real = createSandboxWallet({ signerUrl: services.signerUrl, token: user.token });
        return wrap(real, {
          sendTransaction: async (tx) => {
            if (wrong-- > 0) throw new WalletError("wrong_chain", "the wallet is on chain 1");
            sent++;
            return real.sendTransaction(tx);
          },
        });
      },
    });
    await toReview(s, "3", randomAddress());
    s.$<HTMLButtonElement>("[data-action=confirm]")!.click();
    await waitUntil(() => s.root.querySelector("[role=alert]"), "the wrong network should be explained", { timeout: 10_000 });
    expect(s.root.querySelector("[role=alert]")!.textContent).to.contain("Your wallet is on another network.");
    expect(s.$("[aria-current=step]")!.textContent).to.contain("Confirm in your wallet…");
    await expect(s.host).to.be.accessible();
    s.$<HTMLButtonElement>("[data-action=retry]")!.click();
    await approve(s);
    await waitUntil(() => s.root.textContent!.includes("Withdrawal confirmed"), "the retry should go through", { timeout: 20_000 });
    expect(sent).to.equal(1);
    expect(eventsOf(s, "mc-withdrawal-submitted")).to.have.length(1);
  });

  it("retries with the same Idempotency-Key after the upstream fails, so Machines holds one withdrawal", async () => {
    const s = await setup();
    // Machines records the withdrawal but the replies are lost, twice (the Worker retries once itself).
    await sandboxControl(services, "POST", "/faults", { method: "POST", path: "/withdrawals", kind: "error", status: 503, phase: "after", times: 2, userId: s.user.machinesUserId });
    await fill(s, "7", randomAddress());
    await sendKeys({ press: "Enter" });
    await waitUntil(() => s.root.querySelector("[role=alert]"), "the failure should be shown", { timeout: 15_000 });
    expect(s.root.querySelector("[role=alert]")!.textContent).to.contain("card provider");
    s.$<HTMLButtonElement>("[data-action=retry]")!.click();
    await waitUntil(() => s.$("[data-action=confirm]"), "the same withdrawal should reach the preview", { timeout: 15_000 });
    const sandboxSide = await sandboxControl<{ withdrawals: unknown[] }>(services, "GET", `/users/${s.user.machinesUserId}`);
    expect(sandboxSide.withdrawals).to.have.length(1);
    expect((await s.user.client.call(routes.listWithdrawals, {})).withdrawals).to.have.length(1);
  });

  it("says next to the amount when the balance does not cover it", async () => {
    const s = await setup({ fundCents: 10_00 });
    await fill(s, "50", randomAddress());
    await sendKeys({ press: "Enter" });
    await waitUntil(() => s.$("#withdraw-amount-error"), "the refusal should show at the amount", { timeout: 15_000 });
    expect(s.$("#withdraw-amount-error")!.textContent).to.equal("Your balance doesn’t cover this amount.");
    expect(s.root.activeElement).to.equal(s.$("#withdraw-amount"));
    expect(eventsOf(s, "mc-error").map((d) => d.code)).to.include("insufficient_collateral");
  });

  it("takes a returning user back to the withdrawal they started", async () => {
    const user = await sandboxUser(services, { fundCents: 50_00 });
    const recipient = randomAddress();
    await user.client.call(routes.createWithdrawal, {
      body: { amountCents: 20_00, destination: { currency: "rusd", network: "base", address: recipient } },
      idempotencyKey: newIdempotencyKey(),
    });
    const s = await setup({ user });
    await waitUntil(() => s.$("[data-action=confirm]"), "the preview should show once it is ready", { timeout: 15_000 });
    await waitUntil(() => s.$("dl.summary")!.textContent!.includes("About 20 RUSD"), "with its estimate", { timeout: 10_000 });
    expect(s.$("dl.summary")!.textContent).to.contain("$20.00");
    expect(s.$("dl.summary")!.textContent!.toLowerCase()).to.contain(recipient.toLowerCase());
    await expect(s.host).to.be.accessible();
    await confirmAndWait(s);
    const chain = await sandboxChain(services);
    expect(await tokenBalance(chain.rpcUrl, chain.tokenAddress, recipient)).to.equal(2000n * 10n ** BigInt(chain.tokenDecimals - 2));
  });

  it("shows a load failure with a way to try again", async () => {
    const { step, host } = await renderStep<WithdrawStep>("withdraw", { workerUrl: "http://127.0.0.1:9", token: async () => "t" });
    await waitUntil(() => step.shadowRoot!.querySelector("[role=alert]"), "the error should show", { timeout: 10_000 });
    expect(step.shadowRoot!.querySelector("[role=alert]")!.textContent).to.contain("Try again");
    await expect(host).to.be.accessible();
  });

  it("speaks Spanish, accessibly in the dark theme", async () => {
    const s = await setup({ fundCents: 0, options: { locale: "es" } });
    await waitUntil(() => s.$("label[for=withdraw-amount]")!.textContent!.includes("Importe"), "the Spanish strings should load");
    expect(s.$("h2")!.textContent).to.equal("Retiro");
    const frame = document.createElement("div");
    frame.className = "frame";
    s.host.shadowRoot!.append(frame);
    frame.append(s.step);
    s.host.setAttribute("theme", "dark");
    await expect(s.host).to.be.accessible();
  });
});

describe("withdraw step: what the wallet signs", function () {
  this.timeout(60_000);

  it("previews the call the Worker bound (amount in the token's units and dollars, recipient), not the form", async () => {
    const s = await setup({ collateralVersion: 1 });
    const recipient = randomAddress();
    await toReview(s, "12", recipient);
    const summary = s.$("dl.summary")!;
    expect(summary.dataset.signed).to.equal("call");
    expect(summary.textContent).to.contain("$12.00 (12.00 of token 0x");
    expect(summary.textContent!.toLowerCase()).to.contain(recipient.toLowerCase());
  });

  it("explains a refused call in plain words with its code, and asks the wallet nothing", async () => {
    let asked = 0;
    const s = await setup({
      collateralVersion: 1,
      wallet: (user) => {
        const real = createSandboxWallet({ signerUrl: services.signerUrl, token: user.token });
        return new Proxy(real, {
          get(target, name, receiver) {
            const value = Reflect.get(target, name, receiver);
            return typeof value === "function" && name !== "address" ? (...args: unknown[]) => (asked++, value.apply(target, args)) : value;
          },
        });
      },
    });
    // Machines answers ready with ten times the $7 asked for ($70 at 6 decimals).
    await sandboxControl(services, "POST", "/faults", {
      method: "POST",
      path: "/withdrawals",
      kind: "rewrite",
      rewrite: { set: { "data.parameters.2": "70000000" } },
      userId: s.user.machinesUserId,
    });
    const before = asked;
    await fill(s, "7", randomAddress());
    await sendKeys({ press: "Enter" });
    await waitUntil(() => s.root.querySelector("[role=alert]"), "the refusal should be shown", { timeout: 20_000 });
    expect(s.root.querySelector("[role=alert]")!.textContent).to.contain(
      "Machines quoted a different amount than you asked for; nothing was signed. (withdrawal_amount_mismatch)",
    );
    expect(s.$("[data-action=confirm]")).to.equal(null);
    expect(asked).to.equal(before);
  });
});
