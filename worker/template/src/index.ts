// The machines-card Worker as published. To mount it inside your own Worker instead, use the factory:
//   import { createMachinesCardWorker } from "@machines-card/worker";
//   const card = createMachinesCardWorker({ basePath: "/card" });
//   export default { fetch: (req, env, ctx) => card.fetch(req, env, ctx), scheduled: card.scheduled };
export { default } from "@machines-card/worker";
