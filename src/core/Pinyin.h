// Pinyin.h — toneless pinyin readings of Chinese characters (from Unihan, generated at build time)
// and the segmentation of typed Latin letters into syllables, initials and a final prefix.
// Depends on PinyinTables.h (data) only.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// A run of syllables in the sorted syllable list: [first, last). A full syllable is a run of one;
// an initial (f, zh) or a prefix still being typed (zho) is every syllable that starts with it.
struct SyllableRange {
    uint16_t first = 0;
    uint16_t last = 0;
    bool operator==(const SyllableRange& o) const { return first == o.first && last == o.last; }
};

// Index of a reading set: characters with the same readings share one (0 = no reading).
uint16_t ReadingSetOf(uint32_t cp);
// The syllables of a reading set, the common reading first.
const uint16_t* ReadingSetBegin(uint16_t set);
const uint16_t* ReadingSetEnd(uint16_t set);
bool ReadingSetMatches(uint16_t set, SyllableRange range);

size_t SyllableCount();
std::string_view SyllableName(uint16_t syllable);
// Every syllable that starts with `prefix` (empty range when none does).
SyllableRange SyllablesWithPrefix(std::string_view prefix);
// The one syllable spelled exactly `name`, as a range of one (empty range when none is).
SyllableRange SyllableExactly(std::string_view name);

// Splits typed letters into syllable ranges. `groups` are the runs between explicit separators
// (space, apostrophe: xi'an); within a run every segment is a full syllable or an initial
// (b..z, zh, ch, sh), and the very last segment may be any prefix (the user is still typing),
// unless the groups end with an empty one: letters typed up to an apostrophe (xi') end in a whole
// syllable or an initial, as an input method reads them (xi, not xing).
// Only the parses with the fewest segments are kept (xian -> xian, not xi|an), at most
// `max_parses` of them, in a deterministic order. No parse -> empty.
std::vector<std::vector<SyllableRange>> SegmentPinyin(const std::vector<std::string>& groups,
                                                      size_t max_parses = 8);

// What a range's syllables have in common at their start: the letters typed for it (zu for zu,
// zuan, zui...; a full syllable's own name). Empty for an empty range.
std::string_view RangePrefix(SyllableRange range);

// The syllables that sound alike to many speakers (模糊音, as Chinese input methods offer it):
// z/zh, c/ch, s/sh and n/l initials, an/ang, en/eng and in/ing finals. For a full syllable (a
// range of one), every such variant that is a syllable (zu: zhu; xin: xing; lv: nv; zen: zheng,
// zhen, zeng); for a prefix still being typed or an initial, the prefixes with the initial
// swapped (zu...: zhu...). `range` itself first; each range once.
std::vector<SyllableRange> FuzzySyllables(SyllableRange range);

// The common reading of character `cp` (folded first: 復 reads as 复), empty when it has none.
std::string_view CommonReading(uint32_t cp);

// The common reading of every character, space separated (法律援助 -> "fa lv yuan zhu"); characters
// without a reading are copied. For tools and tests.
std::string ToPinyin(std::string_view text);

}  // namespace core
