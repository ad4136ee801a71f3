import { EVM_ADDRESS_PATTERN } from "@machines-card/contract/machines/common";

/** Why a destination address is refused (the key of the message to show), or null when it looks right. */
export type AddressProblem = "address_required" | "address_evm" | "address_zero" | "address_format";

const ZERO = /^0x0{40}$/i;

/**
 * Checks a destination before anything is sent: on an EVM network (its asset lists a chain id) a
 * 0x-address that is not the zero address; elsewhere something address-shaped (no spaces, at most
 * 128 characters, the contract's bound). The checksum of a mixed-case EVM address is not verified
 * here (that needs keccak, which the widget does not carry); Machines checks the address again.
 */
export function addressProblem(address: string, evm: boolean): AddressProblem | null {
  if (!address) return "address_required";
  if (evm) {
    if (!EVM_ADDRESS_PATTERN.test(address)) return "address_evm";
    return ZERO.test(address) ? "address_zero" : null;
  }
  return /^[A-Za-z0-9:._-]{8,128}$/.test(address) ? null : "address_format";
}

/** `0x1234…abcd`: enough to recognise an address in a sentence; the full one is shown where it matters. */
export function shortAddress(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}
