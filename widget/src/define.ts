import { defineOnce } from "./define-once";
import { MachinesCard } from "./machines-card";

/**
 * The script-tag entry: registers `<machines-card>` once. Loading the script twice, or alongside the
 * npm package, is harmless.
 */
defineOnce("machines-card", MachinesCard);

export { MachinesCard };

declare global {
  interface HTMLElementTagNameMap {
    "machines-card": MachinesCard;
  }
}
