#!/usr/bin/env python3
# gen-unihan-tables.py — turns Unicode's Unihan data (Debian package unicode-data) into the compact
# C++ tables the search engine uses: toneless pinyin readings per character and traditional ->
# simplified folding; and, from Python's own Unicode database, the folding of accented Latin
# letters (pinyin typed with tone marks, fǎlǜ -> falü) and the punctuation ranges. Run by scripts/cmake/search.cmake at build
# time; depends on python3 only.
#
# Readings: kMandarin (the common reading) first, then kXHC1983 (the 现代汉语词典 readings), which
# gives the second readings of polyphones such as 行 xing/hang and 重 zhong/chong. kHanyuPinyin and
# kTGHZ2013 are not sources on purpose: they add rare or classical readings (行 heng) that would only
# add false pinyin matches. They confirm instead: a kXHC1983 reading that is not kMandarin's is kept
# only when one of them (where the character has either) lists it too. That leaves out the
# readings kXHC1983 gives a character for a look-alike's entry (市 fu, the reading of 巿; 已 si, of
# 巳: every f in initials matched 市, so fz found 市政) and a few rare ones (将 qiang, 说 yue).
# 104 readings in all; 行 hang, 重 chong, 长 chang, 还 huan, 乐 yue stay.
import argparse
import bz2
import re
import sys
import unicodedata

CJK_BASE = 0x3400  # CJK Extension A .. end of the URO: every character of modern legal text
CJK_END = 0xA000
SYLLABLE_WIDTH = 6  # kSyllableWidth in PinyinTables.h: zhuang, chuang, shuang


def toneless(reading):
    s = unicodedata.normalize("NFD", reading.strip().lower())
    s = s.replace("u\u0308", "v")  # ü is typed as v on every pinyin keyboard
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s if re.fullmatch(r"[a-z]+", s) else None


def latin_fold():
    """Accented Latin letter -> its base letter, lower case, keeping ü (pinyin's fifth vowel):
    tone marks (ǎ ǜ ń) and every other diacritic are dropped, from each letter's canonical
    decomposition."""
    pairs = []
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        d = unicodedata.normalize("NFD", chr(cp))
        base, marks = d[0].lower(), d[1:]
        if not marks or not ("a" <= base <= "z") or any(unicodedata.category(m) != "Mn" for m in marks):
            continue
        target = 0xFC if base == "u" and "\u0308" in marks else ord(base)
        if target != cp:
            pairs.append((cp, target))
    return pairs


def punctuation_ranges():
    """BMP code points of Unicode's punctuation categories (P*), as inclusive ranges: a query that
    matches nothing as typed is searched again with them as spaces (法律援助。 -> 法律援助). The
    apostrophe is left out: it separates pinyin syllables (xi'an)."""
    ranges = []
    for cp in range(0x20, 0x10000):
        if 0xD800 <= cp < 0xE000 or cp == 0x27 or not unicodedata.category(chr(cp)).startswith("P"):
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ranges


def pack2(values):
    """2-bit values, four a byte, the first in the lowest bits."""
    values = list(values) + [0] * (-len(values) % 4)
    return [values[i] | values[i + 1] << 2 | values[i + 2] << 4 | values[i + 3] << 6 for i in range(0, len(values), 4)]


def pack4(values):
    """4-bit values, two a byte, the first in the low bits."""
    values = list(values) + [0] * (len(values) % 2)
    return [values[i] | values[i + 1] << 4 for i in range(0, len(values), 2)]


def c_array(ctype, name, values):
    rows = [",".join(map(str, values[i:i + 64])) for i in range(0, len(values), 64)]
    return f"const {ctype} {name}[] = {{\n" + ",\n".join(rows) + "};"


def read_lines(path):
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                yield int(parts[0][2:], 16), parts[1], parts[2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--readings", required=True)
    ap.add_argument("--variants", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    readings = {}  # code point -> ordered list of toneless syllables
    order = {"kMandarin": 0, "kXHC1983": 1}
    confirming = ("kHanyuPinyin", "kTGHZ2013")
    found = {}
    confirmed = {}  # code point -> the readings kHanyuPinyin and kTGHZ2013 list
    for cp, field, value in read_lines(args.readings):
        if (field not in order and field not in confirming) or not (CJK_BASE <= cp < CJK_END):
            continue
        if field == "kMandarin":
            values = value.split()
        else:  # "0442.080:háng 0443.050:hàng" -> readings after the colon
            values = [v.split(":", 1)[1] for v in value.split() if ":" in v]
            values = [x for v in values for x in v.split(",")]
        for v in values:
            t = toneless(v)
            if not t:
                continue
            if field in confirming:
                confirmed.setdefault(cp, set()).add(t)
            else:
                found.setdefault(cp, []).append((order[field], t))
    for cp, items in found.items():
        seen = []
        for source, t in sorted(items, key=lambda x: x[0]):
            if source > 0 and cp in confirmed and t not in confirmed[cp]:
                continue  # (kXHC1983 alone)
            if t not in seen:
                seen.append(t)
        # lü, lüe, nü, nüe are typed lu, lue, nu, nue as often as lv, lve, nv, nve (a keyboard
        # without ü; falu for 法律, lushi for 律师): accept both. lu and nu are syllables of their
        # own too (路, 奴), so lu finds 律 and 路, and lv 律 only.
        for t in list(seen):
            if t in ("lv", "lve", "nv", "nve") and t.replace("v", "u") not in seen:
                seen.append(t.replace("v", "u"))
        readings[cp] = seen[:6]

    syllables = sorted({t for r in readings.values() for t in r})
    if max(map(len, syllables)) > SYLLABLE_WIDTH:
        sys.exit(f"gen-unihan-tables: a syllable is longer than {SYLLABLE_WIDTH} letters (kSyllableWidth)")
    if len(syllables) > 1 << 10:
        sys.exit("gen-unihan-tables: more than 1024 syllables no longer fit kReadingSetSyllableLow + 2 bits")
    syl_index = {s: i for i, s in enumerate(syllables)}
    sets = {(): 0}
    set_list = [()]
    char_set = [0] * (CJK_END - CJK_BASE)
    for cp, r in readings.items():
        key = tuple(syl_index[t] for t in r)
        if key not in sets:
            sets[key] = len(set_list)
            set_list.append(key)
        char_set[cp - CJK_BASE] = sets[key]
    if len(set_list) > 1 << 10:
        sys.exit("gen-unihan-tables: more than 1024 reading sets no longer fit kReadingSetLow + 2 bits of kReadingSetHigh")

    simp = {}
    for cp, field, value in read_lines(args.variants):
        if field != "kSimplifiedVariant":
            continue
        for v in value.split():
            target = int(v.split("<")[0][2:], 16)
            if target != cp:
                simp[cp] = target
                break
    pairs = sorted(simp.items())
    if len(pairs) >= 1 << 16 or any(b >= 1 << 18 for _, b in pairs):
        sys.exit("gen-unihan-tables: the simplified table no longer fits its encoding (16-bit ranks, 18-bit code points)")

    out = []
    out.append("// UnihanTables.cpp — GENERATED by scripts/gen-unihan-tables.py from Unihan_Readings.txt and")
    out.append("// Unihan_Variants.txt (unicode-data). Do not edit. Depends on PinyinTables.h.")
    out.append('#include "core/PinyinTables.h"')
    out.append("namespace core::unihan {")
    out.append(f"const uint32_t kCjkBase = 0x{CJK_BASE:X};")
    out.append(f"const uint32_t kCjkEnd = 0x{CJK_END:X};")
    out.append(f"const uint32_t kSyllableCount = {len(syllables)};")
    # Fixed-width rows rather than an array of pointers: no 4-byte pointer per syllable, and the
    # zero padding compresses to almost nothing (1.5 -> 0.9 KB gzip).
    out.append("const char kSyllables[][kSyllableWidth] = {" +
               ",".join("{" + ",".join(f"'{c}'" for c in s) + "}" for s in syllables) + "};")
    # Each set's syllables, in set order: how many (4 bits, two sets a byte) and the syllable
    # indexes as a low-byte column and a 2-bit column. Pinyin.cpp rebuilds the 16-bit offsets and
    # syllables at the first use: shipped as such they were 4.1 KB gzip instead of 2.0 KB.
    flat = [t for s in set_list for t in s]
    if max(map(len, set_list)) > 15 or len(flat) >= 1 << 16:
        sys.exit("gen-unihan-tables: the reading sets no longer fit 4-bit lengths and 16-bit offsets")
    out.append(f"const uint32_t kReadingSetCount = {len(set_list)};")
    out.append(c_array("uint8_t", "kReadingSetLengths", pack4([len(s) for s in set_list])))
    out.append(c_array("uint8_t", "kReadingSetSyllableLow", [t & 0xFF for t in flat]))
    out.append(c_array("uint8_t", "kReadingSetSyllableHigh", pack2([t >> 8 for t in flat])))
    # The set of each character in two columns, its low 8 bits and its high 2 bits (four characters
    # a byte): gzip codes a column of bytes far better than interleaved 16-bit values whose high
    # bytes are 0..3 (37.1 -> 30.1 KB gzip for these 27,648 characters). The sets keep their
    # numbering (order of first use), so ReadingSetOf returns what it always did.
    out.append(c_array("uint8_t", "kReadingSetLow", [s & 0xFF for s in char_set]))
    out.append(c_array("uint8_t", "kReadingSetHigh", pack2([s >> 8 for s in char_set])))
    # Traditional -> simplified. The traditional code points are a bitset per range (BMP, then the
    # supplementary planes), each from the 64-aligned code point below its first to its last: the
    # rank of a set bit (its index among all set bits) is the index of the pair. The simplified
    # code points are in three columns: low byte, middle byte, plane (2 bits, four a byte). As
    # sorted 32-bit pairs they were 25.3 KB gzip; the bitsets are 3.5 KB, the columns 12.1 KB.
    out.append(f"const uint32_t kSimplifiedCount = {len(pairs)};")
    ranges, words = [], []
    for group in ([a for a, _ in pairs if a < 0x10000], [a for a, _ in pairs if a >= 0x10000]):
        if not group:
            continue
        base = group[0] & ~63
        bits = [0] * ((group[-1] - base) // 64 + 1)
        for a in group:
            bits[(a - base) >> 6] |= 1 << ((a - base) & 63)
        ranges.append((base, len(bits)))
        words.extend(bits)
    out.append(f"const uint32_t kTraditionalRangeCount = {len(ranges)};")
    out.append("const uint32_t kTraditionalRanges[][2] = {" + ",".join(f"{{0x{b:X},{n}}}" for b, n in ranges) + "};")
    out.append("const uint64_t kTraditionalBits[] = {\n" +
               ",\n".join(",".join(f"0x{w:X}u" if w else "0" for w in words[i:i + 16]) for i in range(0, len(words), 16)) +
               "};")
    out.append(c_array("uint8_t", "kSimplifiedLow", [b & 0xFF for _, b in pairs]))
    out.append(c_array("uint8_t", "kSimplifiedMid", [(b >> 8) & 0xFF for _, b in pairs]))
    out.append(c_array("uint8_t", "kSimplifiedPlane", pack2([b >> 16 for _, b in pairs])))
    latin = latin_fold()
    out.append(f"const uint32_t kLatinFoldCount = {len(latin)};")
    out.append("const uint16_t kLatinFold[][2] = {" + ",".join(f"{{{a},{b}}}" for a, b in latin) + "};")
    punct = punctuation_ranges()
    out.append(f"const uint32_t kPunctuationCount = {len(punct)};")
    out.append("const uint16_t kPunctuation[][2] = {" + ",".join(f"{{{a},{b}}}" for a, b in punct) + "};")
    out.append("}  // namespace core::unihan")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"gen-unihan-tables: {len(readings)} characters with readings, {len(syllables)} syllables, "
          f"{len(set_list)} reading sets, {len(pairs)} simplified mappings, {len(latin)} accented Latin letters, {len(punct)} punctuation ranges",
          file=sys.stderr)


if __name__ == "__main__":
    main()
