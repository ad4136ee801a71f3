import * as z from "zod/mini";
import { EVM_ADDRESS_PATTERN } from "@machines-card/contract/machines/common";

/**
 * The body of `POST /api/2025-06-09/wallets`, as Crossmint's API takes it (the fields the sandbox
 * uses; unknown fields are ignored, as Crossmint does).
 */
const Address = z.string().check(z.regex(EVM_ADDRESS_PATTERN, { error: "must be a 0x-prefixed 20-byte address" }));

export const AdminSignerInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("external-wallet"), address: Address }),
  z.object({ type: z.literal("server"), address: Address }),
  z.object({ type: z.literal("api-key") }),
  z.object({ type: z.literal("email"), email: z.email() }),
  z.object({ type: z.literal("phone"), phone: z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, { error: "must be in E.164 format" })) }),
  z.object({
    type: z.literal("passkey"),
    id: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    publicKey: z.object({ x: z.string(), y: z.string() }),
  }),
]);
export type AdminSignerInput = z.infer<typeof AdminSignerInput>;

export const CreateWalletBody = z.object({
  chainType: z.enum(["evm", "solana", "stellar"]),
  type: z.optional(z.enum(["smart", "mpc"])),
  config: z.optional(
    z.object({
      adminSigner: z.optional(AdminSignerInput),
      delegatedSigners: z.optional(z.array(z.unknown())),
      creationSeed: z.optional(z.string()),
    }),
  ),
  owner: z.optional(z.string().check(z.minLength(3), z.maxLength(320))),
  alias: z.optional(z.string().check(z.maxLength(100))),
});
export type CreateWalletBody = z.infer<typeof CreateWalletBody>;

/** The admin signer as Crossmint echoes it: with a `locator`, and an `address` where one exists. */
export type AdminSignerView =
  | { type: "external-wallet" | "server" | "api-key"; address: string; locator: string }
  | { type: "email"; email: string; address: string; locator: string }
  | { type: "phone"; phone: string; address: string; locator: string }
  | { type: "passkey"; id: string; name: string; publicKey: { x: string; y: string }; validatorContractVersion: string; locator: string };

/** The sandbox signs for every signer type with the wallet's own key, so `address` is the wallet's. */
export function adminSignerView(s: AdminSignerInput, walletAddress: string): AdminSignerView {
  switch (s.type) {
    case "external-wallet":
    case "server":
      return { type: s.type, address: s.address, locator: `${s.type}:${s.address}` };
    case "api-key":
      return { type: s.type, address: walletAddress, locator: "api-key" };
    case "email":
      return { type: s.type, email: s.email.toLowerCase(), address: walletAddress, locator: `email:${s.email.toLowerCase()}` };
    case "phone":
      return { type: s.type, phone: s.phone, address: walletAddress, locator: `phone:${s.phone}` };
    case "passkey":
      return { ...s, validatorContractVersion: "sandbox", locator: `passkey:${s.id}` };
  }
}
