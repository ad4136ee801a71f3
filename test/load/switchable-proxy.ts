/**
 * A TCP proxy on loopback that can be switched off and on: stands between the Worker and a service (the
 * chain's RPC) so a test can take that service away and bring it back. Off, it keeps its port but resets
 * every connection (open ones too), which the Worker sees as the service being unreachable.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface SwitchableProxy {
  url: string;
  /** Where to forward (settable after start: the target may start later than the proxy must). */
  target: URL | null;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startSwitchableProxy(): Promise<SwitchableProxy> {
  let online = true;
  const sockets = new Set<net.Socket>();
  const proxy: SwitchableProxy = {
    url: "",
    target: null,
    down() {
      online = false;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    up() {
      online = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    if (!online || !proxy.target) return void client.resetAndDestroy();
    const upstream = net.connect(Number(proxy.target.port), proxy.target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
