#!/usr/bin/env python3
"""strip-shell.py — the page shell (site/shell.html) without its comments, for the web builds.

The shell's comments explain it to its readers in the repository; a visitor's browser needs none
of them (about 1 KB of the website's first visit, gzip). Removed: HTML comments, CSS comments
inside <style>, and JavaScript lines that are only a // comment inside <script> (not a // after
code on its line, which may be part of a string or a URL). Emscripten's -sMINIFY_HTML=1 would
need html-minifier-terser from npm at link time for this.

With --preload FILE,FILE... the page's <head> also asks for those files at once (<link
rel="preload">: the website's module and data, which Emscripten's script would otherwise request
only once it has been downloaded and run, a round trip later).

usage: scripts/strip-shell.py [--preload FILE,FILE...] IN.html OUT.html
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


def preload(html: str, files: list) -> str:
    # as="fetch" with crossorigin: the request a same-origin fetch() or XMLHttpRequest makes
    # (CORS mode, same-origin credentials), so the browser hands them the preloaded response.
    links = "".join(f'<link rel="preload" href="{f}" as="fetch" crossorigin>\n' for f in files)
    if html.count("</head>") != 1:
        sys.exit("strip-shell: the shell needs one </head> for --preload")
    return html.replace("</head>", links + "</head>")


def main() -> None:
    args = sys.argv[1:]
    files = []
    if len(args) == 4 and args[0] == "--preload":
        files = [f for f in args[1].split(",") if f]
        args = args[2:]
    if len(args) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    with open(args[0], encoding="utf-8") as f:
        text = f.read()
    out = strip(text)
    if "{{{ SCRIPT }}}" in text and "{{{ SCRIPT }}}" not in out:
        sys.exit(f"strip-shell: {args[0]}: the {{{{{{ SCRIPT }}}}}} placeholder was inside a comment")
    if files:
        out = preload(out, files)
    with open(args[1], "w", encoding="utf-8") as f:
        f.write(out)


if __name__ == "__main__":
    main()
