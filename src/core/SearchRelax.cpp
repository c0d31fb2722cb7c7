// SearchRelax.cpp — what a search does when nothing matches the query as typed: reads its words
// (QueryWords), searches it again with its punctuation as spaces, then its pinyin with the
// syllables that sound alike, and splits a word that matches nothing into its longest parts that
// match (怎么申请法律援助 -> 申请 法律援助), saying so in the result (SearchResult::relaxation).
// Matching itself is Search.cpp's. Depends on Search.h, TextNorm.h.
#include <algorithm>

#include "Search.h"
#include "TextNorm.h"

namespace core {

namespace {
// The query's words, split at breaks and punctuation (see QueryWords), and whether it held any
// punctuation and more words than are kept.
std::vector<std::string> SplitWords(std::string_view text, bool& punctuation, bool& truncated) {
    std::vector<std::string> words;
    size_t chars = 0;
    bool in_word = false;
    punctuation = truncated = false;
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        const uint32_t f = FoldCodepoint(DecodeUtf8(text, pos));
        const bool punct = f != 0 && IsPunctuation(f);
        punctuation |= punct;
        if (f == 0 || punct) {
            in_word = false;
            continue;
        }
        if (f >= 0x300 && f <= 0x36F && !in_word) continue;  // a combining mark starts no word (PlanQuery)
        if (!in_word) {
            in_word = true;
            chars = 0;
            if (words.size() == kMaxQueryWords) {
                truncated = true;
                break;
            }
            words.emplace_back();
        }
        if (chars++ < kMaxQueryWordLength) words.back().append(text, start, pos - start);
        else truncated = true;
    }
    return words;
}

std::string Join(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
    return text;
}

// Whether a word is read as pinyin (a Latin letter or ü, full-width ones too), and its characters.
bool ReadAsPinyin(std::string_view word, size_t& chars) {
    chars = 0;
    for (size_t pos = 0; pos < word.size(); ++chars) {
        const uint32_t f = FoldCodepoint(DecodeUtf8(word, pos));
        if (IsAsciiLetter(f) || f == 0xFC) return true;
    }
    return false;
}

// A word of 3+ characters not read as pinyin (a part of a syllable is no syllable).
bool Splittable(std::string_view word) {
    size_t chars = 0;
    return !ReadAsPinyin(word, chars) && chars >= 3;
}

// A result's word totals name their words: the words of the text that was searched. A text
// whose words the search read otherwise (a word of punctuation alone, as typed) has no totals.
SearchResult Named(SearchResult r, const std::string& searched) {
    if (r.word_totals.empty()) return r;
    r.word_texts = QueryWords(searched);
    if (r.word_texts.size() != r.word_totals.size()) r.word_texts.clear(), r.word_totals.clear();
    return r;
}
}  // namespace

std::vector<std::string> QueryWords(std::string_view text) {
    bool punctuation = false, truncated = false;
    return SplitWords(text, punctuation, truncated);
}

// The runs WordParts counted for one query (each once however often it is tried), and the
// records whose text their counting searched.
struct SearchIndex::PartSearches {
    std::vector<std::pair<std::string, uint32_t>> known;  // run -> records holding it, up to kCap
    size_t searches = 0;  // runs of 3+ characters or synonym pairs counted: at most kMaxPartSearches
    uint32_t texts_searched = 0;
    static constexpr uint32_t kCap = 256;
};

// Greedy from the left: at each character, the longest run that some record holds, then on after
// it; a character that starts no such pair is left out. Whether a pair is held is one posting
// list, known at once; a run grows a character at a time while every pair in it is held (or a
// synonym term) and the run is found (CountUpTo). At most kMaxPartSearches runs are searched for a
// query (after that only held pairs are taken).
// Then each boundary between two adjacent parts may move one or two characters left, where that
// makes the parts more common words: the pair whose counts have the larger product (兴山区人民 1
// + 调解 -> 兴山区 + 人民调解; 昆明市法 + 律援助 -> 昆明市 + 法律援助; counts capped at kCap).
std::vector<std::string> SearchIndex::WordParts(std::string_view word, PartSearches& searches) const {
    std::vector<size_t> at;  // byte offset of each character, and the end
    std::vector<uint32_t> cps;
    for (size_t pos = 0; pos < word.size();) {
        at.push_back(pos);
        cps.push_back(FoldCodepoint(DecodeUtf8(word, pos)));
    }
    at.push_back(word.size());
    const size_t n = cps.size();
    std::vector<Pair> pair(n, Pair::None);  // pair[i]: characters i, i + 1
    for (size_t i = 0; i + 1 < n; ++i) pair[i] = PairOf(cps[i], cps[i + 1]);
    auto text = [&](size_t i, size_t end) { return word.substr(at[i], at[end] - at[i]); };
    auto count = [&](size_t i, size_t end) -> uint32_t {
        const std::string_view run = text(i, end);
        for (const auto& [known, records] : searches.known)
            if (known == run) return records;
        const bool cheap = end == i + 2 && pair[i] == Pair::Held;  // one posting list
        if (!cheap && searches.searches >= kMaxPartSearches) return 0;
        searches.searches += !cheap;
        searches.known.emplace_back(run, CountUpTo(run, PartSearches::kCap, searches.texts_searched));
        return searches.known.back().second;
    };
    std::vector<std::pair<size_t, size_t>> parts;  // [begin, end) in characters
    for (size_t i = 0; i + 1 < n;) {
        if (pair[i] == Pair::None || (pair[i] == Pair::Synonym && count(i, i + 2) == 0)) {
            ++i;
            continue;
        }
        size_t end = i + 2;  // [i, end) is held; the whole word is known to be not
        while (end < n && pair[end - 1] != Pair::None && !(i == 0 && end + 1 == n) && count(i, end + 1) > 0) ++end;
        parts.emplace_back(i, end);
        i = end;
    }
    for (size_t j = 0; j + 1 < parts.size(); ++j) {
        auto& [a0, a1] = parts[j];
        const size_t b1 = parts[j + 1].second;
        if (parts[j + 1].first != a1 || pair[a1 - 1] == Pair::None) continue;  // not joined
        double best = double(count(a0, a1)) * count(a1, b1);
        size_t cut = a1;
        for (size_t k = 1; k <= 2 && a1 - k >= a0 + 2; ++k) {
            const double product = double(count(a0, a1 - k)) * count(a1 - k, b1);
            if (product > best) best = product, cut = a1 - k;
        }
        a1 = parts[j + 1].first = cut;
    }
    std::vector<std::string> out;
    for (const auto& [b, e] : parts) out.emplace_back(text(b, e));
    return out;
}

SearchResult SearchIndex::Search(const Query& query) const {
    SearchResult result = Named(SearchAsTyped(query), query.text);
    if (result.total > 0 || !query.relax) return result;
    bool punctuation = false, truncated = false;
    const std::vector<std::string> words = SplitWords(query.text, punctuation, truncated);
    if (words.empty()) return result;
    // Every search made counts in what the result says was searched.
    uint32_t searched = result.texts_searched;
    const bool query_truncated = result.query_truncated || truncated;
    auto search = [&](const std::string& text, bool fuzzy = false) {
        Query q = query;
        q.text = text;
        SearchResult r = Named(SearchAsTyped(q, fuzzy), text);
        searched += r.texts_searched;
        r.texts_searched = searched;
        r.query_truncated |= query_truncated;
        return r;
    };
    auto relaxed = [](SearchResult r, SearchResult::Relaxation how, std::string text) {
        r.relaxation = how;
        r.relaxed_text = std::move(text);
        return r;
    };
    if (punctuation) {
        // Again, its punctuation as spaces: its words, as the visitor would read them (only what
        // is searched: at most kMaxQueryWords of kMaxQueryWordLength characters).
        const std::string text = Join(words);
        result = search(text);
        if (result.total > 0) return relaxed(std::move(result), SearchResult::Relaxation::Punctuation, text);
        // (Nothing either way: this result, whose word totals are for the words.)
    }
    // Pinyin typed as many speakers say it (z for zh, n for l, in for ing...): its syllables also
    // read as those that sound alike.
    size_t chars = 0;
    if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return ReadAsPinyin(w, chars); })) {
        const std::string text = Join(words);
        SearchResult found = search(text, true);
        if (found.total > 0) return relaxed(std::move(found), SearchResult::Relaxation::SimilarPinyin, text);
    }

    // Each word that matches nothing alone (before filters), split into its parts.
    std::vector<uint32_t> alone = result.word_totals;
    if (words.size() == 1) {
        if (!Splittable(words[0])) return result;
        const SearchFilter& f = query.filter;
        const bool filtered = f.types != 0x1F || !f.region.empty() || !f.kind.empty() || !f.theme.empty() ||
                              !f.unit.empty() || !f.service.empty();
        alone.assign(1, filtered ? CountUpTo(words[0], 1, searched) : 0);
    }
    if (alone.size() != words.size()) return result;
    std::vector<std::string> parted;
    PartSearches part_searches;
    bool split = false;
    for (size_t i = 0; i < words.size(); ++i) {
        std::vector<std::string> parts;
        if (alone[i] == 0 && Splittable(words[i])) parts = WordParts(words[i], part_searches);
        split |= !parts.empty();
        if (parts.empty()) parts.push_back(words[i]);
        for (std::string& part : parts)  // (a repeated part adds nothing to the AND)
            if (std::find(parted.begin(), parted.end(), part) == parted.end()) parted.push_back(std::move(part));
    }
    searched += part_searches.texts_searched;
    if (!split) return result;
    if (parted.size() > kMaxQueryWords) {  // (as many words as a query searches)
        parted.resize(kMaxQueryWords);
        result.query_truncated = true;
    }
    const std::string text = Join(parted);
    SearchResult found = search(text);
    found.query_truncated |= result.query_truncated;
    if (found.total > 0) return relaxed(std::move(found), SearchResult::Relaxation::Parts, text);
    // Nothing holds every part: the most specific part some record holds (the longest, then the
    // one fewest records hold, then the first: 我想咨询离婚问题 -> 离婚 of 咨询 11, 离婚 10, 问题
    // 22), alone, with every part's count for the screen's choice.
    if (found.word_totals.size() != parted.size()) return result;
    size_t best = parted.size();
    size_t best_chars = 0;
    for (size_t i = 0; i < parted.size(); ++i) {
        size_t chars = 0;
        for (size_t pos = 0; pos < parted[i].size(); ++chars) DecodeUtf8(parted[i], pos);
        const uint32_t n = found.word_totals[i];
        if (n > 0 && (chars > best_chars || (chars == best_chars && n < found.word_totals[best])))
            best = i, best_chars = chars;
    }
    if (best == parted.size()) return result;
    const std::string part = parted[best];
    SearchResult one = search(part);
    one.query_truncated |= found.query_truncated;
    if (one.total == 0) return result;  // (filters)
    one.word_totals = std::move(found.word_totals);
    one.word_texts = std::move(parted);
    return relaxed(std::move(one), SearchResult::Relaxation::Parts, part);
}

}  // namespace core
