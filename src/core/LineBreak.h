// LineBreak.h — where text breaks into lines, as Chinese is set: between any two Chinese
// characters, but never before closing punctuation (，。、；：？！”）》…) nor after opening
// punctuation (“（《), so no line starts with a comma or ends with an opening quote; Latin and
// digits only at spaces and after a hyphen or slash, and inside a word only when the word alone
// is wider than the line. Dear ImGui's own wrapping breaks only at spaces and ASCII punctuation,
// which left Chinese paragraphs ragged (a line ended at the last ASCII comma) and let 〕 start a
// line. A simplified subset of Unicode's line breaking (UAX #14) for the text this app shows.
// Depends on TextNorm.h (UTF-8 decoding). No ImGui.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace core {

// One line: text[begin, end). `end` leaves out the spaces the line ends in and the newline.
struct LineSpan {
    size_t begin = 0, end = 0;
    bool operator==(const LineSpan& o) const { return begin == o.begin && end == o.end; }
};

// The lines of `text` at most `width` wide, where advance(cp) is a code point's width (a line
// wider than `width` only where one character alone is). '\n' ends a line. Empty text gives no
// line. Every byte of `text` is in a line or in the spaces and newlines between lines; invalid
// UTF-8 is measured as U+FFFD, one byte a character. With `max_lines` > 0 it stops after
// max_lines + 1 lines (enough to tell that the text was cut: a two-line snippet of a long text).
template <typename Advance>
std::vector<LineSpan> BreakLines(std::string_view text, float width, Advance advance, size_t max_lines = 0);

// How a code point takes part in breaking (exposed for the tests).
enum class BreakClass : uint8_t {
    Ideograph,  // Chinese, kana, hangul, full-width forms, emoji: a break before and after
    Open,       // opening brackets and quotes: no break after
    Close,      // closing brackets, quotes and punctuation: no break before
    Space,      // a break after; spaces at a line's end hang (take no room)
    Newline,
    Hyphen,     // - / : a break after, before Latin
    Other,      // letters, digits, the rest: no break inside a run of them
};
BreakClass ClassOf(uint32_t cp);
// Whether a line may break between a character of class `before` and one of class `after`.
bool CanBreakBetween(BreakClass before, BreakClass after);

}  // namespace core

#include "TextNorm.h"

template <typename Advance>
std::vector<core::LineSpan> core::BreakLines(std::string_view text, float width, Advance advance, size_t max_lines) {
    std::vector<LineSpan> lines;
    size_t begin = 0;       // the current line's first byte
    size_t chance = 0;      // the last place it may break (<= begin: none yet)
    float x = 0;            // width of text[begin, here), spaces included
    float x_at_chance = 0;  // width of text[begin, chance)
    BreakClass prev = BreakClass::Newline;
    auto enough = [&] { return max_lines > 0 && lines.size() > max_lines; };
    auto end_line = [&](size_t end, size_t next) {  // the spaces it ends in hang: left out
        while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) --end;
        lines.push_back({begin, end});
        begin = chance = next;
    };
    for (size_t i = 0; i < text.size() && !enough();) {
        const size_t at = i;
        const uint32_t cp = DecodeUtf8(text, i);
        const BreakClass cls = ClassOf(cp);
        if (cls == BreakClass::Newline) {
            end_line(at, i);
            x = 0;
            prev = cls;
            continue;
        }
        if (at > begin && CanBreakBetween(prev, cls)) chance = at, x_at_chance = x;
        const float a = advance(cp);
        while (cls != BreakClass::Space && x + a > width && at > begin) {
            if (chance > begin) {  // at the last chance; what follows it starts the next line
                x -= x_at_chance;
                end_line(chance, chance);
            } else {  // one word wider than the line: cut it here
                x = 0;
                end_line(at, at);
            }
        }
        x += a;
        prev = cls;
    }
    if (begin < text.size() && !enough()) end_line(text.size(), text.size());
    return lines;
}
