// run.mjs — drives the browser search bench: serves the repo root on a local port, opens
// tests/bench/index.html in headless Chromium (playwright-core, Debian's /usr/bin/chromium), runs the
// side-by-side and national runs, prints tables and writes raw numbers as JSON.
// Usage (from the repo root, after scripts/bench has built everything):
//   node tests/bench/run.mjs --corpus build/bench/corpus-100000.json --out build/bench/browser.json [--national]
//        [--national-only] [--national-pack build/bench/national.fzp] [--engines "name,name"]
//        [--pause MS]  (national: the keystrokes are also typed with MS ms pauses, default 300; 0: not)
//        [--passes N]  (100k: each query timed in N passes over the list, its median; default 5)
//        [--builds N]  (100k: each engine built N times, in turn, its median; default 3)
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const corpus = opt('--corpus', 'build/bench/corpus-100000.json');
const outPath = opt('--out', 'build/bench/browser.json');
const national = args.includes('--national');
const nationalOnly = args.includes('--national-only');
const nationalPack = opt('--national-pack', '');  // a .fzp of the national data: load it instead of generating
const root = process.cwd();

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json' };
const server = createServer(async (req, res) => {
  const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!path.startsWith(root)) { res.writeHead(403).end(); return; }
  try {
    const body = await readFile(path);
    // Cross-origin isolation gives performance.now() microsecond resolution (else 100 µs).
    res.writeHead(200, { 'content-type': types[extname(path)] || 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }).end(body);
  } catch { res.writeHead(404).end(); }
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    '--enable-precise-memory-info', '--js-flags=--expose-gc --max-old-space-size=8192'],
});
const page = await browser.newPage();
page.on('console', m => { if (m.type() === 'error') console.error('page:', m.text()); });
page.on('pageerror', e => console.error('page error:', e.message));
const wasmDir = process.env.FZ_BENCH_WASM || 'build/bench/web';
await page.goto(`http://127.0.0.1:${port}/tests/bench/index.html?wasm=${encodeURIComponent(wasmDir)}`);
await page.waitForFunction(() => window.benchReady === true);
page.setDefaultTimeout(0);

// Linux's transparent huge pages mode ([always] madvise never): with `always` the wasm heap of a
// national load is backed by 2 MB pages, where `madvise` (Chromium asks for none) faults it in 4 KB
// at a time; on this VM that made the national load 3.1-3.3 s instead of 2.4-2.7 (2026-12-02).
const thp = await readFile('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8')
  .then(t => (/\[(\w+)\]/.exec(t) || [])[1] || '', () => '');
const result = { date: new Date().toISOString(), machine: { cpus: cpus().length, cpu: cpus()[0].model,
  memory_gb: Math.round(totalmem() / 2 ** 30), transparent_hugepages: thp }, browser: browser.version() };
const f = (x, d = 1) => (x === undefined ? '' : Number(x).toFixed(d));
if (!nationalOnly) {
  const engines = opt('--engines', '');  // e.g. "Fazhitong (wasm)" alone, for A/B runs of two builds
  result.side_by_side = await page.evaluate(c => window.runBench(c),
    { corpus: '/' + corpus, engines: engines ? engines.split(',') : undefined, passes: Number(opt('--passes', '5')),
      builds: Number(opt('--builds', '3')) });
  const r = result.side_by_side;
  console.log(`\nSide by side in Chromium ${result.browser}: ${r.records} records, ${r.queries} queries of 2–4 characters ` +
    `(each timed in ${r.passes} passes over them all, every engine in turn in each pass: its median; each engine built ` +
    `${r.builds} times in turn, its median, or once when that took over 10 s)`);
  console.log('| engine | build ms | memory MB | median ms | p95 ms | p95 ms, first pass alone | recall | precision |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const e of r.results) {
    const mem = e.wasm_heap_bytes ? `${f(e.wasm_heap_bytes / 1e6)} (wasm heap; index ${f(e.index_bytes / 1e6)})` : f(e.heap_bytes / 1e6);
    const runs = e.build_runs_ms.length > 1 ? `of ${e.build_runs_ms.map(x => f(x, 0)).join(' / ')}` : '';
    const last = e.build_inner_ms !== undefined ? `the last: copy in ${f(e.copy_ms, 0)}, index ${f(e.build_inner_ms, 0)}` : '';
    const build = f(e.build_ms, 0) + (runs || last ? ` (${[runs, last].filter(Boolean).join('; ')})` : '');
    console.log(`| ${e.engine} | ${build} | ${mem} | ${f(e.median_ms, 3)} | ${f(e.p95_ms, 3)} | ${f(e.first_pass.p95_ms, 3)} | ` +
      `${f(e.recall, 4)} | ${f(e.precision, 4)} |`);
  }
  // The issue's goals, against the strongest JS configuration's fastest reading (its default).
  const us = r.results.find(e => e.engine === 'Fazhitong (wasm)');
  const js = r.results.find(e => e.engine === 'FlexSearch 0.8 (bigram encode)');
  if (us && js)
    console.log(`Fazhitong against FlexSearch's default at ${r.records} records (the goals are for 100,000): build ${f(us.build_ms / js.build_ms, 2)}x (goal <= 0.33), ` +
      `p95 ${f(us.p95_ms / js.p95_ms, 2)}x (goal <= 0.2), memory (index) ${f(us.index_bytes / js.heap_bytes, 2)}x (goal <= 0.2)`);
}
if (national || nationalOnly) {
  const n = result.national = await page.evaluate(c => window.runNational(c),
    { corpus: '/' + corpus, pack: nationalPack ? '/' + nationalPack : '', pauseMs: Number(opt('--pause', '300')) });
  if (n.load_ms !== undefined)
    console.log(`\nNational scale in Chromium (wasm): ${n.records} records from ${nationalPack} (${f(n.pack_bytes / 1e6, 0)} MB); ` +
      `fetch ${f(n.fetch_ms, 0)} ms, load ${f(n.load_ms, 0)} ms (decode ${f(n.decode_ms, 0)}, Catalog ${f(n.catalog_ms, 0)}, ` +
      `index ${f(n.index_ms, 0)} ${n.index_from_pack ? 'read from the pack' : 'built'}, search warm-up ${f(n.warm_up_ms || 0, 0)}` +
      `${thp ? `; transparent huge pages: ${thp}` : ''}), wasm heap ${f(n.wasm_heap_bytes / 1e6, 0)} MB ` +
      `(index ${f(n.index_bytes / 1e6, 0)} MB` +
      (n.heap_top_bytes ? `; malloc heap top ${f(n.heap_top_bytes / 1e6, 0)} MB, in use ${f(n.heap_in_use_bytes / 1e6, 0)} MB)` : ')') +
      `; after the keystrokes below ${[n.chinese_keystrokes, n.pinyin_keystrokes, n.initials_keystrokes,
        n.apart_keystrokes, n.chinese_paused, n.pinyin_paused, n.initials_paused, n.apart_paused].filter(k => k)
        .map(k => f(k.heap_after_bytes / 1e6, 0)).join(', ')} MB`);
  else
    console.log(`\nNational scale in Chromium (wasm): ${n.records} records; generate ${f(n.generate_ms, 0)} ms, ` +
      `index build ${f(n.build_ms, 0)} ms, wasm heap ${f(n.wasm_heap_bytes / 1e6, 0)} MB (index ${f(n.index_bytes / 1e6, 0)} MB)`);
  console.log('| keystrokes (limit 20 per type, highlights) | n | median ms | p95 ms | max ms |');
  console.log('|---|---|---|---|---|');
  const kinds = [['chinese', 'Chinese'], ['pinyin', 'full pinyin'], ['initials', 'initials'],
    ['apart', 'full pinyin, words apart']];
  for (const [k, label] of kinds.map(([k, l]) => [k + '_keystrokes', l]).filter(([k]) => n[k]))
    console.log(`| ${label}, back to back | ${n[k].n} | ${f(n[k].median_ms, 3)} | ${f(n[k].p95_ms, 3)} | ${f(n[k].max_ms, 3)} |`);
  for (const [k, label] of kinds.map(([k, l]) => [k + '_paused', l])) {
    if (!n[k]) continue;
    console.log(`| ${label}, ${n[k].pause_ms} ms pauses (idle work a pause: median ${f(n[k].idle_work_a_pause.median_ms, 1)}, ` +
      `max ${f(n[k].idle_work_a_pause.max_ms, 1)} ms; slowest slice ${f(n[k].idle_slices.max_ms, 1)} ms) | ${n[k].n} | ` +
      `${f(n[k].median_ms, 3)} | ${f(n[k].p95_ms, 3)} | ${f(n[k].max_ms, 3)} |`);
  }
}
await mkdir(dirname(outPath), { recursive: true });
await writeFile(outPath, JSON.stringify(result, null, 1) + '\n');
console.log(`\nraw numbers: ${outPath}`);
await browser.close();
server.close();
