/**
 * The one method of an EIP-1193 provider the widget uses (MetaMask, Rabby, WalletConnect, viem's custom transports).
 * Its own file because it is public (the element's `provider` property): the package's declarations
 * reach it without reaching the wallet adapter and the contract behind it.
 */
export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] | object }): Promise<unknown>;
}
