// app.mjs — whole-app figures in headless Chromium: start-up to the first frame (website and USB
// file; "drawn" when main() has drawn it, "on screen" two animation frames later, once the
// browser has composited it; when main() was entered, i.e. what the browser's download, compile and
// instantiation cost), the font atlas, data load + index time, wasm heap, idle CPU, and frame time while typing a search.
// Prints a table and writes build/bench/app.json.
// Run: node tests/bench/app.mjs [RUNS] [--web DIR] [--no-usb] [--out FILE] [--label TEXT]
//   --web DIR   another website build (default build/web), e.g. one made on the national dataset
//   --no-usb    skip the one-file USB build (a national-scale single file is not a sensible product)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launch } from "../e2e/browser.mjs";
import { startServer } from "../e2e/serve.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const RUNS = Number(argv.find((a, i) => /^\d+$/.test(a) && !(i > 0 && argv[i - 1].startsWith('--'))) || 7);
const WEB = path.resolve(opt('--web', path.join(ROOT, 'build/web')));
const USB_FILE = argv.includes('--no-usb') ? null : path.join(ROOT, 'build/usb/fazhitong.html');
const OUT = path.resolve(opt('--out', path.join(ROOT, 'build/bench/app.json')));
const LABEL = opt('--label', 'bundled data');
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor((s.length - 1) / 2)]; };
const p95 = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };

async function startup(browser, url) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.fzShownMs > 0, null, { timeout: 60000 });
    // The search warm-up runs when the app is first idle (always reported, 0 when not needed).
    await page.waitForFunction(() => window.fzStats && window.fzStats.warmUpMs !== undefined, null, { timeout: 60000 });
    out.push(await page.evaluate(() => ({ ready: window.fzReadyMs, shown: window.fzShownMs, ...window.fzStats })));
    await context.close();
  }
  return out;
}

async function idleAndTyping(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.appReady === true, null, { timeout: 60000 });
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const metric = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const a = await metric();
  const t0 = Date.now();
  await page.waitForTimeout(5000);
  const b = await metric();
  const idleCpu = (b.TaskDuration - a.TaskDuration) / ((Date.now() - t0) / 1000) * 100;
  // Typing into the search box: every keystroke re-runs the search and redraws.
  await page.evaluate(() => { location.hash = "#/search"; });
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.fzFrameLog = []; });
  for (const text of ["法律援助", "行政复议", "公共法律服务", "flyz", "xingzheng", "12348"]) {
    for (const ch of text) { await page.keyboard.insertText(ch); await page.waitForTimeout(30); }
    for (let i = 0; i < text.length; i++) { await page.keyboard.press("Backspace"); await page.waitForTimeout(30); }
  }
  const frames = await page.evaluate(() => window.fzFrameLog);
  const heapAfterFastTyping = await page.evaluate(() => window.fzStats.heapNow());
  // Pinyin and initials typed at a phone typist's pace, a key every 300 ms: between keystrokes the
  // app is idle and refines the last matches (App::IdleWork), so each keystroke's frame, which
  // runs its search, is what a person waits for.
  await page.waitForTimeout(1000);
  await page.evaluate(() => { window.fzFrameLog = []; });
  const paced = [], pacedKeys = [];
  for (const text of ["flyz", "xzfy", "ggflfw", "rmtj", "xingzhengfuyi", "gonggongfalv"]) {
    for (let k = 0; k < text.length; k++) {
      const before = await page.evaluate(() => window.fzFrameLog.length);
      await page.keyboard.insertText(text[k]);
      await page.waitForTimeout(300);
      // The slowest frame since the key: the one that ran the search.
      const ms = await page.evaluate((n) => Math.max(0, ...window.fzFrameLog.slice(n)), before);
      paced.push(ms);
      pacedKeys.push([text.slice(0, k + 1), Number(ms.toFixed(1))]);
    }
    for (let i = 0; i < text.length; i++) { await page.keyboard.press("Backspace"); await page.waitForTimeout(30); }
    await page.waitForTimeout(300);
  }
  // Wasm memory never shrinks: after typing it is the high-water mark of the searches' memory.
  const heapAfterTyping = await page.evaluate(() => window.fzStats.heapNow());
  await context.close();
  return { idleCpu, frames, paced, pacedKeys, heapAfterFastTyping, heapAfterTyping };
}

const browser = await launch();
const server = await startServer(WEB, 0);
const site = `http://127.0.0.1:${server.address().port}/`;
const usbDir = fs.mkdtempSync(path.join(os.tmpdir(), "fzt-bench-"));
let usb = null;
if (USB_FILE) {
  fs.copyFileSync(USB_FILE, path.join(usbDir, "fazhitong.html"));
  usb = pathToFileURL(path.join(usbDir, "fazhitong.html")).href;
}

const web = await startup(browser, site);
const one = usb ? await startup(browser, usb) : [];
const live = await idleAndTyping(browser, site);
await browser.close();
server.close();

const rows = [
  ["website: start to first frame drawn (ms)", web.map((r) => r.ready)],
  ["website: ... on screen (ms)", web.map((r) => r.shown)],
  ...(usb ? [["USB file: start to first frame drawn (ms)", one.map((r) => r.ready)],
             ["USB file: ... on screen (ms)", one.map((r) => r.shown)]] : []),
  ["website: main() entered (ms)", web.map((r) => r.mainMs)],
  ["window and WebGL context made (ms, website)", web.map((r) => r.glMs - r.mainMs)],
  ["font atlas build + upload (ms, website)", web.map((r) => r.fontMs)],
  ["App::Load in all (ms: data, index, strings, glyph scan)", web.map((r) => r.loadedMs - r.glMs)],
  ["data load (ms, website)", web.map((r) => r.loadMs)],
  ["search index build (ms, website)", web.map((r) => r.indexMs)],
  ["first frame CPU (ms, website)", web.map((r) => r.firstFrameMs)],
  ["search warm-up when first idle (ms; 0: a small index needs none)", web.map((r) => r.warmUpMs)],
  ["frame CPU while typing a search (ms)", live.frames],
  ["keystroke frame CPU, pinyin typed a key every 300 ms (ms)", live.paced],
];
const result = { label: LABEL, date: new Date().toISOString(), machine: `${os.cpus()[0].model}, ${os.cpus().length} cores`, runs: RUNS,
  wasmHeapMB: web[0].heapBytes / 1e6, heapAfterWarmUpMB: (web[0].heapAfterWarmUp || web[0].heapBytes) / 1e6, heapAfterTypingMB: live.heapAfterTyping / 1e6, indexKB: web[0].indexBytes / 1024, idleCpuPercent: live.idleCpu, rows: {} };
console.log(`Fazhitong whole-app figures, ${LABEL} — ${result.machine}, ${result.date.slice(0, 10)}, headless Chromium, ${RUNS} runs`);
console.log(`${"figure".padEnd(56)}${"median".padStart(10)}${"p95".padStart(10)}${"n".padStart(6)}`);
for (const [name, values] of rows) {
  result.rows[name] = { median: median(values), p95: p95(values), n: values.length };
  console.log(`${name.padEnd(56)}${median(values).toFixed(1).padStart(10)}${p95(values).toFixed(1).padStart(10)}${String(values.length).padStart(6)}`);
}
result.dataMB = fs.statSync(path.join(WEB, "index.data")).size / 1e6;
result.indexFromPack = !!web[0].indexFromPack;
console.log(`wasm heap after load: ${result.wasmHeapMB.toFixed(1)} MB, after the warm-up: ${result.heapAfterWarmUpMB.toFixed(1)} MB, after typing: ${result.heapAfterTypingMB.toFixed(1)} MB ` +
  `(MB = 10^6 bytes); search index: ${result.indexKB.toFixed(0)} KB ` +
  `(${result.indexFromPack ? "read from the pack" : "built at start-up"}); index.data (pack, strings, font): ` +
  `${result.dataMB.toFixed(1)} MB; idle CPU over 5 s: ${result.idleCpuPercent.toFixed(2)} %`);
result.pacedKeystrokes = live.pacedKeys;  // [typed text, its slowest frame's CPU ms]
result.heapAfterFastTypingMB = live.heapAfterFastTyping / 1e6;  // (before the paced typing)
console.log(`wasm heap after the fast typing: ${result.heapAfterFastTypingMB.toFixed(1)} MB, after the paced typing too: ${result.heapAfterTypingMB.toFixed(1)} MB`);
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(result, null, 2));
fs.rmSync(usbDir, { recursive: true, force: true });
