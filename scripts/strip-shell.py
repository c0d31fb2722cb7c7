#!/usr/bin/env python3
"""strip-shell.py — the page shell (site/shell.html) without its comments, for the web builds.

The shell's comments explain it to its readers in the repository; a visitor's browser needs none
of them (about 1 KB of the website's first visit, gzip). Removed: HTML comments, CSS comments
inside <style>, and JavaScript lines that are only a // comment inside <script> (not a // after
code on its line, which may be part of a string or a URL). Emscripten's -sMINIFY_HTML=1 would
need html-minifier-terser from npm at link time for this.

usage: scripts/strip-shell.py IN.html OUT.html
"""
import re
import sys


def strip(html: str) -> str:
    html = re.sub(r"<!--.*?-->\n?", "", html, flags=re.S)

    def style(m: "re.Match[str]") -> str:
        css = re.sub(r"/\*.*?\*/", "", m.group(0), flags=re.S)
        return re.sub(r"(?m)^[ \t]+$\n", "", re.sub(r"(?m)[ \t]+$", "", css))

    def script(m: "re.Match[str]") -> str:
        return re.sub(r"(?m)^[ \t]*//[^\n]*\n", "", m.group(0))

    html = re.sub(r"<style\b.*?</style>", style, html, flags=re.S)
    html = re.sub(r"<script\b.*?</script>", script, html, flags=re.S)
    return html


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    out = strip(text)
    if "{{{ SCRIPT }}}" in text and "{{{ SCRIPT }}}" not in out:
        sys.exit(f"strip-shell: {sys.argv[1]}: the {{{{{{ SCRIPT }}}}}} placeholder was inside a comment")
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(out)


if __name__ == "__main__":
    main()
