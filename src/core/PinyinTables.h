// PinyinTables.h — declarations of the tables generated at build time from Unihan (and Python's
// Unicode database, for accented Latin) by
// scripts/gen-unihan-tables.py (see scripts/cmake/search.cmake). Depends on nothing.
//
// The tables are encoded for a small download (they are a large part of the wasm) while every
// lookup stays O(1) or a short binary search: columns of bytes rather than interleaved wide
// values (gzip codes a column of similar bytes far better), bitsets rather than sorted keys.
#pragma once
#include <cstdint>

namespace core::unihan {
extern const uint32_t kCjkBase;  // readings cover [kCjkBase, kCjkEnd): Ext A and the URO
extern const uint32_t kCjkEnd;

// Toneless syllables, ü written v, sorted; syllable i is row i, zero-padded (no terminator when it
// fills the row). The generator checks that the longest (zhuang) fits.
constexpr uint32_t kSyllableWidth = 6;
extern const uint32_t kSyllableCount;
extern const char kSyllables[][kSyllableWidth];

// The reading sets (set 0 is empty): set i has (kReadingSetLengths[i / 2] >> 4 * (i % 2)) & 15
// syllables, which follow those of set i - 1 in the syllable columns: indexes into kSyllables, the
// common reading first, as a low byte (kReadingSetSyllableLow) and 2 high bits four a byte
// (kReadingSetSyllableHigh, syllable j at bits 2 * (j % 4)).
extern const uint32_t kReadingSetCount;
extern const uint8_t kReadingSetLengths[];
extern const uint8_t kReadingSetSyllableLow[];
extern const uint8_t kReadingSetSyllableHigh[];
// Code point - kCjkBase -> its reading set (0 = no reading), in two columns: the low 8 bits, and
// the high 2 bits four characters a byte (character i at bits 2 * (i % 4)).
extern const uint8_t kReadingSetLow[];
extern const uint8_t kReadingSetHigh[];

// Traditional -> simplified (kSimplifiedVariant): kSimplifiedCount pairs, sorted by the
// traditional code point. The traditional code points are bitsets over kTraditionalRangeCount
// ranges {first code point (a multiple of 64), 64-bit words}, whose words follow each other in
// kTraditionalBits; pair i is the i-th set bit overall. The simplified code point of pair i is
// kSimplifiedLow[i] | kSimplifiedMid[i] << 8 | plane << 16, the plane (0..3) 2 bits of
// kSimplifiedPlane four pairs a byte (pair i at bits 2 * (i % 4)).
extern const uint32_t kSimplifiedCount;
extern const uint32_t kTraditionalRangeCount;
extern const uint32_t kTraditionalRanges[][2];
extern const uint64_t kTraditionalBits[];
extern const uint8_t kSimplifiedLow[];
extern const uint8_t kSimplifiedMid[];
extern const uint8_t kSimplifiedPlane[];

extern const uint32_t kLatinFoldCount;
extern const uint16_t kLatinFold[][2];  // {accented Latin letter, base letter or ü}, sorted by the first
extern const uint32_t kPunctuationCount;
extern const uint16_t kPunctuation[][2];  // {first, last}: BMP punctuation (Unicode P*, not '), sorted
}  // namespace core::unihan
