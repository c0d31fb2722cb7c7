// app.test.mjs — end-to-end tests in headless Chromium (Playwright + Debian's chromium): the
// served website and the one-file USB build render Chinese, route, accept IME and fast typing,
// scroll under a dragging or flicking finger, stay idle when nothing changes, and the USB file
// makes no network request.
// Run by scripts/test after the web and usb builds: node --test tests/e2e/
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openApp, mirrorText, waitMirror } from "./browser.mjs";
import { SHOTS, useSite, usbCopy } from "./fixture.mjs";


const CJK = /[\u4e00-\u9fff]/;

let browser, siteUrl;
useSite((b, url) => {
  browser = b;
  siteUrl = url;
});

test("website: first frame shows the home screen in Chinese", async () => {
  const requests = [];
  const { page, context, errors, readyMs } = await openApp(browser, siteUrl, { requests });
  // The page's <head> preloads the module and the data (strip-shell.py --preload), and what
  // Emscripten's fetch() and XMLHttpRequest ask for is that response: each file loaded once.
  for (const file of ["index.wasm", "index.data"]) {
    assert.equal(requests.filter((u) => u.endsWith("/" + file)).length, 1, `${file} requested once`);
    assert.deepEqual(await page.evaluate((f) => performance.getEntriesByType("resource")
      .filter((e) => e.name.endsWith("/" + f)).map((e) => e.initiatorType), file), ["link"], `${file} preloaded`);
  }
  // The mirror follows the first frame once it is on screen (site/shell.html).
  const text = await waitMirror(page, (t) => /法治通/.test(t));
  assert.match(text, /规划与报告/);
  assert.match(text, /公共法律服务网点/);
  assert.ok(CJK.test(text));
  assert.equal(await page.title(), "法治通 Fazhitong — 法治政府建设与公共法律服务");
  // The text version is a document: the app's headings are headings (a screen reader moves by
  // them), its buttons and the chosen chip marked as such; its text stays the app's text exactly.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("#mirror h1")].map((h) => h.textContent)),
    ["# 法治通 — 法治政府建设与公共法律服务"]);
  assert.ok(await page.evaluate(() => document.querySelectorAll("#mirror h2").length) >= 2);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("#mirror .b")].slice(0, 4).map((b) => b.textContent)),
    ["[首页]", "[服务网点]", "[关于]", "[English]"]);
  const role = await page.getAttribute("#mirror", "role");
  assert.equal(role, "document");
  assert.equal(await page.getAttribute("#mirror", "aria-live"), "polite");
  await page.screenshot({ path: path.join(SHOTS, "web-home.png") });
  // Sizing the canvas must not ask for fullscreen (Emscripten's glfwSetWindowSize does when the size
  // equals the screen's): where granted, pointer lock followed, clicks landed at 0,0 and focus failed.
  assert.deepEqual(await page.evaluate(() => [document.fullscreenElement, document.pointerLockElement]), [null, null]);
  assert.deepEqual(errors, []);
  console.log(`# website ready in ${readyMs} ms`);
  await context.close();
});

test("website: deep links, navigation and the back button", async () => {
  const { page, context } = await openApp(browser, siteUrl + "#/about");
  await waitMirror(page, (t) => t.includes("关于法治通"));
  await page.evaluate(() => { location.hash = "#/points"; });
  await waitMirror(page, (t) => t.includes("# 公共法律服务网点"));
  await page.goBack();
  await waitMirror(page, (t) => t.includes("关于法治通"));
  await page.evaluate(() => { location.hash = "#/no/such/page"; });
  await waitMirror(page, (t) => t.includes("规划与报告"));
  await context.close();
});

test("website: a long shared link and a huge paste are read whole, and never crash the page", async () => {
  // 800 characters: 7,200 bytes of %-escapes. A 2 KB buffer cut the first link's hash inside an
  // escape (…%E), which was searched as the parts 法法… and "E" (7 records reading e).
  const long = "#/search?q=" + encodeURIComponent("法".repeat(800));
  const { page, context, errors } = await openApp(browser, siteUrl + long);
  let text = await waitMirror(page, (t) => t.includes("搜索：法法法") && t.includes("没有找到相关内容"));
  assert.ok(!text.includes("拆开查找"), text.slice(0, 300));
  // The same link followed from the page (hashchange).
  await page.evaluate(() => { location.hash = "#/about"; });
  await waitMirror(page, (t) => t.includes("关于法治通"));
  await page.evaluate((h) => { location.hash = h; }, long);
  text = await waitMirror(page, (t) => t.includes("搜索：法法法") && t.includes("没有找到相关内容"));
  assert.ok(!text.includes("拆开查找"));
  // Two million characters pasted at once (the IME bridge): they overflowed the wasm stack when
  // passed as a ccall string ("memory access out of bounds"). The box keeps what it holds.
  await page.evaluate(() => { location.hash = "#/search"; });
  await page.mouse.click(640, 108);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "ime");
  await page.evaluate(() => {
    const ime = document.getElementById("ime");
    ime.value = "法律援助".repeat(500000);
    ime.dispatchEvent(new InputEvent("input"));
  });
  await waitMirror(page, (t) => t.includes("搜索：法律援助法律援助") && t.includes("加大法律援助力度"));
  await page.evaluate(() => { location.hash = "#/search?q=%E5%A4%8D%E8%AE%AE"; });  // 复议: still answering
  await waitMirror(page, (t) => t.includes("搜索：复议") && t.includes("行政复议"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("website: a link or the back button while the search box has the cursor shows its own search", async () => {
  const { page, context } = await openApp(browser, siteUrl);
  await page.mouse.click(640, 108);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "ime");
  await page.keyboard.insertText("法律");
  await waitMirror(page, (t) => t.includes("搜索：法律"));
  // The active box used to type its own text back into the address: the link seemed dead.
  await page.evaluate(() => { location.hash = "#/search?q=%E5%A4%8D%E8%AE%AE"; });  // 复议
  await waitMirror(page, (t) => t.includes("搜索：复议") && t.includes("行政复议"));
  await page.waitForTimeout(300);
  assert.match(page.url(), /#\/search\?q=%E5%A4%8D%E8%AE%AE$/);
  // The cursor is still in the box, now after the new text.
  await page.keyboard.insertText("法");
  await waitMirror(page, (t) => t.includes("搜索：复议法"));
  await context.close();
});

test("website: typed Chinese arrives through the IME bridge, fast ASCII loses no key", async () => {
  const { page, context } = await openApp(browser, siteUrl);
  assert.equal(await page.evaluate(() => window.fzWantText), false, "no text field is active before the tap");
  // Tap the search box the way a visitor would.
  await page.mouse.click(640, 108);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "ime");
  await page.keyboard.insertText("法律援助");
  await waitMirror(page, (t) => t.includes("搜索：法律援助"));
  assert.match(page.url(), /#\/search\?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9$/);
  // 20 characters and 5 Backspaces typed with no delay: each must land, in order.
  await page.keyboard.type("abcdefghij0123456789", { delay: 0 });
  for (let i = 0; i < 5; i++) await page.keyboard.press("Backspace", { delay: 0 });
  await page.keyboard.type("XYZ", { delay: 0 });
  await waitMirror(page, (t) => t.includes("搜索：法律援助abcdefghij01234XYZ"));
  await page.screenshot({ path: path.join(SHOTS, "web-search-typed.png") });
  await context.close();
});

test("website and USB file: typed characters the bundled font lacks are drawn, not '?'", async () => {
  // 彩礼 (bride price) and 醉 (醉驾, drunk driving) occur in no bundled record or synonym, so the
  // font, cut to the data, lacks them; so do pinyin's tone letters, and characters beyond the BMP:
  // 𠮷 (CJK Extension B, in people's and places' names) and an emoji, which were '?' with ImGui's
  // 16-bit characters; and full-width letters and digits and a Hangzhou numeral (ｆａ１〡), which
  // the subset holds only where the data does. The browser draws them into the atlas with its own
  // fonts.
  const { dir, href } = usbCopy();
  for (const [where, url] of [["website", siteUrl], ["USB file", href]]) {
    const requests = [];
    const { page, context, errors } = await openApp(browser, url, { requests });
    await page.mouse.click(640, 108);
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === "ime");
    await page.keyboard.insertText("彩礼 醉驾 fǎlǜ \u{20BB7}家 \u{1F600} ｆａ１〡");
    await waitMirror(page, (t) => t.includes("搜索：彩礼 醉驾 fǎlǜ \u{20BB7}家 \u{1F600} ｆａ１〡"));
    await page.waitForFunction(() => window.fzMissingGlyphs === 0, null, { timeout: 5000 })
      .catch(async () => assert.fail(`${where}: ${await page.evaluate(() => window.fzMissingGlyphs)} characters show as '?'`));
    await page.screenshot({ path: path.join(SHOTS, where === "website" ? "web-search-rare.png" : "usb-search-rare.png") });
    if (where === "USB file")
      assert.deepEqual(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:")), []);
    assert.deepEqual(errors, []);
    await context.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test("website: draws no frames while idle", async () => {
  const { page, context } = await openApp(browser, siteUrl);
  // Start-up draws a few frames (fonts, first layout, the text mirror); on a loaded machine they
  // can take longer than a fixed wait. Settle first: no new frame for 500 ms (at most 10 s).
  let before = await page.evaluate(() => window.fzFrames);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(500);
    const now = await page.evaluate(() => window.fzFrames);
    if (now === before) break;
    before = now;
  }
  await page.waitForTimeout(1500);
  const idle = await page.evaluate(() => window.fzFrames);
  assert.equal(idle, before, "frames were drawn while nothing changed");
  await page.mouse.move(300, 300);
  await page.waitForFunction((n) => window.fzFrames > n, idle);
  await context.close();
});

test("website: typing draws frames that ask WebGL nothing (no state query waits for the GPU process)", async () => {
  // Every WebGL state query counted from the page's start. ImGui's GL backend asks ~20 of them in
  // each frame it draws; each was a round trip to the GPU process (src/platform/GlStateCache.h).
  const init = () => {
    window.fzGlQueries = 0;
    for (const proto of [WebGLRenderingContext.prototype, self.WebGL2RenderingContext && WebGL2RenderingContext.prototype])
      for (const name of ["getParameter", "isEnabled"]) {
        if (!proto) continue;
        const real = proto[name];
        proto[name] = function (...args) { window.fzGlQueries++; return real.apply(this, args); };
      }
  };
  const { page, context, errors } = await openApp(browser, siteUrl, { init });
  await page.evaluate(() => { location.hash = "#/search"; });
  await page.waitForTimeout(300);
  const [queries, frames] = await page.evaluate(() => [window.fzGlQueries, window.fzFrames]);
  for (const ch of "falvyuanzhu") { await page.keyboard.insertText(ch); await page.waitForTimeout(40); }
  await waitMirror(page, (t) => /法律援助/.test(t));
  const [queries2, frames2] = await page.evaluate(() => [window.fzGlQueries, window.fzFrames]);
  assert.ok(frames2 - frames >= 11, `only ${frames2 - frames} frames drawn while typing`);
  assert.equal(queries2 - queries, 0, `${queries2 - queries} WebGL state queries in ${frames2 - frames} frames`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("website: a lost WebGL context (a phone's background tab, a GPU reset) is drawn again when restored", async () => {
  const { page, context, errors } = await openApp(browser, siteUrl);
  // A frame drawn now, and the colour of a pixel of the header it drew (read in the same task,
  // before the browser presents and clears the drawing buffer).
  const header = () => page.evaluate(() => {
    const gl = document.getElementById("canvas").getContext("webgl2");
    Module._fz_frame_now();
    const px = new Uint8Array(4);
    gl.readPixels(8, gl.drawingBufferHeight - 8, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    return Array.from(px);
  });
  const before = await header();
  assert.ok(before[2] > 100 && before[0] < 80, `the header is not blue: ${before}`);
  const lost = await page.evaluate(() => new Promise((resolve) => {
    const canvas = document.getElementById("canvas");
    const ext = canvas.getContext("webgl2").getExtension("WEBGL_lose_context");
    canvas.addEventListener("webglcontextlost", () => setTimeout(() => ext.restoreContext(), 100), { once: true });
    canvas.addEventListener("webglcontextrestored", () => resolve(true), { once: true });
    setTimeout(() => resolve(false), 5000);
    ext.loseContext();
  }));
  assert.ok(lost, "the context was not restored (its loss was not taken)");
  await page.waitForTimeout(200);
  assert.deepEqual(await header(), before);
  // And the app goes on: a search typed after it is drawn and answered.
  await page.evaluate(() => { location.hash = "#/search"; });
  await page.waitForTimeout(300);
  await page.keyboard.insertText("法律援助");
  await waitMirror(page, (t) => /加大法律援助力度/.test(t));
  await page.screenshot({ path: path.join(SHOTS, "web-context-restored.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("website: HiDPI screens get a full-resolution canvas", async () => {
  const { page, context } = await openApp(browser, siteUrl, { viewport: { width: 400, height: 780 }, scale: 2 });
  await page.waitForTimeout(300);
  const size = await page.evaluate(() => [document.getElementById("canvas").width, innerWidth]);
  assert.equal(size[0], size[1] * 2);
  await page.screenshot({ path: path.join(SHOTS, "web-phone-2x.png") });
  assert.match(await mirrorText(page), /法治通/);
  await context.close();
});

test("USB file: renders from file:// in a folder with spaces and Chinese, with zero network requests", async () => {
  const { dir, href } = usbCopy();
  const requests = [];
  const { page, context, errors, readyMs } = await openApp(browser, href, { requests });
  await page.waitForTimeout(500);
  const text = await mirrorText(page);
  assert.match(text, /规划与报告/);
  await page.evaluate(() => { location.hash = "#/about"; });
  await waitMirror(page, (t) => t.includes("关于法治通"));
  await page.screenshot({ path: path.join(SHOTS, "usb-about.png") });
  const network = requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"));
  assert.deepEqual(network, [], "the USB file must not touch the network");
  assert.equal(requests.filter((u) => u.startsWith("file:")).length, 1, `requests: ${requests.join(", ")}`);
  assert.deepEqual(errors, []);
  console.log(`# USB file ready in ${readyMs} ms`);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("website: works offline after the first visit (service worker)", async () => {
  // Service workers are blocked in the other tests: in headless Chromium a page whose worker is
  // installing intermittently refuses element focus, which would make the IME test flaky.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "allow" });
  const page = await context.newPage();
  await page.goto(siteUrl);
  await page.waitForFunction(() => window.appReady === true, null, { timeout: 30000 });
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!(reg && reg.active && (await caches.keys()).length > 0);
  }, null, { timeout: 30000 });
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.appReady === true, null, { timeout: 30000 });
  await waitMirror(page, (t) => t.includes("规划与报告"));
  await context.close();
});

// A fresh home page, settled: the first frame is on screen and the text mirror laid out.
async function openSettledHome() {
  const opened = await openApp(browser, siteUrl);
  await opened.page.waitForFunction(() => window.fzShownMs > 0);
  await waitMirror(opened.page, (t) => t.includes("规划与报告"));
  await opened.page.waitForTimeout(300);
  return opened;
}

// Asserts that what `gesture` does on the home page scrolls it and opens nothing.
async function assertScrollsWithoutNavigating(gesture, shot) {
  const { page, context } = await openSettledHome();
  const before = await page.screenshot();
  await gesture(page);
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).hash, "", "a drag must not navigate");
  const after = await page.screenshot();
  assert.ok(!after.equals(before), "the page did not scroll");
  if (shot) await page.screenshot({ path: path.join(SHOTS, shot) });
  await context.close();
}

test("website: a finger drag scrolls the page and does not open the card it started on; a tap does", async () => {
  // A finger drag lasts several frames; each step waits two animation frames.
  await assertScrollsWithoutNavigating(async (page) => {
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.mouse.move(300, 380);
    await page.mouse.down();
    await frames();
    for (let y = 370; y >= 80; y -= 30) {
      await page.mouse.move(300, y);
      await frames();
    }
    await page.mouse.up();
  }, "web-home-scrolled.png");

  const { page, context } = await openSettledHome();
  await page.mouse.click(300, 380);
  await page.waitForFunction(() => location.hash.startsWith("#/plan/"));
  await waitMirror(page, (t) => t.includes("← 返回首页"));
  await context.close();
});

test("website: a flick that starts and ends between two frames scrolls and opens nothing", async () => {
  // Press, moves and release (with the events a browser sends for them, click included) in one
  // task, so no frame is drawn in between: the app must still see a drag, not a tap where it ended.
  await assertScrollsWithoutNavigating(async (page) => {
    await page.mouse.move(300, 700);
    await page.evaluate(() => {
      const canvas = document.getElementById("canvas");
      const send = (type, y, buttons) => {
        const init = { bubbles: true, cancelable: true, view: window, clientX: 300, clientY: y, button: 0, buttons };
        canvas.dispatchEvent(new PointerEvent("pointer" + type, { ...init, pointerId: 1, pointerType: "touch", isPrimary: true }));
        canvas.dispatchEvent(new MouseEvent("mouse" + type, init));
      };
      send("down", 700, 1);
      for (let y = 660; y >= 380; y -= 40) send("move", y, 1);
      send("up", 380, 0);  // over a card: seen as a tap there, it would open that card
      canvas.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window, clientX: 300, clientY: 380 }));
    });
  });
});

test("kiosk: after the idle time the screen resets for the next visitor", async () => {
  const { page, context } = await openApp(browser, siteUrl + "?kiosk&idle=1");
  const entries = await page.evaluate(() => history.length);
  await page.mouse.click(640, 108);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "ime");
  await page.keyboard.insertText("离婚 法律援助");
  await waitMirror(page, (t) => t.includes("搜索：离婚 法律援助"));
  assert.match(page.url(), /#\/search\?q=/);
  // A kiosk keeps one history entry, so a back gesture cannot reveal a visitor's pages.
  assert.equal(await page.evaluate(() => history.length), entries);
  // Nobody touches the screen: within a few seconds the visitor's search is gone.
  await waitMirror(page, (t) => /^搜索：$/m.test(t) && t.includes("规划与报告"), 6000);
  assert.equal(new URL(page.url()).hash, "#/");
  // The keyboard of the abandoned search field closes too (one frame later).
  await page.waitForFunction(() => document.activeElement.id !== "ime");
  await context.close();
});

test("kiosk: tapping the search box opens the on-screen keyboard; the website has none", async () => {
  const { page, context, errors } = await openApp(browser, siteUrl + "?kiosk&idle=60");
  assert.ok(!(await mirrorText(page)).includes("屏幕键盘"));
  await page.mouse.click(640, 108);
  await waitMirror(page, (t) => t.includes("屏幕键盘") && t.includes("flyz"));
  // The system's own touch keyboard stays down; a plugged-in keyboard still types.
  assert.equal(await page.evaluate(() => document.getElementById("ime").getAttribute("inputmode")), "none");
  await page.screenshot({ path: path.join(SHOTS, "kiosk-keyboard.png") });
  assert.deepEqual(errors, []);
  await context.close();

  const site = await openApp(browser, siteUrl + "#/search?q=flyz");
  await waitMirror(site.page, (t) => t.includes("搜索：flyz"));
  assert.ok(!(await mirrorText(site.page)).includes("屏幕键盘"));
  assert.equal(await site.page.evaluate(() => document.getElementById("ime").getAttribute("inputmode")), null);
  await site.context.close();
});

test("website: when nothing is found, a tap on the 12348 card dials it (its tel: link); a kiosk has no link", async () => {
  const none = "#/search?q=" + encodeURIComponent("龘");
  const { page, context, errors } = await openApp(browser, siteUrl + none, { viewport: { width: 390, height: 844 }, scale: 2 });
  await waitMirror(page, (t) => t.includes("[热线] 12348") && t.includes("拨打 ›"));
  await page.screenshot({ path: path.join(SHOTS, "web-phone-hotline.png") });
  // The card is the last thing on the screen: tap its middle, found from the top down.
  let link = null;
  for (let y = 200; y < 600 && !link; y += 20) {
    await page.mouse.click(195, y);
    link = await page.evaluate(() => window.fzLastLink || null);
  }
  assert.equal(link, "tel:12348");
  assert.equal(new URL(page.url()).hash, none);  // the page itself went nowhere
  assert.deepEqual(errors, []);
  await context.close();

  const kiosk = await openApp(browser, siteUrl + "?kiosk" + none);
  await waitMirror(kiosk.page, (t) => t.includes("[热线] 12348"));
  assert.ok(!(await mirrorText(kiosk.page)).includes("拨打 ›"));
  await kiosk.context.close();
});
