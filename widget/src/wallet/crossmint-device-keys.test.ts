import { expect } from "@open-wc/testing";
import { crossmintDeviceKeys } from "./crossmint-device-keys";

const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const WALLET = "0x00000000000000000000000000000000000000aa";
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const fromHex = (hex: string) => Uint8Array.from(hex.replace(/^0x/, "").match(/../g)!.map((h) => parseInt(h, 16)));

describe("Crossmint device keys (the SDK's DeviceSignerKeyStorage on WebCrypto + IndexedDB)", () => {
  afterEach(() => crossmintDeviceKeys().deleteKey(WALLET));

  it("makes an uncompressed P-256 key for the wallet and finds it by address and by public key", async () => {
    const keys = crossmintDeviceKeys();
    const publicKey = await keys.generateKey({ address: WALLET });
    const raw = fromBase64(publicKey);
    expect(raw.length).to.equal(65);
    expect(raw[0]).to.equal(4);
    expect(await keys.getKey(WALLET.toUpperCase().replace("0X", "0x"))).to.equal(publicKey);
    expect(await keys.hasKey(publicKey)).to.equal(true);
    expect(await keys.hasKey("AAAA")).to.equal(false);
  });

  it("signs the message's bytes with a low-s P-256 signature the public key verifies", async () => {
    const keys = crossmintDeviceKeys();
    const publicKey = await keys.generateKey({ address: WALLET });
    const message = `0x${"ab".repeat(32)}`;
    const { r, s } = await keys.signMessage(WALLET, message);
    expect(r).to.match(/^0x[0-9a-f]{64}$/);
    expect(BigInt(s) <= P256_N / 2n).to.equal(true);
    const verifier = await crypto.subtle.importKey("raw", fromBase64(publicKey), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    const signature = new Uint8Array([...fromHex(r), ...fromHex(s)]);
    expect(await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, verifier, signature, fromHex(message))).to.equal(true);
  });

  it("keeps the private key non-extractable, and forgets it on deleteKey", async () => {
    const keys = crossmintDeviceKeys();
    const publicKey = await keys.generateKey({});
    await keys.mapAddressToKey(WALLET, publicKey);
    expect(await keys.getKey(WALLET)).to.equal(publicKey);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open("machines-card-crossmint-device-keys");
      request.onsuccess = () => resolve(request.result);
    });
    const stored = await new Promise<{ privateKey: CryptoKey }>((resolve) => {
      const request = db.transaction("keys").objectStore("keys").get(publicKey);
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    expect(stored.privateKey.extractable).to.equal(false);
    await keys.deleteKey(WALLET);
    expect(await keys.getKey(WALLET)).to.equal(null);
    expect(await keys.hasKey(publicKey)).to.equal(false);
  });
});
