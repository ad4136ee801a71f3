import { MachinesCard } from "./machines-card";
if (!customElements.get("machines-card")) customElements.define("machines-card", MachinesCard);
