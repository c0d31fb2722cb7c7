// TextNorm.cpp — UTF-8 decoding that never fails and the folding used by search.
// Depends on TextNorm.h and the generated Unihan tables.
#include "TextNorm.h"

#include <algorithm>
#include <vector>

#include "PinyinTables.h"

namespace core {

uint32_t DecodeUtf8(std::string_view text, size_t& pos) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    size_t n = text.size();
    unsigned char c = s[pos];
    if (c < 0x80) {
        ++pos;
        return c;
    }
    int len = 0;
    uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07, min = 0x10000;
    else {
        ++pos;
        return kInvalidCodepoint;
    }
    if (pos + len > n) {
        ++pos;
        return kInvalidCodepoint;
    }
    for (int i = 1; i < len; ++i) {
        unsigned char d = s[pos + i];
        if ((d & 0xC0) != 0x80) {
            ++pos;
            return kInvalidCodepoint;
        }
        cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kInvalidCodepoint;
    }
    pos += len;
    return cp;
}

void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kInvalidCodepoint;
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

namespace {
// The second of the pair whose first is cp in a table of {from, to} sorted by `from`, else cp.
template <class T>
uint32_t Mapped(const T (*table)[2], uint32_t count, uint32_t cp) {
    const T(*end)[2] = table + count;
    auto it = std::lower_bound(table, end, cp, [](const T(&p)[2], uint32_t v) { return p[0] < v; });
    return (it != end && (*it)[0] == cp) ? (*it)[1] : cp;
}

// For each word of the traditional bitsets (PinyinTables.h), how many bits are set in the words
// before it: a traditional character's pair is then one popcount away. Counted once at the first
// use rather than shipped in the tables, where it would be 1.7 KB gzip more to download.
struct TraditionalRanks {
    std::vector<uint16_t> before;
    TraditionalRanks() {
        uint32_t words = 0;
        for (uint32_t r = 0; r < unihan::kTraditionalRangeCount; ++r) words += unihan::kTraditionalRanges[r][1];
        before.resize(words);
        uint32_t count = 0;
        for (uint32_t w = 0; w < words; ++w) {
            before[w] = uint16_t(count);
            count += uint32_t(__builtin_popcountll(unihan::kTraditionalBits[w]));
        }
    }
};
const TraditionalRanks& Ranks() {
    static const TraditionalRanks r;
    return r;
}

uint32_t Simplified(uint32_t cp) {
    uint32_t word = 0;  // where range r's words start in kTraditionalBits
    for (uint32_t r = 0; r < unihan::kTraditionalRangeCount; ++r) {
        const uint32_t base = unihan::kTraditionalRanges[r][0], words = unihan::kTraditionalRanges[r][1];
        if (cp >= base && cp - base < words * 64) {
            const uint32_t w = word + ((cp - base) >> 6), bit = (cp - base) & 63;
            const uint64_t bits = unihan::kTraditionalBits[w];
            // Most characters have no simplified form: one bit test, no rank needed.
            if (!((bits >> bit) & 1)) return cp;
            const uint32_t i = Ranks().before[w] + uint32_t(__builtin_popcountll(bits & ((uint64_t(1) << bit) - 1)));
            return uint32_t(unihan::kSimplifiedLow[i]) | uint32_t(unihan::kSimplifiedMid[i]) << 8 |
                   ((uint32_t(unihan::kSimplifiedPlane[i >> 2]) >> (2 * (i & 3))) & 3) << 16;
        }
        word += words;
    }
    return cp;
}
}  // namespace

uint32_t FoldCodepoint(uint32_t cp) {
    if (cp < 0x80) {
        if (cp <= 0x20 || cp == 0x7F) return 0;
        if (cp >= 'A' && cp <= 'Z') return cp + 32;
        return cp == '~' ? '-' : cp;  // (a range mark: below)
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) return FoldCodepoint(cp - 0xFF01 + 0x21);  // full-width ASCII
    switch (cp) {
        case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
        case 0x3000: case 0xFEFF: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
        case kInvalidCodepoint:
            return 0;
        // Dashes and range marks are one: a year range is written 2021-2025, 2021—2025,
        // 2021－2025 or 2021～2025 (the bundled plans use two of them), and typed with a hyphen.
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        case 0x2E3A: case 0x2E3B: case 0xFE58: case 0xFE63: case 0x301C:
            return '-';
        default:
            break;
    }
    if (cp < 0xA0) return 0;                    // C1 controls
    if (cp >= 0x2000 && cp <= 0x200A) return 0;  // typographic spaces
    if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00))  // accented Latin: ǎ -> a, ǜ Ü -> ü, é -> e
        return Mapped(unihan::kLatinFold, unihan::kLatinFoldCount, cp);
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    if (cp >= 0xFE00 && cp <= 0xFE0F) return 0;  // variation selectors
    if (cp >= 0x3400) return Simplified(cp);
    return cp;
}

std::string FoldText(std::string_view text) {
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        uint32_t f = FoldCodepoint(DecodeUtf8(text, pos));
        AppendUtf8(out, f ? f : ' ');
    }
    return out;
}

bool IsHan(uint32_t cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool IsAsciiLetter(uint32_t cp) { return cp >= 'a' && cp <= 'z'; }

bool IsWordChar(uint32_t cp) {
    return IsAsciiLetter(cp) || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || IsHan(cp) ||
           (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7);
}

bool IsPunctuation(uint32_t cp) {
    const uint16_t(*begin)[2] = unihan::kPunctuation;
    const uint16_t(*end)[2] = unihan::kPunctuation + unihan::kPunctuationCount;
    // The first range whose last code point is at or after cp.
    auto it = std::lower_bound(begin, end, cp, [](const uint16_t(&r)[2], uint32_t v) { return r[1] < v; });
    return it != end && (*it)[0] <= cp;
}

}  // namespace core
