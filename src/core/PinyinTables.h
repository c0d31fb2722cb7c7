// PinyinTables.h — declarations of the tables generated at build time from Unihan (and Python's
// Unicode database, for accented Latin) by
// scripts/gen-unihan-tables.py (see scripts/cmake/search.cmake). Depends on nothing.
#pragma once
#include <cstdint>

namespace core::unihan {
extern const uint32_t kCjkBase;  // readings cover [kCjkBase, kCjkEnd): Ext A and the URO
extern const uint32_t kCjkEnd;
extern const uint32_t kSyllableCount;
extern const char* const kSyllables[];  // toneless, ü written v, sorted
extern const uint32_t kReadingSetCount;
extern const uint16_t kReadingSetOffsets[];    // set i = kReadingSetSyllables[off[i] .. off[i+1])
extern const uint16_t kReadingSetSyllables[];  // indexes into kSyllables, common reading first
extern const uint16_t kReadingSetOfChar[];     // code point - kCjkBase -> set (0 = no reading)
extern const uint32_t kSimplifiedCount;
extern const uint32_t kSimplified[][2];  // {traditional, simplified}, sorted by the first
extern const uint32_t kLatinFoldCount;
extern const uint16_t kLatinFold[][2];  // {accented Latin letter, base letter or ü}, sorted by the first
extern const uint32_t kPunctuationCount;
extern const uint16_t kPunctuation[][2];  // {first, last}: BMP punctuation (Unicode P*, not '), sorted
}  // namespace core::unihan
