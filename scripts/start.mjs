// `npm start` and the last step of `npm run serve`: the production server on 127.0.0.1 unless HOST says otherwise.
// A tool that takes credentials should not answer on every interface by default: HOST=0.0.0.0 (or an address of
// this machine) opens it deliberately. PORT picks the port (3000).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const host = process.env.HOST?.trim() || "127.0.0.1";
const port = process.env.PORT?.trim() || "3000";
if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
  console.error(`PORT must be a port number (1-65535), not ${JSON.stringify(port)}.`);
  process.exit(2);
}

const shown = host.includes(":") ? `[${host}]` : host;
const local = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : shown;
console.log(
  host === "127.0.0.1" || host === "localhost" || host === "::1"
    ? `S3 Access Doctor: http://${local}:${port} (this machine only; set HOST=0.0.0.0 to accept other machines)`
    : `S3 Access Doctor: http://${local}:${port} (listening on ${shown}: reachable from other machines)`,
);

const next = fileURLToPath(new URL("../node_modules/next/dist/bin/next", import.meta.url));
// Idle keep-alive connections stay open 65 s (Node's default is 5 s). A client that sends its next request on a
// connection the server is closing gets ECONNRESET: a reverse proxy or load balancer (idle timeouts of 60 s are
// common) answers its user 502, and a busy client whose event loop runs late (the browser tests' under load) misses
// the Keep-Alive hint that would have retired the connection first. The server must outlast its clients' idle timeout.
const KEEP_ALIVE_MS = "65000";
// Larger stream buffers, so that a page of up to 128 kB leaves in one socket write (see the file).
const buffers = new URL("./stream-buffers.mjs", import.meta.url).href;
const child = spawn(
  process.execPath,
  ["--import", buffers, next, "start", "-H", host, "-p", port, "--keepAliveTimeout", KEEP_ALIVE_MS],
  {
    stdio: "inherit",
  },
);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
