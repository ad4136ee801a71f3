import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createApprovalBook } from "./approvals";
import { mountPasskeyRoutes } from "./passkey-routes";
import { createPasskeySigners, LOOPBACK_ORIGINS } from "./passkey-signers";
import { softAuthenticator, rawToDer } from "./testing/soft-authenticator";
import { b64url, derToRaw, fromB64url, verifyAssertion } from "./webauthn";

const ORIGIN = "https://shop.example";
const RP = { isAllowedOrigin: (o: string) => o === ORIGIN };
const OPERATION = { use: "sign" as const, digest: `0x${"ab".repeat(32)}` };
const OTHER = { use: "sign" as const, digest: `0x${"cd".repeat(32)}` };

/** A user with a registered passkey, and a live approval challenge for OPERATION. */
async function registered(o: { counter?: number } = {}) {
  const passkeys = createPasskeySigners({ rp: RP, challengeTtlMs: 60_000 });
  const key = await softAuthenticator({ rpId: "shop.example", origin: ORIGIN, ...o });
  const { challenge } = passkeys.registrationChallenge("ada");
  const made = await passkeys.register("ada", { challenge, rpId: "shop.example", name: "Ada's laptop", ...(await key.create(challenge)) });
  expect(made).toMatchObject({ ok: true, passkey: { id: key.id, rpId: "shop.example", locator: `passkey:${key.id}` } });
  return { passkeys, key, challenge: () => passkeys.approvalChallenge("ada", OPERATION).challenge };
}

describe("passkey registration (WebAuthn §7.1, attestation none)", () => {
  it("stores the credential's P-256 key from its COSE key, once per challenge", async () => {
    const passkeys = createPasskeySigners({ rp: RP, challengeTtlMs: 60_000 });
    const key = await softAuthenticator({ rpId: "shop.example", origin: ORIGIN });
    const { challenge } = passkeys.registrationChallenge("ada");
    const credential = await key.create(challenge);
    const made = await passkeys.register("ada", { challenge, rpId: "shop.example", name: "laptop", ...credential });
    expect(made.ok).toBe(true);
    expect(passkeys.list("ada").map((k) => k.id)).toEqual([key.id]);
    expect(passkeys.list("bob")).toEqual([]);
    // The same challenge does not register twice.
    expect(await passkeys.register("ada", { challenge, rpId: "shop.example", name: "again", ...credential })).toMatchObject({ ok: false, reason: "challenge_invalid" });
  });

  const bad: [string, { origin?: string; rpId?: string; type?: string; challenge?: string; bodyRpId?: string }, string][] = [
    ["another origin", { origin: "https://evil.example" }, "origin_invalid"],
    ["an assertion instead of a creation", { type: "webauthn.get" }, "type_invalid"],
    ["a key scoped to another rpId", { rpId: "evil.example" }, "rp_invalid"],
    ["an rpId the origin cannot claim", { bodyRpId: "example.org", rpId: "example.org" }, "rp_invalid"],
    ["another challenge", { challenge: "x".repeat(43) }, "challenge_mismatch"],
  ];
  for (const [what, over, reason] of bad) {
    it(`refuses ${what} (${reason})`, async () => {
      const passkeys = createPasskeySigners({ rp: RP, challengeTtlMs: 60_000 });
      const key = await softAuthenticator({ rpId: "shop.example", origin: ORIGIN });
      const { challenge } = passkeys.registrationChallenge("ada");
      const credential = await key.create(over.challenge ?? challenge, over);
      const made = await passkeys.register("ada", { challenge, rpId: over.bodyRpId ?? "shop.example", name: "x", ...credential });
      expect(made).toMatchObject({ ok: false, reason });
      expect(passkeys.list("ada")).toEqual([]);
    });
  }
});

describe("passkey approvals (WebAuthn §7.2)", () => {
  it("a good assertion over the operation's challenge approves that operation; the counter moves on", async () => {
    const { passkeys, key, challenge } = await registered();
    const c = challenge();
    // The challenge starts with the operation's digest: the passkey signs over exactly what will be signed.
    expect(Buffer.from(fromB64url(c).slice(0, 32)).toString("hex")).toBe(OPERATION.digest.slice(2));
    expect(await passkeys.approve("ada", { challenge: c, ...(await key.get(c)) })).toEqual({ ok: true, bound: OPERATION });
    const next = challenge();
    expect(await passkeys.approve("ada", { challenge: next, ...(await key.get(next)) })).toMatchObject({ ok: true });
    expect(key.counter).toBe(2);
  });

  it("a challenge answers once, and only for the user it was issued to", async () => {
    const { passkeys, key, challenge } = await registered();
    const c = challenge();
    const assertion = await key.get(c);
    expect(await passkeys.approve("bob", { challenge: c, ...assertion })).toMatchObject({ ok: false, reason: "challenge_invalid" });
    // Taken by bob's try: gone for everyone.
    expect(await passkeys.approve("ada", { challenge: c, ...assertion })).toMatchObject({ ok: false, reason: "challenge_invalid" });
  });

  const bad: [string, (c: string, k: Awaited<ReturnType<typeof softAuthenticator>>) => Promise<Record<string, string>>, string][] = [
    ["an assertion over another challenge", async (_c, k) => k.get(b64url(new Uint8Array(48))), "challenge_mismatch"],
    ["an assertion from another origin", (c, k) => k.get(c, { origin: "https://evil.example" }), "origin_invalid"],
    ["a look-alike origin under the rpId's name", (c, k) => k.get(c, { origin: "https://shop.example.evil.example" }), "origin_invalid"],
    ["an authenticator scoped to another rpId", (c, k) => k.get(c, { rpId: "evil.example" }), "rp_invalid"],
    ["a creation response instead of an assertion", (c, k) => k.get(c, { type: "webauthn.create" }), "type_invalid"],
    ["no user presence", (c, k) => k.get(c, { flags: 0x04 }), "user_presence_missing"],
    [
      "a tampered signature",
      async (c, k) => {
        const a = await k.get(c);
        const raw = derToRaw(fromB64url(a.signature));
        raw[40] = raw[40]! ^ 1;
        return { ...a, signature: b64url(rawToDer(raw)) };
      },
      "signature_invalid",
    ],
    [
      "tampered client data (the signature covers its hash)",
      async (c, k) => {
        const a = await k.get(c);
        const json = JSON.parse(new TextDecoder().decode(fromB64url(a.clientDataJSON)));
        return { ...a, clientDataJSON: b64url(new TextEncoder().encode(JSON.stringify({ ...json, crossOrigin: true }))) };
      },
      "signature_invalid",
    ],
    ["a signature that is not DER", async (c, k) => ({ ...(await k.get(c)), signature: b64url(new Uint8Array(64).fill(7)) }), "signature_invalid"],
    ["another credential", async (c, k) => ({ ...(await k.get(c)), credentialId: b64url(new Uint8Array(16).fill(9)) }), "passkey_unknown"],
  ];
  for (const [what, make, reason] of bad) {
    it(`refuses ${what} (${reason})`, async () => {
      const { passkeys, key, challenge } = await registered();
      const c = challenge();
      expect(await passkeys.approve("ada", { challenge: c, ...((await make(c, key)) as { credentialId: string; clientDataJSON: string; authenticatorData: string; signature: string }) })).toMatchObject({ ok: false, reason });
    });
  }

  it("refuses a replayed assertion and a signature counter that did not move forward", async () => {
    const { passkeys, key, challenge } = await registered({ counter: 10 });
    const first = challenge();
    const answer = await key.get(first);
    expect((await passkeys.approve("ada", { challenge: first, ...answer })).ok).toBe(true);
    // The same assertion again: its challenge is spent.
    expect(await passkeys.approve("ada", { challenge: first, ...answer })).toMatchObject({ reason: "challenge_invalid" });
    // A fresh challenge signed by a clone whose counter is behind (or equal).
    for (const counter of [11, 5]) {
      const c = challenge();
      expect(await passkeys.approve("ada", { challenge: c, ...(await key.get(c, { counter })) })).toMatchObject({ ok: false, reason: "counter_replayed" });
    }
  });

  it("asks for user verification only when the relying party requires it", async () => {
    const key = await softAuthenticator({ rpId: "shop.example", origin: ORIGIN });
    const credential = { id: key.id, rpId: "shop.example", signCount: 0, publicKey: { x: "", y: "" } };
    const passkeys = createPasskeySigners({ rp: RP, challengeTtlMs: 60_000 });
    const { challenge } = passkeys.registrationChallenge("ada");
    await passkeys.register("ada", { challenge, rpId: "shop.example", name: "x", ...(await key.create(challenge)) });
    credential.publicKey = passkeys.list("ada")[0]!.publicKey;
    const a = await key.get("c".repeat(43), { flags: 0x01 });
    const p = { challenge: "c".repeat(43), clientDataJSON: fromB64url(a.clientDataJSON), authenticatorData: fromB64url(a.authenticatorData), signature: fromB64url(a.signature) };
    expect(await verifyAssertion(RP, credential, p)).toBe(1);
    await expect(verifyAssertion({ ...RP, requireUserVerification: true }, { ...credential, signCount: 0 }, p)).rejects.toMatchObject({ reason: "user_verification_missing" });
  });

  it("the sandbox's default origins are this machine's pages only", () => {
    expect(LOOPBACK_ORIGINS.isAllowedOrigin("http://127.0.0.1:8790")).toBe(true);
    expect(LOOPBACK_ORIGINS.isAllowedOrigin("http://localhost:5173")).toBe(true);
    expect(LOOPBACK_ORIGINS.isAllowedOrigin("http://localhost.evil.example")).toBe(false);
    expect(LOOPBACK_ORIGINS.isAllowedOrigin("https://shop.example")).toBe(false);
  });
});

describe("passkey grants on the wallet's approval book", () => {
  it("a bare token wins nothing; a passkey grant signs only the operation it was won for, once", async () => {
    const book = createApprovalBook();
    expect(book.spend("ada", undefined, "sign", OPERATION.digest)).toEqual({ ok: false, reason: "approval_required" });
    const g = book.grantPasskey("ada", OPERATION);
    expect(book.spend("ada", g.token, "sign", OTHER.digest)).toEqual({ ok: false, reason: "approval_mismatch" });
    expect(book.spend("ada", g.token, "send", OPERATION.digest)).toEqual({ ok: false, reason: "approval_used" });
    expect(book.spend("bob", g.token, "sign", OPERATION.digest)).toEqual({ ok: false, reason: "approval_required" });
    expect(book.spend("ada", g.token, "sign", OPERATION.digest)).toEqual({ ok: true, via: "passkey" });
    expect(book.spend("ada", g.token, "sign", OPERATION.digest)).toEqual({ ok: false, reason: "approval_used" });
    // A passkey grant is not an email grant: it cannot register another signer.
    expect(book.isEmailGrant("ada", book.grantPasskey("ada", OPERATION).token)).toBe(false);
  });

  it("registering a passkey over HTTP needs an email-code grant: a stolen token cannot add the thief's passkey", async () => {
    const book = createApprovalBook();
    const passkeys = createPasskeySigners({ rp: RP, challengeTtlMs: 60_000 });
    const app = new Hono<{ Variables: { user: { sub: string; email?: string } } }>();
    app.use("*", async (c, next) => {
      c.set("user", { sub: "ada", email: "ada@example.com" });
      await next();
    });
    mountPasskeyRoutes(app, { approvals: book, passkeys, chainId: 31337, walletAddress: async () => "0x0000000000000000000000000000000000000001" });
    const post = (path: string, body: unknown) => app.request(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const key = await softAuthenticator({ rpId: "shop.example", origin: ORIGIN });

    const add = async (approval: string) => {
      const { challenge, user } = (await (await post("/signers/passkey/challenge", {})).json()) as { challenge: string; user: { id: string; name: string } };
      expect(user.name).toBe("ada@example.com");
      return post("/signers/passkey", { challenge, rpId: "shop.example", name: "thief", approval, credential: await key.create(challenge) });
    };
    const refused = await add("not-a-grant");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("approval_required");
    expect((await add(book.grantPasskey("ada", OPERATION).token)).status).toBe(403);
    expect(passkeys.list("ada")).toEqual([]);

    // Without a passkey, an approval challenge is refused rather than issued.
    const none = await post("/approvals/passkey/challenge", { operation: "send-transaction", to: "0x0000000000000000000000000000000000000002" });
    expect(none.status).toBe(404);

    const emailed = book.sendCode("ada@example.com");
    const grant = book.verifyCode("ada", "ada@example.com", (emailed as { code: string }).code) as { token: string };
    expect((await add(grant.token)).status).toBe(201);

    // Now a passkey approval for a transaction: the grant sends that transaction and nothing else.
    const tx = { operation: "send-transaction", to: "0x0000000000000000000000000000000000000002", data: "0x1234", value: "0" };
    const { challenge, digest } = (await (await post("/approvals/passkey/challenge", tx)).json()) as { challenge: string; digest: string };
    const approved = await post("/approvals/passkey", { challenge, ...(await key.get(challenge)) });
    expect(approved.status).toBe(200);
    const { approval, via } = (await approved.json()) as { approval: string; via: string };
    expect(via).toBe("passkey");
    expect(book.spend("ada", approval, "send", `0x${"00".repeat(32)}`)).toMatchObject({ reason: "approval_mismatch" });
    expect(book.spend("ada", approval, "send", digest)).toEqual({ ok: true, via: "passkey" });
  });
});
