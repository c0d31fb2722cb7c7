// bench.js — runs each search engine on the same corpus and queries in this page: build time,
// heap growth, per-query latency (median, p95) and recall/precision against a linear scan.
// Depends on FlexSearch, MiniSearch and fazhitong-search.js (FazhitongSearch) loaded by index.html.
'use strict';

function log(s) { document.getElementById('log').textContent += '\n' + s; }

// The strongest Chinese configuration the JS libraries allow: character bigrams as tokens.
function bigrams(s) {
  const cs = Array.from(s), out = [];
  for (let i = 0; i + 1 < cs.length; i++) {
    if (/\s/.test(cs[i]) || /\s/.test(cs[i + 1])) continue;
    out.push(cs[i] + cs[i + 1]);
  }
  if (cs.length === 1 && !/\s/.test(cs[0])) out.push(cs[0]);
  return out;
}

function stats(v) {
  const s = v.slice().sort((a, b) => a - b);
  const at = p => s[Math.min(s.length - 1, Math.floor(s.length * p))];
  return { median_ms: at(0.5), p95_ms: at(0.95), max_ms: s[s.length - 1], n: s.length };
}

async function settle() {
  for (let i = 0; i < 3; i++) {
    if (window.gc) window.gc();
    await new Promise(r => setTimeout(r, 50));
  }
}
function jsHeap() { return performance.memory ? performance.memory.usedJSHeapSize : 0; }

function score(got, want) {
  const w = new Set(want);
  let tp = 0;
  for (const g of new Set(got)) if (w.has(g)) tp++;
  return { tp, fp: new Set(got).size - tp, fn: w.size - tp };
}

// Builds engine `name`: its build time and the JS heap its index adds (measured around the build,
// after garbage collection; other engines' indexes may be alive, they do not move the difference).
async function buildEngine(name, records, make) {
  await settle();
  const heap0 = jsHeap();
  const t0 = performance.now();
  const engine = await make(records);
  const build_ms = performance.now() - t0;
  await settle();
  return { engine, build_ms, heap_bytes: jsHeap() - heap0 };
}

// The engines side by side, so that the machine's load falls on each alike (this VM's speed
// drifts by tens of percent within minutes, and a whole engine measured before the next saw
// another machine):
// - builds: each engine is built `builds` times, the engines in turn, its median counted (an
//   engine whose first build takes longer than kRepeatBuildMs is built once: MiniSearch);
// - queries: `passes` passes over the whole query list, each pass running every engine in turn,
//   so 199 other queries of the same engine lie between two runs of one, as in a single pass
//   (no run finds the last one's data in the caches); a query's latency is its median over the
//   passes, which keeps one stall from becoming the p95. The first pass alone is reported too
//   (`first_pass`), as earlier runs measured.
const kRepeatBuildMs = 10000;
async function runEngines(names, records, queries, truth, passes, builds) {
  const live = [];
  for (let round = 0; round < builds; round++) {
    for (let k = 0; k < names.length; k++) {
      const e = live[k] || (live[k] = { name: names[k], engine: null, builds: [], heaps: [] });
      if (round > 0 && e.builds[0] > kRepeatBuildMs) continue;
      if (e.engine && e.engine.free) e.engine.free();
      e.engine = null;  // (the last build's index is garbage before the next build's heap is read)
      const b = await buildEngine(names[k], records, engines[names[k]]);
      e.engine = b.engine;
      e.builds.push(b.build_ms);
      e.heaps.push(b.heap_bytes);
      log(`${names[k]}: build ${b.build_ms.toFixed(0)} ms`);
    }
  }
  // One untimed pass first, for every engine alike: JIT and wasm tier-up, caches.
  for (const e of live) for (const q of queries) e.engine.query(q);
  for (const e of live) {
    e.runs = queries.map(() => []);  // per query, its time in each pass
    e.tp = e.fp = e.fn = 0;
  }
  for (let pass = 0; pass < passes; pass++) {
    for (const e of live) {
      for (let i = 0; i < queries.length; i++) {
        const a = performance.now();
        e.engine.query(queries[i]);
        e.runs[i].push(performance.now() - a);
        const all = e.engine.all(queries[i]);  // (every pass: the same caches between two queries)
        if (pass > 0) continue;
        const sc = score(all, truth[i]);
        e.tp += sc.tp; e.fp += sc.fp; e.fn += sc.fn;
      }
    }
  }
  const median = v => v.slice().sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
  return live.map(e => {
    const lat = e.runs.map(median);
    // The queries the p95 is made of: the slowest tenth, slowest first ([query, ms]).
    const slowest = queries.map((q, i) => [q, lat[i]]).sort((a, b) => b[1] - a[1]).slice(0, Math.ceil(queries.length / 10));
    const out = Object.assign({ engine: e.name, build_ms: median(e.builds), build_runs_ms: e.builds,
      heap_bytes: median(e.heaps), recall: e.tp + e.fn ? e.tp / (e.tp + e.fn) : 1,
      precision: e.tp + e.fp ? e.tp / (e.tp + e.fp) : 1 }, stats(lat), { passes, first_pass: stats(e.runs.map(v => v[0])), slowest },
      e.engine.extra ? e.engine.extra() : {});
    if (e.engine.free) e.engine.free();
    log(`${e.name}: build ${out.build_ms.toFixed(0)} ms (median of ${e.builds.length}), median ${out.median_ms.toFixed(3)} ms, p95 ${out.p95_ms.toFixed(3)} ms`);
    return out;
  });
}

let wasm = null;
async function Wasm() {
  if (!wasm) wasm = await FazhitongSearch();
  return wasm;
}

function flexIndex(records) {
  const index = new FlexSearch.Index({ tokenize: 'strict', encode: bigrams });
  records.forEach((r, i) => index.add(i, r[0] + ' ' + r[1]));
  return index;
}

const engines = {
  'linear scan (String.includes)': async records => ({
    query: q => records.filter(r => r[0].includes(q) || r[1].includes(q)).length,
    all: q => { const o = []; records.forEach((r, i) => { if (r[0].includes(q) || r[1].includes(q)) o.push(i); }); return o; },
  }),
  'Fazhitong (wasm)': async records => {
    const m = await Wasm();
    m._fzb_reset();
    // One transfer instead of a cwrap'd call a record: every title and body copied as UTF-16 code
    // units straight into one malloc'ed block of the wasm heap, plus offsets; the module converts
    // to UTF-8 (TextEncoder.encodeInto a string was 2x slower here).
    const t_copy = performance.now();
    let units = 1;
    for (const r of records) units += r[0].length + r[1].length;
    const text = m._malloc(2 * units), offsets = m._malloc(4 * (2 * records.length + 1));
    const h = m.HEAPU16, offs = m.HEAPU32;
    let p = text >> 1, o = offsets >> 2;
    for (let i = 0; i < records.length; i++) {
      const t = records[i][0], b = records[i][1];
      offs[o++] = p - (text >> 1);
      for (let k = 0; k < t.length; k++) h[p++] = t.charCodeAt(k);
      offs[o++] = p - (text >> 1);
      for (let k = 0; k < b.length; k++) h[p++] = b.charCodeAt(k);
    }
    offs[o] = p - (text >> 1);
    m._fzb_add_utf16(text, offsets, records.length);  // frees `text`
    m._free(offsets);
    const copy_ms = performance.now() - t_copy;
    const build_inner_ms = m._fzb_build();
    const search = m.cwrap('fzb_search', 'number', ['string', 'number', 'number']);
    return {
      // As the UI asks: 50 best per type with highlight ranges, exact totals; exactly as typed (a
      // query that matches nothing is not relaxed: the truth here is exact substring semantics).
      query: q => search(q, 50, 2),
      all: q => { const n = search(q, 0, 1); const p = m._fzb_results() >> 2; return Array.from(m.HEAPU32.subarray(p, p + n)); },
      extra: () => ({ wasm_heap_bytes: m._fzb_heap_bytes(), index_bytes: m._fzb_index_bytes(), build_inner_ms, copy_ms }),
      free: () => m._fzb_reset(),
    };
  },
  // FlexSearch three ways, one index each. Its own default: the first 100 matches, unranked and
  // unverified, no total. All matches: what its recall is scored on, and what a count needs.
  // All matches verified with String.includes: the same answer as Fazhitong's, exact and counted.
  'FlexSearch 0.8 (bigram encode)': async records => {
    const index = flexIndex(records);
    return { query: q => index.search(q, { limit: 100 }).length, all: q => index.search(q, { limit: 1e7 }) };
  },
  'FlexSearch 0.8 (bigram encode; all matches)': async records => {
    const index = flexIndex(records);
    const all = q => index.search(q, { limit: 1e7 });
    return { query: q => all(q).length, all };
  },
  'FlexSearch 0.8 (bigram encode; all matches verified)': async records => {
    const index = flexIndex(records);
    const all = q => index.search(q, { limit: 1e7 }).filter(i => records[i][0].includes(q) || records[i][1].includes(q));
    return { query: q => all(q).length, all };
  },
  'MiniSearch 7 (bigrams)': async records => {
    const ms = new MiniSearch({ fields: ['t', 'b'], tokenize: bigrams, processTerm: t => t,
      searchOptions: { combineWith: 'AND', tokenize: bigrams, processTerm: t => t } });
    ms.addAll(records.map((r, i) => ({ id: i, t: r[0], b: r[1] })));
    return { query: q => ms.search(q).length, all: q => ms.search(q).map(r => r.id) };
  },
};

// Side by side on one corpus.
async function runBench(config) {
  const data = await (await fetch(config.corpus)).json();
  const records = data.records, queries = data.queries;
  log(`${records.length} records, ${queries.length} queries`);
  const truth = queries.map(q => engines['linear scan (String.includes)'] && (() => {
    const o = []; records.forEach((r, i) => { if (r[0].includes(q) || r[1].includes(q)) o.push(i); }); return o; })());
  const passes = config.passes || 5, builds = config.builds || 3;
  const names = config.engines || Object.keys(engines);
  const results = await runEngines(names, records, queries, truth, passes, builds);
  return { records: records.length, queries: queries.length, passes, builds, results, userAgent: navigator.userAgent,
    isolated: window.crossOriginIsolated };
}

// National scale in wasm: load the synthetic national dataset from a pack as the app would
// (config.pack: fetched, written to the in-memory file system, which lives outside the wasm heap,
// then read by core::LoadPackData), or generate it inside wasm and index it through the Catalog;
// then type queries keystroke by keystroke.
async function runNational(config) {
  const m = await Wasm();
  const data = await (await fetch(config.corpus)).json();
  let out;
  if (config.pack) {
    const t0 = performance.now();
    const bytes = new Uint8Array(await (await fetch(config.pack)).arrayBuffer());
    const fetch_ms = performance.now() - t0;
    m.FS.writeFile('/national.fzp', bytes);
    const load_ms = m.ccall('fzb_load_pack', 'number', ['string'], ['/national.fzp']);
    m.FS.unlink('/national.fzp');
    out = { source: config.pack, pack_bytes: bytes.length, fetch_ms, load_ms, decode_ms: m._fzb_pack_part(0),
      catalog_ms: m._fzb_pack_part(1), index_ms: m._fzb_pack_part(2), index_from_pack: m._fzb_pack_part(3) === 1,
      warm_up_ms: m._fzb_pack_part(4),
      records: m._fzb_records(), wasm_heap_bytes: m._fzb_heap_bytes(), index_bytes: m._fzb_index_bytes(),
      heap_top_bytes: m._fzb_heap_top ? m._fzb_heap_top() : undefined,
      heap_in_use_bytes: m._fzb_heap_in_use ? m._fzb_heap_in_use() : undefined,
      memory_report: m._fzb_memory_report ? m.UTF8ToString(m._fzb_memory_report()) : undefined };
  } else {
    const build_ms = m._fzb_generate(config.records || 0, config.seed || 1);
    out = { source: 'generated in wasm', records: m._fzb_records(), generate_ms: m._fzb_generate_ms(), build_ms,
      wasm_heap_bytes: m._fzb_heap_bytes(), index_bytes: m._fzb_index_bytes() };
  }
  const search = m.cwrap('fzb_search', 'number', ['string', 'number', 'number']);
  // pauseMs > 0: after each keystroke, a typist's pause spent as the app spends it: after the
  // keystroke and one frame (16.7 ms) to show its results, slices of idle work (fzb_prepare, at
  // most 8 ms each, input handled between them) until the pause is over or none is left. The
  // pause is not waited out (the work is the same, the run shorter).
  const typed = (list, pauseMs = 0) => {
    const lat = [], each = [], slices = [], work = [];
    for (const q of list) {
      const cs = Array.from(q);
      for (let k = 1; k <= cs.length; k++) {
        const prefix = cs.slice(0, k).join('');
        const a = performance.now();
        const total = search(prefix, 20, 0);
        const ms = performance.now() - a;
        lat.push(ms);
        each.push([prefix, Number(ms.toFixed(3)), total, m._fzb_heap_bytes()]);
        if (pauseMs > 0) {
          let spent = 0;
          for (const budget = pauseMs - ms - 1000 / 60; spent < budget;) {
            const b = performance.now();
            const more = m._fzb_prepare();
            const slice = performance.now() - b;
            slices.push(slice);
            spent += slice;
            if (!more) break;
          }
          work.push(spent);
        }
      }
    }
    // Every keystroke in order and the slowest (what the p95 is made of), each [typed text, ms,
    // matches, wasm heap bytes after it], and the wasm heap afterwards (it never shrinks: the
    // high-water mark of the queries' transient memory).
    const out = Object.assign(stats(lat), { slowest: each.slice().sort((x, y) => y[1] - x[1]).slice(0, 10),
      keystrokes: each, heap_after_bytes: m._fzb_heap_bytes() });
    if (pauseMs > 0) Object.assign(out, { pause_ms: pauseMs, idle_work_a_pause: stats(work), idle_slices: stats(slices) });
    return out;
  };
  const pinyin = ['falvyuanzhu', 'renmintiaojie', 'xingzhengfuyi', 'gonggongfalvfuwu', 'sifasuo',
    'zhongdaxingzhengjuece', 'falvzixun', 'gongxiangfating', 'xingzhengzhifa', 'fazhixuanchuan'];
  const initials = ['flyz', 'rmtj', 'xzfy', 'ggflfw', 'sfs', 'zdxzjc', 'flzx', 'gxft', 'xzzf', 'fzxc'];
  // The same words with a space between them, as many type them (on a phone, at a kiosk's
  // keyboard): each a phrase, and words ANDed anywhere in a record.
  const apart = ['falv yuanzhu', 'renmin tiaojie', 'xingzheng fuyi', 'gonggong falv fuwu', 'sifa suo',
    'zhongda xingzheng juece', 'falv zixun', 'gongxiang fating', 'xingzheng zhifa', 'fazhi xuanchuan'];
  out.chinese_keystrokes = typed(data.queries);
  out.pinyin_keystrokes = typed(pinyin);
  out.initials_keystrokes = typed(initials);
  out.apart_keystrokes = typed(apart);
  // The same typed at a phone typist's pace (about three characters a second): the idle work
  // between keystrokes (SearchIndex::Prepare) answers the next letter from the last matches.
  const pause = config.pauseMs === undefined ? 300 : config.pauseMs;
  if (pause > 0) {
    out.chinese_paused = typed(data.queries, pause);
    out.pinyin_paused = typed(pinyin, pause);
    out.initials_paused = typed(initials, pause);
    out.apart_paused = typed(apart, pause);
  }
  m._fzb_reset();
  log(`national: ${out.records} records, heap ${(out.wasm_heap_bytes / 1e6).toFixed(0)} MB`);
  return out;
}

window.runBench = runBench;
window.runNational = runNational;
// Instantiate the wasm module before anything is timed, as the app does at startup.
Wasm().then(() => { window.benchReady = true; });
