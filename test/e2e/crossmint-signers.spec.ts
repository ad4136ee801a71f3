/**
 * The Crossmint wallet adapter in signer mode `passkey`, with the real @crossmint/wallets-sdk 1.1.0 and
 * Chromium's WebAuthn through a virtual authenticator (DevTools protocol), Crossmint's hosts answered
 * by the test (support/crossmint-page.ts). The calls are those the SDK makes for a wallet whose
 * delegated signer is a passkey:
 *   GET  /api/2025-06-09/wallets/me:evm:smart                         → {…, config: {adminSigner, delegatedSigners: [{locator}]}}
 *   GET  /api/2025-06-09/wallets/me:evm:smart/signers/passkey:<id>    → {type: "passkey", id, name, publicKey: {x, y}, locator, chains: {<chain>: {status}}}
 *   POST /api/2025-06-09/wallets/me:evm:smart/signatures              {type: "typed-data", params: {typedData, signer: "passkey:<id>", chain}}
 *                                                                      → {id, status: "awaiting-approval", approvals: {pending: [{signer: {locator}, message}]}}
 *   GET  /api/2025-06-09/wallets/me:evm:smart/signatures/<id>         → the same, until approved
 *   POST /api/2025-06-09/wallets/me:evm:smart/signatures/<id>/approvals {approvals: [{signer, signature: {r, s}, metadata}]}
 * The SDK's passkey signer answers the pending approval with `navigator.credentials.get` over the
 * message (through the adapter's `onSignWithPasskey`, in ox's result shape); this test checks the assertion as Crossmint would (P-256 over
 * authenticatorData ‖ SHA-256(clientDataJSON), the message as the challenge, the partner's origin).
 *
 * In signer mode `email`, the SDK's email signer talks to Crossmint's signer iframe
 * (staging.signers.crossmint.com): the test serves that page (support/crossmint-signer-frame.ts: the
 * real handshake and event schemas) and plays the signer service behind it (support/crossmint-signer-tee.ts),
 * so `onAuthRequired` is called, answered by the adapter's approval handler, and the code travels in
 * the SDK's `complete-onboarding` request.
 *
 * In signer mode `device`, the adapter gives the SDK its own DeviceSignerKeyStorage (a WebCrypto P-256 key
 * in IndexedDB): the SDK's `recover()` registers it (`POST …/signers` {signer: {type: "device", publicKey,
 * name}}, approved by the email signer), approvals carry `{signer: "device:<key>", signature: {r, s}}`,
 * and `removeSigner` is `DELETE …/signers/device:<key>`, a transaction the email signer approves.
 */
import { createHash, webcrypto } from "node:crypto";
import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { recoverAddress, recoverMessageAddress } from "viem";
import { openPartnerPage, PARTNER_ORIGIN, type CrossmintReply, type CrossmintRequest } from "./support/crossmint-page";
import { signerTee } from "./support/crossmint-signer-tee";
import { ADDRESS, JWT, ME, PROJECT, SIGNATURE, WITHDRAW } from "./support/crossmint-wallet-fixture";

/** The hash Crossmint asks the signer to approve (its user operation's or signature request's). */
const MESSAGE = `0x${"5c".repeat(32)}`;

interface WalletHarness {
  installTestKeyIssuer(): (environment: "staging" | "production", projectId: string) => string;
  createWallet(o: { config: unknown; provider: undefined; token: () => Promise<string | null> }): Promise<{ signTypedData(t: unknown): Promise<string> }>;
}

/** A passkey the user made earlier on the partner's site, held by the browser's (virtual) authenticator. */
async function passkeyInBrowser(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  const pair = await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", pair.privateKey));
  const jwk = await webcrypto.subtle.exportKey("jwk", pair.publicKey);
  const rawId = webcrypto.getRandomValues(new Uint8Array(16));
  await cdp.send("WebAuthn.addCredential", {
    authenticatorId,
    credential: { credentialId: Buffer.from(rawId).toString("base64"), isResidentCredential: true, rpId: new URL(PARTNER_ORIGIN).hostname, privateKey: pkcs8.toString("base64"), userHandle: Buffer.from("cm-user-1").toString("base64"), signCount: 0 },
  });
  const decimal = (b64url: string) => BigInt(`0x${Buffer.from(b64url, "base64url").toString("hex")}`).toString();
  return {
    cdp,
    authenticatorId,
    id: Buffer.from(rawId).toString("base64url"),
    publicKey: pair.publicKey,
    crossmintPublicKey: { x: decimal(jwk.x!), y: decimal(jwk.y!) },
  };
}

type Passkey = Awaited<ReturnType<typeof passkeyInBrowser>>;

/** Checks a passkey approval as Crossmint's signer service would; returns why not, or null. */
async function checkApproval(passkey: Passkey, approval: { signer: string; signature: { r: string; s: string }; metadata: { authenticatorData: string; clientDataJSON: string } }): Promise<string | null> {
  if (approval.signer !== `passkey:${passkey.id}`) return "another signer";
  const client = JSON.parse(approval.metadata.clientDataJSON) as { type: string; challenge: string; origin: string };
  if (client.type !== "webauthn.get") return "not an assertion";
  if (client.challenge !== Buffer.from(MESSAGE.slice(2), "hex").toString("base64url")) return "another challenge";
  if (client.origin !== PARTNER_ORIGIN) return "another origin";
  const authData = Buffer.from(approval.metadata.authenticatorData.slice(2), "hex");
  if (!authData.subarray(0, 32).equals(createHash("sha256").update(new URL(PARTNER_ORIGIN).hostname).digest())) return "another rpId";
  if (!(authData[32]! & 0x01)) return "no user presence";
  const raw = Buffer.concat([approval.signature.r, approval.signature.s].map((v) => Buffer.from(BigInt(v).toString(16).padStart(64, "0"), "hex")));
  const signed = Buffer.concat([authData, createHash("sha256").update(approval.metadata.clientDataJSON).digest()]);
  return (await webcrypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, passkey.publicKey, raw, signed)) ? null : "bad signature";
}

function crossmintWithPasskey(passkey: () => Passkey) {
  const approvals: { body: unknown; problem: string | null }[] = [];
  const locator = () => `passkey:${passkey().id}`;
  let approved = false;
  const signature = () =>
    approved
      ? { id: "sig-1", type: "typed-data", status: "success", outputSignature: SIGNATURE, approvals: { pending: [], submitted: [{ signer: { locator: locator() } }] } }
      : { id: "sig-1", type: "typed-data", status: "awaiting-approval", approvals: { pending: [{ signer: { locator: locator() }, message: MESSAGE }], submitted: [] } };
  const answer = async (request: CrossmintRequest): Promise<CrossmintReply> => {
    const path = decodeURIComponent(request.url.pathname);
    if (request.url.host !== "staging.crossmint.com") return { body: {} };
    if (request.method === "GET" && path === ME) {
      const adminSigner = { type: "email", email: "ada@example.com", locator: "email:ada@example.com" };
      return { body: { type: "smart", chainType: "evm", address: ADDRESS, owner: "userId:cm-user-1", config: { adminSigner, delegatedSigners: [{ locator: locator() }] }, createdAt: "2026-11-01T00:00:00Z" } };
    }
    if (request.method === "GET" && path === `${ME}/signers/${locator()}`) {
      const { id, crossmintPublicKey } = passkey();
      return { body: { type: "passkey", id, name: "partner.test passkey", publicKey: crossmintPublicKey, validatorContractVersion: "0.1.0", locator: locator(), chains: { "base-sepolia": { status: "success" } } } };
    }
    if (request.method === "POST" && path === `${ME}/signatures`) return { status: 201, body: signature() };
    if (request.method === "GET" && path === `${ME}/signatures/sig-1`) return { body: signature() };
    if (request.method === "POST" && path === `${ME}/signatures/sig-1/approvals`) {
      const body = request.body as { approvals: Parameters<typeof checkApproval>[1][] };
      const problem = await checkApproval(passkey(), body.approvals[0]!);
      approvals.push({ body, problem });
      if (problem) return { status: 400, body: { error: true, message: `Invalid approval: ${problem}` } };
      approved = true;
      return { status: 201, body: signature() };
    }
    return { status: 404, body: { error: true, message: "Not found" } };
  };
  return { answer, approvals };
}

async function openAdapter(page: Page, answer: (r: CrossmintRequest) => Promise<CrossmintReply>, signer = "passkey") {
  const fake = await openPartnerPage(page, answer);
  await page.evaluate(
    async ([project, jwt, signer]) => {
      const harness = (window as unknown as { harness: WalletHarness }).harness;
      const key = harness.installTestKeyIssuer()("staging", project);
      const config = { auth: { provider: "crossmint", clientApiKey: key }, wallet: { provider: "crossmint", signer }, chain: { id: 84532, name: "Base Sepolia", explorerUrl: null } };
      (window as unknown as { wallet: unknown }).wallet = await harness.createWallet({ config, provider: undefined, token: async () => jwt });
    },
    [PROJECT, JWT, signer] as const,
  );
  return fake;
}

test("passkey mode: Crossmint's passkey signer approves the signature with the browser's passkey on the partner's origin", async ({ page }) => {
  let passkey: Passkey | null = null;
  const crossmint = crossmintWithPasskey(() => passkey!);
  await page.goto("about:blank");
  passkey = await passkeyInBrowser(page);
  const fake = await openAdapter(page, crossmint.answer);

  const signature = await page.evaluate((t) => (window as unknown as { wallet: { signTypedData(t: unknown): Promise<string> } }).wallet.signTypedData(t), WITHDRAW);

  expect(signature).toBe(SIGNATURE);
  const create = fake.requests.find((r) => r.method === "POST" && r.url.pathname === `${ME}/signatures`)!;
  expect((create.body as { params: { signer: string } }).params.signer, "the signature is asked of the passkey signer").toBe(`passkey:${passkey.id}`);
  expect(crossmint.approvals.map((a) => a.problem), "one approval, a valid WebAuthn assertion over Crossmint's message").toEqual([null]);
  const [credential] = (await passkey.cdp.send("WebAuthn.getCredentials", { authenticatorId: passkey.authenticatorId })).credentials;
  expect(credential!.signCount).toBe(1);
  expect(fake.unexpected).toEqual([]);
});

test("passkey mode: a passkey prompt the user dismisses (no passkey in this browser) signs nothing", async ({ page }) => {
  let passkey: Passkey | null = null;
  const crossmint = crossmintWithPasskey(() => passkey!);
  await page.goto("about:blank");
  passkey = await passkeyInBrowser(page);
  // The wallet's passkey lives on another device: this browser's authenticator has none.
  await passkey.cdp.send("WebAuthn.clearCredentials", { authenticatorId: passkey.authenticatorId });
  await openAdapter(page, crossmint.answer);

  const outcome = await page.evaluate(async (t) => {
    try {
      await (window as unknown as { wallet: { signTypedData(t: unknown): Promise<string> } }).wallet.signTypedData(t);
      return "signed";
    } catch (e) {
      return (e as { code?: string }).code ?? "no code";
    }
  }, WITHDRAW);
  expect(outcome).toBe("user_rejected");
  expect(crossmint.approvals, "no approval reached Crossmint").toEqual([]);
});

/** Crossmint for a wallet whose only signer is the user's email signer (the recovery signer, `email:…`). */
function crossmintWithEmailSigner(tee: ReturnType<typeof signerTee>) {
  const email = "email:ada@example.com";
  const approvals: { signer: string; signature: string; recovered: string }[] = [];
  let approved = false;
  const signatureState = () =>
    approved
      ? { id: "sig-1", type: "typed-data", status: "success", outputSignature: SIGNATURE, approvals: { pending: [], submitted: [{ signer: { locator: email } }] } }
      : { id: "sig-1", type: "typed-data", status: "awaiting-approval", approvals: { pending: [{ signer: { locator: email }, message: MESSAGE }], submitted: [] } };
  const answer = async (request: CrossmintRequest): Promise<CrossmintReply> => {
    const signerFrame = await tee.answer(request);
    if (signerFrame) return signerFrame;
    const path = decodeURIComponent(request.url.pathname);
    if (request.url.host !== "staging.crossmint.com") return { body: {} };
    if (request.method === "GET" && path === ME) {
      const adminSigner = { type: "email", email: "ada@example.com", locator: email, address: tee.address };
      return { body: { type: "smart", chainType: "evm", address: ADDRESS, owner: "userId:cm-user-1", config: { adminSigner }, createdAt: "2026-11-01T00:00:00Z" } };
    }
    if (request.method === "POST" && path === `${ME}/signatures`) return { status: 201, body: signatureState() };
    if (request.method === "GET" && path === `${ME}/signatures/sig-1`) return { body: signatureState() };
    if (request.method === "POST" && path === `${ME}/signatures/sig-1/approvals`) {
      const [approval] = (request.body as { approvals: { signer: string; signature: string }[] }).approvals;
      const signature = approval!.signature.startsWith("0x") ? approval!.signature : `0x${approval!.signature}`;
      const recovered = await recoverMessageAddress({ message: { raw: MESSAGE as `0x${string}` }, signature: signature as `0x${string}` });
      approvals.push({ ...approval!, recovered });
      if (recovered !== tee.address) return { status: 400, body: { error: true, message: "Invalid signature" } };
      approved = true;
      return { status: 201, body: signatureState() };
    }
    return { status: 404, body: { error: true, message: "Not found" } };
  };
  return { answer, approvals, email };
}

/**
 * Signs in the page as the person would through the card's prompt: sends the code, reads it from the
 * inbox (the test's signer service), types `wrongFirst` first when given, then the real code.
 */
async function signWithEmailCode(page: Page, tee: ReturnType<typeof signerTee>, wrongFirst?: string) {
  // The user's inbox: the code Crossmint's signer "emailed", read by the person, typed into the card's prompt.
  await page.exposeFunction("readInbox", () => tee.inbox.at(-1) ?? null);
  return page.evaluate(
    async ([t, wrong]) => {
      type Request = { signerType: string; signer: string; sendCode(): Promise<void>; verifyCode(code: string): Promise<void> };
      const wallet = (window as unknown as { wallet: { onApprovalRequired: unknown; signTypedData(t: unknown): Promise<string> } }).wallet;
      const prompts: { signerType: string; signer: string; refused: string[] }[] = [];
      wallet.onApprovalRequired = async (request: Request) => {
        const prompt = { signerType: request.signerType, signer: request.signer, refused: [] as string[] };
        prompts.push(prompt);
        await request.sendCode();
        const code = (await (window as unknown as { readInbox(): Promise<string | null> }).readInbox())!;
        if (wrong) await request.verifyCode(wrong).catch((e: { code: string }) => prompt.refused.push(e.code));
        await request.verifyCode(code);
      };
      const signature = await wallet.signTypedData(t);
      return { signature, prompts };
    },
    [WITHDRAW, wrongFirst ?? ""] as const,
  );
}

test("email mode: the SDK asks for the code through onAuthRequired, the card's prompt answers it, and the email signer approves", async ({ page }) => {
  const tee = signerTee();
  const crossmint = crossmintWithEmailSigner(tee);
  const fake = await openAdapter(page, crossmint.answer, "email");
  const seen = await signWithEmailCode(page, tee);

  expect(seen.signature).toBe(SIGNATURE);
  expect(seen.prompts, "the card's prompt was asked once, for the wallet's email signer").toEqual([{ signerType: "email", signer: crossmint.email, refused: [] }]);
  // The SDK checks the signer's status again once authenticated, then signs.
  expect(tee.events.map((e) => e.name)).toEqual(["get-status", "start-onboarding", "complete-onboarding", "get-status", "sign"]);
  const completed = tee.events.find((e) => e.name === "complete-onboarding")!;
  expect(completed.data.data, "the SDK's request carries the code the user typed").toEqual({ onboardingAuthentication: { encryptedOtp: tee.inbox[0] } });
  expect(completed.data.authData?.jwt, "with the user's session").toBe(JWT);
  expect(crossmint.approvals.map((a) => a.recovered), "Crossmint got the email signer's signature over its message").toEqual([tee.address]);
  expect(fake.unexpected).toEqual([]);
});

test("email mode: a wrong code is said as such, and the right one still signs (the adapter retries what the SDK gave up)", async ({ page }) => {
  const tee = signerTee();
  const crossmint = crossmintWithEmailSigner(tee);
  await openAdapter(page, crossmint.answer, "email");
  const seen = await signWithEmailCode(page, tee, "000000");

  expect(seen.signature).toBe(SIGNATURE);
  expect(seen.prompts, "one prompt; the wrong code refused as code_invalid").toEqual([{ signerType: "email", signer: crossmint.email, refused: ["code_invalid"] }]);
  const codes = tee.events.filter((e) => e.name === "complete-onboarding").map((e) => (e.data.data as { onboardingAuthentication: { encryptedOtp: string } }).onboardingAuthentication.encryptedOtp);
  expect(codes).toEqual(["000000", tee.inbox[0]]);
  expect(tee.inbox, "one code was sent").toHaveLength(1);
  expect(crossmint.approvals.map((a) => a.recovered)).toEqual([tee.address]);
});

test("passkey mode, a wallet without a passkey: the browser makes one, the email recovery signer approves adding it, then it signs", async ({ page }) => {
  const tee = signerTee();
  const email = "email:ada@example.com";
  const REGISTRATION = `0x${"7e".repeat(32)}`;
  let registered: { id: string; name: string; publicKey: { x: string; y: string } } | null = null;
  let registrationApproved = false;
  let signed = false;
  const problems: (string | null)[] = [];
  const passkeyLocator = () => `passkey:${registered!.id}`;
  const passkeySigner = () => ({ type: "passkey", ...registered!, validatorContractVersion: "0.1.0", locator: passkeyLocator(), chains: { "base-sepolia": registrationApproved ? { status: "success" } : { status: "awaiting-approval", id: "sig-reg" } } });
  const registration = () =>
    registrationApproved
      ? { id: "sig-reg", type: "message", status: "success", outputSignature: SIGNATURE, approvals: { pending: [], submitted: [] } }
      : { id: "sig-reg", type: "message", status: "awaiting-approval", approvals: { pending: [{ signer: { locator: email }, message: REGISTRATION }], submitted: [] } };
  const withdrawal = () =>
    signed
      ? { id: "sig-1", type: "typed-data", status: "success", outputSignature: SIGNATURE, approvals: { pending: [], submitted: [] } }
      : { id: "sig-1", type: "typed-data", status: "awaiting-approval", approvals: { pending: [{ signer: { locator: passkeyLocator() }, message: MESSAGE }], submitted: [] } };
  const answer = async (request: CrossmintRequest): Promise<CrossmintReply> => {
    const signerFrame = await tee.answer(request);
    if (signerFrame) return signerFrame;
    const path = decodeURIComponent(request.url.pathname);
    if (request.url.host !== "staging.crossmint.com") return { body: {} };
    if (request.method === "GET" && path === ME) {
      const adminSigner = { type: "email", email: "ada@example.com", locator: email, address: tee.address };
      const delegatedSigners = registrationApproved ? [{ locator: passkeyLocator() }] : [];
      return { body: { type: "smart", chainType: "evm", address: ADDRESS, owner: "userId:cm-user-1", config: { adminSigner, delegatedSigners }, createdAt: "2026-11-01T00:00:00Z" } };
    }
    if (request.method === "GET" && path.startsWith(`${ME}/signers/`)) {
      return registered && path === `${ME}/signers/${passkeyLocator()}` ? { body: passkeySigner() } : { status: 404, body: { error: true, message: "Signer not found" } };
    }
    if (request.method === "POST" && path === `${ME}/signers`) {
      registered = (request.body as { signer: NonNullable<typeof registered> }).signer;
      return { status: 201, body: passkeySigner() };
    }
    if (request.method === "GET" && path === `${ME}/signatures/sig-reg`) return { body: registration() };
    if (request.method === "POST" && path === `${ME}/signatures/sig-reg/approvals`) {
      const [approval] = (request.body as { approvals: { signer: string; signature: string }[] }).approvals;
      const signature = (approval!.signature.startsWith("0x") ? approval!.signature : `0x${approval!.signature}`) as `0x${string}`;
      if ((await recoverMessageAddress({ message: { raw: REGISTRATION as `0x${string}` }, signature })) !== tee.address) return { status: 400, body: { error: true, message: "Invalid signature" } };
      registrationApproved = true;
      return { status: 201, body: registration() };
    }
    if (request.method === "POST" && path === `${ME}/signatures`) return { status: 201, body: withdrawal() };
    if (request.method === "GET" && path === `${ME}/signatures/sig-1`) return { body: withdrawal() };
    if (request.method === "POST" && path === `${ME}/signatures/sig-1/approvals`) {
      // Checked against the public key the adapter registered: the passkey that signs is the one it added.
      const jwk = (v: string) => Buffer.from(BigInt(v).toString(16).padStart(64, "0"), "hex").toString("base64url");
      const publicKey = await webcrypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: jwk(registered!.publicKey.x), y: jwk(registered!.publicKey.y) }, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
      const problem = await checkApproval({ id: registered!.id, publicKey } as Passkey, (request.body as { approvals: Parameters<typeof checkApproval>[1][] }).approvals[0]!);
      problems.push(problem);
      if (problem) return { status: 400, body: { error: true, message: problem } };
      signed = true;
      return { status: 201, body: withdrawal() };
    }
    return { status: 404, body: { error: true, message: "Not found" } };
  };
  await page.goto("about:blank");
  const { cdp, authenticatorId } = await passkeyInBrowser(page);
  await cdp.send("WebAuthn.clearCredentials", { authenticatorId });
  await openAdapter(page, answer, "passkey");
  const seen = await signWithEmailCode(page, tee);

  expect(seen.signature).toBe(SIGNATURE);
  expect(seen.prompts, "the emailed code approved adding the passkey").toEqual([{ signerType: "email", signer: email, refused: [] }]);
  const [made] = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  expect(made!.rpId).toBe("partner.test");
  expect(Buffer.from(made!.credentialId, "base64").toString("base64url"), "Crossmint registered the passkey the browser made").toBe(registered!.id);
  expect(registered!.publicKey.x).toMatch(/^\d+$/);
  expect(problems, "the withdrawal was approved by that passkey").toEqual([null]);
});

/**
 * Crossmint for a wallet whose recovery signer is the user's email, in signer mode `device`: device
 * signers registered through `POST …/signers` ({ signer: { type: "device", publicKey: { x, y }, name } }),
 * each approved by the email signer (a `message` signature request), then listed among the wallet's
 * delegated signers as `device:<base64 of the uncompressed public key>`. A device approval is checked
 * as P-256 (SHA-256) over the bytes of Crossmint's message, against the registered public key.
 */
function crossmintWithDeviceSigners(tee: ReturnType<typeof signerTee>) {
  const email = "email:ada@example.com";
  const registrations: { signer: { type: string; publicKey: { x: string; y: string }; name?: string }; chain?: string }[] = [];
  const devices = new Map<string, { publicKey: { x: string; y: string }; name?: string; approved: boolean }>();
  const deviceApprovals: { signer: string; problem: string | null }[] = [];
  let pendingRegistration: string | null = null;
  let signedWithdrawals = 0;
  let withdrawalSigner = "";
  const REGISTRATION = `0x${"7e".repeat(32)}`;
  const REMOVAL = `0x${"3d".repeat(32)}`;
  const removals: { locator: string; chain: string | null }[] = [];
  let removed = false;
  const removal = () =>
    removed
      ? { id: "tx-rm", status: "success", chainType: "evm", walletType: "smart", onChain: { txId: `0x${"ab".repeat(32)}`, explorerLink: "https://sepolia.basescan.org/tx/0x" }, approvals: { pending: [], submitted: [] } }
      : { id: "tx-rm", status: "awaiting-approval", chainType: "evm", walletType: "smart", onChain: {}, approvals: { pending: [{ signer: { locator: email }, message: REMOVAL }], submitted: [] } };
  const deviceSigner = (locator: string) => {
    const d = devices.get(locator)!;
    return { type: "device", publicKey: d.publicKey, name: d.name, locator, chains: { "base-sepolia": d.approved ? { status: "success" } : { status: "awaiting-approval", id: "sig-reg" } } };
  };
  const registration = () =>
    pendingRegistration
      ? { id: "sig-reg", type: "message", status: "awaiting-approval", approvals: { pending: [{ signer: { locator: email }, message: REGISTRATION }], submitted: [] } }
      : { id: "sig-reg", type: "message", status: "success", outputSignature: SIGNATURE, approvals: { pending: [], submitted: [] } };
  const withdrawal = (id: string, done: boolean) =>
    done
      ? { id, type: "typed-data", status: "success", outputSignature: SIGNATURE, approvals: { pending: [], submitted: [] } }
      : { id, type: "typed-data", status: "awaiting-approval", approvals: { pending: [{ signer: { locator: withdrawalSigner }, message: MESSAGE }], submitted: [] } };
  async function checkDeviceApproval(approval: { signer: string; signature: { r: string; s: string } }): Promise<string | null> {
    const device = devices.get(approval.signer);
    if (!device?.approved) return "not a registered device signer";
    const b64 = (hex: string) => Buffer.from(hex.slice(2).padStart(64, "0"), "hex").toString("base64url");
    const key = await webcrypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: b64(device.publicKey.x), y: b64(device.publicKey.y) }, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    const raw = Buffer.concat([approval.signature.r, approval.signature.s].map((v) => Buffer.from(BigInt(v).toString(16).padStart(64, "0"), "hex")));
    return (await webcrypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, raw, Buffer.from(MESSAGE.slice(2), "hex"))) ? null : "bad signature";
  }
  const answer = async (request: CrossmintRequest): Promise<CrossmintReply> => {
    const signerFrame = await tee.answer(request);
    if (signerFrame) return signerFrame;
    const path = decodeURIComponent(request.url.pathname);
    if (request.url.host !== "staging.crossmint.com") return { body: {} };
    if (request.method === "GET" && path === ME) {
      const adminSigner = { type: "email", email: "ada@example.com", locator: email, address: tee.address };
      const delegatedSigners = [...devices].filter(([, d]) => d.approved).map(([locator]) => ({ locator }));
      return { body: { type: "smart", chainType: "evm", address: ADDRESS, owner: "userId:cm-user-1", config: { adminSigner, delegatedSigners }, createdAt: "2026-11-01T00:00:00Z" } };
    }
    if (request.method === "GET" && path.startsWith(`${ME}/signers/`)) {
      const locator = path.slice(`${ME}/signers/`.length);
      return devices.has(locator) ? { body: deviceSigner(locator) } : { status: 404, body: { error: true, message: "Signer not found" } };
    }
    if (request.method === "POST" && path === `${ME}/signers`) {
      const body = request.body as (typeof registrations)[number];
      registrations.push(body);
      const raw = Buffer.concat([Buffer.from([4]), Buffer.from(body.signer.publicKey.x.slice(2), "hex"), Buffer.from(body.signer.publicKey.y.slice(2), "hex")]);
      const locator = `device:${raw.toString("base64")}`;
      devices.set(locator, { publicKey: body.signer.publicKey, name: body.signer.name, approved: false });
      pendingRegistration = locator;
      return { status: 201, body: deviceSigner(locator) };
    }
    if (request.method === "GET" && path === `${ME}/signatures/sig-reg`) return { body: registration() };
    if (request.method === "POST" && path === `${ME}/signatures/sig-reg/approvals`) {
      const [approval] = (request.body as { approvals: { signer: string; signature: string }[] }).approvals;
      const signature = (approval!.signature.startsWith("0x") ? approval!.signature : `0x${approval!.signature}`) as `0x${string}`;
      if ((await recoverMessageAddress({ message: { raw: REGISTRATION as `0x${string}` }, signature })) !== tee.address) return { status: 400, body: { error: true, message: "Invalid signature" } };
      devices.get(pendingRegistration!)!.approved = true;
      pendingRegistration = null;
      return { status: 201, body: registration() };
    }
    if (request.method === "DELETE" && path.startsWith(`${ME}/signers/`)) {
      removals.push({ locator: path.slice(`${ME}/signers/`.length), chain: request.url.searchParams.get("chain") });
      return { status: 201, body: removal() };
    }
    if (request.method === "GET" && path === `${ME}/transactions/tx-rm`) return { body: removal() };
    if (request.method === "POST" && path === `${ME}/transactions/tx-rm/approvals`) {
      const [approval] = (request.body as { approvals: { signer: string; signature: string }[] }).approvals;
      const signature = (approval!.signature.startsWith("0x") ? approval!.signature : `0x${approval!.signature}`) as `0x${string}`;
      // A transaction's approval is the email signer's signature over the hash itself (no EIP-191 prefix).
      if ((await recoverAddress({ hash: REMOVAL as `0x${string}`, signature })) !== tee.address) return { status: 400, body: { error: true, message: "Invalid signature" } };
      removed = true;
      devices.delete(removals.at(-1)!.locator);
      return { status: 201, body: removal() };
    }
    const withdrawalId = /\/signatures\/(sig-w\d+)/.exec(path)?.[1];
    if (request.method === "POST" && path === `${ME}/signatures`) {
      withdrawalSigner = (request.body as { params: { signer?: string } }).params.signer ?? "";
      return { status: 201, body: withdrawal(`sig-w${signedWithdrawals + 1}`, false) };
    }
    if (request.method === "GET" && withdrawalId && path === `${ME}/signatures/${withdrawalId}`) return { body: withdrawal(withdrawalId, Number(withdrawalId.slice(5)) <= signedWithdrawals) };
    if (request.method === "POST" && withdrawalId && path === `${ME}/signatures/${withdrawalId}/approvals`) {
      const [approval] = (request.body as { approvals: { signer: string; signature: { r: string; s: string } }[] }).approvals;
      const problem = await checkDeviceApproval(approval!);
      deviceApprovals.push({ signer: approval!.signer, problem });
      if (problem) return { status: 400, body: { error: true, message: problem } };
      signedWithdrawals += 1;
      return { status: 201, body: withdrawal(withdrawalId, true) };
    }
    return { status: 404, body: { error: true, message: "Not found" } };
  };
  return { answer, email, registrations, devices, deviceApprovals, removals };
}

/** The card's code prompt, answered from the user's inbox; `fresh` opens the wallet anew (a new page load, as far as the SDK knows). */
async function signInDeviceMode(page: Page, fresh: boolean) {
  return page.evaluate(
    async ([t, project, jwt, fresh]) => {
      type Request = { signerType: string; signer: string; sendCode(): Promise<void>; verifyCode(code: string): Promise<void> };
      type Wallet = { onApprovalRequired: unknown; signTypedData(t: unknown): Promise<string> };
      const w = window as unknown as { wallet: Wallet; harness: WalletHarness; readInbox(): Promise<string | null> };
      if (fresh) {
        const key = w.harness.installTestKeyIssuer()("staging", project);
        const config = { auth: { provider: "crossmint", clientApiKey: key }, wallet: { provider: "crossmint", signer: "device" }, chain: { id: 84532, name: "Base Sepolia", explorerUrl: null } };
        w.wallet = (await w.harness.createWallet({ config, provider: undefined, token: async () => jwt })) as unknown as Wallet;
      }
      const prompts: string[] = [];
      w.wallet.onApprovalRequired = async (request: Request) => {
        prompts.push(request.signer);
        await request.sendCode();
        await request.verifyCode((await w.readInbox())!);
      };
      const signature = await w.wallet.signTypedData(t);
      return { signature, prompts };
    },
    [WITHDRAW, PROJECT, JWT, fresh] as const,
  );
}

test("device mode: the first signature asks for the code and registers this browser's P-256 key; later ones are signed by it with no prompt; cleared storage asks for the code again", async ({ page }) => {
  const tee = signerTee();
  const crossmint = crossmintWithDeviceSigners(tee);
  const fake = await openAdapter(page, crossmint.answer, "device");
  await page.exposeFunction("readInbox", () => tee.inbox.at(-1) ?? null);

  // First withdrawal on this browser: the emailed code approves adding a device signer.
  const first = await signInDeviceMode(page, false);
  expect(first.signature).toBe(SIGNATURE);
  expect(first.prompts, "the code prompt, for the wallet's email recovery signer").toEqual([crossmint.email]);
  expect(crossmint.registrations).toHaveLength(1);
  const [registration] = crossmint.registrations;
  expect(registration!.signer.type).toBe("device");
  expect(registration!.signer.publicKey.x).toMatch(/^0x[0-9a-f]{64}$/);
  expect(registration!.signer.publicKey.y).toMatch(/^0x[0-9a-f]{64}$/);
  expect(registration!.chain).toBe("base-sepolia");
  const [deviceLocator] = [...crossmint.devices.keys()];
  // The key is this browser's: a non-extractable P-256 key whose public half is the registered one.
  const kept = await page.evaluate(
    () =>
      new Promise<{ publicKey: string; extractable: boolean }[]>((resolve) => {
        const open = indexedDB.open("machines-card-crossmint-device-keys");
        open.onsuccess = () => {
          const all = open.result.transaction("keys").objectStore("keys").getAll();
          all.onsuccess = () => resolve((all.result as { publicKey: string; privateKey: CryptoKey }[]).map((k) => ({ publicKey: k.publicKey, extractable: k.privateKey.extractable })));
        };
      }),
  );
  expect(kept).toEqual([{ publicKey: deviceLocator!.slice("device:".length), extractable: false }]);
  expect(crossmint.deviceApprovals, "the withdrawal itself was approved by the new device key").toEqual([{ signer: deviceLocator, problem: null }]);

  // Later withdrawals, in this session and after a reload: the device key signs, no code.
  const second = await signInDeviceMode(page, false);
  const afterReload = await signInDeviceMode(page, true);
  expect([second.prompts, afterReload.prompts]).toEqual([[], []]);
  expect([second.signature, afterReload.signature]).toEqual([SIGNATURE, SIGNATURE]);
  expect(crossmint.deviceApprovals.slice(1), "P-256 signatures by the registered key").toEqual([
    { signer: deviceLocator, problem: null },
    { signer: deviceLocator, problem: null },
  ]);
  expect(crossmint.registrations).toHaveLength(1);
  expect(tee.inbox, "one code in all").toHaveLength(1);

  // Cleared site data: no key here, so the emailed code again, and a new device key is registered.
  await page.evaluate(() => new Promise((resolve) => (indexedDB.deleteDatabase("machines-card-crossmint-device-keys").onsuccess = resolve)));
  tee.forgetDevice();
  const cleared = await signInDeviceMode(page, true);
  expect(cleared.signature).toBe(SIGNATURE);
  expect(cleared.prompts).toEqual([crossmint.email]);
  expect(crossmint.registrations).toHaveLength(2);
  const newLocator = [...crossmint.devices.keys()][1];
  expect(newLocator).not.toBe(deviceLocator);
  expect(crossmint.deviceApprovals.at(-1)).toEqual({ signer: newLocator, problem: null });
  expect(fake.unexpected).toEqual([]);
});

test("device mode: Remove this device removes the Crossmint device signer (approved by the emailed code) and forgets the key", async ({ page }) => {
  const tee = signerTee();
  const crossmint = crossmintWithDeviceSigners(tee);
  await openAdapter(page, crossmint.answer, "device");
  await page.exposeFunction("readInbox", () => tee.inbox.at(-1) ?? null);
  await signInDeviceMode(page, false);
  const [locator] = [...crossmint.devices.keys()];
  tee.forgetDevice();

  const seen = await page.evaluate(async () => {
    type Request = { signer: string; sendCode(): Promise<void>; verifyCode(code: string): Promise<void> };
    type Device = { current(): Promise<{ id: string; name: string } | null>; remove(): Promise<void> };
    const w = window as unknown as { wallet: { onApprovalRequired: unknown; device: Device }; readInbox(): Promise<string | null> };
    const prompts: string[] = [];
    w.wallet.onApprovalRequired = async (request: Request) => {
      prompts.push(request.signer);
      await request.sendCode();
      await request.verifyCode((await w.readInbox())!);
    };
    const before = await w.wallet.device.current();
    await w.wallet.device.remove();
    const after = await w.wallet.device.current();
    return { before, after, prompts };
  });
  expect(seen.before?.id).toBe(locator);
  expect(crossmint.removals, "the SDK's removeSigner: DELETE …/signers/<device locator>").toEqual([{ locator, chain: "base-sepolia" }]);
  expect(seen.prompts, "approved by the email recovery signer").toEqual([crossmint.email]);
  expect(seen.after).toBeNull();
  expect(crossmint.devices.size).toBe(0);
});
