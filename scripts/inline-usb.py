#!/usr/bin/env python3
"""inline-usb.py — makes the linked USB build one file: the page's <script src="NAME.js"> becomes
the script itself, and the module NAME.wasm travels gzip-compressed inside the page (base64),
inflated with the browser's DecompressionStream and handed to WebAssembly through
Module.instantiateWasm. Emscripten's -sSINGLE_FILE would embed the module as base64 of the raw
bytes: 0.45 MB more page for the browser to read before the app starts. The .js and .wasm are
removed afterwards: the .html is the USB copy, and a page that still needed them would fail the
end-to-end tests, which open a copy of it alone.

usage: inline-usb.py PAGE.html
"""
import base64
import gzip
import os
import re
import sys

LOADER = r"""<script>
(function () {
  var packed = "%s";
  Module["instantiateWasm"] = function (imports, receive) {
    var raw = atob(packed), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    packed = null;
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    new Response(stream).arrayBuffer().then(function (wasm) {
      return WebAssembly.instantiate(wasm, imports);
    }).then(function (result) {
      receive(result.instance, result.module);
    }, function (e) {
      if (Module["onAbort"]) Module["onAbort"]("cannot start the app's module: " + e);
    });
    return {};
  };
})();
</script>
"""


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    page = sys.argv[1]
    folder, name = os.path.dirname(os.path.abspath(page)), os.path.splitext(os.path.basename(page))[0]
    js_path, wasm_path = os.path.join(folder, name + ".js"), os.path.join(folder, name + ".wasm")
    with open(page, encoding="utf-8") as f:
        html = f.read()
    tag = re.compile(r'<script[^>]*\bsrc="%s"[^>]*>\s*</script>' % re.escape(name + ".js"))
    if len(tag.findall(html)) != 1:
        sys.exit(f"inline-usb: {page}: expected one <script src=\"{name}.js\">, found {len(tag.findall(html))}")
    with open(js_path, encoding="utf-8") as f:
        js = f.read()
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    if "</script" in js.lower():
        sys.exit(f"inline-usb: {js_path} holds '</script', which would end the inline script early")
    packed = base64.b64encode(gzip.compress(wasm, 9, mtime=0)).decode("ascii")
    inline = LOADER % packed + "<script>\n" + js + "\n</script>"
    html = tag.sub(lambda m: inline, html)
    with open(page + ".new", "w", encoding="utf-8") as f:
        f.write(html)
    os.replace(page + ".new", page)
    os.remove(js_path)
    os.remove(wasm_path)
    print(f"inline-usb: {os.path.basename(page)}: {name}.js inlined, {name}.wasm {len(wasm)} bytes "
          f"-> {len(packed)} bytes of base64 gzip")


if __name__ == "__main__":
    main()
