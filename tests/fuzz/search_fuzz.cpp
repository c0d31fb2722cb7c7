// search_fuzz.cpp — libFuzzer target for the search query path: any bytes as a query (and as
// filter values) against a small fixed index must return, never crash or read out of bounds, and
// find what the same query finds on an index that keeps nothing between queries; a query of
// Chinese characters finds exactly the records a linear scan finds, and one of initials (xzf)
// those a scan of the characters' readings finds.
// The first bytes also pick options (grouping, limit, typing the query on from its prefix after
// the idle refinement, SearchIndex::Prepare, the memo budget, a dictionary of words or none).
// Depends on fazhitong_core.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/Pinyin.h"
#include "core/Search.h"
#include "core/TextNorm.h"

namespace {
struct Corpus {
    std::vector<std::string> text = {"推进法律援助工作站建设", "扩大法律援助覆盖面，提高援助的质量和效率。", "深化行政复议体制改革",
                                     "12348公共法律服务热线", "ＡＢＣ復議 xi'an 😀\xFF", "重大行政决策程序", "银行网点",
                                     "法", "", "法律、法规"};
    core::SearchIndex index;
    // With a dictionary (the web builds' packs carry one): a query's parts must then be words.
    explicit Corpus(bool words) : Corpus() {
        core::Problems problems;
        // (With function words, and a common word: parts neither start nor end with 的 or 和, nor
        // with 有 or a word of two, 没有.)
        if (words)
            index.SetLexicon(core::Lexicon::Parse(
                "dict.txt",
                "法律 1\n援助 1\n行政 1\n复议 1\n质量 1\n的 318825 uj\n和 555815 c\n工作 66367 vn\n有 423765 v\n没 52407 v\n没有 87597 v\n",
                problems));
    }
    // Each text is the title of kCopies records, whose bodies are the texts after it in turn:
    // enough candidates for the bigram contexts to be read for sure matches (SureMatches).
    static constexpr size_t kCopies = 3;
    size_t Records() const { return text.size() * kCopies; }
    const std::string& Title(size_t j) const { return text[j % text.size()]; }
    const std::string& Body(size_t j) const { return text[(j % text.size() + 1 + j / text.size()) % text.size()]; }
    Corpus() {
        core::SearchIndex::Builder b;
        for (size_t i = 0; i < Records(); ++i) {
            core::SearchRecord r;
            r.type = core::RecordType(i % core::kRecordTypeCount);
            r.index = uint32_t(i);
            r.id = Title(i);
            r.title = Title(i);
            r.body.push_back(Body(i));
            // Regions a query word may name (示例 -> 示例县; 朝阳: two of them), SearchResult::region.
            static const char* const kRegions[] = {"示例县", "昆明市", "朝阳区", "朝阳市"};
            r.regions.push_back(kRegions[i % 4]);
            r.kind = "centre";
            b.Add(r);
        }
        core::Synonyms s;
        s.AddGroup({"法援", "法律援助"});
        s.AddRule("复议", {"行政复议"});
        s.AddRule("打官司", {"诉讼", "法律援助"});  // a term whose pairs no record holds (relaxation by parts)
        s.AddRule("lawyer", {"法律援助"});  // an English word: an English question's function words are left out
        index = b.Finish(s);
    }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Corpus plain(false), worded(true);
    // The same corpora keeping nothing between queries (memo budget 0): the results a query has
    // whatever was searched before it, which the memos, the idle refinement and a relaxed
    // query's reuse of its words' matches must never change.
    static Corpus plain_fresh(false), worded_fresh(true);
    static const bool fresh_budget = (plain_fresh.index.SetMemoBudget(0), worded_fresh.index.SetMemoBudget(0), true);
    (void)fresh_budget;
    Corpus& corpus = size > 1 && (data[1] & 0x20) ? worded : plain;
    Corpus& fresh = &corpus == &worded ? worded_fresh : plain_fresh;
    core::Query q;
    if (size > 0) {
        q.group_by_type = data[0] & 1;
        q.limit = data[0] >> 1;
        q.filter.types = (data[0] & 0x20) ? 0x1F : uint32_t(data[0] & 0x1F);
    }
    q.text.assign(reinterpret_cast<const char*>(data), size);
    if (size > 1 && (data[1] & 1)) q.filter.region = q.text.substr(0, size / 3);
    // Memo budgets from none to the default: memos kept whole, as their matches alone, or not.
    const size_t budgets[] = {core::SearchIndex::kDefaultMemoBudget, 0, 256, 2048};
    corpus.index.SetMemoBudget(budgets[size > 1 ? (data[1] >> 3) & 3 : 0]);
    if (size > 1 && (data[1] & 2)) {
        // Typed: the query without its last byte first, then the idle refinement of its matches
        // (all of it, or one chunk), from which the query itself may then be answered.
        core::Query typed = q;
        typed.text.pop_back();
        corpus.index.Search(typed);
        corpus.index.Prepare((data[1] & 4) ? 0 : 1e9);
    }
    core::SearchResult r = corpus.index.Search(q);
    const core::SearchResult f = fresh.index.Search(q);
    if (r.total != f.total || r.total_by_type != f.total_by_type || r.relaxation != f.relaxation ||
        r.relaxed_text != f.relaxed_text || r.word_totals != f.word_totals || r.hits.size() != f.hits.size())
        __builtin_trap();
    for (size_t i = 0; i < r.hits.size(); ++i)
        if (r.hits[i].type != f.hits[i].type || r.hits[i].index != f.hits[i].index || r.hits[i].score != f.hits[i].score ||
            r.hits[i].title_ranges != f.hits[i].title_ranges || r.hits[i].snippet_ranges != f.hits[i].snippet_ranges)
            __builtin_trap();
    // A relaxed result is what its relaxed text finds as typed (the relaxation reuses what the
    // query as typed found: the same hits, scores and counts). Not for a region's (filtered).
    if ((r.relaxation == core::SearchResult::Relaxation::Punctuation ||
         r.relaxation == core::SearchResult::Relaxation::Parts) && r.region.empty()) {
        core::Query again = q;
        again.text = r.relaxed_text;
        again.relax = false;
        const core::SearchResult a = fresh.index.Search(again);
        if (a.total != r.total || a.hits.size() != r.hits.size()) __builtin_trap();
        for (size_t i = 0; i < a.hits.size(); ++i)
            if (a.hits[i].index != r.hits[i].index || a.hits[i].type != r.hits[i].type || a.hits[i].score != r.hits[i].score)
                __builtin_trap();
    }
    for (const core::Hit& h : r.hits) {
        for (const core::ByteRange& br : h.title_ranges)
            if (br.begin > br.end || br.end > h.title.size()) __builtin_trap();
        for (const core::ByteRange& br : h.snippet_ranges)
            if (br.begin > br.end || br.end > h.snippet.size()) __builtin_trap();
    }
    // Exact substring semantics against a linear scan, for a query of 2+ ideographs that fold to
    // themselves (Chinese as the records store it): bigram contexts answer many such patterns
    // from one posting list, or with nothing, without reading the text. Not where a synonym or a
    // region's name adds records.
    std::string_view text = q.text;
    size_t ideographs = 0;
    for (size_t pos = 0; pos < text.size();) {
        const uint32_t cp = core::DecodeUtf8(text, pos);
        if (cp < 0x4E00 || cp > 0x9FFF || core::FoldCodepoint(cp) != cp) {
            ideographs = 0;
            break;
        }
        ++ideographs;
    }
    if (ideographs >= 2) {
        core::Query exact;
        exact.text = q.text;
        exact.relax = false;
        const core::SearchResult e = fresh.index.Search(exact);
        if (e.synonyms.empty() && e.region.empty()) {
            uint32_t want = 0;
            // (The records' text folded as the index reads it: 復議 holds 复议.)
            for (size_t i = 0; i < corpus.Records(); ++i)
                want += core::FoldText(corpus.Title(i)).find(q.text) != std::string::npos ||
                        core::FoldText(corpus.Body(i)).find(q.text) != std::string::npos;
            if (e.total != want) __builtin_trap();
        }
    }
    // Initials (3-6 letters, no h: zh, ch and sh would be one slot each) against a scan of the
    // readings: the bigram contexts answer many such patterns without the text (SureMatches).
    const bool initials = q.text.size() >= 3 && q.text.size() <= 6 &&
                          q.text.find_first_not_of("bcdfgjklmnpqrstwxyz") == std::string::npos;
    if (initials) {
        core::Query exact;
        exact.text = q.text;
        exact.relax = false;
        const core::SearchResult e = fresh.index.Search(exact);
        if (e.synonyms.empty() && e.region.empty()) {
            auto reads = [&](const std::string& field) {
                std::vector<uint32_t> cps;
                for (size_t pos = 0; pos < field.size();) cps.push_back(core::FoldCodepoint(core::DecodeUtf8(field, pos)));
                for (size_t i = 0; i + q.text.size() <= cps.size(); ++i) {
                    size_t k = 0;
                    for (; k < q.text.size(); ++k) {
                        const uint16_t set = core::ReadingSetOf(cps[i + k]);
                        bool any = false;
                        for (const uint16_t* y = core::ReadingSetBegin(set); set && y != core::ReadingSetEnd(set); ++y)
                            any |= core::SyllableName(*y)[0] == q.text[k];
                        if (!any) break;
                    }
                    if (k == q.text.size()) return true;
                }
                return false;
            };
            uint32_t want = 0;
            for (size_t i = 0; i < corpus.Records(); ++i) want += reads(corpus.Title(i)) || reads(corpus.Body(i));
            if (e.total != want) __builtin_trap();
        }
    }
    (void)core::FoldText(q.text);
    return 0;
}
