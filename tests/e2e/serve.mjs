// serve.mjs — a small static file server for the built site, bound to loopback only.
// Used by scripts/run (node serve.mjs DIR PORT) and by the end-to-end tests (startServer()).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm", ".data": "application/octet-stream", ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".png": "image/png", ".css": "text/css",
};

export function startServer(root, port = 0, host = "127.0.0.1") {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, "http://x").pathname); } catch { rel = "/"; }
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.resolve(base, "." + rel);
    if (!file.startsWith(base + path.sep)) { res.writeHead(403).end("forbidden"); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); return; }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream",
                           "cache-control": "no-cache" });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = ".", port = "8080"] = process.argv.slice(2);
  startServer(root, Number(port)).then((s) => {
    const { port: p } = s.address();
    console.log(`Fazhitong is served at http://127.0.0.1:${p}/  (Ctrl+C to stop)`);
  }, (e) => { console.error(`serve: cannot listen on 127.0.0.1:${port}: ${e.message}`); process.exit(1); });
}
