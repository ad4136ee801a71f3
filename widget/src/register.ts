// The npm package's main entry (`import "machines-card"`): registers <machines-card> and exports the
// whole public surface, so `import { ReadyEvent } from "machines-card"` works at run time as it type-checks.
// Apps with their own registry import "machines-card/element" (index.ts) instead.
import "./define";
export * from "./index";
