// queries.mjs — times chosen queries against the national pack in node (V8, the engine of
// Chromium) with a wasm build of the search bench module, without a browser: for comparing two
// builds query by query (alternate them: the machine is noisy). Each query runs --runs times,
// each after an unrelated one (的), so it never reuses the last query's matches; the first run is
// also reported on its own (the first call of a search path after load).
// Usage (from the repo root, after scripts/bench has built build/bench/web and the pack):
//   node tests/bench/queries.mjs [--wasm build/bench/web] [--pack build/bench/national.fzp] [--runs 9] zh,xi,fa
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  if (i < 0) return def;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const dir = resolve(opt('--wasm', 'build/bench/web'));
const pack = opt('--pack', 'build/bench/national.fzp');
const runs = Math.max(1, Number(opt('--runs', '9')));
const queries = (args[0] || '').split(',').filter((q) => q.length > 0);
if (queries.length === 0) {
  console.error('usage: node tests/bench/queries.mjs [--wasm DIR] [--pack FILE] [--runs N] q1,q2,...');
  process.exit(2);
}

for (const file of [join(dir, 'fazhitong-search.js'), join(dir, 'fazhitong-search.wasm'), pack]) {
  if (!existsSync(file)) {
    console.error(`${file}: no such file (scripts/bench builds the wasm module and the pack)`);
    process.exit(2);
  }
}

const require = createRequire(import.meta.url);
const Factory = require(join(dir, 'fazhitong-search.js'));
// The wasm bytes are handed over: node's fetch cannot read a file path.
const m = await Factory({ wasmBinary: readFileSync(join(dir, 'fazhitong-search.wasm')) });
m.FS.writeFile('/national.fzp', readFileSync(pack));
const load = m.ccall('fzb_load_pack', 'number', ['string'], ['/national.fzp']);
m.FS.unlink('/national.fzp');
if (m._fzb_records() === 0) {
  console.error(`${pack}: not loaded (see the pack's problems with fazhitong-pack --load)`);
  process.exit(1);
}
console.log(`${m._fzb_records()} records from ${pack}: load ${load.toFixed(0)} ms (search warm-up ` +
  `${m._fzb_pack_part(4).toFixed(0)}), wasm heap ${(m._fzb_heap_bytes() / 1e6).toFixed(1)} MB; node ${process.version}`);
const search = m.cwrap('fzb_search', 'number', ['string', 'number', 'number']);
console.log('| query | matches | first ms | median ms | min ms | idle work after it, ms (slices) |');
console.log('|---|---|---|---|---|---|');
for (const q of queries) {
  const lat = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    search('的', 20, 0);
    const t0 = performance.now();
    total = search(q, 20, 0);
    lat.push(performance.now() - t0);
  }
  const first = lat[0];
  lat.sort((a, b) => a - b);
  // The idle work this query leaves for the next keystroke (fzb_prepare slices until none is left).
  let idle = 0, slices = 0;
  for (let more = 1; more && slices < 10000; slices++) {
    const t0 = performance.now();
    more = m._fzb_prepare();
    idle += performance.now() - t0;
  }
  console.log(`| ${q} | ${total} | ${first.toFixed(2)} | ${lat[Math.floor((lat.length - 1) / 2)].toFixed(2)} | ${lat[0].toFixed(2)} | ` +
    `${idle.toFixed(1)} (${slices}) |`);
}
