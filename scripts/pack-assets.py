#!/usr/bin/env python3
"""pack-assets.py — packs the app's files (data, UI strings, font) into one gzip-compressed blob
inside a JavaScript file for the one-file USB build (emcc --extern-pre-js). Before the app
starts, the page inflates it with the browser's DecompressionStream and writes the files into
the in-memory file system. Base64 of gzip is about 45% of base64 of the raw files, which keeps
the USB file small as the data grows; nothing is fetched, so it works from file://.

usage: pack-assets.py --out pack.js SRC@DEST [SRC@DEST ...]   (SRC a file or a folder)
"""
import argparse
import base64
import gzip
import json
import os
import struct

LOADER = r"""
var Module = typeof Module != "undefined" ? Module : {};
(function () {
  var packed = "%s";
  Module["preRun"] = Module["preRun"] || [];
  Module["preRun"].push(function () {
    Module["addRunDependency"]("fazhitong-pack");
    var raw = atob(packed), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    new Response(stream).arrayBuffer().then(function (buffer) {
      var all = new Uint8Array(buffer);
      var headerLength = new DataView(buffer).getUint32(0, true);
      var files = JSON.parse(new TextDecoder().decode(all.subarray(4, 4 + headerLength)));
      var offset = 4 + headerLength;
      files.forEach(function (f) {
        var dir = f.path.substring(0, f.path.lastIndexOf("/")) || "/";
        Module["FS_createPath"]("/", dir.substring(1), true, true);
        Module["FS_createDataFile"](dir, f.path.substring(dir.length + 1), all.subarray(offset, offset + f.size), true, false, false);
        offset += f.size;
      });
      Module["removeRunDependency"]("fazhitong-pack");
    }, function (e) {
      if (Module["onAbort"]) Module["onAbort"]("cannot unpack the bundled data: " + e);
    });
  });
})();
"""


def collect(spec, exclude_ext):
    src, dest = spec.rsplit("@", 1)
    out = []
    if os.path.isdir(src):
        for root, dirs, names in os.walk(src):
            dirs.sort()
            for name in sorted(names):
                if os.path.splitext(name)[1] in exclude_ext:
                    continue
                full = os.path.join(root, name)
                rel = os.path.relpath(full, src).replace(os.sep, "/")
                out.append((full, dest.rstrip("/") + "/" + rel))
    else:
        out.append((src, dest))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--exclude-ext", default=".md")
    ap.add_argument("specs", nargs="+")
    args = ap.parse_args()
    files = [f for spec in args.specs for f in collect(spec, set(args.exclude_ext.split(",")))]
    header, body = [], b""
    for src, dest in files:
        with open(src, "rb") as fh:
            data = fh.read()
        header.append({"path": dest, "size": len(data)})
        body += data
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    blob = struct.pack("<I", len(head)) + head + body
    packed = base64.b64encode(gzip.compress(blob, 9, mtime=0)).decode("ascii")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="ascii") as fh:
        fh.write(LOADER % packed)
    print(f"pack-assets: {len(files)} files, {len(blob)} bytes -> {len(packed)} bytes of base64 gzip")


if __name__ == "__main__":
    main()
