// queries.mjs — times chosen queries against the national pack in node (V8, the engine of
// Chromium) with wasm builds of the search bench module, without a browser: for comparing builds
// query by query. Give two or more module folders (--wasm A,B) and they are loaded side by side
// in this one process and take turns run by run (the order alternating), so that the machine's
// noise falls on each alike. Each query runs --runs times, each after an unrelated one (的), so it
// never reuses the last query's matches; the first run is also reported on its own (the first
// call of a search path after load).
// With --corpus (the browser bench's flat corpus, build/bench/corpus-100000.json) the records are
// indexed as bench.js indexes them and asked as it asks them (50 best per type, exactly as typed);
// with no queries given, the corpus's own 200 are timed. A summary line per module ends the run:
// the median and p95 of the queries' medians, and the slowest tenth.
// Usage (from the repo root, after scripts/bench has built build/bench/web and the pack):
//   node tests/bench/queries.mjs [--wasm build/bench/web[,DIR2]] [--pack build/bench/national.fzp] [--runs 9] zh,xi,fa
//   node tests/bench/queries.mjs [--wasm build/bench/web[,DIR2]] --corpus build/bench/corpus-100000.json [--runs 9] [q1,q2]
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
const dirs = opt('--wasm', 'build/bench/web').split(',').map((d) => resolve(d));
const corpus = opt('--corpus', '');
const pack = corpus ? '' : opt('--pack', 'build/bench/national.fzp');
const runs = Math.max(1, Number(opt('--runs', '9')));
let queries = (args[0] || '').split(',').filter((q) => q.length > 0);
if (queries.length === 0 && !corpus) {
  console.error('usage: node tests/bench/queries.mjs [--wasm DIR[,DIR2...]] [--pack FILE | --corpus FILE] [--runs N] q1,q2,...');
  process.exit(2);
}
for (const file of [...dirs.flatMap((d) => [join(d, 'fazhitong-search.js'), join(d, 'fazhitong-search.wasm')]), corpus || pack]) {
  if (!existsSync(file)) {
    console.error(`${file}: no such file (scripts/bench builds the wasm module, the corpus and the pack)`);
    process.exit(2);
  }
}

const require = createRequire(import.meta.url);
const data = corpus ? JSON.parse(readFileSync(corpus, 'utf8')) : null;
if (data && queries.length === 0) queries = data.queries;
// The app's keystrokes: 20 best per type, relaxed when nothing matches; the corpus: as bench.js.
const limit = corpus ? 50 : 20, mode = corpus ? 2 : 0;

// One module, loaded with the corpus or the pack: its search function.
async function Load(dir) {
  const Factory = require(join(dir, 'fazhitong-search.js'));
  // The wasm bytes are handed over: node's fetch cannot read a file path.
  const m = await Factory({ wasmBinary: readFileSync(join(dir, 'fazhitong-search.wasm')) });
  if (data) {
    // As bench.js: titles and bodies as UTF-16 units in one block of the wasm heap, plus offsets.
    m._fzb_reset();
    let units = 1;
    for (const r of data.records) units += r[0].length + r[1].length;
    const text = m._malloc(2 * units), offsets = m._malloc(4 * (2 * data.records.length + 1));
    let p = text >> 1, o = offsets >> 2;
    for (const [t, b] of data.records) {
      m.HEAPU32[o++] = p - (text >> 1);
      for (let k = 0; k < t.length; k++) m.HEAPU16[p++] = t.charCodeAt(k);
      m.HEAPU32[o++] = p - (text >> 1);
      for (let k = 0; k < b.length; k++) m.HEAPU16[p++] = b.charCodeAt(k);
    }
    m.HEAPU32[o] = p - (text >> 1);
    m._fzb_add_utf16(text, offsets, data.records.length);  // frees `text`
    m._free(offsets);
    const build = m._fzb_build();
    console.log(`${dir}: ${data.records.length} records from ${corpus}: index ${build.toFixed(0)} ms, wasm heap ` +
      `${(m._fzb_heap_bytes() / 1e6).toFixed(1)} MB; node ${process.version}`);
  } else {
    m.FS.writeFile('/national.fzp', readFileSync(pack));
    const load = m.ccall('fzb_load_pack', 'number', ['string'], ['/national.fzp']);
    m.FS.unlink('/national.fzp');
    if (m._fzb_records() === 0) {
      console.error(`${pack}: not loaded by ${dir} (see the pack's problems with fazhitong-pack --load)`);
      process.exit(1);
    }
    console.log(`${dir}: ${m._fzb_records()} records from ${pack}: load ${load.toFixed(0)} ms (search warm-up ` +
      `${m._fzb_pack_part(4).toFixed(0)}), wasm heap ${(m._fzb_heap_bytes() / 1e6).toFixed(1)} MB; node ${process.version}`);
  }
  return { dir, m, search: m.cwrap('fzb_search', 'number', ['string', 'number', 'number']), medians: [] };
}
const mods = [];
for (const dir of dirs) mods.push(await Load(dir));

const many = mods.length > 1;
console.log(`| query |${many ? ' module |' : ''} matches | first ms | median ms | min ms | idle work after it, ms (slices) |`);
console.log(`|---|${many ? '---|' : ''}---|---|---|---|---|`);
for (const q of queries) {
  const lat = mods.map(() => []), total = mods.map(() => 0);
  for (let i = 0; i < runs; i++)
    for (let k = 0; k < mods.length; k++) {
      const j = i % 2 ? mods.length - 1 - k : k;  // (each module first in turn)
      const { search } = mods[j];
      search('的', limit, mode);
      const t0 = performance.now();
      total[j] = search(q, limit, mode);
      lat[j].push(performance.now() - t0);
    }
  mods.forEach((mod, j) => {
    const first = lat[j][0];
    lat[j].sort((a, b) => a - b);
    // The idle work this query leaves for the next keystroke (fzb_prepare slices until none is left).
    let idle = 0, slices = 0;
    for (let more = 1; more && slices < 10000; slices++) {
      const t0 = performance.now();
      more = mod.m._fzb_prepare();
      idle += performance.now() - t0;
    }
    const median = lat[j][Math.floor((lat[j].length - 1) / 2)];
    mod.medians.push([q, median]);
    console.log(`| ${q} |${many ? ` ${j} |` : ''} ${total[j]} | ${first.toFixed(2)} | ${median.toFixed(2)} | ` +
      `${lat[j][0].toFixed(2)} | ${idle.toFixed(1)} (${slices}) |`);
  });
}
// Per module, over the queries: the median and p95 of their medians (as bench.js takes them of
// single runs), and the slowest tenth, which the p95 is made of.
mods.forEach(({ dir, medians }, j) => {
  const sorted = medians.map(([, ms]) => ms).sort((a, b) => a - b);
  const at = (f) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * f))];
  console.log(`${many ? `${j} ` : ''}${dir}: ${queries.length} queries: median ${at(0.5).toFixed(3)} ms, p95 ` +
    `${at(0.95).toFixed(3)} ms (of each query's median); slowest: ` +
    medians.slice().sort((a, b) => b[1] - a[1]).slice(0, Math.ceil(queries.length / 10))
      .map(([q, ms]) => `${q} ${ms.toFixed(2)}`).join(', '));
});
