#!/usr/bin/env python3
"""sizes.py — reports the size of what a visitor downloads (raw and gzip -9) for the website and
the USB file, and checks the budgets: website first visit <= 600 KB gzip in all, USB file <= 1.5 MB.

usage: sizes.py [--web DIR] [--usb FILE] [--check] [--json OUT]
"""
import argparse
import gzip
import json
import os
import sys

WEB_FILES = ["index.html", "index.js", "index.wasm", "index.data", "sw.js", "manifest.webmanifest", "icon.svg"]
WEB_BUDGET_GZ = 600 * 1024
USB_BUDGET_RAW = int(1.5 * 1024 * 1024)


def measure(path):
    with open(path, "rb") as f:
        data = f.read()
    return len(data), len(gzip.compress(data, 9, mtime=0))


def kb(n):
    return f"{n / 1024:8.1f} KB"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--web")
    ap.add_argument("--usb")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    report, failures = {}, []
    print(f"{'file':<34}{'raw':>12}{'gzip':>12}")
    if args.web and os.path.isdir(args.web):
        total_raw = total_gz = 0
        for name in WEB_FILES:
            p = os.path.join(args.web, name)
            if not os.path.exists(p):
                continue
            raw, gz = measure(p)
            total_raw += raw
            total_gz += gz
            report["web/" + name] = {"raw": raw, "gzip": gz}
            print(f"{'web/' + name:<34}{kb(raw)}{kb(gz)}")
        report["web/total"] = {"raw": total_raw, "gzip": total_gz}
        print(f"{'web first visit (all files)':<34}{kb(total_raw)}{kb(total_gz)}   budget {WEB_BUDGET_GZ // 1024} KB gzip")
        if total_gz > WEB_BUDGET_GZ:
            failures.append(f"website first visit is {total_gz / 1024:.1f} KB gzip, over the {WEB_BUDGET_GZ // 1024} KB budget")
    if args.usb and os.path.exists(args.usb):
        raw, gz = measure(args.usb)
        report["usb/fazhitong.html"] = {"raw": raw, "gzip": gz}
        print(f"{'usb/fazhitong.html':<34}{kb(raw)}{kb(gz)}   budget {USB_BUDGET_RAW / 1024 / 1024:.1f} MB raw")
        if raw > USB_BUDGET_RAW:
            failures.append(f"USB file is {raw / 1024 / 1024:.2f} MB, over the 1.5 MB budget")
    if args.json:
        os.makedirs(os.path.dirname(args.json) or ".", exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2, sort_keys=True)
    for msg in failures:
        print(f"sizes: over budget: {msg}", file=sys.stderr)
    if args.check and failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
