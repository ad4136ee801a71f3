/**
 * Registers a custom element unless the name is taken, so loading the script twice (or two bundles
 * of the same version) never throws "already defined".
 */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
