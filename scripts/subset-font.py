#!/usr/bin/env python3
"""subset-font.py — subsets Noto Sans CJK SC to the characters Fazhitong can show.

Collects every character from the given JSON files (all string values and keys, but the `from`
terms of synonyms.json's rules, which are only ever typed) and source files (string literals),
adds ASCII and CJK punctuation, runs fontTools' subsetter (pyftsubset), and fails if any
collected character is missing from the result — a missing glyph renders as '?'.
The subset is then converted from CFF (cubic) to TrueType (quadratic, glyf) outlines with
fontTools' cu2qu, and tables the app never reads (GSUB, GPOS, vertical metrics) are dropped:
Dear ImGui's stb_truetype rasterises glyf outlines about a third faster than CFF charstrings,
which is most of the font atlas time at start-up, and the file is smaller once compressed.
"""
import argparse
import json
import os
import re
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# Always in the subset, whatever the data holds: ASCII, the CJK punctuation Chinese text is set
# with (U+3000-301F but the postal and JIS marks 〄〒〓) and its full-width forms of ASCII
# punctuation (！＂...～, not the full-width letters and digits: text written with those has
# them in the data, and typed ones are drawn by the typed-glyph path), a few symbols, and □.
# The full-width letters and digits and U+3020-303F (Hangzhou numerals, tone marks) cost 6.4 KB
# gzip of the first visit for glyphs no string of the app held (2026-12-04).
ALWAYS = [chr(c) for c in range(0x20, 0x7F)] + \
    [chr(c) for c in range(0x3000, 0x3020) if c not in (0x3004, 0x3012, 0x3013)] + \
    [chr(c) for c in range(0xFF01, 0xFF5F) if not chr(c).isalnum()] + list("·—–…‘’“”•→←↑↓×÷°℃✓") + \
    ["\u25A1"]  # □: what the app shows for a character no font has (App.cpp, kNoGlyph)


def strings_of(value, out):
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            out.append(k)
            strings_of(v, out)
    elif isinstance(value, list):
        for v in value:
            strings_of(v, out)


def without_typed_terms(synonyms):
    """synonyms.json without its rules' `from` terms: the app shows a rule's `to` terms (the
    synonyms searched too) but never draws a `from` term itself; it is only ever typed, pasted or
    in a link, and typed characters the subset lacks are drawn from the system's fonts
    (App::NoteTypedGlyphs). A citizen's words (网购, 赡养) would otherwise cost the first visit a
    glyph each."""
    out = dict(synonyms)
    rules = synonyms.get("rules")
    if isinstance(rules, list):
        out["rules"] = [{k: v for k, v in r.items() if k != "from"} if isinstance(r, dict) else r for r in rules]
    return out


def collect(paths):
    chars = {}  # char -> first file it came from
    for path in paths:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
        found = []
        if path.endswith(".json"):
            try:
                value = json.loads(text)
                if os.path.basename(path) == "synonyms.json" and isinstance(value, dict):
                    value = without_typed_terms(value)
                strings_of(value, found)
            except ValueError:
                found.append(text)  # a broken file is reported by the loader; still cover its text
        else:
            found.extend(re.findall(r'"((?:[^"\\\n]|\\.)*)"', text))
        for s in found:
            for ch in s:
                if ord(ch) >= 0x20 and ch not in chars:
                    chars[ch] = path
    for ch in ALWAYS:
        chars.setdefault(ch, "(always included)")
    return chars


def to_truetype(path, max_err):
    """Rewrites the OpenType-CFF font at `path` as TrueType (glyf/loca) in place."""
    font = TTFont(path)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # max_err in font units (1000 an em): 3 units are 0.05 px of the 18 px body text and 0.26 px
        # of the 29 px headings on a 3x phone screen, invisible (text drawn at 87 px from both, side
        # by side, differs in a few edge pixels); 9 KB less gzip than 1 unit at 2 units, 4.5 KB
        # less again at 3 (the twenty-fifth session's search needed 3 KB of the 600 KB budget).
        glyphs[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    for tag in ("CFF ", "VORG", "GSUB", "GPOS", "vhea", "vmtx"):
        if tag in font:
            del font[tag]
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names
    font.sfntVersion = "\0\1\0\0"
    font.save(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ttc", required=True)
    ap.add_argument("--font-number", type=int, default=2)  # Noto Sans CJK SC in the collection
    ap.add_argument("--out", required=True)
    ap.add_argument("--chars-out", required=True)
    ap.add_argument("inputs", nargs="*")
    args = ap.parse_args()

    chars = collect(args.inputs)
    text = "".join(sorted(chars))
    with open(args.chars_out, "w", encoding="utf-8") as f:
        f.write(text)

    options = subset.Options()
    options.font_number = args.font_number
    options.layout_features = []
    options.hinting = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    font = subset.load_font(args.ttc, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    subset.save_font(font, args.out, options)
    to_truetype(args.out, 3.0)

    cmap = TTFont(args.out).getBestCmap()
    missing = [(ch, src) for ch, src in sorted(chars.items())
               if ord(ch) not in cmap and not ch.isspace() and ord(ch) not in (0xFEFF, 0x200B)]
    if missing:
        for ch, src in missing[:50]:
            print(f"subset-font: error: U+{ord(ch):04X} '{ch}' (from {src}) has no glyph in Noto Sans CJK SC",
                  file=sys.stderr)
        print(f"subset-font: {len(missing)} shown character(s) cannot be rendered", file=sys.stderr)
        sys.exit(1)
    print(f"subset-font: {len(chars)} characters, {len(cmap)} glyphs mapped")


if __name__ == "__main__":
    main()
