/**
 * Crossmint's non-custodial signer service for one email signer, as the test plays it: the signer
 * iframe's page (crossmint-signer-frame.ts, bundled once by Vite) relays the SDK's requests here.
 * The events and shapes are @crossmint/client-signers 0.2.0's: `get-status`, `start-onboarding`
 * (Crossmint emails a one-time code), `complete-onboarding` (`onboardingAuthentication.encryptedOtp`:
 * the code the user typed), `sign` (secp256k1 over the hex bytes, answered in hex with the public key).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import type { CrossmintReply, CrossmintRequest } from "./crossmint-page";

let bundle: Promise<string> | null = null;
function frameScript(): Promise<string> {
  bundle ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), "crossmint-signer-frame-"));
    await build({
      configFile: false,
      logLevel: "error",
      build: { outDir, target: "es2022", minify: false, lib: { entry: join(import.meta.dirname, "crossmint-signer-frame.ts"), formats: ["es"], fileName: () => "frame.js" } },
    });
    return readFileSync(join(outDir, "frame.js"), "utf8");
  })();
  return bundle;
}

export interface SignerTee {
  /** The email signer's EOA (what Crossmint lists as the signer's address). */
  address: `0x${string}`;
  /** Codes "emailed" so far, newest last (the user's inbox). */
  inbox: string[];
  /** Every request the SDK sent to the signer, in order. */
  events: { name: string; data: { authData?: { jwt: string; apiKey: string }; data?: Record<string, unknown> } }[];
  /**
   * The email signer's share on this browser is gone (site data cleared: the signer iframe's storage is
   * partitioned under the partner page), so its next use asks for a code again.
   */
  forgetDevice(): void;
  /** Answers the signer iframe's host, or undefined for any other request. */
  answer(request: CrossmintRequest): Promise<CrossmintReply | undefined>;
}

export function signerTee(): SignerTee {
  const account = privateKeyToAccount(generatePrivateKey());
  const publicKey = { bytes: account.publicKey.slice(2), encoding: "hex" as const, keyType: "secp256k1" as const };
  let ready = false;
  let code: string | null = null;
  const tee: SignerTee = {
    address: account.address,
    inbox: [],
    events: [],
    forgetDevice: () => void (ready = false),
    async answer(request) {
      if (request.url.host !== "staging.signers.crossmint.com") return undefined;
      const path = request.url.pathname;
      if (request.method === "GET" && path === "/") {
        return { body: `<!doctype html><title>Crossmint signers</title><script type="module" src="/frame.js"></script>` };
      }
      if (request.method === "GET" && path === "/frame.js") return { body: await frameScript(), headers: { "Content-Type": "text/javascript" } };
      const name = /^\/tee\/([a-z-]+)$/.exec(path)?.[1];
      if (!name || request.method !== "POST") return { status: 404, body: "not found" };
      const data = request.body as SignerTee["events"][number]["data"];
      tee.events.push({ name, data });
      const readyState = { status: "success", signerStatus: "ready", publicKeys: { secp256k1: { bytes: publicKey.bytes, encoding: "hex" } } };
      switch (name) {
        case "get-status":
          return { body: ready ? readyState : { status: "success", signerStatus: "new-device" } };
        case "start-onboarding":
          code = String(100000 + Math.floor(Math.random() * 900000));
          tee.inbox.push(code);
          return { body: { status: "success", signerStatus: "new-device" } };
        case "complete-onboarding": {
          const otp = (data.data?.onboardingAuthentication as { encryptedOtp?: string } | undefined)?.encryptedOtp;
          if (!code || otp !== code) return { body: { status: "error", error: "Invalid OTP", code: "invalid-otp" } };
          ready = true;
          code = null;
          return { body: readyState };
        }
        case "sign": {
          if (!ready) return { body: { status: "error", error: "Signer not ready" } };
          const signature = await account.sign({ hash: `0x${String(data.data?.bytes)}` });
          return { body: { status: "success", signature: { bytes: signature.slice(2), encoding: "hex" }, publicKey } };
        }
      }
      return { status: 404, body: "not found" };
    },
  };
  return tee;
}
