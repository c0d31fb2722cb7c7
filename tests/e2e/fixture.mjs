// fixture.mjs — what every end-to-end test file shares: the build's paths, and one Chromium plus
// the website served on a free local port for the file's tests (node:test before/after hooks).
import { before, after } from "node:test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launch } from "./browser.mjs";
import { startServer } from "./serve.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SITE = path.join(ROOT, "build/web");
export const USB = path.join(ROOT, "build/usb/fazhitong.html");
export const SHOTS = path.join(ROOT, "build/e2e");
fs.mkdirSync(SHOTS, { recursive: true });

// A copy of the USB file in a fresh folder named with a space and Chinese ("U盘 法治通"), as on a
// visitor's stick: its file:// address, and the folder to remove afterwards.
export function usbCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fzt-"));
  const copy = path.join(dir, "U盘 法治通", "fazhitong.html");
  fs.mkdirSync(path.dirname(copy));
  fs.copyFileSync(USB, copy);
  return { dir, href: pathToFileURL(copy).href };
}

// Launches the browser and serves build/web before the file's tests, closes both after;
// `ready(browser, siteUrl)` receives them.
export function useSite(ready) {
  let browser, server;
  before(async () => {
    browser = await launch();
    server = await startServer(SITE, 0);
    ready(browser, `http://127.0.0.1:${server.address().port}/`);
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}
