// Search.h — Fazhitong's search engine: exact Chinese substring search with pinyin (full, initials,
// mixed), synonyms, traditional -> simplified folding, facet filters, ranking and highlights.
// Depends on Catalog.h (to index one), TextNorm.h, Pinyin.h; nlohmann_json in SearchSynonyms.cpp.
//
// How the index works
// - Every record (plan, task, unit, service point, channel) is a title plus body fields. Each code
//   point is folded (TextNorm.h) and mapped to a dense 16-bit "character id" of the corpus
//   alphabet (one unit per decoded code point, so unit i of a field is code point i of the
//   original UTF-8 and highlight offsets map back exactly). Whitespace and control characters are
//   breaks (id 0); no match spans a break or two fields. The index keeps no copy of the text:
//   fields are referenced in the Catalog (a pointer and a 16-bit size each) and decoded and
//   folded again when a candidate is verified or highlighted (a 64K-entry table maps raw BMP code
//   points to ids). A literal term is verified by a plain byte search for its folded UTF-8 when
//   the record holds no character that folds into the term's range (two bits a record say
//   whether any character folds to another non-ASCII one, e.g. traditional -> simplified, or to
//   another ASCII one, e.g. full-width or upper case; the byte search skips ahead Horspool-style
//   for terms of six bytes or more); otherwise the field is decoded and matched in the same
//   pass by a shift-and automaton (one bit a pattern slot, a mask a character id). Titles are
//   indexed as title for their first 65,535 characters; a match further into such a title still
//   counts as a title match when verified (3+ characters), as a body match otherwise.
// - Posting lists in one flat byte array: for every character id and every character bigram that
//   occurs, the sorted list of records containing it, each entry `record << 1 | in_title`,
//   Elias-Fano coded (low bits packed, high parts as a unary bit vector: at most 2 + log2(2 x
//   records / entries) bits an entry, 0.87 bytes on average at national scale; a list's size
//   follows from its count). Bigram keys (a << 16 | b) are sorted, so all bigrams starting with one
//   character are contiguous (pinyin uses that). Built in two passes over an id text that exists
//   only while building (the first counts, which sizes every list exactly); while building,
//   each distinct raw BMP code point is folded and interned once (a 64K-entry cache).
// - A literal query term of 1 or 2 characters is answered by its posting list alone (exact). A
//   longer term intersects the lists of all its bigrams, rarest first, and verifies each
//   candidate against the record's text: recall = precision = 1 by construction.
// - Majorities: where a long bigram's neighbours on a side do not all agree, but those of all its
//   records but an eighth or fewer do (a vote in the first pass), the index keeps that neighbour
//   and the records that differ (its exceptions, counted exactly in the second pass). A literal
//   term of 3+ characters that such neighbours (or the contexts above) chain from one of its
//   bigrams to both ends surely matches every record of that bigram but the chain's exceptions:
//   only the exceptions' text is read. A term whose character next to a bigram is not the
//   majority there can only match in that side's exceptions (执法行政: 法行 mostly after 依): its
//   candidates are those alone. On the bench's corpus of 30-200 character records, Chromium's
//   p95 went from 4.4 to 1.3 ms for 0.3 MB (1.5 %) more index. A side also keeps the pair of
//   nearest neighbours that all records but an eighth agree on, with its own exceptions, so a
//   chain can step two characters past a bigram whose own neighbours differ (共法 -> 律服 across
//   法律; of the ways to both ends, the one with the fewest exceptions), and a pattern with a
//   pair's nearest but not its next can match only in the pair's exceptions. The candidates of
//   a pattern such a chain spans are its spanning bigram's records, of its exceptions only those
//   on every other list (none of those lists is read for the rest), the rest sure matches added
//   as they come; 0.50 ms p95 in Chromium on that corpus, the build about 20 % slower.
// - A term with Latin letters is also read as pinyin: letters are split into syllables, initials
//   and a final prefix (Pinyin.h), each becoming a set of character ids whose Unihan readings
//   match (polyphones have several). Candidates are the records holding a matching bigram for
//   every adjacent pair of slots; with three slots or more, for every middle slot the same
//   character y must end a bigram from the slot before and start one into the slot after (a
//   record with 公共 and 工作 is no candidate for g-g-z), a per-record stamp per y. With three
//   slots the stamps also say whether the title holds both bigrams through the same y: a title
//   that does not is not searched (10-20 % of a first three-slot keystroke in wasm); with more
//   slots, every middle slot's stamps must say so. Candidates are then verified exactly against
//   the readings, but for the sure matches: a record holding a bigram of two adjacent slots whose
//   context chain (the one character every occurrence of it follows, that bigram's, and so on to
//   the first slot; likewise to the last) spans the pattern matches around every occurrence of
//   it, in its title when the bigram's title bit says so (national `ggf`: 432,883 of 432,898
//   matches through 共法; `xzf` 182,572 of 190,931). Its text is not read (its title only when it
//   may hold a match the bigram does not show); its memo then keeps no first match (or a lower
//   bound of it), so a next keystroke that is not sure of it too searches it whole.
// - Single Latin letters (the first keystroke, ~900,000 matches at national scale): Finish runs
//   the planner for a..z and keeps, for every distinct one-character pinyin set, its members and
//   two bitmaps of one bit a record (has a member anywhere / in the title), about 0.24 MB a set at
//   national scale; and the same for the one-slot sets of two letters whose members' posting
//   lists hold 500,000 entries or more (national zh: 3 million; 20 such sets there, none at 100k).
//   A one-slot set pattern with exactly those members reads its candidates from the bitmaps
//   instead of decoding every member's posting list: same candidates, same ranking.
// - Keystrokes: Search keeps the exact matches of each pattern with pinyin slots for the next
//   query (PatternMemo in Search.cpp; at most 10 MB; literal patterns' postings are tight
//   enough; a single letter's come from its bitmaps again), with, for patterns of 3+ slots, each
//   record's first match (field, byte) and the 6 character ids from there. A pattern of the next
//   query with the same slots reuses them unverified; one whose every slot lies within the
//   corresponding slot of a kept 3+ slot pattern (the last syllable narrowed or one more slot
//   typed: gonggongf -> gonggongfa -> gonggongfal) can only match those records, each at or after
//   that first match (a match of it starts a match of the kept one): it is checked against the
//   kept ids first and searches the record's text only from there when they do not decide it,
//   writing its own memo over the one it narrows. Where many of those records would be searched,
//   they are first filtered by the pattern's candidate marks, built from its middle slots past
//   those the kept pattern already holds (xzfy within xzf's matches: z-f-y alone). Same results
//   as without the memo; a typed letter then costs about a sixth of verifying from scratch at
//   national scale. In a query of
//   2+ words, a literal word of 3+ characters keeps its matches too (records only: typing the
//   other word on, 法律援助 怎么, reads them as they are). The three kinds of search a relaxed
//   query makes keep their memos apart, in one budget: as typed, with the syllables that sound
//   alike (xinzhengf -> xinzhengfu), and its words and parts after those (reading the typed
//   query's too: xingzheng fuyi zenme shenqin -> xingzhengfuyi); the last two are dropped when a
//   query matches as typed. Within one Search(), a literal word the query as typed verified is
//   not verified again by its relaxed searches (SearchIndex::Relaxing). Words typed apart
//   (falv yuan) are searched as one phrase (falv'yuan) before the words ANDed, so the phrase,
//   verified in the text, has the budget first; a word another follows keeps its matches alone
//   when it does not fit whole (the next keystroke reads them as they are). After the first
//   word, a word of 1-2 slots is read only within the matches so far; a pinyin one whose matches
//   are not kept is not even listed: the records it marked are read for those matches alone
//   (gonggong falv fu: fu's 748,614 national records, 23 -> 16 ms natively).
// - Between keystrokes (Prepare, in the app's idle time, a slice at a time): each memo's matches
//   are read to their end once, keeping per match the letters whose characters follow a match
//   (anywhere, in the title) and, for 3+ slots, its exact first match and window. A next pattern
//   of one more slot that is one letter's set (xz -> xzf) reads its matches from those bits, no
//   text; records not refined yet are searched. When the last slot is every syllable starting
//   with a whole one (falvyuanzhu: zhu, zhuan, zhuang...), the bits are kept for the whole
//   syllable alone (zhu), the one a new slot after it implies (falvyuanzhu z). Same results;
//   national initials typed with 300 ms pauses answer within 10 ms where the first three-slot
//   keystroke took 33-64 ms.
// - Verification reads candidates' text ahead in groups of 16 (the first bytes of their first
//   two fields, together), so their cache misses overlap: wasm has no prefetch instruction.
// - Synonyms (assets/data/synonyms.json) add alternative literal terms. Terms separated by spaces
//   must all match (AND); an all-Latin query is also tried as one pinyin phrase (fa lv yuan zhu).
// - Filters (region, kind, theme, unit, service, record type) are checked per matching record
//   against interned facet ids: changing them never rebuilds anything.
// - Ranking: title above body, literal above synonym above pinyin, exact title, title prefix,
//   whole-word and exact-phrase bonuses, a pinyin match that reads as words of the lexicon (in
//   the title; in a body, for the body matches read in rank order until a page's worth read so),
//   then shorter title, then record order: deterministic. Grouped by type, the group whose best
//   hit scores highest comes first (ties in type order).
//   The pass that filters and counts the matches also picks the best few hundred of each type by
//   score and title length as they stream by (TopK.h: a match enters only when it beats the k-th
//   best so far), which then get position bonuses and are sorted: no second pass over the
//   matches (up to a million), no copy of them, no sort. Arrays written right after they are
//   sized are not zeroed first (wasm has no fast memset: about 1 ms for 3.6 MB).
// - Packs (SaveTo / LoadFrom): the arrays above and the interned facets, never the text. LoadFrom
//   walks the Catalog as Build does (no decoding) for the per-record references, checks a
//   fingerprint of that walk, of the text and of the facet values (or, in a pack, of the walk's
//   shape and the checksum of the catalog section) against the saved one, rebuilds
//   the tables derived from the alphabet, and checks every offset, count and posting list before
//   use (national scale: 85 MB, loads in about half the build time).
// The index borrows the Catalog's strings (string_views): keep the Catalog alive and unchanged.
// Search() is const; its scratch memory is per thread and the memo of the last query is taken and
// put back under a mutex (a concurrent query runs without it), so it may run on several threads.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "Catalog.h"
#include "Lexicon.h"
#include "Pinyin.h"
#include "Problem.h"

namespace core {

enum class RecordType : uint8_t { Plan, Task, Unit, ServicePoint, Channel };
constexpr size_t kRecordTypeCount = 5;
const char* ToString(RecordType type);  // "plan", "task", "unit", "service_point", "channel"

// Synonyms and abbreviations kept as data (assets/data/synonyms.json, format in SCHEMA.md).
class Synonyms {
public:
    // Every term of a two-way group finds the others; a one-way rule makes `from` also find `to`.
    void AddGroup(const std::vector<std::string>& terms);
    void AddRule(const std::string& from, const std::vector<std::string>& to);
    // Each `from` also finds its `to` (as AddRule; packs store a parsed synonyms.json this way).
    void AddPairs(const std::vector<std::pair<std::string, std::string>>& pairs);
    const std::vector<std::pair<std::string, std::string>>& Pairs() const { return m_pairs; }  // folded, sorted
    // Alternatives for a folded query term (never includes the term itself), sorted, unique. An
    // English plural with no rule of its own is read as its singular, which is then one of them
    // (lawyers: lawyer, 律师, 法律援助).
    std::vector<std::string> Expand(std::string_view folded_term) const;
    // The singular of an English plural of 4+ letters that has no rule while its singular has one
    // (lawyers -> lawyer, injuries -> injury, taxes -> tax), or empty.
    std::string Singular(std::string_view folded_term) const;
    size_t Size() const { return m_pairs.size(); }

    // Parses synonyms.json. Problems are located by file and JSON pointer; what is valid is kept.
    static Synonyms Parse(const std::string& file, std::string_view json_text, Problems& problems);
    // Reads `dir`/synonyms.json; a missing file is no problem (an empty set).
    static Synonyms Load(const std::string& dir, Problems& problems);

private:
    friend class SearchIndex;  // packs (SaveTo / LoadFrom)
    std::vector<std::pair<std::string, std::string>> m_pairs;  // folded from -> folded to, sorted
};

// Facet filters; an empty string means "any". A record passes when it has the value.
struct SearchFilter {
    std::string region;   // region name, or the parent of the record's region
    std::string kind;     // plan kind ("annual_report") or service point / channel kind ("centre")
    std::string theme;    // theme id
    std::string unit;     // canonical unit name (tasks that name it, the unit itself)
    std::string service;  // a service a point or channel offers (法律援助)
    uint32_t types = 0x1F;  // bit (1 << RecordType): which record types to return
    // Whether it leaves out any record: a facet named, or a type of the five not returned.
    bool LeavesOut() const {
        return (types & 0x1F) != 0x1F || !region.empty() || !kind.empty() || !theme.empty() || !unit.empty() ||
               !service.empty();
    }
};

struct Query {
    std::string text;
    SearchFilter filter;
    size_t limit = 50;          // hits returned: per type when grouped, else in all
    bool group_by_type = true;  // hits grouped by type, the group with the best hit first (ties: plans, tasks, units, points, channels)
    bool highlights = true;     // false: hits without ranges or snippet (counting, benchmarks)
    bool relax = true;          // false: the query exactly as typed, never relaxed (Search)
};

struct ByteRange {  // [begin, end) in bytes of UTF-8
    uint32_t begin = 0;
    uint32_t end = 0;
    bool operator==(const ByteRange& o) const { return begin == o.begin && end == o.end; }
};

struct Hit {
    RecordType type = RecordType::Plan;
    uint32_t index = 0;  // into Catalog Plans(), Tasks(), Units(), Points() or Channels() by type
    std::string_view id;     // record id (a unit's id is its canonical name)
    std::string_view title;  // the record's title as stored in the Catalog
    int32_t score = 0;
    std::vector<ByteRange> title_ranges;  // into `title`, sorted, not overlapping
    std::string_view snippet;  // ~80 characters of the first body field that matched (around the
                               // first match), else of the first body field; empty if none
    std::vector<ByteRange> snippet_ranges;  // into `snippet`
    bool snippet_cut = false;  // the snippet starts inside its field (at a clause where one starts
                               // in the 20 characters before the match): the view opens it with …
};

struct SearchResult {
    std::vector<Hit> hits;
    std::array<uint32_t, kRecordTypeCount> total_by_type{};  // matches after filters, per type
    uint32_t total = 0;
    bool query_truncated = false;  // the query was longer than searched (8 terms, 64 characters each)
    // The words searched were syllables typed apart, each a whole one but the last (fa lv yuan zh,
    // as a kiosk visitor taps them), and were read as one phrase, not as words ANDed anywhere.
    bool phrase = false;
    // Nothing matched the query as typed, and these are the matches of `relaxed_text` instead:
    // - Punctuation: the query with its punctuation as spaces (法律援助。 -> 法律援助,
    //   《行政复议法》 -> 行政复议法);
    // - SimilarPinyin: its pinyin read with the syllables that sound alike (z/zh, c/ch, s/sh,
    //   n/l, an/ang, en/eng, in/ing: falvyuanzu, xinzheng), `relaxed_text` its words;
    // - SameReading: a word of 2-8 Chinese characters (one or two words of the query) read with
    //   one character as the pinyin of its common reading (法制政府 -> 法zhi政府 finds 法治政府,
    //   行政附议 -> 行政fu议 finds 行政复议: a character of the same sound, the wrong pick of a
    //   pinyin input method), or two neighbouring ones when one finds nothing (行政付移 ->
    //   行政fu'yi); never every character (遗嘱 -> yi'zhu would find 争议主渠道);
    // - Parts: each word that matches nothing alone split into its longest parts that do
    //   (怎么申请法律援助 -> 申请 法律援助, as words that must all match), or, when nothing holds
    //   every part, the longest part alone (法律援助; `word_texts` then lists every part).
    // - ToneNumbers: pinyin typed with tone numbers, the numbers as apostrophes between its
    //   syllables (fa3lv4yuan2zhu4 -> fa'lv'yuan'zhu; the searches below read it so too);
    enum class Relaxation : uint8_t { None, Punctuation, SimilarPinyin, SameReading, Parts, ToneNumbers };
    Relaxation relaxation = Relaxation::None;
    std::string relaxed_text;  // empty when None
    // The synonym terms searched too, as synonyms.json spells them folded (交通事故 ->
    // 交通损害赔偿; lihun -> 婚姻家庭), each once, in the query's order: the screen names them, since
    // a record found through one need not hold a word typed. Only terms records may hold (each
    // pair of their characters is held somewhere: not 法援 for 法律援助 in the bundled data);
    // terms that hold the typed one (复议 -> 行政复议) are not searched, so not listed.
    std::vector<std::string> synonyms;
    // A word of the query that names a region (`region_word` 昆明 -> `region` 昆明市, the
    // region's own name or it with 省/市/区/县...; SearchIndex::RegionNamed): a record's region is
    // a facet, not text, so the region's records hold the word too, below those whose text does
    // (a word in characters, with other words: 昆明 法律援助). When nothing matched even so, the
    // rest of the query was searched within that region (SearchFilter::region) and relaxed as any
    // query is (`relaxation` then says how the rest was: 兴山 怎么申请法律援助; 昆明法律援助 once
    // split into parts; kunming falvyuanzhu). Empty otherwise, and when a filter names a region.
    std::string region, region_word;
    // The records holding each word alone, before filters, in the order of `word_texts` (the
    // search screen offers each word's own search): when nothing matched a query of 2+ words
    // (its words, core::QueryWords), or when a search was relaxed to one of its parts (the
    // parts). Empty otherwise. Found by the same search: the words the AND reached cost nothing
    // more.
    std::vector<uint32_t> word_totals;
    std::vector<std::string> word_texts;  // as typed
    // Diagnostics (tests, benchmarks): candidate records whose text was searched to verify a match
    // of 3+ characters. Typing one more letter usually searches none (see PatternMemo).
    uint32_t texts_searched = 0;
};

// A query is searched as at most this many words (split at spaces) of this many characters each.
constexpr size_t kMaxQueryWords = 8;
constexpr size_t kMaxQueryWordLength = 64;

// The words of a query as a search reads them, split at spaces and punctuation: at most
// kMaxQueryWords, each of at most kMaxQueryWordLength characters, as typed (not folded). For the
// view's "each word alone" when nothing holds them all, and for SearchResult::relaxed_text.
std::vector<std::string> QueryWords(std::string_view text);
// The words in characters that a query typed in letters found, as an input method offers them
// (SearchTerms.cpp): the distinct texts of `r`'s highlight ranges that hold a Chinese character,
// those of the most hits first (ties: the first met, in the hits' order), at most `max`. Only
// when the text searched (`typed`, or `r.relaxed_text` when relaxed) is one word with a Latin
// letter (falvyuanzhu, flyz, 法律yz, 法zhi政府) or syllables typed apart, read as one phrase (fa lv
// yuan zhu: SearchResult::phrase); empty for any other (falv zixun: a tap would drop a word), and
// for a result of parts.
// A synonym searched too is not among them (lihun -> 婚姻家庭: SearchResult::synonyms names it).
// With `lexicon` (SearchIndex::Words), those that start with one of its words come first (tj ->
// 推进, 调解 before 统建 of 传统建筑); two matches side by side (one highlight) are left out when
// their parts are candidates (hang: 行, not 行行).
std::vector<std::string> CandidateWords(const SearchResult& r, std::string_view typed, size_t max,
                                        const Lexicon* lexicon = nullptr);
// Whether a word is read as pinyin, alone or mixed (法律yz): it holds a Latin letter or ü, full-width
// ones too; `chars` its characters.
bool ReadAsPinyin(std::string_view word, size_t& chars);
// Whether folded characters `cps` read `syllables` one by one (a character each; at least as many
// syllables as characters).
bool ReadsSyllables(const std::vector<uint32_t>& cps, const SyllableRange* syllables);
// A word of Latin letters (ü, full-width ones too) and apostrophes alone, as SegmentPinyin's
// letter groups (folded, ü as v, split at the apostrophes: xi'an -> xi, an); false for any other
// word (as the search reads a term's letters).
bool PinyinLetterGroups(std::string_view word, std::vector<std::string>& groups);

// One record for the builder: a title and body fields, plus its facets. The views must outlive
// the index.
struct SearchRecord {
    RecordType type = RecordType::Plan;
    uint32_t index = 0;
    std::string_view id;
    std::string_view title;
    std::vector<std::string_view> body;
    std::vector<std::string_view> regions;  // region name and its parent
    std::string_view kind;
    std::vector<std::string_view> themes, units, services;
};

class SearchIndex {
public:
    SearchIndex();
    ~SearchIndex();
    SearchIndex(SearchIndex&&) noexcept;
    SearchIndex& operator=(SearchIndex&&) noexcept;

    // Records an index holds at most (33.5 million; a national dataset is about one million):
    // Builder::Add leaves out any past it, and LoadFrom refuses a catalog of as many.
    static constexpr size_t kMaxRecords = size_t(1) << 25;

    // Indexes every plan, task, unit, service point and channel of `catalog`.
    static SearchIndex Build(const Catalog& catalog, Synonyms synonyms = {});

    class Builder {
    public:
        Builder();
        ~Builder();
        void Reserve(size_t records, size_t characters);
        void Add(const SearchRecord& record);
        SearchIndex Finish(Synonyms synonyms = {});

    private:
        friend class SearchIndex;
        explicit Builder(const Catalog* catalog);  // Build: records of `catalog`, in ForEachRecord order
        std::unique_ptr<struct SearchData> m_data;
    };

    // The ranked matches of `query`. When nothing matches it as typed, it is relaxed
    // (SearchResult::relaxation, in SearchRelax.cpp), and the result says so: a query with
    // punctuation is searched again with its punctuation as spaces (a pasted 法律援助。 or
    // 《行政复议法》 finds what 法律援助 and 行政复议法 find); then a query with pinyin with the
    // syllables that sound alike (falvyuanzu finds 法律援助); then a word of 3+ characters without
    // Latin letters that matches nothing alone is split into its longest parts that match
    // (怎么申请法律援助 -> 申请 法律援助), at most kMaxPartSearches searches of a part.
    SearchResult Search(const Query& query) const;
    static constexpr size_t kMaxPartSearches = 16;
    // Idle work between keystrokes: refines the last query's pinyin matches (PatternMemo in
    // Search.cpp) so that typing one more letter is answered from bits kept per match instead of
    // searching their text again. Works for about `budget_ms` and returns whether more remains
    // (call it again on the next idle frame); a Search in between simply starts from what is done.
    // Never changes a result, only how fast the next keystroke finds it.
    bool Prepare(double budget_ms) const;
    // The slice the app gives Prepare at a time while it is idle (between frames it does not
    // need, input handled between slices: a keystroke waits at most this long for it).
    static constexpr double kPrepareSliceMs = 8;
    // Bytes of the last query's matches kept for the next keystroke and its refinement (default
    // kDefaultMemoBudget, 10 MiB: at national scale about 500,000 matches with their first match
    // positions). Less suits a PC with little memory (typing on then searches more text); it
    // never changes a result.
    static constexpr size_t kDefaultMemoBudget = size_t(10) << 20;
    void SetMemoBudget(size_t bytes);
    void SetSynonyms(Synonyms synonyms);
    // The words of a dictionary (Lexicon.h): a query that matches nothing is then read by parts
    // that are words, never two characters of a longer word (未成年人保护: 保护, not 年人 of 老年人).
    // Only the words some record holds are kept. Without one, every pair of characters that
    // records hold may be a part.
    void SetLexicon(const Lexicon& words);
    const Lexicon* Words() const;  // the words kept, or null when none was set
    // The lexicon as packs carry it (core/Pack.h, words section): one bit for each pair of Han
    // characters the index holds, in the index's order, set for a word (about a bit a pair
    // instead of 7 bytes a word); `pairs` and `fingerprint` say which pairs those are. All zero
    // without a lexicon.
    std::string WordBits(uint64_t& pairs, uint64_t& fingerprint) const;
    // Sets the lexicon from such bits when this index holds the same pairs; false (nothing set)
    // when it does not (another tool's folding, or other data). Allocates only the words.
    bool SetWordBits(uint64_t pairs, uint64_t fingerprint, std::string_view bits);
    // The lexicon's common words (Lexicon::Common) whose pairs of characters records hold, as
    // packs carry them (common words section); set after SetWordBits, ignored without a lexicon.
    std::vector<std::string> CommonWords() const;
    // (Those of two characters by their positions among the lexicon's words, as packs carry
    // them: Lexicon::SetCommonWords; and its function words.)
    void SetCommonWords(std::vector<std::string> words, const std::vector<uint32_t>& positions,
                        std::vector<std::string> function_words);
    // Whether `part` (UTF-8, folded here) is a common word of the lexicon, or pinyin that one
    // reads (weiyuanhui: 委员会); false without a lexicon.
    bool CommonWord(std::string_view part) const;

    size_t RecordCount() const;
    size_t MemoryBytes() const;  // bytes the index itself holds (not the Catalog's strings)
    std::string MemoryReport() const;  // the same, by part: "text 110.2 MB, postings ..." (tools)
    // Build-time packs (core/Pack.h): the index's own arrays, never the Catalog's text. SaveTo
    // writes a self-delimiting blob through `write`; LoadFrom rebuilds an index over `catalog`
    // (the same catalog the saved index was built from, e.g. read from the same pack) reading
    // exactly what SaveTo wrote through `read` (which fills `n` bytes or returns false). Malformed
    // or truncated input returns false with `error` saying what and at which byte; never crashes.
    // `catalog_id` (not 0): the caller vouches that the catalog is the one this id names (a pack
    // passes the verified checksum of its catalog section); the saved fingerprint then covers the
    // walk's shape and the id instead of all the text, which LoadFrom does not hash again. An
    // index saved with an id loads only with the same id.
    using WriteFn = std::function<void(const void* data, size_t n)>;
    using ReadFn = std::function<bool(void* data, size_t n)>;
    void SaveTo(const WriteFn& write, uint64_t catalog_id = 0) const;
    static bool LoadFrom(const Catalog& catalog, const ReadFn& read, SearchIndex& out, std::string& error,
                         uint64_t catalog_id = 0);

    // The id of a Catalog's record as search returns it (Hit::id; a unit's is its canonical name).
    static std::string_view CatalogRecordId(const Catalog& catalog, RecordType type, size_t index);

    // Distinct facet values for filter menus, sorted: field is "region", "kind", "theme", "unit" or "service".
    std::vector<std::string> FacetValues(std::string_view field) const;

private:
    // What the searches of one Search() call share (SearchRelax.cpp); nothing is kept between calls.
    struct Relaxing {
        // The matches of the literal patterns of 3+ characters (verified in the records' text)
        // found in a query of 2+ words: a relaxed query searches again a word the query as typed
        // held (法律援助 怎么办 -> 法律援助; lihun zenmeban searches 离婚's synonym 人民调解 as
        // typed, with syllables that sound alike, then lihun alone). Keyed by the pattern's
        // character ids and quality; each value says which records match, and in the title.
        std::vector<std::pair<std::string, std::vector<uint64_t>>> literal;
        // False: a query of 2+ words that matches nothing does not count the words its AND did
        // not reach (SearchResult::word_totals; the syllables that sound alike: only whether
        // anything matched is read).
        bool word_totals = true;
        // True: the words are counted alone even when their AND matched (a query's parts: the
        // screen offers each part alone when one finds more than all of them together).
        bool totals_when_matched = false;
        // A query's words' totals as typed (SearchResult::word_totals): the AND of the same words
        // (with the syllables that sound alike) reads first those that matched fewest, so that
        // one that matched nothing and still does ends it before the others are searched.
        std::vector<uint32_t> first;
        // Set once the query as typed is searched: the searches after it keep their memos apart
        // (SearchData::relaxed_memo), reading the typed query's too.
        bool after_typed = false;
        // Set when the query as typed, syllables typed apart, gave 1 for each word some record
        // holds instead of its count (SearchAsTyped): the counts are made if the result is shown.
        bool estimated = false;
    };
    // The query as typed; `fuzzy`: its pinyin syllables also read as those that sound alike
    // (FuzzySyllables in Pinyin.h). With `relaxing`, literal patterns found before are not
    // verified again, and those this search verifies are added.
    SearchResult SearchAsTyped(const Query& query, bool fuzzy = false, Relaxing* relaxing = nullptr) const;
    // Frees the memos of the last relaxed query's searches after its query as typed (a query
    // matched as typed: the next keystroke will not search so).
    void DropRelaxedMemos() const;
    // Initials typed on past a match (SearchRelax.cpp: flyzzx, whose prefix flyz stands for it):
    // whether `text` is known to find nothing without filters (so with any), as typed or as a
    // prefix the last keystrokes tried, which the next keystrokes would try again; KeepNothing
    // keeps that it does.
    bool FoundNothing(std::string_view text) const;
    void KeepNothing(std::string_view text) const;
    // Whether some record holds folded characters a then b (their bigram's posting list).
    bool HeldPair(uint32_t a, uint32_t b) const;
    // Whether folded a then b, two Han characters, are no word of the lexicon (SetLexicon) and
    // are no synonym term: then they are no part of a query on their own. False without a lexicon.
    bool Fragment(uint32_t a, uint32_t b) const;
    bool FragmentWord(std::string_view word) const;  // a word of two such characters
    // Whether folded a then b, two Han characters, are a word of the lexicon (false without one).
    bool LexiconWord(uint32_t a, uint32_t b) const;
    // Whether folded c is a function word of the lexicon (Lexicon::FunctionCharacter; false without one).
    bool FunctionCharacter(uint32_t c) const;
    // Whether no part of a query starts with folded a then b (`start`), or ends with them: the
    // character at that edge is a function character that is no word with its neighbour (的法律
    // of 附近的法律援助), or whose word is of two function characters (没有法律 of 有没有法律顾问).
    bool LooseEdge(uint32_t a, uint32_t b, bool start) const;
    // Whether a syllable reads a function character of the lexicon (na: 哪 那; zai: 在).
    bool FunctionReading(SyllableRange syllable) const;
    // Whether two syllables read a function word of two characters (Lexicon::FunctionWords; na li:
    // 哪里 那里; ke yi: 可以) in its characters' common readings (shen me, 什么; not shi ma, though 什
    // reads shi and 么 ma too; nor jie zhao, though 接着's 着 reads zhao).
    bool FunctionWordReading(SyllableRange first, SyllableRange second) const;
    // The characters reading `syllables` (a range of Pinyin.h) that follow `before` in some
    // record's text (their bigram's posting list exists), or, when `before` is 0, that occur at
    // all; each with how many records hold that bigram (or character). Folded code points, in
    // character id order.
    std::vector<std::pair<uint32_t, uint32_t>> Followers(uint32_t before, SyllableRange syllables) const;
    // The most syllables of `syllables` from `at` on (2 or more, at most `most`) that a synonym
    // term's characters read (lihun: 离婚), or 0.
    size_t SynonymReadingAt(const std::vector<SyllableRange>& syllables, size_t at, size_t most = SIZE_MAX) const;
    // The most characters of folded `cps` from `at` on (2 or more, at most `most`) that are a
    // synonym term (打官司 in 打官司怎么办), or 0.
    size_t SynonymTermAt(const std::vector<uint32_t>& cps, size_t at, size_t most = SIZE_MAX) const;
    // Whether a folded word is the plural of an English synonym term (Synonyms::Singular).
    bool PluralTerm(std::string_view folded) const;
    // The synonym term a word of 3+ Chinese characters is, but for one character (or two
    // neighbouring ones, in a word of four or more) of the same sound, as an input method's wrong
    // pick writes it (公正处: 公证处; 律师事物所: 律师事务所); empty if none, or if two are.
    std::string SoundAlikeTerm(std::string_view word) const;
    // The region a word names (SearchResult::region): the one whose name is the word, or the word
    // and an administrative suffix (昆明 -> 昆明市, 兴山 -> 兴山区), in characters or in pinyin of
    // whole syllables (kunming); empty when none or several do (朝阳 of 朝阳区 and 朝阳市), or the
    // word has fewer than two characters (syllables).
    std::string RegionNamed(std::string_view word) const;
    // Whether a part (as typed: characters, or pinyin that reads one) is a whole synonym term.
    bool SynonymTerm(std::string_view part) const;
    // Whether a word of Latin letters alone is, as typed, a whole synonym term (lawyer, legal):
    // an English word, not pinyin.
    bool EnglishTerm(std::string_view word) const;
    // The characters (2 or more, at most `room`) of the longest synonym term `fits` accepts, or 0.
    size_t LongestSynonym(size_t room, const std::function<bool(const std::vector<uint32_t>&)>& fits) const;
    // How many records hold `word` (one word without Latin letters, as typed, or a synonym of
    // it; a record matched by several counts for each), up to `cap`: stops there. Adds the
    // records it searched to `texts_searched`.
    uint32_t CountUpTo(std::string_view word, uint32_t cap, uint32_t& texts_searched) const;
    // The longest parts of a word (3+ characters) that some record holds (SearchRelax.cpp).
    struct PartSearches;
    std::vector<std::string> WordParts(std::string_view word, PartSearches& searches) const;
    // The longest runs of 2+ syllables that some record holds in a pinyin word
    // (falvyuanzhuzenmeban -> falvyuanzhu; SearchRelax.cpp).
    // `word_syllables`: the syllables of each typed word when `word` is typed words joined by
    // apostrophes (falv'yuanzhu'zenme), whose spaces a run crosses only whole words on each side.
    // `spans`: each part's syllables [begin, end) in `word`.
    std::vector<std::string> PinyinParts(std::string_view word, PartSearches& searches,
                                         const std::vector<size_t>& word_syllables = {},
                                         std::vector<std::pair<size_t, size_t>>* spans = nullptr) const;
    // The parts of a word of pinyin and other characters together (怎么申请falvyuanzhu -> 申请
    // falvyuanzhu), each run of one kind read as a word of its own (SearchRelax.cpp).
    std::vector<std::string> MixedParts(std::string_view word, PartSearches& searches) const;
    static size_t CatalogRecordCount(const Catalog& catalog);
    static void ForEachRecord(const Catalog& catalog, const std::function<void(const SearchRecord&)>& add);
    std::unique_ptr<struct SearchData> m_data;
};

// Gets the search code and memory ready for the first keystrokes on a big index (from
// kWarmUpFrom records; returns 0 at once below that, where every query takes about a millisecond):
// runs searches of every kind (Chinese, pinyin, initials, synonyms, traditional characters,
// filters, typed a character at a time) on a small generated index of its own, and allocates,
// touches and frees kWarmUpBytesPerRecord bytes a record of working memory. For runtimes that
// compile code as it runs and grow memory in steps: V8 runs a wasm function's first calls
// unoptimised, at about half speed, and a first growth of wasm memory set off a garbage
// collection and fresh pages; so the first pinyin keystrokes after a national load took 20-28 ms
// where later ones take 5-10 (node, the national pack). The app runs it as its first idle
// work (App::IdleWork). Returns the milliseconds it took (about 60-90 in wasm).
// Sizes this thread's scratch marks for queries of an index of `records` now (WarmUpSearch).
void ReserveSearchScratch(size_t records);
constexpr size_t kWarmUpFrom = 50000;
constexpr size_t kWarmUpBytesPerRecord = 10;
double WarmUpSearch(size_t index_records);

}  // namespace core
