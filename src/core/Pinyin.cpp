// Pinyin.cpp — reading lookup over the generated Unihan tables and pinyin segmentation by dynamic
// programming. Depends on Pinyin.h, TextNorm.h and PinyinTables.h.
#include "Pinyin.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <vector>

#include "PinyinTables.h"
#include "TextNorm.h"

namespace core {

namespace {
// A row of the syllable table: zero-padded, unterminated when the syllable fills it.
using SyllableRow = char[unihan::kSyllableWidth];
std::string_view RowName(const SyllableRow& row) {
    size_t n = 0;
    while (n < unihan::kSyllableWidth && row[n]) ++n;
    return {row, n};
}

// Value i of a column of 2-bit values packed four a byte (PinyinTables.h).
uint32_t TwoBits(const uint8_t* column, uint32_t i) { return (column[i >> 2] >> (2 * (i & 3))) & 3u; }

// The reading sets as ReadingSetBegin/End hand them out, 16-bit syllable indexes with an offset
// per set, decoded once from the columns the tables ship them in (PinyinTables.h).
struct ReadingSets {
    std::vector<uint16_t> offsets;    // set i = syllables[offsets[i] .. offsets[i + 1])
    std::vector<uint16_t> syllables;
    ReadingSets() {
        offsets.reserve(unihan::kReadingSetCount + 1);
        for (uint32_t set = 0; set < unihan::kReadingSetCount; ++set) {
            offsets.push_back(uint16_t(syllables.size()));
            const uint32_t n = (unihan::kReadingSetLengths[set >> 1] >> (4 * (set & 1))) & 15u;
            for (uint32_t k = 0; k < n; ++k) {
                const uint32_t j = uint32_t(syllables.size());
                syllables.push_back(uint16_t(unihan::kReadingSetSyllableLow[j] | TwoBits(unihan::kReadingSetSyllableHigh, j) << 8));
            }
        }
        offsets.push_back(uint16_t(syllables.size()));
    }
};
const ReadingSets& Sets() {
    static const ReadingSets sets;
    return sets;
}
}  // namespace

uint16_t ReadingSetOf(uint32_t cp) {
    if (cp < unihan::kCjkBase || cp >= unihan::kCjkEnd) return 0;
    // The low 8 bits in one column, the high 2 bits in another (PinyinTables.h).
    const uint32_t i = cp - unihan::kCjkBase;
    return uint16_t(unihan::kReadingSetLow[i] | TwoBits(unihan::kReadingSetHigh, i) << 8);
}

const uint16_t* ReadingSetBegin(uint16_t set) {
    const ReadingSets& sets = Sets();
    if (set >= unihan::kReadingSetCount) set = 0;
    return sets.syllables.data() + sets.offsets[set];
}

const uint16_t* ReadingSetEnd(uint16_t set) {
    const ReadingSets& sets = Sets();
    if (set >= unihan::kReadingSetCount) set = 0;
    return sets.syllables.data() + sets.offsets[set + 1];
}

bool ReadingSetMatches(uint16_t set, SyllableRange range) {
    // Run for every character of the alphabet per syllable of a query: one first-use check.
    const ReadingSets& sets = Sets();
    if (set >= unihan::kReadingSetCount) set = 0;
    for (uint32_t k = sets.offsets[set], end = sets.offsets[set + 1]; k != end; ++k)
        if (sets.syllables[k] >= range.first && sets.syllables[k] < range.last) return true;
    return false;
}

size_t SyllableCount() { return unihan::kSyllableCount; }

std::string_view SyllableName(uint16_t syllable) {
    return syllable < unihan::kSyllableCount ? RowName(unihan::kSyllables[syllable]) : std::string_view();
}

SyllableRange SyllablesWithPrefix(std::string_view prefix) {
    const SyllableRow* begin = unihan::kSyllables;
    const SyllableRow* end = unihan::kSyllables + unihan::kSyllableCount;
    auto lo = std::lower_bound(begin, end, prefix, [](const SyllableRow& s, std::string_view p) { return RowName(s) < p; });
    auto hi = lo;
    while (hi != end && RowName(*hi).substr(0, prefix.size()) == prefix) ++hi;
    return {uint16_t(lo - begin), uint16_t(hi - begin)};
}

SyllableRange SyllableExactly(std::string_view name) {
    SyllableRange r = SyllablesWithPrefix(name);
    if (r.first < r.last && SyllableName(r.first) == name) return {r.first, uint16_t(r.first + 1)};
    return {0, 0};
}

namespace {
bool IsInitial(std::string_view s) {
    if (s == "zh" || s == "ch" || s == "sh") return true;
    return s.size() == 1 && std::strchr("bpmfdtnlgkhjqxzcsryw", s[0]) != nullptr;
}

struct Piece {
    size_t end;  // position after the segment in the joined letters
    SyllableRange range;
};
}  // namespace

std::vector<std::vector<SyllableRange>> SegmentPinyin(const std::vector<std::string>& groups, size_t max_parses) {
    std::vector<std::vector<SyllableRange>> out;
    std::string letters;
    std::vector<size_t> group_end_at;  // for each letter: where its group ends
    for (const std::string& g : groups) {
        for (char c : g)
            if (c < 'a' || c > 'z') return out;
        letters += g;
        group_end_at.insert(group_end_at.end(), g.size(), letters.size());
    }
    size_t n = letters.size();
    if (n == 0 || n > 64) return out;  // longer than any sensible pinyin phrase
    const bool open = !groups.back().empty();  // the last syllable may be a prefix
    std::vector<std::vector<Piece>> pieces(n + 1);
    for (size_t i = 0; i < n; ++i) {
        size_t group_end = group_end_at[i];
        for (size_t len = 1; i + len <= group_end && len <= 6; ++len) {
            std::string_view s(letters.data() + i, len);
            SyllableRange prefix = SyllablesWithPrefix(s);
            if (prefix.first == prefix.last) break;  // nothing starts with this, nothing longer will
            SyllableRange exact = SyllableExactly(s);
            if ((i + len == n && open) || IsInitial(s)) pieces[i].push_back({i + len, prefix});
            else if (exact.first != exact.last) pieces[i].push_back({i + len, exact});
        }
    }
    // Fewest segments from each position to the end; a segment may not cross a group boundary,
    // and a group boundary must be a segment boundary.
    const size_t kNone = size_t(-1);
    std::vector<size_t> best(n + 1, kNone);
    best[n] = 0;
    for (size_t i = n; i-- > 0;)
        for (const Piece& p : pieces[i])
            if (best[p.end] != kNone) best[i] = std::min(best[i], best[p.end] + 1);
    if (best[0] == kNone) return out;
    std::vector<SyllableRange> path;
    std::function<void(size_t)> walk = [&](size_t i) {
        if (out.size() >= max_parses) return;
        if (i == n) {
            out.push_back(path);
            return;
        }
        for (const Piece& p : pieces[i]) {
            if (best[p.end] == kNone || best[p.end] + 1 != best[i]) continue;
            path.push_back(p.range);
            walk(p.end);
            path.pop_back();
        }
    };
    walk(0);
    return out;
}

std::string_view RangePrefix(SyllableRange range) {
    if (range.first >= range.last || range.last > unihan::kSyllableCount) return {};
    std::string_view name = SyllableName(range.first);
    for (uint16_t s = range.first + 1; s < range.last; ++s) {
        std::string_view other = SyllableName(s);
        size_t k = 0;
        while (k < name.size() && k < other.size() && name[k] == other[k]) ++k;
        name = name.substr(0, k);
    }
    return name;
}

std::vector<SyllableRange> FuzzySyllables(SyllableRange range) {
    std::vector<SyllableRange> out{range};
    const std::string_view name = RangePrefix(range);  // what was typed
    if (name.empty()) return out;
    const bool single = range.last - range.first == 1;
    size_t initial_len = 0;
    if (name.size() >= 2 && (name[1] == 'h') && std::strchr("zcs", name[0])) initial_len = 2;
    else if (!name.empty() && std::strchr("bpmfdtnlgkhjqxzcsryw", name[0])) initial_len = 1;
    const std::string initial(name.substr(0, initial_len)), rest(name.substr(initial_len));
    std::vector<std::string> initials{initial};
    static const char* const kInitialPairs[][2] = {{"z", "zh"}, {"c", "ch"}, {"s", "sh"}, {"n", "l"}};
    for (const auto& p : kInitialPairs) {
        if (initial == p[0]) initials.push_back(p[1]);
        if (initial == p[1]) initials.push_back(p[0]);
    }
    std::vector<std::string> finals{rest};
    if (single) {
        auto ends = [&](const char* e) {
            const size_t n = std::strlen(e);
            return rest.size() >= n && rest.compare(rest.size() - n, n, e) == 0;
        };
        if (ends("ang") || ends("eng") || ends("ing")) finals.push_back(rest.substr(0, rest.size() - 1));
        else if (ends("an") || ends("en") || ends("in")) finals.push_back(rest + "g");
    }
    for (const std::string& i : initials)
        for (const std::string& f : finals) {
            const std::string spelled = i + f;
            const SyllableRange r = single ? SyllableExactly(spelled) : SyllablesWithPrefix(spelled);
            if (r.first < r.last && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
        }
    return out;
}

std::string_view CommonReading(uint32_t cp) {
    const uint16_t set = ReadingSetOf(FoldCodepoint(cp));
    return set ? SyllableName(*ReadingSetBegin(set)) : std::string_view();
}

std::string ToPinyin(std::string_view text) {
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t start = pos;
        const std::string_view reading = CommonReading(DecodeUtf8(text, pos));
        if (!reading.empty()) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            out += reading;
            out += ' ';
        } else {
            out.append(text.substr(start, pos - start));
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace core
