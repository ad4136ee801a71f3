import type { Execution, Relay, WithdrawalCreateData, WithdrawalParameter } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { isoAt } from "../context";
import { bytesToBase64, bytesToHex, hexToBytes } from "../crypto/encoding";
import type { ExpiresAtEncoding, SaltEncoding } from "../options";
import type { CollateralRecord, SignedWithdrawal, WithdrawalRecord } from "../state/records";
import { SOURCE } from "./assets";

/** `execution` for a collateral: the call path and target follow its version (v1 controller, v2 coordinator). */
export async function executionOf(ctx: SimulatorContext, collateral: CollateralRecord): Promise<Execution> {
  const { controllerAddress, coordinatorAddress } = await callTargets(ctx);
  return {
    contractId: collateral.contractId,
    contractVersion: collateral.version,
    chainId: collateral.chainId,
    collateralProxyAddress: collateral.proxyAddress,
    controllerAddress,
    coordinatorAddress,
    callTarget: collateral.version === 1 ? controllerAddress : coordinatorAddress,
    callPath: collateral.version === 1 ? "controller_v1" : "coordinator_v2",
  };
}

async function callTargets(ctx: SimulatorContext) {
  if (ctx.chain) return { controllerAddress: ctx.chain.controllerAddress as string, coordinatorAddress: ctx.chain.coordinatorAddress as string };
  // No chain: stable placeholders, so the shape is complete (nothing can execute against them).
  const address = async (name: string) => `0x${bytesToHex((await ctx.secrets.derive("offline-contract", name)).slice(0, 20))}`;
  return { controllerAddress: await address("controller"), coordinatorAddress: await address("coordinator") };
}

export function relayOf(record: WithdrawalRecord): Relay {
  if (!record.relay) return null;
  return {
    changeNowId: record.relay.changeNowId,
    payinAddress: record.relay.payinAddress,
    payinExtraId: null,
    payoutAddress: record.relay.payoutAddress,
    payoutExtraId: record.relay.payoutExtraId,
    fromCurrency: SOURCE.currency,
    fromNetwork: SOURCE.network,
    toCurrency: record.relay.toCurrency,
    toNetwork: record.relay.toNetwork,
  };
}

export function encodeSalt(saltHex: string, encoding: SaltEncoding): WithdrawalParameter {
  const bytes = hexToBytes(saltHex);
  if (encoding === "hex") return `0x${bytesToHex(bytes)}`;
  if (encoding === "bytes") return Array.from(bytes);
  return bytesToBase64(bytes);
}

export function encodeExpiry(seconds: number, encoding: ExpiresAtEncoding): WithdrawalParameter {
  if (encoding === "string") return String(seconds);
  if (encoding === "iso") return isoAt(seconds * 1000);
  return seconds;
}

/** The 7 executor parameters (evm-withdrawals.md §2) in the sandbox's current encodings. */
export function parametersOf(ctx: SimulatorContext, signed: SignedWithdrawal): WithdrawalParameter[] {
  return [
    signed.collateralProxy,
    signed.asset,
    signed.amount,
    signed.recipient,
    encodeExpiry(signed.expiresAt, ctx.settings.expiresAtEncoding),
    encodeSalt(signed.salt, ctx.settings.saltEncoding),
    signed.signature,
  ];
}

export async function withdrawalReply(ctx: SimulatorContext, record: WithdrawalRecord): Promise<WithdrawalCreateData> {
  const execution = await executionOf(ctx, record.collateral);
  const relay = relayOf(record);
  if (!record.signed) {
    return {
      status: "pending",
      retryAfterSeconds: Math.max(0, Math.ceil((record.readyAtMs - ctx.now()) / 1000)),
      execution,
      relay,
    };
  }
  const parameters = parametersOf(ctx, record.signed);
  return {
    status: "ready",
    retryAfterSeconds: null,
    parameters,
    signature: { data: record.signed.signature, salt: parameters[5]!, parameters },
    expiresAt: isoAt(record.signed.expiresAt * 1000),
    execution,
    relay,
  };
}
