#!/usr/bin/env python3
"""inline-usb.py — makes the linked USB build one file that works from file:// with nothing beside
it. The page's <script src="NAME.js"> becomes the script itself, and its module NAME.wasm and
the app's files (the data pack with the UI strings, the font) travel inside the page as two
gzip-compressed blobs (base64). A small script before the app's inflates them with the browser's
DecompressionStream as the page loads: the module is compiled as it inflates
(WebAssembly.compileStreaming), while the page parses the app's script, and is instantiated
through Module.instantiateWasm; the files go into the in-memory file system before main()
(Module.preRun).
Base64 of gzip is about 45% of base64 of the raw bytes, which Emscripten's -sSINGLE_FILE would
carry for the module. The .js and .wasm are removed afterwards: a page that still needed them
would fail the end-to-end tests, which open a copy of it alone.

usage: inline-usb.py PAGE.html SRC@DEST [SRC@DEST ...]   (SRC a file, DEST its path in the app)
"""
import base64
import gzip
import json
import os
import re
import sys

LOADER = r"""<script>
(function () {
  function inflate(packed) {
    var raw = atob(packed), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  }
  function fail(e) {
    if (Module["onAbort"]) Module["onAbort"]("cannot unpack the app: " + e);
  }
  // The module first: compiled as it inflates, while the page parses the app's script.
  var wasm = new Response(inflate("%s"), { headers: { "Content-Type": "application/wasm" } });
  var compiled = WebAssembly.compileStreaming ? WebAssembly.compileStreaming(wasm)
                                              : wasm.arrayBuffer().then(WebAssembly.compile);
  // The files, one after another in the second blob: [{path, size}].
  var files = %s;
  var unpacked = new Response(inflate("%s")).arrayBuffer();
  Module["instantiateWasm"] = function (imports, receive) {
    compiled.then(function (module) {
      return WebAssembly.instantiate(module, imports).then(function (instance) { receive(instance, module); });
    }).catch(fail);
    return {};
  };
  Module["preRun"] = Module["preRun"] || [];
  Module["preRun"].push(function () {
    Module["addRunDependency"]("fazhitong-files");
    unpacked.then(function (buffer) {
      var all = new Uint8Array(buffer), offset = 0;
      files.forEach(function (f) {
        var dir = f.path.substring(0, f.path.lastIndexOf("/")) || "/";
        Module["FS_createPath"]("/", dir.substring(1), true, true);
        Module["FS_createDataFile"](dir, f.path.substring(dir.length + 1), all.subarray(offset, offset + f.size), true, false, false);
        offset += f.size;
      });
      Module["removeRunDependency"]("fazhitong-files");
    }, fail);
  });
})();
</script>
"""


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    page, specs = sys.argv[1], sys.argv[2:]
    folder, name = os.path.dirname(os.path.abspath(page)), os.path.splitext(os.path.basename(page))[0]
    js_path, wasm_path = os.path.join(folder, name + ".js"), os.path.join(folder, name + ".wasm")
    with open(page, encoding="utf-8") as f:
        html = f.read()
    tag = re.compile(r'<script[^>]*\bsrc="%s"[^>]*>\s*</script>' % re.escape(name + ".js"))
    if len(tag.findall(html)) != 1:
        sys.exit(f"inline-usb: {page}: expected one <script src=\"{name}.js\">, found {len(tag.findall(html))}")
    with open(js_path, encoding="utf-8") as f:
        js = f.read()
    if "</script" in js.lower():
        sys.exit(f"inline-usb: {js_path} holds '</script', which would end the inline script early")
    files, body = [], b""
    for spec in specs:
        src, dest = spec.rsplit("@", 1)
        with open(src, "rb") as f:
            data = f.read()
        files.append({"path": dest, "size": len(data)})
        body += data
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    listed = json.dumps(files).replace("</", "<\\/")  # (a JS literal inside the page's <script>)

    def packed(data):
        return base64.b64encode(gzip.compress(data, 9, mtime=0)).decode("ascii")

    packed_wasm, packed_files = packed(wasm), packed(body)
    inline = LOADER % (packed_wasm, listed, packed_files) + "<script>\n" + js + "\n</script>"
    html = tag.sub(lambda m: inline, html)
    with open(page + ".new", "w", encoding="utf-8") as f:
        f.write(html)
    os.replace(page + ".new", page)
    os.remove(js_path)
    os.remove(wasm_path)
    print(f"inline-usb: {os.path.basename(page)}: {name}.js inlined; {name}.wasm, {len(wasm)} bytes -> "
          f"{len(packed_wasm)} bytes of base64 gzip; {len(files)} files, {len(body)} bytes -> {len(packed_files)}")


if __name__ == "__main__":
    main()
