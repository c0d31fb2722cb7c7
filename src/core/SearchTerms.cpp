// SearchTerms.cpp — the words in characters that a query typed in letters found (falvyuanzhu,
// flyz, 法律yz, or a word read by its sound: 法zhi政府 -> 法治政府), as an input method's
// candidates: the search screen offers them to tap, so that a visitor at a kiosk, which has no
// input method, or on a phone, who typed letters, reaches the words as the records write them.
// Depends on Search.h, TextNorm.h.
#include <algorithm>

#include "Search.h"
#include "TextNorm.h"

namespace core {

namespace {
bool HasHan(std::string_view text) {
    for (size_t pos = 0; pos < text.size();)
        if (IsHan(DecodeUtf8(text, pos))) return true;
    return false;
}
}  // namespace

std::vector<std::string> CandidateWords(const SearchResult& r, std::string_view typed, size_t max, const Lexicon* lexicon) {
    using Relaxation = SearchResult::Relaxation;
    if (r.relaxation == Relaxation::Parts) return {};
    const std::string searched = r.relaxation == Relaxation::None ? std::string(typed) : r.relaxed_text;
    const std::vector<std::string> words = QueryWords(searched);
    size_t chars = 0;
    if (!(words.size() == 1 && ReadAsPinyin(words[0], chars)) && !r.phrase) return {};
    // Each text with its hits, kept in order: the most hits first, then the first met (a text
    // whose count grows moves up past those with fewer, never past one as many).
    std::vector<std::pair<std::string_view, size_t>> seen;
    std::vector<std::string_view> mine;  // one hit's texts, each counted once a hit
    for (const Hit& hit : r.hits) {
        mine.clear();
        auto take = [&](std::string_view field, const std::vector<ByteRange>& ranges) {
            for (const ByteRange& range : ranges) {
                if (range.begin >= range.end || range.end > field.size()) continue;
                const std::string_view text = field.substr(range.begin, range.end - range.begin);
                if (HasHan(text) && std::find(mine.begin(), mine.end(), text) == mine.end() &&
                    (r.synonyms.empty() ||
                     std::find(r.synonyms.begin(), r.synonyms.end(), FoldText(text)) == r.synonyms.end()))
                    mine.push_back(text);
            }
        };
        take(hit.title, hit.title_ranges);
        take(hit.snippet, hit.snippet_ranges);
        for (std::string_view text : mine) {
            size_t i = 0;
            while (i < seen.size() && seen[i].first != text) ++i;
            if (i == seen.size()) seen.emplace_back(text, 0);
            for (++seen[i].second; i > 0 && seen[i - 1].second < seen[i].second; --i) std::swap(seen[i - 1], seen[i]);
        }
    }
    // Two matches side by side are one highlight (hang: 行行 of 银行行业): not a word of their own
    // when the texts it is made of are candidates too.
    auto joined = [&](std::string_view text) {
        for (size_t cut = 1; cut < text.size(); ++cut) {
            auto has = [&](std::string_view part) {
                return std::any_of(seen.begin(), seen.end(), [&](const auto& s) { return s.first == part; });
            };
            if (has(text.substr(0, cut)) && has(text.substr(cut))) return true;
        }
        return false;
    };
    // With a dictionary, the texts that start with a word of it (or are one character) first, as an
    // input method lists words before fragments: tj -> 推进, 调解 before 统建 of 传统建筑.
    auto starts_word = [&](std::string_view text) {
        if (!lexicon || lexicon->Empty()) return true;
        size_t pos = 0;
        const uint32_t a = FoldCodepoint(DecodeUtf8(text, pos));
        if (pos == text.size()) return true;
        return lexicon->Holds(a, FoldCodepoint(DecodeUtf8(text, pos)));
    };
    std::vector<std::string> out;
    for (const bool words : {true, false})
        for (size_t i = 0; i < seen.size() && out.size() < max; ++i)
            if (starts_word(seen[i].first) == words && !joined(seen[i].first)) out.emplace_back(seen[i].first);
    return out;
}

}  // namespace core
