// hand_off.test.mjs — "扫码在手机上查看" in headless Chromium: a kiosk opened with ?share= taps the
// hand-off button, and the QR code actually drawn on the canvas (a screenshot) is decoded by
// zbarimg (zbar-tools), which must read exactly the share address + the deep link; the same on a
// phone-size viewport and from the USB file (file://, zero network requests); and no button
// where there is no public address (the USB file without ?share=, a site served from localhost).
// Run by scripts/test after the web and usb builds: node --test tests/e2e/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openApp, mirrorText, waitMirror } from "./browser.mjs";
import { SHOTS, useSite, usbCopy } from "./fixture.mjs";


const SHARE = "https://example.org/fz/";
const PLAN = "#/plan/kunming-2021-2025-implementation-plan";
const SEARCH = "#/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9";  // 法律援助
// The hand-off button's centre in CSS pixels: it floats at the bottom right of the page
// (tests/ui/hand_off_test.cpp checks the same point natively at 1280 x 800).
const BUTTON_KIOSK = { x: 1165, y: 726 };
const BUTTON_PHONE = (viewport) => ({ x: viewport.width - 90, y: viewport.height - 74 });

// What zbarimg reads in a PNG: every QR code's text, one a line.
function decode(png) {
  try {
    return execFileSync("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", png], { encoding: "utf8" }).trim();
  } catch (e) {
    if (e.code === "ENOENT") throw new Error("zbarimg not found: run scripts/setup (Debian zbar-tools)");
    return "";  // exit 4: no code found
  }
}

// Taps the hand-off button, waits for the panel, screenshots and decodes it.
async function handOff(page, at, expected, shot) {
  assert.ok((await mirrorText(page)).includes("[扫码在手机上查看] " + expected));
  await page.mouse.click(at.x, at.y);
  await waitMirror(page, (t) => t.includes("网址：" + expected));
  await page.waitForTimeout(150);  // the frame with the panel is on screen
  const png = path.join(SHOTS, shot);
  await page.screenshot({ path: png });
  assert.equal(decode(png), expected, `the QR code in ${png}`);
  return png;
}

let browser, siteUrl;
useSite((b, url) => {
  browser = b;
  siteUrl = url;
});

test("hand-off: a kiosk shows the QR code of the share address + the page, and zbarimg reads it", async () => {
  const { page, context, errors } = await openApp(browser, siteUrl + "?kiosk&share=" + SHARE + PLAN);
  await waitMirror(page, (t) => t.includes("昆明市法治政府建设实施方案"));
  await page.screenshot({ path: path.join(SHOTS, "handoff-kiosk-button.png") });
  await handOff(page, BUTTON_KIOSK, SHARE + PLAN, "handoff-kiosk.png");
  // The big close button closes it.
  await page.mouse.click(640, 620);
  await waitMirror(page, (t) => !t.includes("网址："));
  // A search is handed off with its query, percent-encoded as in the address bar.
  await page.evaluate((h) => { location.hash = h; }, SEARCH);
  await waitMirror(page, (t) => t.includes("[扫码在手机上查看] " + SHARE + SEARCH));
  // The kiosk keyboard is docked on the search screen: the button floats above it.
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOTS, "handoff-kiosk-search.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("hand-off: a tap outside the panel closes it; the idle reset leaves no code for the next visitor", async () => {
  const { page, context } = await openApp(browser, siteUrl + "?kiosk&idle=2&share=" + SHARE + PLAN);
  await waitMirror(page, (t) => t.includes("[扫码在手机上查看]"));
  await page.mouse.click(BUTTON_KIOSK.x, BUTTON_KIOSK.y);
  await waitMirror(page, (t) => t.includes("网址："));
  await page.mouse.click(60, 400);  // the dimmed page left of the panel
  await waitMirror(page, (t) => !t.includes("网址："));
  assert.equal(new URL(page.url()).hash, PLAN);  // the tap opened nothing under the panel
  await page.mouse.click(BUTTON_KIOSK.x, BUTTON_KIOSK.y);
  await waitMirror(page, (t) => t.includes("网址："));
  // Nobody touches the screen: the kiosk resets to the home screen, without the panel.
  await waitMirror(page, (t) => t.includes("规划与报告") && !t.includes("网址："), 8000);
  assert.equal(new URL(page.url()).hash, "#/");
  const png = path.join(SHOTS, "handoff-after-reset.png");
  await page.screenshot({ path: png });
  assert.equal(decode(png), "", "no QR code on screen after the reset");
  await context.close();
});

test("hand-off: the website on a phone offers none (the page is already on the phone)", async () => {
  const viewport = { width: 390, height: 844 };
  const { page, context } = await openApp(browser, siteUrl + "?share=" + SHARE + PLAN, { viewport, scale: 3 });
  await waitMirror(page, (t) => t.includes("昆明市法治政府建设实施方案"));
  await page.screenshot({ path: path.join(SHOTS, "handoff-phone-none.png") });
  assert.ok(!(await mirrorText(page)).includes("扫码在手机上查看"));
  await context.close();
});

test("hand-off: on a narrow kiosk screen the code fits and reads", async () => {
  const viewport = { width: 390, height: 844 };
  const { page, context } = await openApp(browser, siteUrl + "?kiosk&share=" + SHARE + PLAN, { viewport, scale: 3 });
  await waitMirror(page, (t) => t.includes("昆明市法治政府建设实施方案"));
  await page.screenshot({ path: path.join(SHOTS, "handoff-phone-button.png") });
  await handOff(page, BUTTON_PHONE(viewport), SHARE + PLAN, "handoff-phone.png");
  await context.close();
});

test("hand-off: no button without a public address (a site on localhost without ?share=)", async () => {
  const { page, context } = await openApp(browser, siteUrl + "?kiosk" + PLAN);
  await waitMirror(page, (t) => t.includes("昆明市法治政府建设实施方案"));
  assert.ok(!(await mirrorText(page)).includes("扫码在手机上查看"));
  await context.close();
});

test("hand-off: the USB file has the generator inside: no button by itself, a readable code with ?share=, no request", async () => {
  const { dir, href } = usbCopy();

  const plain = await openApp(browser, href + PLAN);
  await waitMirror(plain.page, (t) => t.includes("昆明市法治政府建设实施方案"));
  assert.ok(!(await mirrorText(plain.page)).includes("扫码在手机上查看"), "a file:// page has no address for a phone");
  await plain.context.close();

  const requests = [];
  const { page, context, errors } = await openApp(browser, href + "?share=" + SHARE + PLAN, { requests });
  await waitMirror(page, (t) => t.includes("昆明市法治政府建设实施方案"));
  await handOff(page, BUTTON_KIOSK, SHARE + PLAN, "handoff-usb.png");
  const network = requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"));
  assert.deepEqual(network, [], "the USB file must not touch the network");
  assert.deepEqual(errors, []);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
