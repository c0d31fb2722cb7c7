// TextNorm.h — safe UTF-8 decoding and the character folding shared by the search index and its
// queries (case, full-width Latin, accents, traditional -> simplified). Depends on PinyinTables.h (data).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

constexpr uint32_t kInvalidCodepoint = 0xFFFD;

// Decodes one code point at `pos` and advances it. Never reads past the end; any malformed,
// overlong or surrogate sequence gives kInvalidCodepoint and advances by exactly one byte, so
// every byte of any input belongs to exactly one decoded unit.
uint32_t DecodeUtf8(std::string_view text, size_t& pos);

// Appends the UTF-8 encoding of `cp` (invalid values become U+FFFD).
void AppendUtf8(std::string& out, uint32_t cp);

// The folded form search compares: ASCII and full-width Latin lower-cased to ASCII (ＡＢＣ -> abc),
// accented Latin letters to their base letter, keeping ü (pinyin's tone marks: fǎlǜ -> falü; é -> e),
// traditional characters to simplified (復 -> 复, Unihan kSimplifiedVariant), dashes and range
// marks to a hyphen (2021—2025, 2021～2025 -> 2021-2025). Returns 0 for a
// "break": whitespace, control characters, U+FFFD and other code points that never take part in
// a match; a query is split into terms at breaks and a match never spans one.
uint32_t FoldCodepoint(uint32_t cp);

// Folds a whole string (for tests and tools): breaks become one ASCII space.
std::string FoldText(std::string_view text);

bool IsHan(uint32_t cp);          // a CJK ideograph (any block)
bool IsAsciiLetter(uint32_t cp);  // after folding: a-z
bool IsWordChar(uint32_t cp);     // letters, digits, ideographs: a run of these is a "word" edge test
bool IsPunctuation(uint32_t cp);  // Unicode's punctuation (P*: 。，、《》“” ! ? ...), but not ' (xi'an)

}  // namespace core
