// browser.mjs — launches Debian's Chromium through playwright-core with the flags this machine
// needs (no sandbox as root, no background networking, software WebGL), shared by the
// end-to-end tests and the benchmarks.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.FAZHITONG_CHROMIUM || "/usr/bin/chromium";

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader", "--window-size=1280,800"],
  });
}

// Opens `url` in a fresh page and waits for the app's ready flag (first frame drawn).
export async function openApp(browser, url, { viewport = { width: 1280, height: 800 }, scale = 1, requests, init } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: scale, serviceWorkers: "block" });
  if (init) await context.addInitScript(init);  // (runs in the page before its own scripts)
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e) + " " + (e.stack || "")));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  if (requests) page.on("request", (r) => requests.push(r.url()));
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.appReady === true, null, { timeout: 30000 });
  const readyMs = Date.now() - t0;
  return { context, page, errors, readyMs };
}

export const mirrorText = (page) => page.evaluate(() => document.getElementById("mirror").textContent);

// Waits until the text mirror satisfies `pred` (the app updates it after each frame).
export async function waitMirror(page, pred, timeout = 10000) {
  const t0 = Date.now();
  let text = "";
  while (Date.now() - t0 < timeout) {
    text = await mirrorText(page);
    if (pred(text)) return text;
    await page.waitForTimeout(50);
  }
  throw new Error(`text mirror did not reach the expected state in ${timeout} ms; it shows:\n${text.slice(0, 2000)}`);
}
