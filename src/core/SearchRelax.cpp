// SearchRelax.cpp — what a search does when nothing matches the query as typed: reads its words
// (QueryWords), searches it again with its punctuation as spaces, then its words of Chinese
// characters by their sound (法制政府 -> 法zhi政府), then its pinyin with the syllables
// that sound alike, reads a word that names a region as the region filter (兴山
// 怎么申请法律援助), and splits a word that matches nothing into its longest parts that match
// (怎么申请法律援助 -> 申请 法律援助; a part ends where a word of the query does, and one that is
// a common word of the language stands for the query last), saying so in the result (SearchResult::relaxation,
// SearchResult::region).
// Matching itself is Search.cpp's. Depends on Search.h, Pinyin.h, TextNorm.h.
#include <algorithm>
#include <tuple>

#include "Pinyin.h"
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

bool PinyinWord(std::string_view word) {
    std::vector<std::string> groups;
    return PinyinLetterGroups(word, groups);
}

// A pinyin word's syllables as the search reads them (its first parse, SegmentPinyin), else none
// (not a pinyin word, or no parse).
std::vector<SyllableRange> Syllables(std::string_view word) {
    std::vector<std::string> groups;
    if (!PinyinLetterGroups(word, groups)) return {};
    std::vector<std::vector<SyllableRange>> parses = SegmentPinyin(groups, 1);
    return parses.empty() ? std::vector<SyllableRange>() : std::move(parses[0]);
}

// A folded character of typed pinyin: a Latin letter, ü, or the apostrophe between syllables.
bool PinyinCharacter(uint32_t folded) { return IsAsciiLetter(folded) || folded == 0xFC || folded == '\''; }

// A pinyin word's syllables when every one but the last is a whole one (what PinyinParts splits),
// else none.
std::vector<SyllableRange> WholeSyllables(std::string_view word) {
    std::vector<SyllableRange> seg = Syllables(word);
    for (size_t k = 0; k + 1 < seg.size(); ++k)
        if (seg[k].last != seg[k].first + 1) return {};
    return seg;
}

// A word of Latin letters and other characters (法律yuanzhu, 我要lihun).
bool Mixed(std::string_view word) {
    bool latin = false, other = false;
    for (size_t pos = 0; pos < word.size();) (PinyinCharacter(FoldCodepoint(DecodeUtf8(word, pos))) ? latin : other) = true;
    return latin && other;
}

// How specific a part is: its characters, or for pinyin its syllables (one character each).
size_t PartLength(std::string_view part) {
    if (const size_t syllables = Syllables(part).size()) return syllables;
    size_t chars = 0;
    for (size_t pos = 0; pos < part.size(); ++chars) DecodeUtf8(part, pos);
    return chars;
}

// Whether the run [i + 1, next_end) is a better part than [i, end), the greedy choice at i (each
// character or syllable left out of one is in the other or starts no run): it reaches further,
// and with the run that follows each (if any) its records are as many or more (more when it is
// no longer), weighed as the boundary move weighs parts, by the product of their counts. 找法援: 法援 4 against 找法 1
// (援 starts no run); 区人民调解: 人民调解 3 against 区人民 1 x 调解 3; but qingdanxingz stays
// qingdan + xingz (thousands x thousands) rather than danxingz (21 at national scale), and
// 律援助质 律援助 (2, against 援助质 1). `run_end(e)`: the end of the run from e, e if none.
template <typename Count, typename RunEnd>
bool NextIsBetter(size_t i, size_t end, size_t next_end, size_t n, const Count& count, const RunEnd& run_end) {
    if (next_end <= end) return false;
    auto with_next = [&](size_t begin, size_t e) {
        const size_t after = e < n ? run_end(e) : e;
        return double(count(begin, e)) * (after > e ? double(count(e, after)) : 1.0);
    };
    const double next = with_next(i + 1, next_end), greedy = with_next(i, end);
    return next_end > end + 1 ? next >= greedy : next > greedy;  // as long: only when more (覆盖面: 覆盖)
}

// The end of the run [i, end) so as not to cut a synonym term: where a term, found
// (`found(k, length)`, asked last: it may count runs), reaches past the run from a k inside it,
// the run ends at k if [i, k) is 2+ characters or syllables some record holds (`count`), and is
// none (i: the one at i starts no part) if not; else, and where the run is a term itself
// (`term_at(i)` its length), `end`. A word the synonyms name as one people search for wins over
// counts: 我要办公证书 reads 公证书, which finds 9 bundled records through its synonyms, not 办公,
// held by 12, which leaves 证书 unread; naliyoufalvyuanzhu reads liyou and falvyuanzhu, not
// liyoufalv (立由法律 of 建立由法律顾问, one record) and yuanzhu.
template <typename TermAt, typename Found, typename Count>
size_t EndBeforeTerm(size_t i, size_t end, const TermAt& term_at, const Found& found, const Count& count) {
    if (end == i || term_at(i) == end - i) return end;
    for (size_t k = i + 1; k < end; ++k) {
        const size_t term = term_at(k);
        if (term >= 2 && k + term > end && found(k, term)) return k >= i + 2 && count(i, k) > 0 ? k : i;
    }
    return end;
}

// A word of 3+ characters not read as pinyin (a part of a syllable is no syllable).
bool Splittable(std::string_view word) {
    size_t chars = 0;
    return !ReadAsPinyin(word, chars) && chars >= 3;
}

// A word with tone numbers after its pinyin syllables (fa3lv4, xi1an1, lü4shi1, 法律yuan2zhu4:
// each a digit 1-5 right after letters that spell one whole syllable, and no other digit): the
// word with each number as an apostrophe between syllables, a last one dropped (fa'lv, xi'an);
// empty for any other word (12348, mp3, G20, a word without digits).
std::string WithoutToneNumbers(std::string_view word) {
    std::string out, syllable;  // (syllable: the letters since the last break, folded, ü as v)
    bool any = false;
    for (size_t pos = 0; pos < word.size();) {
        const size_t begin = pos;
        const uint32_t f = FoldCodepoint(DecodeUtf8(word, pos));
        if (f >= '0' && f <= '9') {
            // (A digit after a digit follows no syllable: 12348, G20.)
            const SyllableRange one = SyllableExactly(syllable);
            if (f < '1' || f > '5' || one.last != one.first + 1) return {};
            syllable.clear();
            any = true;
            if (pos < word.size()) out += '\'';
            continue;
        }
        if (IsAsciiLetter(f) || f == 0xFC) syllable += f == 0xFC ? 'v' : char(f);
        else syllable.clear();
        out.append(word.substr(begin, pos - begin));
    }
    return any ? out : std::string();
}

// The readings of a word of 2-kMaxSoundChars Chinese characters (each with a common reading) with
// one character read by its sound, as pinyin between the others (法制政府 -> 法zhi政府, fa制政府...),
// in the order of that character; then, of a word of four or more, two neighbouring characters
// (行政付移 -> 行政fu'yi: a two-character word the input method offered wrongly). The characters
// kept are the anchor: a match is the word with one slip, never a run of the same sounds that
// crosses words (遗嘱 -> yi'zhu would find 争议主渠道). Empty for any other word.
constexpr size_t kMaxSoundChars = 8;
constexpr size_t kMaxSoundSearches = 24;  // readings searched a query, at most
constexpr size_t kMaxSoundSlips = 2;      // words read by their sound a query, at most
std::vector<std::string> SoundVariants(std::string_view word, size_t& singles) {
    std::vector<std::string_view> chars, readings;
    for (size_t pos = 0; pos < word.size();) {
        const size_t begin = pos;
        const std::string_view reading = CommonReading(DecodeUtf8(word, pos));
        if (reading.empty() || chars.size() == kMaxSoundChars) return {};
        chars.push_back(word.substr(begin, pos - begin));
        readings.push_back(reading);
    }
    std::vector<std::string> out;
    const size_t n = chars.size();
    // A reading that starts longer syllables (xi: xin, xing) ends with an apostrophe, so it is
    // read whole (江西 -> 江xi', not 江省's jiang'xing); the others need none (fu议).
    auto variant = [&](size_t from, size_t count) {
        std::string v;
        for (size_t i = 0; i < n; ++i) {
            if (i < from || i >= from + count) {
                v += chars[i];
                continue;
            }
            v += (i > from ? "'" : "") + std::string(readings[i]);
            const SyllableRange longer = SyllablesWithPrefix(readings[i]);
            if (i + 1 == from + count && longer.last > longer.first + 1) v += '\'';
        }
        out.push_back(std::move(v));
    };
    if (n >= 2)
        for (size_t i = 0; i < n; ++i) variant(i, 1);
    singles = out.size();
    if (n >= 4)
        for (size_t i = 0; i + 1 < n; ++i) variant(i, 2);
    return out;
}

// A word of initials alone, as a kiosk visitor types them (flyzzx): Latin consonants, in any
// case, kMinInitialsPrefix + 1 to 16 of them.
constexpr size_t kMinInitialsPrefix = 4;
constexpr size_t kMaxInitialsTries = 3;
bool InitialsOnly(std::string_view word) {
    if (word.size() <= kMinInitialsPrefix || word.size() > 16) return false;
    return std::all_of(word.begin(), word.end(), [](char c) {
        const char lower = char(c | 0x20);  // (a letter's lower case; no other byte becomes one)
        return IsAsciiLetter(uint8_t(lower)) && std::string_view("aeiouv").find(lower) == std::string_view::npos;
    });
}

// An English function word (how, to, for, me...), in any case: an English query leaves them out
// of its parts.
bool EnglishFunctionWord(std::string_view word) {
    // (One string, each word between spaces: an array of views was 0.1 KB gzip more of the wasm.)
    static constexpr std::string_view kWords =
        " a about an and any apply are at be been by can could did do does find for from get go got had has have here how"
        " i in is it know look make me my near nearby need no not of on or our please should some that the there this to"
        " us want was we what when where which who why with would you your ";  // (not will: 遗嘱)
    std::string key = " ";
    for (char c : word) key += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);  // (ASCII only: the words are)
    key += ' ';
    return word.find(' ') == std::string_view::npos && kWords.find(key) != std::string_view::npos;
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

bool ReadAsPinyin(std::string_view word, size_t& chars) {
    chars = 0;
    for (size_t pos = 0; pos < word.size(); ++chars) {
        const uint32_t f = FoldCodepoint(DecodeUtf8(word, pos));
        if (IsAsciiLetter(f) || f == 0xFC) return true;
    }
    return false;
}

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
    // Records holding `run`, up to kCap (0 once the searches are used up); `cheap`: one posting
    // list, not counted as a search.
    uint32_t Count(const SearchIndex& index, std::string_view run, bool cheap) {
        if (const uint32_t* records = Known(run)) return *records;
        if (!cheap && searches >= kMaxPartSearches) return 0;
        searches += !cheap;
        known.emplace_back(run, index.CountUpTo(run, kCap, texts_searched));
        return known.back().second;
    }
    // Whether Count(run) would say 0 only because the searches are used up.
    bool Unknown(std::string_view run) const { return searches >= kMaxPartSearches && !Known(run); }

private:
    const uint32_t* Known(std::string_view run) const {
        for (const auto& [k, records] : known)
            if (k == run) return &records;
        return nullptr;
    }
};

bool SearchIndex::LooseEdge(uint32_t a, uint32_t b, bool start) const {
    return FunctionCharacter(start ? a : b) && (!LexiconWord(a, b) || FunctionCharacter(start ? b : a));
}

// Greedy from the left: at each character, the longest run that some record holds (or a synonym
// term, whose count is what it finds: 打官司 in 打官司怎么办), then on after it; a character
// that starts no such run is left out, and so is one where the run from the next character
// is the better part (NextIsBetter: 找法援 -> 法援, not 找法 + 援). A run of two characters that
// is no word is none (Fragment: 年人 in 未成年人保护, with a lexicon). Whether a pair is held is one posting list, known
// at once; a run grows a character at a time while every pair in it is held and the run is found
// (CountUpTo). At most kMaxPartSearches runs are searched for a query (after that only held pairs
// and synonym terms already counted are taken).
// Then each boundary between two adjacent parts may move one or two characters left, where that
// makes the parts more common words: the pair whose counts have the larger product (兴山区人民 1
// + 调解 -> 兴山区 + 人民调解; 昆明市法 + 律援助 -> 昆明市 + 法律援助; counts capped at kCap), but
// not to start a part inside a word that is more of one than the pair it starts with.
std::vector<std::string> SearchIndex::WordParts(std::string_view word, PartSearches& searches) const {
    std::vector<size_t> at;  // byte offset of each character, and the end
    std::vector<uint32_t> cps;
    for (size_t pos = 0; pos < word.size();) {
        at.push_back(pos);
        cps.push_back(FoldCodepoint(DecodeUtf8(word, pos)));
    }
    at.push_back(word.size());
    const size_t n = cps.size();
    std::vector<bool> held(n, false);  // held[i]: characters i, i + 1
    for (size_t i = 0; i + 1 < n; ++i) held[i] = HeldPair(cps[i], cps[i + 1]);
    auto text = [&](size_t i, size_t end) { return word.substr(at[i], at[end] - at[i]); };
    std::vector<size_t> terms(n + 1, SIZE_MAX);  // SynonymTermAt(cps, k), once known (and see run_end)
    auto term_at = [&](size_t k) { return terms[k] != SIZE_MAX ? terms[k] : (terms[k] = SynonymTermAt(cps, k)); };
    // How much characters k, k + 1 are a word: 2 a common one (Lexicon::Common), 1 a word, 0 none.
    auto wordness = [&](size_t k) {
        if (!LexiconWord(cps[k], cps[k + 1])) return 0;
        return CommonWord(text(k, k + 2)) ? 2 : 1;
    };
    // Whether a part from character k (0 < k < n - 1) would start inside a word of the query that
    // is more of a word than the pair it starts with (中国法律服务网: 国法律, held by 全国法律, starts
    // inside 中国, a common word; 国法 is a rare one).
    auto starts_inside = [&](size_t k) { return k > 0 && wordness(k - 1) > wordness(k); };
    // (Two characters that are no word are no part: 年人 of 未成年人, held by 老年人.)
    auto count = [&](size_t i, size_t end) -> uint32_t {
        if (end == i + 2 && Fragment(cps[i], cps[i + 1])) return 0;
        return searches.Count(*this, text(i, end), end == i + 2 && held[i]);  // (one posting list)
    };
    // Whether character k is a function character that another follows: it opens a question or
    // a clause of the query rather than ending a word (在 of 在哪, 在吗; 和 of 和我).
    auto opens_question = [&](size_t k) { return k + 1 < n && FunctionCharacter(cps[k]) && FunctionCharacter(cps[k + 1]); };
    // Whether a part starting or ending at character k would cut a number (0798 is no 79, 110 no
    // 10, 2019年 no 201: a number no record holds is left out whole).
    auto digit = [&](size_t k) { return cps[k] >= '0' && cps[k] <= '9'; };
    auto cuts_number = [&](size_t k) { return k > 0 && k < n && digit(k - 1) && digit(k); };
    // The end of the longest run from character i that is found, or i; the whole word is known
    // to be not.
    std::vector<size_t> reach(n + 1, n + 1);
    auto run_end = [&](size_t i) {
        if (reach[i] <= n) return reach[i];
        size_t end = i;
        if (i + 1 < n && held[i]) {
            end = i + 2;
            while (end < n && held[end - 1] && !(i == 0 && end + 1 == n) && count(i, end + 1) > 0) ++end;
            if (end == i + 2 && Fragment(cps[i], cps[i + 1])) end = i;  // (as count: without counting the pair)
        }
        // A run that ends inside a word of the query (执法监督机构: 执法监督机, held by 执法监督机制,
        // ends inside 机构) ends before it instead, where the word's first character ends no word;
        // but not a "word" whose second character opens the question after it (派出所在哪: 所在).
        if (end > i + 2 && end < n && LexiconWord(cps[end - 1], cps[end]) && !LexiconWord(cps[end - 2], cps[end - 1]) &&
            !opens_question(end))
            --end;
        // Nor does a run end with a character that opens the question after it, where fewer
        // records hold it so than without it (司法所在哪: 司法所在 1, 司法所 3; not 问题存在的, whose
        // records all hold 问题存 so).
        if (end > i + 2 && opens_question(end - 1) && count(i, end - 1) > count(i, end)) --end;
        // Nor does one start inside a word of the query (starts_inside).
        if (end >= i + 2 && starts_inside(i)) end = i;
        // Nor does a part start or end with a function word that is no word with its neighbour in
        // the run (附近的法律援助: 的法律 starts no part, 法律援助 does; 行政复议的流程: 行政复议,
        // not 行政复议的), or is one of a word of two (有没有法律顾问: 法律顾问, not 没有法律).
        if (end >= i + 2 && LooseEdge(cps[i], cps[i + 1], true)) end = i;
        while (end > i + 2 && LooseEdge(cps[end - 2], cps[end - 1], false)) --end;
        // (A term that finds nothing here, as the whole word does, is none: the longest shorter
        // one that does stands for it from here on. 法援中心 and 法援中心在哪: 法援 and 中心, where
        // the term 法援中心 finds nothing here.)
        for (size_t term = term_at(i); term >= 2 && i + term > end && !searches.Unknown(text(i, i + term));
             term = SynonymTermAt(cps, i, term - 1))
            if (count(i, i + term) > 0) {
                terms[i] = term;
                end = i + term;
                break;
            }
        if (cuts_number(i)) end = i;
        while (end > i && cuts_number(end)) --end;
        if (end < i + 2) end = i;
        return reach[i] = end;
    };
    // Whether the run from i + 1 may reach past `end`: its pairs are held that far, or a
    // synonym term starts there (so that runs are counted only where they can win).
    auto may_reach_past = [&](size_t i, size_t end) {
        if (i + 2 >= n) return false;
        bool pairs = end < n;
        for (size_t k = i + 1; pairs && k < end; ++k) pairs = held[k];
        return pairs || i + 1 + term_at(i + 1) > end;
    };
    // (run_end counts a term it ends with: a term from k is found where the run from k reaches it.)
    auto found = [&](size_t k, size_t term) { return run_end(k) >= k + term; };
    // Whether the part [i, end) starts with a character that is no word with the next where the
    // next starts one, and the run from the next reaches further: that run is the part (一法律顾问:
    // 法律顾问 12, not 一法律 of 统一法律 + 顾问, 1 x 13; 县人民法院: 人民法院; not 苏解纷平台 for
    // 解纷, which reaches no further). Not a synonym term. With a lexicon only.
    auto loose_start = [&](size_t i, size_t end) {
        return i + 2 < n && !LexiconWord(cps[i], cps[i + 1]) && LexiconWord(cps[i + 1], cps[i + 2]) &&
               term_at(i) != end - i && run_end(i + 1) > end;
    };
    std::vector<std::pair<size_t, size_t>> parts;  // [begin, end) in characters
    for (size_t i = 0; i + 1 < n;) {
        const size_t end = EndBeforeTerm(i, run_end(i), term_at, found, count);
        if (end == i || cuts_number(end) || loose_start(i, end) ||
            (may_reach_past(i, end) && NextIsBetter(i, end, run_end(i + 1), n, count, run_end))) {
            ++i;
            continue;
        }
        parts.emplace_back(i, end);
        i = end;
    }
    for (size_t j = 0; j + 1 < parts.size(); ++j) {
        auto& [a0, a1] = parts[j];
        const size_t b1 = parts[j + 1].second;
        if (parts[j + 1].first != a1 || !held[a1 - 1]) continue;  // not joined
        double best = double(count(a0, a1)) * count(a1, b1);
        size_t cut = a1;
        for (size_t k = 1; k <= 2 && a1 - k >= a0 + 2; ++k) {
            if (starts_inside(a1 - k) || cuts_number(a1 - k)) continue;  // (2024年 + 度报告 for 2024年度 + 报告)
            const double product = double(count(a0, a1 - k)) * count(a1 - k, b1);
            if (product > best) best = product, cut = a1 - k;
        }
        a1 = parts[j + 1].first = cut;
    }
    std::vector<std::string> out;
    for (const auto& [b, e] : parts) out.emplace_back(text(b, e));
    return out;
}

// Pinyin typed as a sentence (falvyuanzhuzenmeban): the word's letters read as syllables, every
// syllable but the last a whole one (initials are too many readings to split). Greedy from the
// left, as WordParts: at each syllable, the longest run of 2+ syllables whose characters some
// record holds, read through the index itself: the characters reading the first two syllables
// that some record holds as a bigram (one posting list each), then each held string grown a
// syllable at a time by the characters that follow its last one in some bigram, a grown string
// kept when a record holds it (CountUpTo; the most common kKeep strings grow on; a run of two
// syllables only by strings that are words, as in WordParts); or the
// syllables a synonym term reads (lihun: 离婚), if more. A syllable that starts no such run is
// left out (zen me: 怎么 is in no record), and so is one where the run from the next syllable
// is the better part (NextIsBetter: qurenmintiaojie -> renmintiaojie). Then a boundary between two
// joined runs moves one or two syllables left where the runs' counts (the records holding their
// held strings) have a larger product, as in WordParts. The parts are the runs' pinyin.
std::vector<std::string> SearchIndex::PinyinParts(std::string_view word, PartSearches& searches,
                                                  const std::vector<size_t>& word_syllables,
                                                  std::vector<std::pair<size_t, size_t>>* spans) const {
    constexpr size_t kKeep = 8;
    const std::vector<SyllableRange> seg = WholeSyllables(word);
    const size_t n = seg.size();
    if (n < 2) return {};
    // How far from `i` (up to `limit`) the held strings reach, and how many records hold those
    // of that length (summed; {i, 0}: not two syllables).
    struct Held {
        std::string text;  // UTF-8
        uint32_t last;     // its last character
        uint32_t records;  // holding it
    };
    // Typed words (word_syllables): a run that crosses a space between them is one of whole
    // words (falv yuanzhu: falvyuanzhu; falv fuyi: not falvfu).
    std::vector<bool> starts(n + 1, false), ends(n + 1, false);  // a typed word starts at / ends after
    if (word_syllables.empty()) {
        starts[0] = ends[n - 1] = true;
    } else {
        size_t k = 0;
        for (const size_t syllables : word_syllables) {
            if (syllables == 0 || k + syllables > n) return {};
            starts[k] = true;
            ends[k + syllables - 1] = true;
            k += syllables;
        }
        if (k != n) return {};
    }
    auto allowed = [&](size_t i, size_t end) {
        if (starts[i] && ends[end - 1]) return true;
        for (size_t k = i; k + 1 < end; ++k)
            if (ends[k]) return false;
        return true;
    };
    // How far from `i` (up to `limit`) the held strings reach, how many records hold those of that
    // length (summed), and whether one of them starts with a word of the lexicon.
    struct Reach {
        size_t end;
        uint32_t records;
        bool word;
    };
    auto reach = [&](size_t i, size_t limit) -> Reach {
        if (i + 2 > limit) return {i, 0, false};  // (no two syllables from i: the last one)
        std::vector<Held> held;
        for (const auto& [a, unused] : Followers(0, seg[i]))
            for (const auto& [b, records] : Followers(a, seg[i + 1])) {
                std::string text;
                AppendUtf8(text, a);
                AppendUtf8(text, b);
                held.push_back({std::move(text), b, records});
            }
        if (held.empty()) return {i, 0, false};
        size_t end = i + 2;
        // The longest run so far that crosses no space between words but whole ones.
        size_t kept_end = i;
        uint32_t kept_records = 0;
        bool kept_word = false;
        auto keep = [&] {
            if (!allowed(i, end)) return;
            uint32_t records = 0;
            bool word = false;
            for (const Held& h : held) {
                std::vector<uint32_t> cs;
                for (size_t pos = 0; pos < h.text.size();) cs.push_back(DecodeUtf8(h.text, pos));
                // (Two characters that are no word are no part: nianren, 年人. Nor does a part start
                // or end with a function character that is no word with its neighbour, as in
                // WordParts: lvshizaina, 在哪 of 律师在哪.)
                if (end == i + 2 && Fragment(cs[0], cs[1])) continue;
                if (LooseEdge(cs[0], cs[1], true) || LooseEdge(cs[cs.size() - 2], cs.back(), false)) continue;
                records += h.records;
                word |= LexiconWord(cs[0], cs[1]);
            }
            if (records == 0) return;
            // A run does not end with a function character that opens the question after it,
            // where fewer records hold the run so than without it (sifasuozaina: 司法所, not 司法所在).
            const bool opening = end < n && FunctionReading(seg[end]) && std::all_of(held.begin(), held.end(), [&](const Held& h) {
                                     return FunctionCharacter(h.last);
                                 });
            if (opening && kept_end == end - 1 && records < kept_records) return;
            kept_end = end;
            kept_records = records;
            kept_word = word;
        };
        for (keep(); end < limit;) {
            {  // the kKeep held by most records, as a stable sort would order them (the sort of plain integers)
                std::vector<uint64_t> keys(held.size());
                for (size_t i = 0; i < keys.size(); ++i) keys[i] = uint64_t(~held[i].records) << 32 | i;
                std::sort(keys.begin(), keys.end());
                std::vector<Held> most;
                for (size_t i = 0; i < keys.size() && i < kKeep; ++i) most.push_back(std::move(held[keys[i] & 0xFFFFFFFFu]));
                held.swap(most);
            }
            std::vector<Held> grown;
            for (const Held& h : held)
                for (const auto& [c, unused] : Followers(h.last, seg[end])) {
                    std::string longer = h.text;
                    AppendUtf8(longer, c);
                    if (const uint32_t records = searches.Count(*this, longer, false))
                        grown.push_back({std::move(longer), c, records});
                }
            if (grown.empty()) break;
            held = std::move(grown);
            ++end;
            keep();
        }
        return Reach{kept_end, kept_records, kept_word};
    };
    // The letters of syllables [i, end), as typed, `between` each two.
    auto pinyin = [&](size_t i, size_t end, const char* between) {
        std::string text;
        for (size_t k = i; k < end; ++k) (text += k > i ? between : "") += RangePrefix(seg[k]);
        return text;
    };
    std::vector<size_t> terms(n + 1, SIZE_MAX);  // SynonymReadingAt(seg, k), once known (and see run_end)
    auto term_at = [&](size_t k) { return terms[k] != SIZE_MAX ? terms[k] : (terms[k] = SynonymReadingAt(seg, k)); };
    auto count = [&](size_t i, size_t end) -> double {
        const Reach r = reach(i, end);
        if (r.end == end) return r.records;
        // A synonym term's reading counts what it finds, as WordParts counts a term (laobanqianxin:
        // qianxin, 欠薪's, held by no record, finds its synonyms' records; not banqian, 搬迁 in 1).
        if (end >= i + 2 && term_at(i) == end - i) return searches.Count(*this, pinyin(i, end, "'"), false);
        return 0;
    };
    std::vector<size_t> furthest(n + 1, n + 1);  // run_end(i), once known
    std::vector<bool> word_first(n + 1, false);  // and whether the run starts with a word
    auto run_end = [&](size_t i) {
        if (furthest[i] > n) {
            Reach r = reach(i, n);
            // (Nor does a run end with the first syllable of a function word of two characters
            // whose second ends the query: gongzhengshenme: gongzheng, 公证; not zhengshen, 政审
            // of 行政审批, before the me of shenme, 什么. But fuyizhaoshei keeps fuyi: the yi zhao
            // of 依照 is no question there.)
            if (r.end >= i + 2 && r.end + 1 == n && FunctionWordReading(seg[r.end - 1], seg[r.end]))
                r = reach(i, r.end - 1);
            // (A term's reading that reaches past the held strings and finds nothing here is none:
            // the longest shorter one that does stands for it from here on, as in WordParts.
            // fayuanzhongxinzaina: fayuan, 法援, where 法援中心 finds nothing here.)
            size_t term = term_at(i);
            while (term >= 2 && i + term > r.end && allowed(i, i + term)) {
                const std::string reading = pinyin(i, i + term, "'");
                if (searches.Unknown(reading) || searches.Count(*this, reading, false) > 0) break;
                term = SynonymReadingAt(seg, i, term - 1);
            }
            terms[i] = term;
            furthest[i] = std::max(r.end, term >= 2 && allowed(i, i + term) ? i + term : i);
            word_first[i] = r.word;
        }
        return furthest[i];
    };
    // (run_end takes a term's reading without counting it: counted here.)
    auto found = [&](size_t k, size_t term) { return run_end(k) >= k + term && count(k, k + term) > 0; };
    // As WordParts: a run whose held strings start with no word, where the run from the next
    // syllable starts with one and reaches further, is none (yifalvguwen: falvguwen, 法律顾问 12;
    // not yifalv, 一法律 of 统一法律, with guwen; shengrenminfayuan: renminfayuan).
    auto loose_start = [&](size_t i, size_t end) {
        return i + 2 < n && !word_first[i] && run_end(i + 1) > end && word_first[i + 1] && term_at(i) != end - i;
    };
    // Nor, after other syllables, does one that reads a function character and starts no word
    // start a run where the run from the next syllable starts a word, ends with it and is held
    // by more records, and no record holds the run from the syllable before: it ends the word
    // before it more likely (keyitiaojie: tiaojie, 17 records, not yitiaojie, 易调解 of one
    // record's 简易调解, where yi is 以 of keyi, 可以; keyipufa: pufa; but zaizhianguanli keeps
    // anguanli, whose 安 is that of 治安管理, held). A word the query starts with keeps its first syllable.
    auto glued = [&](size_t i, size_t end) {
        return i > 0 && i + 2 < end && !word_first[i] && run_end(i + 1) == end && word_first[i + 1] &&
               term_at(i) != end - i && FunctionReading(seg[i]) && count(i + 1, end) > count(i, end) &&
               count(i - 1, end) == 0;
    };
    std::vector<std::pair<size_t, size_t>> runs;  // [begin, end) in syllables
    // Nor does the second syllable of a function word of two characters (Lexicon::FunctionWords)
    // whose first is in no run, where another run starts within the run or right after it, or the
    // run ends with the first syllable of another function word, and no record holds the run
    // from the first: the function word is the question around what is asked (nalikeyitiaojie:
    // tiaojie; not like, 理科 of 管理科学化, the li of nali, 哪里, and the ke of keyi, 可以;
    // ruhetiaojie: tiaojie, not hetiaojie; zhaonagezhongcai: zhongcai, not gezhong; but ruhetong
    // keeps hetong, 合同).
    auto function_tail = [&](size_t i, size_t end) {
        if (i == 0 || (!runs.empty() && runs.back().second == i) || term_at(i) == end - i ||
            !FunctionWordReading(seg[i - 1], seg[i]) || count(i - 1, end) > 0)
            return false;
        if (end < n && FunctionWordReading(seg[end - 1], seg[end])) return true;
        for (size_t k = i + 1; k <= end && k + 1 < n; ++k)
            if (run_end(k) >= k + 2) return true;
        return false;
    };
    for (size_t i = 0; i + 1 < n;) {
        const size_t end = EndBeforeTerm(i, run_end(i), term_at, found, count);
        if (end == i || loose_start(i, end) || glued(i, end) || function_tail(i, end) ||
            (i + 2 < n && end < n && NextIsBetter(i, end, run_end(i + 1), n, count, run_end))) {
            ++i;
            continue;
        }
        runs.emplace_back(i, end);
        i = end;
    }
    // A run followed by syllables that start none gives them its last one or two where a run
    // from there reaches further and both runs are held by at least twice as many records as it
    // (falvwenti: falv wenti, 法律 47 and 问题 22, not falvwen, 法律文 of one record, + ti; but
    // renmintiaojie, 10, stays whole before shishenme, though 调解室 of tiaojieshi is held).
    for (size_t j = 0; j < runs.size(); ++j) {
        const auto [a0, a1] = runs[j];
        const size_t next = j + 1 < runs.size() ? runs[j + 1].first : n;
        if (next == a1) continue;  // (joined: the boundary may move below)
        const double whole = 2 * count(a0, a1);
        size_t cut = a1, furthest = a1;
        for (size_t k = 1; k <= 2 && a1 - k >= a0 + 2; ++k)
            if (const size_t e = run_end(a1 - k);
                e > furthest && e <= next && count(a0, a1 - k) >= whole && count(a1 - k, e) >= whole)
                cut = a1 - k, furthest = e;
        if (cut == a1) continue;
        runs[j].second = cut;
        runs.insert(runs.begin() + std::ptrdiff_t(j) + 1, {cut, furthest});
    }
    for (size_t j = 0; j + 1 < runs.size(); ++j) {
        auto& [a0, a1] = runs[j];
        const size_t b1 = runs[j + 1].second;
        if (runs[j + 1].first != a1) continue;  // not joined
        double best = count(a0, a1) * count(a1, b1);
        size_t cut = a1;
        for (size_t k = 1; k <= 2 && a1 - k >= a0 + 2; ++k) {
            const double product = count(a0, a1 - k) * count(a1 - k, b1);
            if (product > best) best = product, cut = a1 - k;
        }
        a1 = runs[j + 1].first = cut;
    }
    if (spans) *spans = runs;
    std::vector<std::string> out;
    for (const auto& run : runs) {
        const size_t i = run.first, end = run.second;
        // The run's pinyin, as one word that reads as these syllables again (xi'an, not xian; the
        // last syllable of a word reads as a prefix: zhu as zhu, zhuan...).
        std::string text = pinyin(i, end, "");
        const auto again = SegmentPinyin({text}, 1);
        bool same = !again.empty() && again[0].size() == end - i;
        for (size_t k = 0; same && k < end - i; ++k)
            same = k + 1 < end - i ? again[0][k] == seg[i + k]
                                   : again[0][k].first <= seg[i + k].first && seg[i + k].last <= again[0][k].last;
        out.push_back(same ? std::move(text) : pinyin(i, end, "'"));
    }
    return out;
}

// A word of Latin letters and other characters together that matches nothing (怎么申请falvyuanzhu,
// 我要lihun, 12348dianhua): its runs of each kind, each read as a word of its own: kept when some
// record holds it, else its parts (WordParts, PinyinParts). A run of pinyin is counted through its
// parts: one of 2+ whole syllables without any is left out, initials or a single syllable are kept
// as typed (法律yz怎么办 -> 法律 yz).
std::vector<std::string> SearchIndex::MixedParts(std::string_view word, PartSearches& searches) const {
    std::vector<std::string> runs;
    bool latin_run = false;
    for (size_t pos = 0; pos < word.size();) {
        const size_t start = pos;
        const uint32_t f = FoldCodepoint(DecodeUtf8(word, pos));
        const bool latin = PinyinCharacter(f);
        if (runs.empty() || latin != latin_run) runs.emplace_back();
        latin_run = latin;
        runs.back().append(word, start, pos - start);
    }
    std::vector<std::string> parts;
    for (const std::string& run : runs) {
        std::vector<std::string> found;
        if (PinyinWord(run)) {
            found = PinyinParts(run, searches);
            if (found.empty() && WholeSyllables(run).size() < 2) found.push_back(run);
        } else if (!FragmentWord(run) && searches.Count(*this, run, false) > 0) {
            found.push_back(run);
        } else if (Splittable(run)) {
            found = WordParts(run, searches);
        }
        for (std::string& part : found) parts.push_back(std::move(part));
    }
    return parts;
}

bool SearchIndex::FragmentWord(std::string_view word) const {
    std::vector<uint32_t> cps;
    for (size_t pos = 0; pos < word.size() && cps.size() < 3;) cps.push_back(FoldCodepoint(DecodeUtf8(word, pos)));
    return cps.size() == 2 && Fragment(cps[0], cps[1]);
}

bool SearchIndex::EnglishTerm(std::string_view word) const {
    std::vector<uint32_t> cps;
    for (size_t pos = 0; pos < word.size();) {
        cps.push_back(FoldCodepoint(DecodeUtf8(word, pos)));
        if (!IsAsciiLetter(cps.back())) return false;
    }
    return SynonymTermAt(cps, 0) == cps.size() || PluralTerm(FoldText(word));
}

bool SearchIndex::SynonymTerm(std::string_view part) const {
    if (PinyinWord(part)) {
        const std::vector<SyllableRange> seg = Syllables(part);
        return !seg.empty() && SynonymReadingAt(seg, 0) == seg.size();
    }
    std::vector<uint32_t> cps;
    for (size_t pos = 0; pos < part.size();) cps.push_back(FoldCodepoint(DecodeUtf8(part, pos)));
    return SynonymTermAt(cps, 0) == cps.size();
}

bool SearchIndex::CommonWord(std::string_view part) const {
    const Lexicon* words = Words();
    if (!words) return false;
    if (PinyinWord(part)) {  // (weiyuanhui: a common word reads it, 委员会)
        const std::vector<SyllableRange> seg = Syllables(part);
        std::vector<uint32_t> cps;
        return std::any_of(words->CommonWords().begin(), words->CommonWords().end(), [&](const std::string& w) {
            cps.clear();
            for (size_t pos = 0; pos < w.size();) cps.push_back(DecodeUtf8(w, pos));
            return cps.size() >= 2 && cps.size() == seg.size() && ReadsSyllables(cps, seg.data());
        });
    }
    std::string folded;
    for (size_t pos = 0; pos < part.size();) AppendUtf8(folded, FoldCodepoint(DecodeUtf8(part, pos)));
    return words->Common(folded);
}

SearchResult SearchIndex::Search(const Query& query) const {
    Relaxing relaxing;  // (only a query that is relaxed searches again)
    SearchResult result = Named(SearchAsTyped(query, false, query.relax ? &relaxing : nullptr), query.text);
    if (result.total > 0 || !query.relax) {
        DropRelaxedMemos();
        return result;
    }
    relaxing.after_typed = true;
    // The query as typed, shown (nothing found otherwise): its words' counts made if they were not.
    auto as_typed = [&]() {
        if (relaxing.estimated) {
            const SearchResult counted = SearchAsTyped(query);
            result.word_totals = counted.word_totals;
            result.texts_searched += counted.texts_searched;
        }
        return result;
    };
    bool punctuation = false, truncated = false;
    std::vector<std::string> words = SplitWords(query.text, punctuation, truncated);
    if (words.empty()) return as_typed();
    // Every search made counts in what the result says was searched.
    uint32_t searched = result.texts_searched;
    const bool query_truncated = result.query_truncated || truncated;
    auto search = [&](const std::string& text, bool fuzzy = false) {
        Query q = query;
        q.text = text;
        SearchResult r = Named(SearchAsTyped(q, fuzzy, &relaxing), text);
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
        relaxing.estimated = false;  // (its counts are made: only the first search estimates)
        if (result.total > 0) return relaxed(std::move(result), SearchResult::Relaxation::Punctuation, text);
        // (Nothing either way: this result, whose word totals are for the words.)
    }
    // Pinyin with tone numbers (fa3lv4yuan2zhu4, as dictionaries and typists without tone marks
    // write it): the numbers as apostrophes between the syllables (fa'lv'yuan'zhu), for this
    // search and those below.
    {
        std::vector<std::string> toned = words;
        bool any = false;
        for (std::string& w : toned)
            if (std::string t = WithoutToneNumbers(w); !t.empty()) w = std::move(t), any = true;
        if (any) {
            words = std::move(toned);
            const std::string text = Join(words);
            SearchResult found = search(text);
            if (found.total > 0) return relaxed(std::move(found), SearchResult::Relaxation::ToneNumbers, text);
        }
    }
    // Words of Chinese characters by their sound: each word of two or more that matches nothing
    // read with one of its characters as the pinyin of its common reading (法制政府 -> 法zhi政府,
    // finds 法治政府; 行: xing), or, when none of those matches, two neighbouring ones (see
    // SoundVariants). A pinyin input method offers every character of a sound, and the wrong pick
    // is a common typo (法制 for 法治, 附议 for 复议). Of a word's readings, the one with the most
    // matches alone is searched with the other words.
    {
        std::vector<std::string> read = words;
        bool any = false;
        // (Only words that match nothing alone, when the query as typed counted them: a word it
        // found keeps its characters, and its matches are not searched again.)
        const bool counted = result.word_totals.size() == words.size();
        std::vector<std::vector<std::string>> variants(read.size());
        std::vector<size_t> singles(read.size());
        size_t slips = 0;
        for (size_t i = 0; i < read.size(); ++i)
            if (!counted || result.word_totals[i] == 0) {
                variants[i] = SoundVariants(read[i], singles[i]);
                slips += !variants[i].empty();
            }
        // (More words than kMaxSoundSlips that match nothing are no slips of the input method but
        // a sentence: its parts below.)
        size_t budget = slips <= kMaxSoundSlips ? kMaxSoundSearches : 0;
        SearchResult best;  // of the last word read
        relaxing.word_totals = false;  // (only whether anything matches is read)
        for (size_t i = 0; i < read.size() && budget > 0; ++i) {
            const std::vector<std::string>& mine = variants[i];
            size_t chosen = mine.size();
            best = SearchResult{};
            for (size_t v = 0; v < mine.size() && budget > 0; ++v, --budget) {
                if (v == singles[i] && chosen < mine.size()) break;  // (two characters only if one found nothing)
                SearchResult found = search(mine[v]);
                if (found.total > best.total) best = std::move(found), chosen = v;
            }
            if (chosen == mine.size()) {
                // None: the synonym term it would be with a character of the same sound (公正处:
                // 公证处, which the data holds under the names its synonyms give it).
                const std::string term = !counted || result.word_totals[i] == 0 ? SoundAlikeTerm(read[i]) : std::string();
                if (term.empty() || budget == 0) continue;
                --budget;
                best = search(term);
                if (best.total == 0) continue;
                read[i] = term;
                any = true;
                continue;
            }
            read[i] = mine[chosen];
            any = true;
        }
        // (One word: its best reading's search is the query's.)
        SearchResult found = !any ? SearchResult{} : read.size() == 1 ? std::move(best) : search(Join(read));
        found.texts_searched = searched;
        relaxing.word_totals = true;
        if (found.total > 0) return relaxed(std::move(found), SearchResult::Relaxation::SameReading, Join(read));
    }
    // Initials typed on past what any record holds, as a kiosk visitor types on past a match
    // (flyzzx: flyz finds 法律援助, 法律援助中心 is held nowhere): the longest prefix of
    // kMinInitialsPrefix letters or more that finds something stands for the query, at most
    // kMaxInitialsTries searches. No other part is listed: the letters left (zx) alone would find almost anything. Not a shorter
    // prefix: three initials mislead (sqj of sqjz, 社区矫正, finds 社区建设). Before the syllables
    // that sound alike: initials already stand for z and zh alike, and that search costs as much.
    if (words.size() == 1 && InitialsOnly(words[0])) {
        // (Kept for the next keystrokes, which would search them again: the word as typed found
        // nothing, and so did the prefixes that find nothing; known without filters, so for any.)
        const bool unfiltered = !query.filter.LeavesOut();
        if (unfiltered) KeepNothing(words[0]);
        for (size_t len = words[0].size() - 1, tries = 0; len >= kMinInitialsPrefix && tries < kMaxInitialsTries; --len, ++tries) {
            const std::string prefix = words[0].substr(0, len);
            if (FoundNothing(prefix)) continue;
            SearchResult found = search(prefix);
            if (found.total == 0) {
                if (unfiltered) KeepNothing(prefix);
                continue;
            }
            found.word_texts.clear();
            found.word_totals.clear();
            return relaxed(std::move(found), SearchResult::Relaxation::Parts, prefix);
        }
    }
    // Pinyin typed as many speakers say it (z for zh, n for l, in for ing...): its syllables also
    // read as those that sound alike.
    size_t chars = 0;
    if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return ReadAsPinyin(w, chars); })) {
        const std::string text = Join(words);
        relaxing.word_totals = false;  // (read only when it matches)
        relaxing.first = result.word_totals;
        SearchResult found = search(text, true);
        relaxing.word_totals = true;
        relaxing.first.clear();
        if (found.total > 0) return relaxed(std::move(found), SearchResult::Relaxation::SimilarPinyin, text);
    }

    // A word that names a region (兴山 怎么申请法律援助, kunming falvyuanzhu; 昆明法律援助 once split
    // into parts), when nothing matched even with the region's records holding it (the search
    // does that for a word in characters beside others): the rest of the query searched within
    // that region (SearchFilter::region), relaxed as any query is. One such word is read, once;
    // not when the query is already filtered by region.
    auto in_region = [&](const std::vector<std::string>& ws, SearchResult& out) {
        if (!query.filter.region.empty() || ws.size() < 2) return false;
        for (size_t i = 0; i < ws.size(); ++i) {
            std::string region = RegionNamed(ws[i]);
            if (region.empty()) continue;
            std::vector<std::string> rest = ws;
            rest.erase(rest.begin() + std::ptrdiff_t(i));
            Query q = query;
            q.text = Join(rest);
            q.filter.region = region;
            SearchResult r = Search(q);
            searched += r.texts_searched;
            if (r.total == 0) return false;
            r.texts_searched = searched;
            r.query_truncated |= query_truncated;
            r.region = std::move(region);
            r.region_word = ws[i];
            out = std::move(r);
            return true;
        }
        return false;
    };
    SearchResult regional;
    if (words.size() >= 2 && in_region(words, regional)) return regional;

    // Each word that matches nothing alone (before filters), split into its parts.
    std::vector<uint32_t> alone = result.word_totals;
    if (words.size() == 1) {
        if (!Splittable(words[0]) && !PinyinWord(words[0]) && !Mixed(words[0])) return as_typed();
        alone.assign(1, query.filter.LeavesOut() ? CountUpTo(words[0], 1, searched) : 0);
    }
    if (alone.size() != words.size()) return as_typed();
    std::vector<std::string> parted;
    PartSearches part_searches;
    bool split = false;  // a word split
    std::vector<std::string> dropped;  // words left out
    // An English query (a word of it is an English synonym term, as the English screen's search
    // tips name them: legal aid) leaves out the language's function words, which would otherwise
    // be read as pinyin (to: 通 投 统; me: 门): how to apply for legal aid -> legal aid.
    const bool english = std::any_of(words.begin(), words.end(), [&](const std::string& w) { return EnglishTerm(w); });
    bool function_words = false;  // some left out so
    // Pinyin words typed apart (falv yuanzhu zenme shenqing) are read as one sentence, so that a
    // part may span them (falvyuanzhu, not falv and yuanzhu apart), when its letters are no more
    // than a word's and its syllables are whole ones (else each word on its own, as below).
    if (!english && words.size() >= 2 && std::all_of(words.begin(), words.end(), PinyinWord)) {
        std::string sentence;
        size_t letters = 0;
        std::vector<size_t> syllables;  // of each word
        for (const std::string& w : words) {
            sentence += (sentence.empty() ? "" : "'") + w;
            for (size_t pos = 0; pos < w.size(); ++letters) DecodeUtf8(w, pos);
            syllables.push_back(PartLength(w));
        }
        if (letters <= kMaxQueryWordLength) {
            std::vector<std::pair<size_t, size_t>> spans;
            std::vector<std::string> parts = PinyinParts(sentence, part_searches, syllables, &spans);
            // Only when that reads otherwise than the typed words (falv fuyi stays two words, each
            // listed alone). A word that matches nothing and no part touches is left out, as below.
            split = !parts.empty() && parts != words;
            for (size_t k = 0, first = 0; split && k < words.size(); first += syllables[k++]) {
                const bool touched = std::any_of(spans.begin(), spans.end(), [&](const std::pair<size_t, size_t>& span) {
                    return span.first < first + syllables[k] && first < span.second;
                });
                if (alone[k] == 0 && !touched) dropped.push_back(words[k]);
            }
            if (split)
                for (std::string& part : parts)
                    if (std::find(parted.begin(), parted.end(), part) == parted.end()) parted.push_back(std::move(part));
        }
    }
    const bool joined = split;
    for (size_t i = 0; i < words.size() && !joined; ++i) {
        if (english && EnglishFunctionWord(words[i])) {  // (not even listed: no chip for "to")
            function_words = true;
            continue;
        }
        std::vector<std::string> parts;
        if (alone[i] == 0)
            parts = PinyinWord(words[i])   ? PinyinParts(words[i], part_searches)
                    : Splittable(words[i]) ? WordParts(words[i], part_searches)
                    : Mixed(words[i])      ? MixedParts(words[i], part_searches)
                                           : parts;
        if (alone[i] == 0 && parts.empty()) {  // no record holds it or a part of it: left out (法律援助 怎么办)
            dropped.push_back(words[i]);
            continue;
        }
        split |= !parts.empty() && !(parts.size() == 1 && parts[0] == words[i]);
        if (parts.empty()) parts.push_back(words[i]);
        for (std::string& part : parts)  // (a repeated part adds nothing to the AND)
            if (std::find(parted.begin(), parted.end(), part) == parted.end()) parted.push_back(std::move(part));
    }
    searched += part_searches.texts_searched;
    if ((!split && dropped.empty() && !function_words) || parted.empty()) return as_typed();
    if (parted.size() > kMaxQueryWords) {  // (as many words as a query searches)
        parted.resize(kMaxQueryWords);
        result.query_truncated = true;
    }
    const std::string text = Join(parted);
    relaxing.totals_when_matched = parted.size() > 1;
    SearchResult found = search(text);
    relaxing.totals_when_matched = false;
    found.query_truncated |= result.query_truncated;
    if (found.total > 0) {
        // Every part, with what it finds alone, and each word left out (none), for the screen's
        // chips: when every part alone finds more than the parts together (如何申请行政复议: 申请
        // and 行政复议 together 1 record, 申请 alone 7, 行政复议 16), or a word was left out. Not
        // when one part's records are all found (legal aid: aid's 4, legal's 44: no chips).
        const bool counted = found.word_totals.size() == parted.size();
        const bool more = counted && std::all_of(found.word_totals.begin(), found.word_totals.end(),
                                                 [&](uint32_t n) { return n > found.total; });
        if (!more && dropped.empty()) {
            found.word_texts.clear(), found.word_totals.clear();
        } else {
            if (counted) found.word_texts = parted;
            else found.word_totals.assign(1, found.total), found.word_texts.assign(1, text);
            for (const std::string& w : dropped) found.word_texts.push_back(w), found.word_totals.push_back(0);
        }
        return relaxed(std::move(found), SearchResult::Relaxation::Parts, text);
    }
    // Nothing holds every part: the most specific part some record holds (one that is no common
    // word of the language, Lexicon::Common: 调解委员会 -> 调解, not 委员会, longer and held by
    // fewer; then the longest, then a synonym term, a word the deployer's synonyms name as one
    // people search for, then the one fewest records hold, then the first: 我想咨询离婚问题 -> 离婚
    // of 咨询 11, 离婚 10, 问题 22; 离婚协议怎么写 -> 离婚, not 协议 held by fewer), alone, with
    // every part's count for the screen's choice.
    if (in_region(parted, regional)) return regional;
    if (found.word_totals.size() != parted.size()) return as_typed();
    // (A part of pinyin whose every syllable reads a function character may be the question, not
    // what it asks for: zaina of lvshizaina, 在哪 as well as 灾难, ranks below lvshi. Unless records
    // hold it read as typed, its last syllable whole: hetong of hetongzaina, 和同 as well as 合同,
    // is what it asks for, while zaina finds 灾难 only as zai nan, a syllable longer than typed.)
    auto question = [&](const std::string& part) {
        const std::vector<SyllableRange> seg = PinyinWord(part) ? Syllables(part) : std::vector<SyllableRange>();
        return !seg.empty() && std::all_of(seg.begin(), seg.end(), [&](SyllableRange s) { return FunctionReading(s); }) &&
               search(part + "'").total == 0;
    };
    size_t best = parted.size();
    // no question, no common word, characters (syllables), a synonym term
    std::tuple<bool, bool, size_t, bool> best_rank{false, false, 0, false};
    for (size_t i = 0; i < parted.size(); ++i) {
        const uint32_t n = found.word_totals[i];
        if (n == 0) continue;
        const std::tuple<bool, bool, size_t, bool> rank{!question(parted[i]), !CommonWord(parted[i]), PartLength(parted[i]),
                                                        SynonymTerm(parted[i])};
        if (rank > best_rank || (rank == best_rank && n < found.word_totals[best])) best = i, best_rank = rank;
    }
    if (best == parted.size()) return as_typed();
    const std::string part = parted[best];
    SearchResult one = search(part);
    one.query_truncated |= found.query_truncated;
    if (one.total == 0) return as_typed();  // (filters)
    one.word_totals = std::move(found.word_totals);
    one.word_texts = std::move(parted);
    for (const std::string& w : dropped) one.word_texts.push_back(w), one.word_totals.push_back(0);
    return relaxed(std::move(one), SearchResult::Relaxation::Parts, part);
}

}  // namespace core
