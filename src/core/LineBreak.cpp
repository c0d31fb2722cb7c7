// LineBreak.cpp — see LineBreak.h.
#include "LineBreak.h"

#include <algorithm>
#include <iterator>

namespace core {

namespace {

// Sorted code points. Closing: no line may start with them (Chinese 避头点: ，。、；：？！ and
// closing brackets and quotes; ‰ ℃ % after numbers; the middle dots of foreign names; … and
// ——, which are not split from what they follow). Opening: no line may end with them.
constexpr uint32_t kClose[] = {
    0x21, 0x25, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D, 0xB0, 0xB7, 0x2014, 0x2019, 0x201D,
    0x2025, 0x2026, 0x2030, 0x2103, 0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015,
    0x3017, 0x3019, 0x301B, 0x301E, 0x301F, 0x30FB, 0xFE50, 0xFE51, 0xFE52, 0xFE54, 0xFE55, 0xFE56,
    0xFE57, 0xFF01, 0xFF05, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF60,
    0xFF61, 0xFF63, 0xFF64, 0xFF65,
};
constexpr uint32_t kOpen[] = {
    0x28, 0x5B, 0x7B, 0x2018, 0x201C, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016,
    0x3018, 0x301A, 0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,
};

bool In(const uint32_t* first, const uint32_t* last, uint32_t cp) { return std::binary_search(first, last, cp); }

}  // namespace

BreakClass ClassOf(uint32_t cp) {
    // The common cases first: Latin letters and digits, and the ideographs (U+3400-U+9FFF hold
    // no punctuation), without the searches below (this runs for every character drawn).
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) return BreakClass::Other;
    if (cp >= 0x3400 && cp <= 0x9FFF) return BreakClass::Ideograph;
    if (cp == '\n') return BreakClass::Newline;
    if (cp == ' ' || cp == '\t' || cp == '\r') return BreakClass::Space;
    if (In(std::begin(kClose), std::end(kClose), cp)) return BreakClass::Close;
    if (In(std::begin(kOpen), std::end(kOpen), cp)) return BreakClass::Open;
    if (cp == '-' || cp == '/' || cp == 0x2010 || cp == 0x2013) return BreakClass::Hyphen;
    if ((cp >= 0x2E80 && cp <= 0x9FFF) ||    // CJK radicals, symbols and punctuation, kana, ideographs
        (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7FF) ||  // hangul
        (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
        (cp >= 0xFE30 && cp <= 0xFE4F) ||    // CJK compatibility forms
        (cp >= 0xFF01 && cp <= 0xFF60) ||    // full-width forms (ＡＢＣ, １２３)
        (cp >= 0x1F000 && cp <= 0x1FAFF) ||  // emoji and pictographs
        (cp >= 0x20000 && cp <= 0x3FFFF))    // ideographs beyond the BMP (Extension B and after)
        return BreakClass::Ideograph;
    return BreakClass::Other;
}

bool CanBreakBetween(BreakClass before, BreakClass after) {
    if (after == BreakClass::Space || after == BreakClass::Close || after == BreakClass::Newline) return false;
    if (before == BreakClass::Open) return false;
    if (before == BreakClass::Space) return true;
    if (before == BreakClass::Ideograph || after == BreakClass::Ideograph) return true;
    if (before == BreakClass::Close) return after == BreakClass::Open;  // "),(" and "”“": between them
    return before == BreakClass::Hyphen && after == BreakClass::Other;
}

}  // namespace core
