// Child process of `npm run bench`: sends `count` requests one after another on one keep-alive
// connection and prints each one's latency in microseconds (JSON). Run apart from the sandbox's
// process so the direct call crosses a real process boundary, like the call through the Worker.
import http from "node:http";

const { url, method = "GET", headers = {}, body, count } = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const target = new URL(url);

function once() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers, agent }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve({ micros: Number(process.hrtime.bigint() - started) / 1000, status: res.statusCode }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const micros = [];
let failures = 0;
for (let i = 0; i < count; i++) {
  const r = await once();
  micros.push(r.micros);
  if (r.status < 200 || r.status >= 300) failures++;
}
agent.destroy();
process.stdout.write(JSON.stringify({ micros, failures }));
