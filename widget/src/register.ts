// The npm package's main entry (`import "machines-card"`): registers <machines-card> and exports the
// whole public surface, so `import { ReadyEvent } from "machines-card"` works at run time as it type-checks.
// Apps with their own registry import "machines-card/element" (index.ts) instead. The registration is
// written here rather than imported from define.ts so that it stays in this entry's own file, never in a
// chunk that "machines-card/element" shares.
import { defineOnce } from "./define-once";
import { MachinesCard } from "./machines-card";

defineOnce("machines-card", MachinesCard);

export * from "./index";
