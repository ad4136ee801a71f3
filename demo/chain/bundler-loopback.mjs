// Preloaded into the bundler process (node --import bundler-loopback.mjs): alto's HTTP server listens on
// 0.0.0.0 and has no flag to change it. A wildcard host becomes 127.0.0.1, so the sandbox's bundler is
// reachable from this machine only, like anvil and the sandbox server.
import net from "node:net";

const listen = net.Server.prototype.listen;
const WILDCARD = new Set(["0.0.0.0", "::", undefined]);

net.Server.prototype.listen = function (...args) {
  const [first, second] = args;
  if (first && typeof first === "object" && "port" in first && WILDCARD.has(first.host)) args[0] = { ...first, host: "127.0.0.1" };
  else if (typeof first === "number" && (typeof second !== "string" || WILDCARD.has(second))) {
    args.splice(1, typeof second === "string" ? 1 : 0, "127.0.0.1");
  }
  return listen.apply(this, args);
};
