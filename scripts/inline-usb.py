#!/usr/bin/env python3
"""inline-usb.py — makes the linked USB build one file that works from file:// with nothing beside
it. The page's <script src="NAME.js"> becomes the script itself, and the app's files (the data
pack with the UI strings, the font) and its module NAME.wasm travel together as one gzip-compressed
blob inside the page (base64). A small script before the app's inflates it with the browser's
DecompressionStream as the page loads: the module goes to WebAssembly through
Module.instantiateWasm, the files into the in-memory file system before main() (Module.preRun).
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
import struct
import sys

LOADER = r"""<script>
(function () {
  var packed = "%s";
  var raw = atob(packed), bytes = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  packed = raw = null;
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  // {all: the bytes, header: {files: [{path, size}], wasm: size}, at: where the files start}
  var unpacked = new Response(stream).arrayBuffer().then(function (buffer) {
    var all = new Uint8Array(buffer), headerLength = new DataView(buffer).getUint32(0, true);
    var header = JSON.parse(new TextDecoder().decode(all.subarray(4, 4 + headerLength)));
    return { all: all, header: header, at: 4 + headerLength };
  });
  function fail(e) {
    if (Module["onAbort"]) Module["onAbort"]("cannot unpack the app: " + e);
  }
  Module["instantiateWasm"] = function (imports, receive) {
    unpacked.then(function (u) {
      var offset = u.at;
      u.header.files.forEach(function (f) { offset += f.size; });
      return WebAssembly.instantiate(u.all.subarray(offset, offset + u.header.wasm), imports);
    }).then(function (result) {
      receive(result.instance, result.module);
    }, fail);
    return {};
  };
  Module["preRun"] = Module["preRun"] || [];
  Module["preRun"].push(function () {
    Module["addRunDependency"]("fazhitong-files");
    unpacked.then(function (u) {
      var offset = u.at;
      u.header.files.forEach(function (f) {
        var dir = f.path.substring(0, f.path.lastIndexOf("/")) || "/";
        Module["FS_createPath"]("/", dir.substring(1), true, true);
        Module["FS_createDataFile"](dir, f.path.substring(dir.length + 1), u.all.subarray(offset, offset + f.size), true, false, false);
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
    head = json.dumps({"files": files, "wasm": len(wasm)}, ensure_ascii=False).encode("utf-8")
    blob = struct.pack("<I", len(head)) + head + body + wasm
    packed = base64.b64encode(gzip.compress(blob, 9, mtime=0)).decode("ascii")
    inline = LOADER % packed + "<script>\n" + js + "\n</script>"
    html = tag.sub(lambda m: inline, html)
    with open(page + ".new", "w", encoding="utf-8") as f:
        f.write(html)
    os.replace(page + ".new", page)
    os.remove(js_path)
    os.remove(wasm_path)
    print(f"inline-usb: {os.path.basename(page)}: {name}.js inlined; {len(files)} files and {name}.wasm, "
          f"{len(blob)} bytes -> {len(packed)} bytes of base64 gzip")


if __name__ == "__main__":
    main()
