import type { Context, Hono } from "hono";
import { getAddress, type Address, type Hex } from "viem";
import { errorReply, invalidBody, readJsonBody } from "../../identity/service-http";
import type { ApprovalBook } from "./approvals";
import { transactionDigest, typedDataDigest } from "./operation-digest";
import type { PasskeyRefusal, PasskeySigners } from "./passkey-signers";
import { AddPasskeyBody, PasskeyApprovalBody, PasskeyChallengeBody, RemovePasskeyBody } from "./signer-requests";
import { normaliseTypedData, TypedDataInputError } from "./typed-data";
import { b64url } from "./webauthn";

type SignerEnv = { Variables: { user: { sub: string; email?: string } } };

export interface PasskeyRouteDeps {
  approvals: ApprovalBook;
  passkeys: PasskeySigners;
  chainId: number;
  walletAddress: (user: { sub: string; email?: string }) => Promise<Address>;
}

const STATUS: Record<PasskeyRefusal, 400 | 401> = {
  challenge_invalid: 400,
  malformed: 400,
  key_unsupported: 400,
  passkey_unknown: 401,
  type_invalid: 401,
  challenge_mismatch: 401,
  origin_invalid: 401,
  rp_invalid: 401,
  user_presence_missing: 401,
  user_verification_missing: 401,
  signature_invalid: 401,
  counter_replayed: 401,
};

/**
 * The passkey signer's routes on the sandbox wallet (mounted by `createSandboxSigner`, behind its
 * bearer check): register a passkey (after an email-code approval, like a device), and approve one
 * operation per WebAuthn assertion.
 */
export function mountPasskeyRoutes(app: Hono<SignerEnv>, d: PasskeyRouteDeps): void {
  const refuse = (c: Context, r: { reason: PasskeyRefusal; message: string }) => errorReply(c, STATUS[r.reason], r.reason, r.message, "credential");

  app.post("/signers/passkey/challenge", async (c) => {
    const user = c.get("user");
    const { challenge, expiresAt } = d.passkeys.registrationChallenge(user.sub);
    const userId = b64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`machines-card:${user.sub}`))));
    const name = user.email ?? user.sub;
    return c.json({
      challenge,
      user: { id: userId, name, displayName: name },
      excludeCredentials: d.passkeys.list(user.sub).map((k) => k.id),
      expiresAt: new Date(expiresAt).toISOString(),
    });
  });

  app.post("/signers/passkey", async (c) => {
    const body = await readJsonBody(c, AddPasskeyBody);
    if (!body.ok) return invalidBody(c, body.errors);
    const user = c.get("user");
    // A stolen sign-in token must not be able to add the thief's passkey: registering needs the emailed code.
    if (!d.approvals.isEmailGrant(user.sub, body.value.approval)) {
      return errorReply(c, 403, "approval_required", "registering a passkey needs a fresh email-code approval", "approval");
    }
    const { credential, ...rest } = body.value;
    const result = await d.passkeys.register(user.sub, { ...rest, ...credential });
    return result.ok ? c.json({ passkey: result.passkey }, 201) : refuse(c, result);
  });

  app.post("/signers/passkey/remove", async (c) => {
    const body = await readJsonBody(c, RemovePasskeyBody);
    if (!body.ok) return invalidBody(c, body.errors);
    if (!d.passkeys.remove(c.get("user").sub, body.value.passkeyId)) return errorReply(c, 404, "not_found", "no such passkey", "passkeyId");
    return c.json({ removed: body.value.passkeyId });
  });

  app.post("/approvals/passkey/challenge", async (c) => {
    const body = await readJsonBody(c, PasskeyChallengeBody);
    if (!body.ok) return invalidBody(c, body.errors);
    const user = c.get("user");
    const op = body.value;
    let bound: { use: "sign" | "send"; digest: Hex };
    if (op.operation === "sign-typed-data") {
      try {
        bound = { use: "sign", digest: typedDataDigest(normaliseTypedData(op.typedData)) };
      } catch (e) {
        if (e instanceof TypedDataInputError) return errorReply(c, 400, "invalid_request", e.message, e.field);
        return errorReply(c, 400, "invalid_request", `typedData cannot be hashed: ${(e as Error).message.split("\n")[0]}`, "typedData");
      }
    } else {
      const call = { to: getAddress(op.to), data: (op.data ?? "0x") as Hex, value: BigInt(op.value ?? 0) };
      bound = { use: "send", digest: transactionDigest(d.chainId, await d.walletAddress(user), call) };
    }
    const issued = d.passkeys.approvalChallenge(user.sub, bound);
    if (issued.allowCredentials.length === 0) return errorReply(c, 404, "passkey_unknown", "no passkey is registered on your wallet; approve with the emailed code");
    return c.json({ challenge: issued.challenge, digest: bound.digest, allowCredentials: issued.allowCredentials, expiresAt: new Date(issued.expiresAt).toISOString() });
  });

  app.post("/approvals/passkey", async (c) => {
    const body = await readJsonBody(c, PasskeyApprovalBody);
    if (!body.ok) return invalidBody(c, body.errors);
    const user = c.get("user");
    const result = await d.passkeys.approve(user.sub, body.value);
    if (!result.ok) return refuse(c, result);
    const grant = d.approvals.grantPasskey(user.sub, result.bound);
    return c.json({ approval: grant.token, expiresAt: new Date(grant.expiresAt).toISOString(), via: "passkey", use: result.bound.use, digest: result.bound.digest });
  });
}
