// Search.cpp — the index (alphabet, id text, posting lists, facets), the query planner (terms,
// literal / synonym / pinyin patterns), candidate generation, verification, ranking and
// highlights. See the design comment in Search.h. Depends on Search.h, TextNorm.h, Pinyin.h, TopK.h.
#include "Search.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

#include "OutOfLine.h"
#include "Pinyin.h"
#include "TextNorm.h"
#include "TopK.h"

namespace core {

const char* ToString(RecordType type) {
    switch (type) {
        case RecordType::Plan: return "plan";
        case RecordType::Task: return "task";
        case RecordType::Unit: return "unit";
        case RecordType::ServicePoint: return "service_point";
        case RecordType::Channel: return "channel";
    }
    return "?";
}

// (FZ_SMALL, OutOfLine.h: code that runs once a query plan, a shown hit or a load, not per match
// or per record.)

// ==== [SECTION] Data =============================================================================

namespace {
constexpr uint16_t kBreak = 0;      // whitespace, controls, invalid bytes, unknown characters
constexpr uint16_t kFieldSep = 1;   // between the title and body fields
constexpr uint16_t kFirstChar = 2;  // first real character id
constexpr size_t kMaxTerms = kMaxQueryWords;
constexpr size_t kMaxTermLength = kMaxQueryWordLength;
constexpr size_t kMaxPatterns = 16;  // alternatives per term (literal, synonyms, pinyin parses)
// Bigram neighbours kept beyond one (SearchData::ext_of): at most this many a side, for bigrams
// of at least this many records (those whose matches cost most to verify; a rare bigram's
// records are few, and a corpus holds hundreds of thousands of them).
constexpr size_t kExtendChars = 6;
inline size_t ExtendFrom(size_t records) { return std::max<size_t>(8, records / 1024); }
// Bigrams whose every right neighbour is kept (SearchData::nb_of): those of at least this many
// records, where a pattern that continues one with a character it is never followed by would
// cost most to verify.
inline size_t NeighboursFrom(size_t records) { return std::max<size_t>(8, records / 256); }

// Decodes the code point at b[pos] when it is ASCII or a complete three-byte sequence (nearly all
// of Chinese text), with its length in bytes. Anything else (a longer, shorter or broken sequence)
// returns false: the caller decodes it with DecodeUtf8 (or gives up). The one inline decoder of
// the index's build, DecodeField and the verifiers, so all read a field as the same units.
inline bool InlineCodePoint(const unsigned char* b, size_t pos, size_t n, uint32_t& cp, size_t& len) {
    const unsigned char c = b[pos];
    if (c < 0x80) {
        cp = c;
        len = 1;
        return true;
    }
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && pos + 3 <= n && (b[pos + 1] & 0xC0) == 0x80 && (b[pos + 2] & 0xC0) == 0x80) {
        cp = (uint32_t(c & 0x0F) << 12) | (uint32_t(b[pos + 1] & 0x3F) << 6) | (b[pos + 2] & 0x3F);
        len = 3;
        return true;
    }
    return false;
}

enum FacetField : uint8_t { kRegion, kKind, kTheme, kUnit, kService, kFacetFieldCount };
const char* const kFacetFieldNames[] = {"region", "kind", "theme", "unit", "service"};
}  // namespace

namespace {
// Open-addressing map from a nonzero 32-bit key to a 32-bit value, used only while building
// (bigram key -> provisional id; facet list hash -> pool offset).
class KeyTable {
public:
    explicit KeyTable(size_t capacity_pow2) : m_keys(capacity_pow2, 0), m_ids(capacity_pow2, 0) {}
    uint32_t FindOrInsert(uint32_t key, uint32_t next_id, bool& inserted) {
        if ((m_count + 1) * 2 > m_keys.size()) Grow();
        size_t mask = m_keys.size() - 1;
        size_t h = (key * 0x9E3779B1u) >> 7 & mask;
        for (;; h = (h + 1) & mask) {
            if (m_keys[h] == key) {
                inserted = false;
                return m_ids[h];
            }
            if (m_keys[h] == 0) {
                m_keys[h] = key;
                m_ids[h] = next_id;
                ++m_count;
                inserted = true;
                return next_id;
            }
        }
    }
    uint32_t Find(uint32_t key) const {
        size_t mask = m_keys.size() - 1;
        size_t h = (key * 0x9E3779B1u) >> 7 & mask;
        for (;; h = (h + 1) & mask) {
            if (m_keys[h] == key) return m_ids[h];
            if (m_keys[h] == 0) return UINT32_MAX;
        }
    }

private:
    void Grow() {
        std::vector<uint32_t> keys(m_keys.size() * 2, 0), ids(m_keys.size() * 2, 0);
        size_t mask = keys.size() - 1;
        for (size_t i = 0; i < m_keys.size(); ++i) {
            if (!m_keys[i]) continue;
            size_t h = (m_keys[i] * 0x9E3779B1u) >> 7 & mask;
            while (keys[h]) h = (h + 1) & mask;
            keys[h] = m_keys[i];
            ids[h] = m_ids[i];
        }
        m_keys.swap(keys);
        m_ids.swap(ids);
    }
    std::vector<uint32_t> m_keys, m_ids;
    size_t m_count = 0;
};

// Build time only: per unigram and bigram, the number of records holding it (which gives its
// posting list's size), counted as each record is added (CountKeys). `last` holds the previous
// entry (record << 1 | title) + 1. Bigrams get provisional ids in order of first appearance.
struct KeyCounts {
    std::vector<uint32_t> uni_last;
    // Bigrams of characters below `side` (ids come in order of first appearance, so these are the
    // common ones) are looked up in a direct side x side table, the rest in `table`: hashing every
    // bigram of the corpus twice was most of the build time. Its side grows with the alphabet up
    // to `most`, which follows the text's size given to Builder::Reserve (no table without it):
    // filling 4 MB took 45 ms of the bundled data's start-up in wasm, for 150,000 characters,
    // and a side of 1024 for the 443 characters of the 100k corpus made its build 7 % slower.
    uint32_t side = 0, most = 0;
    std::vector<uint32_t> direct;
    KeyTable table{1};  // (grows as needed: every SearchData holds one)
    std::vector<uint32_t> bi_count, bi_last, bi_key_of, bi_context;
    // Per bigram and side (2 x provisional id): the neighbour most of its occurrences have, by a
    // majority vote (Boyer-Moore), for SearchData::maj_of: the candidate << 16 | its votes (at
    // most 65,535; pass 2 counts the exceptions exactly, so a vote need only find the majority).
    // And the two nearest neighbours on a side (nearest << 16 | next), the same way: the pair <<
    // 32 | its votes (SearchData::maj_context2). Together, as each occurrence updates all four.
    struct Votes {
        uint32_t one[2];
        uint64_t two[2];
    };
    std::vector<Votes> maj_vote;
    static void Vote(uint32_t& state, uint32_t neighbour) {
        const uint32_t votes = state & 0xFFFFu;
        if (votes == 0) state = neighbour << 16 | 1;
        else if (state >> 16 == neighbour) state += votes < 0xFFFFu;
        else --state;
    }
    static void Vote2(uint64_t& state, uint32_t pair) {
        const uint32_t votes = uint32_t(state);
        if (votes == 0) state = uint64_t(pair) << 32 | 1;
        else if (uint32_t(state >> 32) == pair) state += votes < UINT32_MAX;
        else --state;
    }
    static uint16_t Candidate(uint32_t state) { return uint16_t(state >> 16); }
    static uint32_t Candidate2(uint64_t state) { return uint32_t(state >> 32); }
    static constexpr uint32_t kNoContextYet = UINT32_MAX;  // (character ids stop below 0xFFFF)
    uint32_t Find(uint16_t a, uint16_t b) const {
        return a < side && b < side ? direct[size_t(a) * side + b] : table.Find(uint32_t(a) << 16 | b);
    }
    // The provisional id of bigram a b, a new one (its counts zero) when it is met first.
    uint32_t FindOrInsert(uint16_t a, uint16_t b) {
        const uint32_t key = uint32_t(a) << 16 | b, next = uint32_t(bi_count.size());
        bool inserted;
        uint32_t pid;
        if (a < side && b < side) {
            uint32_t& slot = direct[size_t(a) * side + b];
            inserted = slot == UINT32_MAX;
            if (inserted) slot = next;
            pid = slot;
        } else {
            pid = table.FindOrInsert(key, next, inserted);
        }
        if (inserted) {
            bi_count.push_back(0);
            bi_last.push_back(0);
            bi_key_of.push_back(key);
            bi_context.push_back(kNoContextYet);
            maj_vote.push_back(Votes{{0, 0}, {0, 0}});
        }
        return pid;
    }
    // A side for `alphabet` characters (a power of two, at most `most`), with the bigrams so far
    // that now fall in it (they stay in `table` too, never looked up there again).
    void Fit(size_t alphabet) {
        if (alphabet <= side || side >= most) return;
        uint32_t s = std::max<uint32_t>(side, 64);
        while (s < alphabet && s < most) s *= 2;
        side = std::min(s, most);
        direct.assign(size_t(side) * side, UINT32_MAX);
        for (uint32_t pid = 0; pid < bi_key_of.size(); ++pid) {
            const uint32_t a = bi_key_of[pid] >> 16, b = bi_key_of[pid] & 0xFFFF;
            if (a < side && b < side) direct[size_t(a) * side + b] = pid;
        }
    }
};
}  // namespace

// A vector whose resize leaves the new elements uninitialised, for arrays written right after
// they are sized (candidates): zeroing a few megabytes first cost about 1 ms a national query in
// wasm.
template <class T>
struct UninitAlloc : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = UninitAlloc<U>;
    };
    UninitAlloc() = default;
    template <class U>
    UninitAlloc(const UninitAlloc<U>&) noexcept {}
    template <class U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};
// Candidates of a pattern: record << 1 | in title, in record order.
using Candidates = std::vector<uint32_t, UninitAlloc<uint32_t>>;

// The exact matches of one pattern of the last query (Search keeps them for the next query).
// Typing one letter at a time, the next query's pattern usually has every slot within the
// corresponding slot of one of these (the last syllable narrowed, or one more slot): its matches
// are then among these records, and each starts where this pattern does, so only these records
// are verified, each from its first match of this pattern on.
struct PatternMemo {
    std::vector<std::vector<uint16_t>> slots;  // the character ids of each slot, sorted
    Candidates records;  // record << 1 | in title (1-2 slots: in the indexed title units), sorted
    // Verified patterns (3+ slots), per record: its first match (the title if it matches there,
    // else the first body field that does; PackAt), and the field's first 6 character ids from
    // there (a window: whether a pattern of up to 6 slots matches there needs no text; 6 rather
    // than 8 ids or 23 bytes of UTF-8 kept a national first keystroke's memo at 20 bytes a
    // candidate with no slower typing natively). Empty for 1-2 slots.
    struct Window {
        uint16_t ids[6];
    };
    // Parallel to `records` (null for 1-2 slots). Plain arrays, written through local pointers:
    // no zero-filling, and the window's stores cannot alias a vector's end pointer. A memo read
    // from another's letter bits (`next`, below) has no `at` (read from a 1-2 slot memo) or only
    // lower bounds of its first matches, where a search of the record may start, with the other
    // memo's windows from there; refining it (Prepare) makes them exact.
    std::unique_ptr<uint32_t[]> at;
    std::unique_ptr<Window[]> window;
    // Idle refinement (SearchIndex::Prepare), between keystrokes: for records [0, refined), the
    // letters whose pinyin can follow a match (bit L: a character after some match of the pattern
    // has a reading starting with 'a' + L; `title`: after some match in the title), and for 3+
    // slots an exact `at` and `window`. With these, a pattern of one more slot that is a single
    // letter (xz -> xzf, falv -> falvy) reads its matches from the bits: no text, no postings.
    struct Next {
        uint32_t any, title;
    };
    std::unique_ptr<Next[]> next;  // null: not refined (or no room in the memo budget)
    size_t refined = 0;            // records refined so far, in order
    bool refine_done = false;      // nothing (more) to refine: done, or no room for it
    bool taken = false;            // its arrays were taken by the memo of the pattern it served
    // A memo whose last slot is every syllable starting with a whole one of 2+ letters (renmin:
    // ren, min or ming) refines its bits for that syllable alone (ren, min), the one a new slot
    // after it implies (renmint: ren, min, t; a letter that extends it, renming, narrows the slot
    // instead): these members, sorted (perhaps none), or nothing (its own slots). With 3+ slots
    // its first matches and windows stay those of its own slots (zhongguorenmin: 中国人名 is one;
    // kRefineLast). Passed on with the bits they are for.
    std::optional<std::vector<uint16_t>> refine_last;
    std::vector<uint64_t> refine_masks;  // while refining: the pattern's shift-and masks by id
    std::unique_ptr<uint32_t[]> refine_table;  // and for up to 6 slots, by raw code point (SmallBits)
    // Bytes of a memo of n records with the arrays named (records always).
    static size_t BytesFor(size_t n, bool with_at, bool with_window, bool with_next) {
        return n * (4 + (with_at ? 4 : 0) + (with_window ? sizeof(Window) : 0) + (with_next ? sizeof(Next) : 0));
    }
    size_t Bytes() const { return BytesFor(records.size(), bool(at), bool(window), bool(next)); }
    // Takes the records of `base` (the memo this one's pattern starts from, which no other pattern
    // of the query uses) and, with `arrays`, its first matches and windows: this memo's matches
    // are written over them (match k at or before record k of base, read by then).
    void TakeFrom(PatternMemo& base, bool arrays) {
        base.taken = true;
        records = std::move(base.records);
        if (!arrays) return;
        at = std::move(base.at);
        window = std::move(base.window);
    }
    // A first match as its field, counted from the record's title, << 24 | its byte offset in
    // that field; kNoAt when either does not fit (the record is then searched whole).
    static constexpr uint32_t kNoAt = UINT32_MAX;
    static uint32_t PackAt(size_t field, size_t byte) {
        return field < 255 && byte < (size_t(1) << 24) ? uint32_t(field << 24 | byte) : kNoAt;
    }
};

struct SearchData {
    // Per record (parallel arrays).
    std::vector<uint8_t> type;
    // An index of a Catalog (Build, LoadFrom) walks it in type order, each type's records in
    // Catalog order: a record's source index and id come from the Catalog and `type_begin`
    // (8 bytes a record fewer in wasm32). Records added one by one (Builder) keep both here.
    const Catalog* catalog = nullptr;  // set before the walk; type_begin by IndexTypes after it
    std::array<uint32_t, kRecordTypeCount + 1> type_begin{};
    std::vector<uint32_t> source_index;   // empty with a catalog
    std::vector<std::string_view> id;     // empty with a catalog
    uint32_t SourceIndex(size_t r) const { return catalog ? uint32_t(r) - type_begin[type[r]] : source_index[r]; }
    std::string_view Id(size_t r) const {
        return catalog ? SearchIndex::CatalogRecordId(*catalog, RecordType(type[r]), SourceIndex(r)) : id[r];
    }
    // Once the Catalog's walk is complete: type_begin from the types (in order by construction).
    void IndexTypes() {
        type_begin.fill(0);
        for (uint8_t t : type) ++type_begin[t + 1];
        for (size_t t = 0; t < kRecordTypeCount; ++t) type_begin[t + 1] += type_begin[t];
    }
    std::vector<uint32_t> field_begin{0};  // into field_data / field_size; a record's first field is its title
    // Field references into the Catalog's UTF-8: a pointer and a 16-bit size instead of a
    // string_view (6 bytes a field in wasm32 instead of 8, 10 natively instead of 16); the few
    // fields of 65,535 bytes or more (a plan's intro can be) have their size in long_field_size.
    std::vector<const char*> field_data;
    std::vector<uint16_t> field_size;
    std::vector<std::pair<uint32_t, uint32_t>> long_field_size;  // (field, bytes), by field
    static constexpr uint16_t kLongField = 0xFFFF;
    void PushFieldSize(size_t bytes) {
        if (bytes < kLongField) {
            field_size.push_back(uint16_t(bytes));
            return;
        }
        long_field_size.emplace_back(uint32_t(field_size.size()), uint32_t(std::min<size_t>(bytes, UINT32_MAX)));
        field_size.push_back(kLongField);
    }
    uint32_t FieldSize(size_t i) const {
        if (field_size[i] != kLongField) return field_size[i];
        auto it = std::lower_bound(long_field_size.begin(), long_field_size.end(), std::make_pair(uint32_t(i), 0u));
        return it->second;
    }
    // Every field's size as 32 bits (packs: the fingerprint and totals see the sizes as before).
    std::vector<uint32_t> FieldSizes32() const {
        std::vector<uint32_t> out(field_size.begin(), field_size.end());
        for (const auto& [f, bytes] : long_field_size) out[f] = bytes;
        return out;
    }
    std::vector<uint16_t> title_length;   // in units (capped at 65535)
    // Two bits per record (bit 2r: some character folds to a different non-ASCII one, e.g.
    // traditional -> simplified; bit 2r+1: some character folds to a different ASCII one, e.g.
    // full-width or upper case). When no character of a record folds into the range of a
    // literal pattern's characters, the pattern is verified by a byte search for its folded
    // UTF-8 (no decoding): full-width punctuation then never forces decoding for a Han term.
    std::vector<uint64_t> folds;
    // Facets: a record's facet ids (ForEachFacet order) as two lists, its regions and the rest
    // (kind, themes, units, services), each list stored once in `facet_pool` as its count and
    // its ids; `facet_lists` holds two pool offsets a record. Nearby service points share their
    // region and the kind and services of their kind: 8 bytes a point instead of 25.
    std::vector<uint32_t> facet_lists;   // per record: regions list, rest list
    std::vector<uint32_t> facet_pool{0};  // offset 0: the empty list
    KeyTable facet_list_ids{1 << 10};  // build time only: hash of a list -> its pool offset
    uint32_t InternFacetList(const uint32_t* ids, size_t count);
    template <class Fn>
    void ForEachFacetId(size_t r, Fn&& fn) const {  // fn(facet id) in ForEachFacet order
        for (size_t half = 0; half < 2; ++half) {
            const uint32_t* list = facet_pool.data() + facet_lists[2 * r + half];
            for (uint32_t i = 1; i <= list[0]; ++i) fn(list[i]);
        }
    }
    bool HasFacet(size_t r, uint32_t id) const {  // a handful of ids: no early exit needed
        bool found = false;
        ForEachFacetId(r, [&](uint32_t f) { found |= f == id; });
        return found;
    }

    // Build time only (emptied by Finish): character ids, fields separated by kFieldSep. Queries
    // decode and fold the Catalog's UTF-8 instead (DecodeField), which is the same sequence.
    std::vector<uint16_t> text;
    std::vector<uint32_t> text_begin{0};  // into text (build time only)
    // Build time only: raw BMP code point -> 1 << 24 | fold bits << 16 | character id (0: not
    // seen yet), so each distinct code point is folded and interned once.
    std::vector<uint32_t> build_raw;  // allocated by the first Add
    KeyCounts counts;                 // build time only
    // Raw BMP code point -> character id of its folded form (0 for a break or an unknown
    // character): decoding a field for verification is one table look-up a character.
    std::vector<uint16_t> raw_to_id;

    // Alphabet: character id <-> folded code point.
    std::vector<uint32_t> alphabet{0, 0};
    std::vector<uint16_t> bmp_to_id = std::vector<uint16_t>(0x10000, 0);
    std::unordered_map<uint32_t, uint16_t> astral_to_id;
    std::vector<uint16_t> reading_set;  // per character id
    // Per character id: bit L when one of its readings starts with letter 'a' + L (the set a
    // single typed letter stands for: SyllablesWithPrefix). PatternMemo::Next is made of these.
    std::vector<uint32_t> letter_mask;
    // A dictionary's two-character words that records hold (SetLexicon), if one was given.
    Lexicon words;
    bool has_words = false;

    // Postings: unigram lists by character id, then bigram lists in key order. Each list is the
    // sorted entries `record << 1 | in_title`, Elias-Fano coded (see ef:: below).
    std::vector<uint32_t> uni_begin;  // byte offsets, size alphabet + 1
    std::vector<uint32_t> uni_count;  // entries per list
    std::vector<uint32_t> bi_keys;    // sorted a << 16 | b
    std::vector<uint32_t> bi_begin;   // byte offsets, size bi_keys + 1
    std::vector<uint32_t> bi_count;
    // Per bigram (bi_keys order): the character every occurrence of it follows << 16 | the one
    // every occurrence precedes, each kBreak where occurrences differ or one is at a field's edge.
    // A literal pattern that such contexts chain from one of its bigrams to both its ends (共法
    // always between 公 and 律: 公共法, 共法律) matches exactly that bigram's records, in the
    // title exactly where its title bit says: no text to verify (DecideByContexts).
    std::vector<uint32_t> bi_context;
    // Beyond one character: for a bigram of ExtendFrom(n) records or more whose occurrences
    // agree on two or more neighbours on a side, as many as agree (up to kExtendChars), nearest
    // first (共法: always after 公, always before 律服务; so every occurrence of it lies in a
    // match of gonggongfalvfuwu, where the one-character chain stops at 法律, whose right
    // neighbours differ). ext_of: the bigram indices, sorted; ext_begin: where each one's entry
    // starts in ext_ids (one more: the end); an entry is left count << 8 | right count, then the
    // left neighbours, then the right ones (the first of each the character bi_context holds).
    std::vector<uint32_t> ext_of, ext_begin;
    std::vector<uint16_t> ext_ids;
    // Every character that follows a bigram of NeighboursFrom(n) records or more somewhere, where
    // its occurrences have more than one (bi_context holds kBreak on the right). A literal pattern
    // that continues such a bigram with another character occurs nowhere (执法行: 执法 is followed
    // by 人, 检, 监... but never 行), however many records hold all its bigrams (the national
    // data's 67,576, each read to find nothing: 42 ms natively). nb_of: the bigram indices,
    // sorted; nb_begin: where each one's characters start in nb_ids (one more: the end); each
    // one's characters sorted.
    std::vector<uint32_t> nb_of, nb_begin;
    std::vector<uint16_t> nb_ids;
    // Majority contexts: for a bigram of ExtendFrom(n) records or more whose occurrences do not all
    // have one neighbour on a side (bi_context holds kBreak there) but those of all records but an
    // eighth or fewer do, that neighbour, and its exceptions: the records with an occurrence that
    // has another. A literal pattern that such neighbours chain from one of its bigrams to both
    // its ends surely matches every record of that bigram but the chain's exceptions (共法 is
    // before 律 but in a few records: MarkSureMatches), in the title exactly where the bigram's
    // title bit says; one whose character next to a bigram is not the majority can only match
    // in that side's exceptions (LiteralCandidates). Text is read for those alone.
    std::vector<uint32_t> maj_of;       // bigram indices (bi_keys order), sorted
    std::vector<uint32_t> maj_context;  // per entry: left << 16 | right neighbour (kBreak: none on that side)
    // And the next neighbour beyond the nearest on a side, where the two nearest of all records but
    // an eighth or fewer agree (the nearest: bi_context's or maj_context's; kBreak: none): 共法
    // is mostly before 律服 where 法律's right neighbours differ (共法律服, 执法行为).
    std::vector<uint32_t> maj_context2;
    // Per entry and side (4i + side: 0 left, 1 right, 2 the left pair, 3 the right pair; one more
    // at the end): byte offsets into `maj_postings`, the exception lists, entries `record << 1`
    // (Elias-Fano, as the posting lists; 8 bytes of slack).
    std::vector<uint32_t> maj_begin;
    std::vector<uint32_t> maj_count;  // per entry and side: exception records
    std::vector<uint8_t> maj_postings;
    std::vector<uint8_t> postings;
    // Single Latin letters (a first keystroke): for each letter whose one-slot pinyin set occurs,
    // that set's members and its exact candidates as two bitmaps of n bits (any field, title),
    // precomputed by Finish; and the same for two letters whose set's lists are long
    // (kCachedSetEntries: zh, fa, xi...). A query whose one-slot set has the same members reads
    // the bitmap instead of decoding every posting list of the set (up to millions of entries).
    std::vector<std::vector<uint16_t>> letter_members;
    std::vector<uint64_t> letter_bits;  // per cached set: n bits any, then n bits title (words)

    // Facets: value strings per field, interned; id = index into facet_names.
    std::vector<std::pair<uint8_t, std::string>> facet_names;
    std::unordered_map<std::string, uint32_t> facet_ids;  // key: field byte + value

    Synonyms synonyms;
    // Each term synonyms.Pairs() names as `from` (once), as folded code points, 2 or more of
    // them: what SynonymTermAt and SynonymReadingAt compare, decoded once (a query's parts ask
    // for every character of it; decoding every pair each time cost 0.5 ms for a pasted sentence).
    std::vector<std::vector<uint32_t>> synonym_terms;
    void SynonymsChanged();

    // The last query's PatternMemos: taken by a Search (another thread meanwhile finds none) and
    // replaced by its own.
    mutable std::mutex memo_mutex;
    mutable std::vector<PatternMemo> memo;
    // The same, of the last query searched with the syllables that sound alike (the query as
    // typed matched nothing: SearchResult::Relaxation::SimilarPinyin), kept apart so that each
    // reads its own as the visitor types on (xinzhengf, xinzhengfu...). Not refined by Prepare;
    // dropped when a query matches as typed.
    mutable std::vector<PatternMemo> alike_memo;
    // The same, of the searches a relaxed query makes after its query as typed (its words, its
    // parts: xingzheng fuyi zenme shenqing -> xingzhengfuyi), so that the next keystroke's relaxed
    // search finds them (its query as typed keeps its own). They read the typed query's memo too,
    // never changing it. Dropped when a query matches as typed.
    mutable std::vector<PatternMemo> relaxed_memo;
    // Texts of initials that found nothing without filters, typed on past a match (SearchIndex::
    // FoundNothing), each followed by a newline, the latest last, under memo_mutex: typed on past a
    // broad match (xzfyz, xzfyzz... past xzfy's 170,075 national matches), each keystroke searched
    // the prefixes before again. Dropped with the relaxed memos, and by whatever changes what a
    // search finds (Set...). Not kept with a memo budget of 0.
    mutable std::string nothing;
    mutable uint64_t memo_generation = 0;  // +1 each time a Search puts its memos (Prepare checks)
    // The words before the last of the last query typed in words (2 or more), ANDed (their
    // Match::packed), with each one's count as the AND found it (`word_totals`, `counted_within`
    // in SearchAsTyped), under memo_mutex: typing the last word on, a query starts from a copy
    // of them instead of matching those words again. Key: their patterns (WordsKey); emptied by
    // a query with no such words; kept only when it takes no more than the memo budget (none
    // with a budget of 0: an index that keeps nothing between queries).
    mutable std::string words_key;
    mutable std::vector<uint32_t> words_and, words_totals;
    mutable std::vector<bool> words_within;
    // Bytes of PatternMemo a query keeps, the three kinds together (SetMemoBudget; while a query
    // runs, a memo it does not narrow in place is alive too). Part of the heap's high-water mark
    // while typing.
    size_t memo_budget = SearchIndex::kDefaultMemoBudget;
    // The records of the last region a query's word named (AddRegionMatches), sorted: typing on in
    // a query with a place name (昆明 法律援助) does not read every record's facets again.
    mutable std::mutex region_mutex;
    mutable uint32_t region_facet = UINT32_MAX;
    mutable std::vector<uint32_t> region_records;

    uint16_t IdOf(uint32_t folded) const {
        if (folded == 0) return kBreak;
        if (folded < 0x10000) return bmp_to_id[folded];
        auto it = astral_to_id.find(folded);
        return it == astral_to_id.end() ? kBreak : it->second;
    }
    uint16_t InternChar(uint32_t folded) {
        if (folded == 0) return kBreak;
        uint16_t id = IdOf(folded);
        if (id != kBreak || alphabet.size() >= 0xFFFF) return id;  // a full alphabet drops the rest
        id = uint16_t(alphabet.size());
        alphabet.push_back(folded);
        if (folded < 0x10000) bmp_to_id[folded] = id;
        else astral_to_id.emplace(folded, id);
        return id;
    }
    // Facet values repeat from record to record (a county, a service): a small direct-mapped
    // cache of recent values saves building a key string and hashing it for nearly every one.
    struct FacetCacheEntry {
        std::string value;
        uint32_t id = UINT32_MAX;
    };
    std::vector<FacetCacheEntry> facet_cache = std::vector<FacetCacheEntry>(kFacetFieldCount * 256);
    uint32_t InternFacet(uint8_t field, std::string_view value) {
        uint32_t h = uint32_t(value.size()) * 31u;
        for (size_t i = 0; i < value.size(); i += 1 + value.size() / 8) h = h * 131u + uint8_t(value[i]);
        FacetCacheEntry& c = facet_cache[field * 256u + (h & 255u)];
        if (c.id != UINT32_MAX && c.value == value) return c.id;
        c.value.assign(value);
        c.id = InternFacetSlow(field, value);
        return c.id;
    }
    uint32_t InternFacetSlow(uint8_t field, std::string_view value) {
        std::string key(1, char(field));
        key.append(value);
        auto [it, fresh] = facet_ids.emplace(key, uint32_t(facet_names.size()));
        if (fresh) facet_names.emplace_back(field, std::string(value));
        return it->second;
    }
    uint32_t FindFacet(uint8_t field, std::string_view value) const {
        std::string key(1, char(field));
        key.append(value);
        auto it = facet_ids.find(key);
        return it == facet_ids.end() ? UINT32_MAX : it->second;
    }
    // Calls fn(field, value) for a record's facets in the order they are stored.
    template <class Fn>
    static void ForEachFacet(const SearchRecord& r, Fn&& fn) {
        for (std::string_view v : r.regions)
            if (!v.empty()) fn(uint8_t(kRegion), v);
        if (!r.kind.empty()) fn(uint8_t(kKind), r.kind);
        for (std::string_view v : r.themes) fn(uint8_t(kTheme), v);
        for (std::string_view v : r.units) fn(uint8_t(kUnit), v);
        for (std::string_view v : r.services) fn(uint8_t(kService), v);
    }
    void AddRecordRefs(const SearchRecord& r, bool with_facets = true);
    size_t Records() const { return type.size(); }
    std::string_view Field(size_t i) const { return {field_data[i], FieldSize(i)}; }
    uint16_t RawId(uint32_t cp) const {
        if (cp < 0x10000) return raw_to_id[cp];
        return IdOf(FoldCodepoint(cp));
    }
};

// ==== [SECTION] Building =========================================================================

SearchIndex::Builder::Builder() : m_data(std::make_unique<SearchData>()) {}
SearchIndex::Builder::Builder(const Catalog* catalog) : m_data(std::make_unique<SearchData>()) {
    m_data->catalog = catalog;
}
SearchIndex::Builder::~Builder() = default;

void SearchIndex::Builder::Reserve(size_t records, size_t characters) {
    SearchData& d = *m_data;
    d.type.reserve(records);
    if (!d.catalog) {
        d.source_index.reserve(records);
        d.id.reserve(records);
    }
    d.field_begin.reserve(records + 1);
    d.field_data.reserve(records * 3);
    d.field_size.reserve(records * 3);
    d.text_begin.reserve(records + 1);
    d.title_length.reserve(records);
    d.facet_lists.reserve(2 * records);
    d.text.reserve(characters + records * 3);
    uint32_t side = 1;
    while (side < 1024 && size_t(side) * side < characters) side *= 2;
    d.counts.most = characters ? side : 0;
}

// The parts of a record that come from the Catalog without decoding text: type, source index,
// id, field references and facets. Shared by Builder::Add and LoadFrom (which restores these
// from the Catalog instead of the pack).
void SearchData::AddRecordRefs(const SearchRecord& r, bool with_facets) {
    type.push_back(uint8_t(r.type));
    if (!catalog) {
        source_index.push_back(r.index);
        id.push_back(r.id);
    }
    auto add_field = [&](std::string_view s) {
        field_data.push_back(s.data());
        PushFieldSize(s.size());
    };
    add_field(r.title);
    for (std::string_view b : r.body)
        if (!b.empty()) add_field(b);
    field_begin.push_back(uint32_t(field_data.size()));
    if (!with_facets) return;
    thread_local std::vector<uint32_t> ids;
    ids.clear();
    size_t regions = 0;
    ForEachFacet(r, [&](uint8_t field, std::string_view v) {
        ids.push_back(InternFacet(field, v));
        if (field == kRegion) ++regions;  // regions come first
    });
    facet_lists.push_back(InternFacetList(ids.data(), regions));
    facet_lists.push_back(InternFacetList(ids.data() + regions, ids.size() - regions));
}

uint32_t SearchData::InternFacetList(const uint32_t* ids, size_t count) {
    if (count == 0) return 0;
    uint32_t h = 0x811C9DC5u ^ uint32_t(count);
    for (size_t i = 0; i < count; ++i) h = (h ^ ids[i]) * 0x01000193u, h ^= h >> 15;
    bool fresh = false;
    const uint32_t at = uint32_t(facet_pool.size());
    const uint32_t found = facet_list_ids.FindOrInsert(h | 1u, at, fresh);  // (keys are nonzero)
    if (!fresh) {
        const uint32_t* list = facet_pool.data() + found;
        if (list[0] == count && std::equal(ids, ids + count, list + 1)) return found;
        // Another list with the same hash: this one is stored unshared (still correct).
    }
    facet_pool.push_back(uint32_t(count));
    facet_pool.insert(facet_pool.end(), ids, ids + count);
    return at;
}

namespace {
// The walk both passes of the build make over record r's text: character(a, e) for each
// character a (e: the entry, record << 1 | whether this occurrence is in the title) and
// pair(t, len, i, e) for each bigram t[i] t[i + 1] (e: the same for the bigram).
template <class Character, class Pair>
void ForEachKey(const SearchData& d, uint32_t r, Character&& character, Pair&& pair) {
    const uint16_t* t = d.text.data() + d.text_begin[r];
    const size_t len = d.text_begin[r + 1] - d.text_begin[r];
    const size_t title_len = d.title_length[r];
    for (size_t i = 0; i < len; ++i) {
        if (t[i] < kFirstChar) continue;
        character(t[i], r << 1 | (i < title_len ? 1 : 0));
        if (i + 1 < len && t[i + 1] >= kFirstChar) pair(t, len, i, r << 1 | (i + 1 < title_len ? 1 : 0));
    }
}

// Whether entry e is its key's first in its record (`last`: the key's previous entry + 1, 0 for
// none), which it then becomes. The title comes first in a record, so a key's first occurrence
// decides whether the record has it in its title.
inline bool FirstInRecord(uint32_t& last, uint32_t e) {
    if (last != 0 && (last - 1) >> 1 == e >> 1) return false;
    last = e + 1;
    return true;
}

// The first pass of the build, for record r as Add has just written it (while its text is in
// the cache): counts its unigrams and bigrams (KeyCounts), a key once a record, and each bigram's
// neighbours, kept where every occurrence agrees (bi_context).
void CountKeys(SearchData& d, uint32_t r) {
    KeyCounts& c = d.counts;
    if (c.uni_last.size() < d.alphabet.size()) {
        c.uni_last.resize(d.alphabet.size(), 0);
        d.uni_count.resize(d.alphabet.size(), 0);
    }
    c.Fit(d.alphabet.size());
    auto character = [&](uint16_t a, uint32_t e) {
        if (FirstInRecord(c.uni_last[a], e)) ++d.uni_count[a];
    };
    // The majority votes run in every other record: a neighbour that all but an eighth of a long
    // bigram's records have is the majority of half of them too, and pass 2 counts its exceptions
    // in all (a vote taken in all of them was about 15 % of the 100k build).
    const bool votes = (r & 1) == 0;
    auto pair = [&](const uint16_t* t, size_t len, size_t i, uint32_t e) {
        const uint32_t pid = c.FindOrInsert(t[i], t[i + 1]);
        // Its neighbours here (kBreak at a field's edge).
        const uint32_t left = i > 0 && t[i - 1] >= kFirstChar ? t[i - 1] : kBreak;
        const uint32_t right = i + 2 < len && t[i + 2] >= kFirstChar ? t[i + 2] : kBreak;
        uint32_t& context = c.bi_context[pid];
        if (context == KeyCounts::kNoContextYet) context = left << 16 | right;
        if ((context >> 16) != left) context &= 0xFFFFu;
        if ((context & 0xFFFFu) != right) context &= 0xFFFF0000u;
        if (votes) {
            KeyCounts::Votes& vote = c.maj_vote[pid];
            KeyCounts::Vote(vote.one[0], left);
            KeyCounts::Vote(vote.one[1], right);
            KeyCounts::Vote2(vote.two[0], left << 16 | (left != kBreak && i > 1 && t[i - 2] >= kFirstChar ? t[i - 2] : kBreak));
            KeyCounts::Vote2(vote.two[1], right << 16 | (right != kBreak && i + 3 < len && t[i + 3] >= kFirstChar ? t[i + 3] : kBreak));
        }
        if (FirstInRecord(c.bi_last[pid], e)) ++c.bi_count[pid];
    };
    ForEachKey(d, r, character, pair);
}
}  // namespace

void SearchIndex::Builder::Add(const SearchRecord& r) {
    SearchData& d = *m_data;
    if (d.Records() >= kMaxRecords) return;  // (a Match keeps a record in 25 bits)
    d.AddRecordRefs(r);
    if (d.build_raw.empty()) d.build_raw.assign(0x10000, 0);
    const size_t rec = d.type.size() - 1;
    uint32_t folds = 0;  // bit 0: to non-ASCII, bit 1: to ASCII
    for (size_t f = d.field_begin[rec]; f < d.field_begin[rec + 1]; ++f) {
        bool title = f == d.field_begin[rec];
        if (!title) d.text.push_back(kFieldSep);
        std::string_view s = d.Field(f);
        size_t start = d.text.size();
        const auto* b = reinterpret_cast<const unsigned char*>(s.data());
        const size_t n = s.size();
        size_t pos = 0;
        while (pos < n) {
            // ASCII and the common three-byte sequences are decoded inline (as DecodeField does)
            // and their fold and id come from a per-build cache of raw BMP code points.
            uint32_t cp;
            size_t len;
            if (InlineCodePoint(b, pos, n, cp, len)) pos += len;
            else cp = DecodeUtf8(s, pos);
            if (cp < 0x10000) {
                uint32_t cached = d.build_raw[cp];
                if (cached == 0) {
                    uint32_t fc = FoldCodepoint(cp);
                    uint32_t bits = fc != cp && fc != 0 ? (fc < 0x80 ? 2u : 1u) : 0u;
                    cached = 1u << 24 | bits << 16 | d.InternChar(fc);
                    d.build_raw[cp] = cached;
                }
                folds |= (cached >> 16) & 3u;
                d.text.push_back(uint16_t(cached));
                continue;
            }
            uint32_t fc = FoldCodepoint(cp);
            if (fc != cp && fc != 0) folds |= fc < 0x80 ? 2u : 1u;
            d.text.push_back(d.InternChar(fc));
        }
        if (title) d.title_length.push_back(uint16_t(std::min<size_t>(d.text.size() - start, 0xFFFF)));
    }
    size_t bit = rec * 2;
    if (d.folds.size() <= bit / 64) d.folds.push_back(0);
    d.folds[bit / 64] |= uint64_t(folds) << (bit % 64);
    d.text_begin.push_back(uint32_t(d.text.size()));
    CountKeys(d, uint32_t(rec));
}


// Posting lists are Elias-Fano coded: `count` increasing entries below `universe` (2 x records:
// record << 1 | in title) split into `low_bits` low bits each, packed, then the high parts as a
// bit vector in which entry i sets bit (entry >> low_bits) + i. With low_bits = floor(log2(
// universe / count)) a list takes at most count x (low_bits + 2) bits, about 0.87 bytes an entry
// at national scale against 1.09 for varint deltas (75 -> 60 MB), and its size follows from its
// count alone, so the builder's first pass only counts.
namespace ef {
inline uint32_t LowBits(uint64_t count, uint64_t universe) {
    if (count == 0 || universe <= count) return 0;
    const uint64_t q = universe / count;
    return std::min<uint32_t>(31, uint32_t(63 - __builtin_clzll(q)));
}
inline uint64_t LowBytes(uint64_t count, uint32_t low_bits) { return (count * low_bits + 7) / 8; }
inline uint64_t HighBits(uint64_t count, uint64_t universe, uint32_t low_bits) {
    return count + (universe ? (universe - 1) >> low_bits : 0);
}
inline uint64_t Bytes(uint64_t count, uint64_t universe) {
    if (count == 0) return 0;
    const uint32_t l = LowBits(count, universe);
    return LowBytes(count, l) + (HighBits(count, universe, l) + 7) / 8;
}
inline uint64_t Load64(const uint8_t* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
// A list being written: entries go in increasing order into zeroed bytes followed by 8 bytes of
// slack or more list bytes.
struct Writer {
    uint32_t begin = 0;      // byte offset of the list
    uint32_t high = 0;       // byte offset of its high bits
    uint32_t written = 0;    // entries so far
    uint8_t low_bits = 0;
    void Start(uint32_t at, uint32_t count, uint64_t universe) {
        begin = at;
        low_bits = uint8_t(LowBits(count, universe));
        high = at + uint32_t(LowBytes(count, low_bits));
    }
    void Put(uint8_t* postings, uint32_t entry) {
        const uint32_t l = low_bits, i = written++;
        if (l) {
            const uint64_t bit = uint64_t(i) * l;
            uint8_t* p = postings + begin + bit / 8;
            uint64_t w = Load64(p) | uint64_t(entry & ((1u << l) - 1)) << (bit % 8);
            std::memcpy(p, &w, 8);
        }
        const uint64_t hb = uint64_t(entry >> l) + i;
        postings[high + hb / 8] |= uint8_t(1u << (hb % 8));
    }
};
}  // namespace ef

namespace {
void PrecomputeLetterSets(SearchData& d);
void BuildCharTables(SearchData& d);
// The syllables one typed letter stands for (SyllablesWithPrefix of it: an initial, or a last
// letter still being typed), by letter; empty for a letter no syllable starts with.
const std::array<SyllableRange, 26>& LetterRanges() {
    static const std::array<SyllableRange, 26> ranges = [] {
        std::array<SyllableRange, 26> out{};
        for (int l = 0; l < 26; ++l) out[l] = SyllablesWithPrefix(std::string(1, char('a' + l)));
        return out;
    }();
    return ranges;
}
}  // namespace

namespace {
// The neighbours of a long bigram with a context on a side, followed in pass 2 (ext_of): each
// side's neighbours as the first occurrence has them, cut where another occurrence differs.
struct Neighbours {
    uint16_t ids[2][kExtendChars];  // left, right; nearest first
    uint8_t count[2] = {0, 0};
    bool seen = false;
};

// (Two plain loops once seen: this runs for most of the corpus's bigram occurrences, and a loop
// over both sides with the side a variable took 120 ms more of the 100k build in wasm.)
inline void Follow(Neighbours& x, const uint16_t* t, size_t i, size_t len) {
    const uint16_t* right = t + i + 2;  // (i + 2 <= len: the bigram ends at i + 1)
    const size_t right_room = len - (i + 2);
    if (!x.seen) {  // the first occurrence: its neighbours as far as a field's edge
        x.seen = true;
        for (uint8_t& c = x.count[0]; c < kExtendChars && c < i && t[i - 1 - c] >= kFirstChar; ++c) x.ids[0][c] = t[i - 1 - c];
        for (uint8_t& c = x.count[1]; c < kExtendChars && c < right_room && right[c] >= kFirstChar; ++c) x.ids[1][c] = right[c];
        return;
    }
    uint8_t c = 0;
    for (const size_t most = std::min<size_t>(x.count[0], i); c < most && t[i - 1 - c] == x.ids[0][c];) ++c;
    x.count[0] = c;
    c = 0;
    for (const size_t most = std::min<size_t>(x.count[1], right_room); c < most && right[c] == x.ids[1][c];) ++c;
    x.count[1] = c;
}

// A long bigram's majority neighbours, followed in pass 2 (SearchData::maj_of): the records whose
// occurrences have another on a side, until there are more than `most` of them (then none is kept).
// Sides 0 (left) and 1 (right) are the nearest neighbour's; 2 and 3 those of the two nearest
// (SearchData::maj_context2), `pair` (nearest << 16 | next) the pair most occurrences have.
struct Majority {
    uint32_t k = 0;  // the bigram's index (bi_keys order)
    uint32_t most = 0;
    uint16_t neighbour[4] = {kBreak, kBreak, kBreak, kBreak};  // kBreak: not followed on that side
    uint32_t pair[2] = {0, 0};
    uint32_t last[4] = {0, 0, 0, 0};  // the last exception record + 1
    std::vector<uint32_t> exceptions[4];
    bool Any() const {
        return neighbour[0] != kBreak || neighbour[1] != kBreak || neighbour[2] != kBreak || neighbour[3] != kBreak;
    }
};
// An occurrence in record r whose neighbour (or pair of them) on a side is `seen`.
inline void Except(Majority& x, int side, uint32_t seen, uint32_t r) {
    if (x.neighbour[side] == kBreak || x.last[side] == r + 1) return;
    if (seen == (side < 2 ? x.neighbour[side] : x.pair[side - 2])) return;
    x.last[side] = r + 1;
    if (x.exceptions[side].size() == x.most) {  // too many: no majority kept on this side
        x.neighbour[side] = kBreak;
        std::vector<uint32_t>().swap(x.exceptions[side]);
        return;
    }
    x.exceptions[side].push_back(r);
}

// Pass 2 of the build: the posting lists' writers, by character id and by provisional bigram id.
struct PostingWriter {
    SearchData& d;
    KeyCounts& counts;
    std::vector<ef::Writer>& uni_writer;
    std::vector<ef::Writer>& bi_writer;
    std::vector<Neighbours>& ext;
    std::vector<Majority>& maj;
    // Right neighbours (SearchData::nb_of): a bigram's words of bits, one a character id.
    std::vector<uint64_t>& nb_bits;
    // What pass 2 follows of a long bigram (one look-up an occurrence, not three): its entries
    // in ext and maj, its first word in nb_bits (UINT32_MAX: none); `follow_of` by provisional
    // id, the entry in `followed` or UINT32_MAX (empty when no bigram is followed).
    struct Followed {
        uint32_t ext = UINT32_MAX, maj = UINT32_MAX, nb = UINT32_MAX;
    };
    std::vector<uint32_t>& follow_of;
    std::vector<Followed>& followed;
};

// Writes record r's entries (a key once a record, as CountKeys counted them). Called once a
// record, OutOfLine: as one loop, the 100k build wrote its lists in a browser's baseline code.
void WriteKeys(PostingWriter& w, uint32_t r) {
    KeyCounts& counts = w.counts;
    uint8_t* out = w.d.postings.data();
    auto character = [&](uint16_t a, uint32_t e) {
        if (FirstInRecord(counts.uni_last[a], e)) w.uni_writer[a].Put(out, e);
    };
    auto pair = [&](const uint16_t* t, size_t len, size_t i, uint32_t e) {
        const uint32_t pid = counts.Find(t[i], t[i + 1]);
        if (FirstInRecord(counts.bi_last[pid], e)) w.bi_writer[pid].Put(out, e);
        if (w.follow_of.empty() || w.follow_of[pid] == UINT32_MAX) return;
        PostingWriter::Followed& f = w.followed[w.follow_of[pid]];
        if (f.nb != UINT32_MAX && i + 2 < len && t[i + 2] >= kFirstChar)
            w.nb_bits[f.nb + (t[i + 2] >> 6)] |= uint64_t(1) << (t[i + 2] & 63);
        if (f.maj != UINT32_MAX) {
            Majority& x = w.maj[f.maj];
            const uint32_t left = i > 0 && t[i - 1] >= kFirstChar ? t[i - 1] : kBreak;
            const uint32_t right = i + 2 < len && t[i + 2] >= kFirstChar ? t[i + 2] : kBreak;
            Except(x, 0, left, e >> 1);
            Except(x, 1, right, e >> 1);
            if (x.neighbour[2] != kBreak && x.last[2] != (e >> 1) + 1)
                Except(x, 2, left << 16 | (left != kBreak && i > 1 && t[i - 2] >= kFirstChar ? t[i - 2] : kBreak), e >> 1);
            if (x.neighbour[3] != kBreak && x.last[3] != (e >> 1) + 1)
                Except(x, 3, right << 16 | (right != kBreak && i + 3 < len && t[i + 3] >= kFirstChar ? t[i + 3] : kBreak), e >> 1);
            if (!x.Any()) f.maj = UINT32_MAX;
        }
        if (f.ext != UINT32_MAX) {
            Neighbours& x = w.ext[f.ext];
            Follow(x, t, i, len);
            if (x.count[0] < 2 && x.count[1] < 2) f.ext = UINT32_MAX;  // (kept by none: followed no more)
        }
    };
    ForEachKey(w.d, r, character, pair);
}
}  // namespace

FZ_SMALL SearchIndex SearchIndex::Builder::Finish(Synonyms synonyms) {
    SearchData& d = *m_data;
    d.synonyms = std::move(synonyms);
    d.SynonymsChanged();
    const size_t n = d.Records();
    const size_t alpha = d.alphabet.size();
    BuildCharTables(d);

    // Pass 1 ran as the records were added (CountKeys); pass 2 (WriteKeys) follows them again.
    KeyCounts& counts = d.counts;
    counts.uni_last.assign(alpha, 0);
    std::fill(counts.bi_last.begin(), counts.bi_last.end(), 0);
    d.uni_count.resize(alpha, 0);
    const std::vector<uint32_t>& bi_count = counts.bi_count;
    std::vector<uint32_t>& bi_key_of = counts.bi_key_of;
    std::vector<uint32_t>& bi_context = counts.bi_context;
    // Order bigrams by key; byte offsets follow that order.
    const size_t nbi = bi_count.size();
    std::vector<uint32_t> order(nbi);
    for (uint32_t i = 0; i < nbi; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return bi_key_of[x] < bi_key_of[y]; });
    const uint64_t universe = uint64_t(n) * 2;
    std::vector<ef::Writer> bi_writer(nbi);  // by provisional id
    d.uni_begin.assign(alpha + 1, 0);
    uint32_t total = 0;
    for (size_t a = 0; a < alpha; ++a) d.uni_begin[a] = total, total += uint32_t(ef::Bytes(d.uni_count[a], universe));
    d.uni_begin[alpha] = total;
    d.bi_keys.resize(nbi);
    d.bi_begin.resize(nbi + 1);
    d.bi_count.resize(nbi);
    d.bi_context.resize(nbi);
    for (size_t k = 0; k < nbi; ++k) {
        uint32_t pid = order[k];
        d.bi_keys[k] = bi_key_of[pid];
        d.bi_count[k] = bi_count[pid];
        d.bi_context[k] = bi_context[pid];
        d.bi_begin[k] = total;
        bi_writer[pid].Start(total, bi_count[pid], universe);
        total += uint32_t(ef::Bytes(bi_count[pid], universe));
    }
    d.bi_begin[nbi] = total;
    std::vector<uint32_t>().swap(bi_key_of);
    std::vector<uint32_t>().swap(bi_context);
    d.postings.assign(size_t(total) + 8, 0);  // slack: decoding may look ahead safely

    // The neighbours of long bigrams with a context on a side (Neighbours).
    std::vector<Neighbours> ext;
    std::vector<uint32_t> follow_of;  // (PostingWriter::follow_of)
    std::vector<PostingWriter::Followed> followed;
    auto follow = [&](uint32_t pid) -> PostingWriter::Followed& {
        if (follow_of.empty()) follow_of.assign(nbi, UINT32_MAX);
        if (follow_of[pid] == UINT32_MAX) follow_of[pid] = uint32_t(followed.size()), followed.emplace_back();
        return followed[follow_of[pid]];
    };
    auto followed_at = [&](uint32_t pid) {
        return follow_of.empty() || follow_of[pid] == UINT32_MAX ? PostingWriter::Followed() : followed[follow_of[pid]];
    };
    for (uint32_t k = 0; k < nbi; ++k)
        if (d.bi_count[k] >= ExtendFrom(n) && d.bi_context[k] != 0) {
            follow(order[k]).ext = uint32_t(ext.size());
            ext.emplace_back();
        }
    // The majority neighbours of long bigrams on a side where not all occurrences agree (Majority).
    std::vector<Majority> maj;
    for (uint32_t k = 0; k < nbi; ++k) {
        if (d.bi_count[k] < ExtendFrom(n)) continue;
        const uint32_t pid = order[k];
        Majority x;
        x.k = k;
        x.most = d.bi_count[k] / 8;
        for (int side = 0; side < 2; ++side) {
            const uint32_t context = side ? d.bi_context[k] & 0xFFFFu : d.bi_context[k] >> 16;
            if (context == kBreak) x.neighbour[side] = KeyCounts::Candidate(counts.maj_vote[pid].one[side]);
            // Two neighbours: where the nearest is this side's (by context or majority) and a
            // next one follows it.
            const uint32_t pair = KeyCounts::Candidate2(counts.maj_vote[pid].two[side]);
            const uint32_t nearest = context != kBreak ? context : x.neighbour[side];
            if (nearest != kBreak && pair >> 16 == nearest && (pair & 0xFFFFu) != kBreak)
                x.neighbour[2 + side] = uint16_t(pair & 0xFFFFu), x.pair[side] = pair;
        }
        if (!x.Any()) continue;
        follow(pid).maj = uint32_t(maj.size());
        maj.push_back(std::move(x));
    }
    std::vector<KeyCounts::Votes>().swap(counts.maj_vote);
    // The right neighbours of long bigrams whose occurrences have more than one (SearchData::nb_of).
    std::vector<uint64_t> nb_bits;
    const size_t nb_words = (alpha + 63) / 64;
    for (uint32_t k = 0; k < nbi; ++k)
        if (d.bi_count[k] >= NeighboursFrom(n) && (d.bi_context[k] & 0xFFFFu) == kBreak) {
            follow(order[k]).nb = uint32_t(nb_bits.size());
            nb_bits.resize(nb_bits.size() + nb_words, 0);
        }
    // Pass 2: write the entries.
    std::vector<ef::Writer> uni_writer(alpha);
    for (size_t a = 0; a < alpha; ++a) uni_writer[a].Start(d.uni_begin[a], d.uni_count[a], universe);
    PostingWriter writer{d, counts, uni_writer, bi_writer, ext, maj, nb_bits, follow_of, followed};
    auto* write_keys = OutOfLine(WriteKeys);
    for (uint32_t r = 0; r < n; ++r) write_keys(writer, r);
    // The majorities kept, and their exception lists.
    d.maj_of.clear(), d.maj_context.clear(), d.maj_context2.clear(), d.maj_begin.clear(), d.maj_count.clear(),
        d.maj_postings.clear();
    uint32_t maj_bytes = 0;
    for (const Majority& x : maj) {
        if (!x.Any()) continue;
        d.maj_of.push_back(x.k);
        d.maj_context.push_back(uint32_t(x.neighbour[0]) << 16 | x.neighbour[1]);
        d.maj_context2.push_back(uint32_t(x.neighbour[2]) << 16 | x.neighbour[3]);
        for (int side = 0; side < 4; ++side) {
            const uint32_t count = uint32_t(x.exceptions[side].size());
            d.maj_begin.push_back(maj_bytes);
            d.maj_count.push_back(count);
            maj_bytes += uint32_t(ef::Bytes(count, universe));
        }
    }
    if (!d.maj_of.empty()) {
        d.maj_begin.push_back(maj_bytes);
        d.maj_postings.assign(size_t(maj_bytes) + 8, 0);
        size_t i = 0;
        for (const Majority& x : maj) {
            if (!x.Any()) continue;
            for (int side = 0; side < 4; ++side, ++i) {
                ef::Writer w;
                w.Start(d.maj_begin[i], d.maj_count[i], universe);
                for (const uint32_t r : x.exceptions[side]) w.Put(d.maj_postings.data(), r << 1);
            }
        }
    }
    std::vector<Majority>().swap(maj);
    d.ext_of.clear(), d.ext_begin.clear(), d.ext_ids.clear();
    for (uint32_t k = 0; k < nbi && !followed.empty(); ++k) {
        const uint32_t e = followed_at(order[k]).ext;
        if (e == UINT32_MAX) continue;  // (not long, or not agreeing beyond one)
        const Neighbours& x = ext[e];
        d.ext_of.push_back(k);
        d.ext_begin.push_back(uint32_t(d.ext_ids.size()));
        d.ext_ids.push_back(uint16_t(x.count[0] << 8 | x.count[1]));
        for (int side = 0; side < 2; ++side) d.ext_ids.insert(d.ext_ids.end(), x.ids[side], x.ids[side] + x.count[side]);
    }
    if (!d.ext_of.empty()) d.ext_begin.push_back(uint32_t(d.ext_ids.size()));
    d.nb_of.clear(), d.nb_begin.clear(), d.nb_ids.clear();
    for (uint32_t k = 0; k < nbi && !followed.empty(); ++k) {
        const uint32_t nb = followed_at(order[k]).nb;
        if (nb == UINT32_MAX) continue;
        d.nb_of.push_back(k);
        d.nb_begin.push_back(uint32_t(d.nb_ids.size()));
        const uint64_t* bits = nb_bits.data() + nb;
        for (size_t w = 0; w < nb_words; ++w)
            for (uint64_t b = bits[w]; b; b &= b - 1) d.nb_ids.push_back(uint16_t(w * 64 + size_t(__builtin_ctzll(b))));
    }
    if (!d.nb_of.empty()) d.nb_begin.push_back(uint32_t(d.nb_ids.size()));
    d.nb_ids.shrink_to_fit();
    std::vector<uint64_t>().swap(nb_bits);
    std::vector<uint32_t>().swap(follow_of);
    std::vector<PostingWriter::Followed>().swap(followed);
    std::vector<uint32_t>().swap(order);
    std::vector<SearchData::FacetCacheEntry>().swap(d.facet_cache);
    // The id text was only needed to build the postings: queries verify against the Catalog.
    std::vector<uint16_t>().swap(d.text);
    std::vector<uint32_t>().swap(d.text_begin);
    std::vector<uint32_t>().swap(d.build_raw);
    d.counts = KeyCounts();
    // Reserve() guesses; give back what the guess overshot.
    d.field_data.shrink_to_fit();
    d.field_size.shrink_to_fit();
    d.facet_pool.shrink_to_fit();
    d.facet_list_ids = KeyTable(1);
    if (d.catalog) d.IndexTypes();
    PrecomputeLetterSets(d);
    SearchIndex index;
    index.m_data = std::move(m_data);
    m_data = std::make_unique<SearchData>();
    return index;
}

SearchIndex::SearchIndex() : m_data(std::make_unique<SearchData>()) {}
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

void SearchIndex::SetMemoBudget(size_t bytes) { m_data->memo_budget = bytes; }
void SearchIndex::SetSynonyms(Synonyms synonyms) {
    m_data->synonyms = std::move(synonyms);
    m_data->SynonymsChanged();
    DropRelaxedMemos();
}

void SearchIndex::SetLexicon(const Lexicon& words) {
    DropRelaxedMemos();
    m_data->words = words.Filtered([&](uint32_t a, uint32_t b) { return HeldPair(a, b); });
    m_data->has_words = true;
}

const Lexicon* SearchIndex::Words() const { return m_data->has_words ? &m_data->words : nullptr; }

namespace {
// fn(a, b) for every pair of Han characters the index holds, folded, in the index's order.
template <class Fn>
void ForEachHanPair(const SearchData& d, Fn&& fn) {
    for (const uint32_t key : d.bi_keys) {
        const uint16_t ia = uint16_t(key >> 16), ib = uint16_t(key & 0xFFFF);
        if (ia < kFirstChar || ib < kFirstChar) continue;
        const uint32_t a = d.alphabet[ia], b = d.alphabet[ib];
        if (IsHan(a) && IsHan(b)) fn(a, b);
    }
}

// Which pairs ForEachHanPair gives, and how many.
uint64_t HanPairsFingerprint(const SearchData& d, uint64_t& pairs) {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    pairs = 0;
    ForEachHanPair(d, [&](uint32_t a, uint32_t b) {
        h = (h ^ (uint64_t(a) << 32 | b)) * 0x100000001B3ull + (h >> 29);
        ++pairs;
    });
    return h ^ pairs;
}
}  // namespace

std::string SearchIndex::WordBits(uint64_t& pairs, uint64_t& fingerprint) const {
    const SearchData& d = *m_data;
    pairs = fingerprint = 0;
    if (!d.has_words) return {};
    fingerprint = HanPairsFingerprint(d, pairs);
    std::string bits(size_t((pairs + 7) / 8), '\0');
    size_t i = 0;
    ForEachHanPair(d, [&](uint32_t a, uint32_t b) {
        if (d.words.Holds(a, b)) bits[i / 8] = char(bits[i / 8] | 1 << (i % 8));
        ++i;
    });
    return bits;
}

bool SearchIndex::SetWordBits(uint64_t pairs, uint64_t fingerprint, std::string_view bits) {
    SearchData& d = *m_data;
    uint64_t held = 0;
    if (HanPairsFingerprint(d, held) != fingerprint || held != pairs || bits.size() != (held + 7) / 8) return false;
    size_t count = 0;
    for (const char c : bits)
        for (unsigned x = uint8_t(c); x; x &= x - 1) ++count;
    std::vector<uint64_t> words;
    words.reserve(count);
    size_t i = 0;
    ForEachHanPair(d, [&](uint32_t a, uint32_t b) {
        if (uint8_t(bits[i / 8]) >> (i % 8) & 1) words.push_back(uint64_t(a) << 32 | b);
        ++i;
    });
    d.words = Lexicon::FromPairs(std::move(words));
    d.has_words = true;
    DropRelaxedMemos();
    return true;
}

std::vector<std::string> SearchIndex::CommonWords() const {
    return m_data->has_words ? m_data->words.CommonWords() : std::vector<std::string>();
}

FZ_SMALL void SearchIndex::SetCommonWords(std::vector<std::string> words, const std::vector<uint32_t>& positions,
                                          std::vector<std::string> function_words) {
    if (m_data->has_words) {
        m_data->words.SetCommonWords(std::move(words), positions);
        m_data->words.SetFunctionWords(std::move(function_words));
    }
    DropRelaxedMemos();
}

size_t SearchIndex::RecordCount() const { return m_data->Records(); }

size_t SearchIndex::MemoryBytes() const {
    const SearchData& d = *m_data;
    auto v = [](const auto& vec) { return vec.capacity() * sizeof(vec[0]); };
    size_t bytes = v(d.type) + v(d.source_index) + v(d.id) + v(d.field_begin) + v(d.field_data) + v(d.field_size) + v(d.long_field_size) +
                   v(d.text_begin) + v(d.title_length) + v(d.facet_lists) + v(d.facet_pool) + v(d.text) + v(d.alphabet) +
                   v(d.bmp_to_id) + v(d.raw_to_id) + v(d.folds) +
                   v(d.reading_set) + v(d.uni_begin) + v(d.uni_count) + v(d.bi_keys) + v(d.bi_begin) + v(d.bi_count) +
                   v(d.bi_context) + v(d.ext_of) + v(d.ext_begin) + v(d.ext_ids) + v(d.nb_of) + v(d.nb_begin) + v(d.nb_ids) + v(d.maj_of) + v(d.maj_context) +
                   v(d.maj_context2) + v(d.maj_begin) + v(d.maj_count) + v(d.maj_postings) + v(d.postings) + v(d.letter_bits);
    for (const auto& m : d.letter_members) bytes += m.capacity() * 2;
    bytes += d.astral_to_id.size() * 16;
    for (const auto& f : d.facet_names) bytes += f.second.capacity() + 48 + 32;
    return bytes + d.words.Size() * sizeof(uint64_t);
}

FZ_SMALL std::string SearchIndex::MemoryReport() const {
    const SearchData& d = *m_data;
    auto v = [](const auto& vec) { return double(vec.capacity() * sizeof(vec[0])) / 1e6; };
    // The character lists come first in `postings`, then the bigram lists.
    const double uni_mb = d.uni_begin.empty() ? 0 : d.uni_begin.back() / 1e6;
    uint64_t uni_entries = 0, bi_entries = 0;
    for (uint32_t c : d.uni_count) uni_entries += c;
    for (uint32_t c : d.bi_count) bi_entries += c;
    char buf[640];
    std::snprintf(buf, sizeof buf,
                  "%zu records, %zu characters, %zu bigrams: fold table %.1f MB, postings %.1f MB (characters %.1f MB for "
                  "%.2f million entries, bigrams %.1f MB for %.2f million; and majority exceptions %.2f MB), posting "
                  "offsets %.1f MB, bigram contexts %.1f MB (%zu majorities, %zu bigrams' right neighbours), field references %.1f MB, "
                  "per-record arrays %.1f MB, facets %.1f MB",
                  d.Records(), d.alphabet.size(), d.bi_keys.size(), v(d.text) + v(d.raw_to_id), v(d.postings), uni_mb,
                  uni_entries / 1e6, v(d.postings) - uni_mb, bi_entries / 1e6, v(d.maj_postings),
                  v(d.uni_begin) + v(d.uni_count) + v(d.bi_keys) + v(d.bi_begin) + v(d.bi_count),
                  v(d.bi_context) + v(d.ext_of) + v(d.ext_begin) + v(d.ext_ids) + v(d.nb_of) + v(d.nb_begin) + v(d.nb_ids) + v(d.maj_of) + v(d.maj_context) +
                      v(d.maj_context2) + v(d.maj_begin) + v(d.maj_count),
                  d.maj_of.size(), d.nb_of.size(),
                  v(d.field_data) + v(d.field_size) + v(d.long_field_size),
                  v(d.type) + v(d.source_index) + v(d.id) + v(d.field_begin) + v(d.text_begin) + v(d.title_length) + v(d.folds) +
                      v(d.letter_bits),
                  v(d.facet_lists) + v(d.facet_pool));
    return buf;
}

FZ_SMALL std::vector<std::string> SearchIndex::FacetValues(std::string_view field) const {
    std::vector<std::string> out;
    for (uint8_t f = 0; f < kFacetFieldCount; ++f)
        if (field == kFacetFieldNames[f])
            for (const auto& [ff, name] : m_data->facet_names)
                if (ff == f) out.push_back(name);
    std::sort(out.begin(), out.end());
    return out;
}

namespace {
// How a region's name may be shortened by a visitor: without its administrative suffix.
const std::string_view kRegionSuffixes[] = {"省", "市", "区", "县", "州", "盟", "旗", "镇", "乡", "街道",
                                            "自治区", "自治州", "自治县", "地区", "新区", "特别行政区"};
bool RegionSuffix(std::string_view rest) {
    return std::find(std::begin(kRegionSuffixes), std::end(kRegionSuffixes), rest) != std::end(kRegionSuffixes);
}

// The region facet a word of CJK ideographs names: the region whose name is the word (昆明市),
// or the one whose name is the word and an administrative suffix (昆明 -> 昆明市), when only one
// is; else UINT32_MAX (none, several: 朝阳 of 朝阳区 and 朝阳市, fewer than two characters).
uint32_t RegionFacetNamed(const SearchData& d, std::string_view word) {
    size_t chars = 0;
    for (size_t pos = 0; pos < word.size(); ++chars)
        if (!IsHan(DecodeUtf8(word, pos))) return UINT32_MAX;
    if (chars < 2) return UINT32_MAX;
    if (const uint32_t id = d.FindFacet(kRegion, word); id != UINT32_MAX) return id;  // the whole name
    uint32_t found = UINT32_MAX;
    for (std::string_view suffix : kRegionSuffixes) {
        const uint32_t id = d.FindFacet(kRegion, std::string(word) + std::string(suffix));
        if (id == UINT32_MAX) continue;
        if (found != UINT32_MAX) return UINT32_MAX;
        found = id;
    }
    return found;
}
}  // namespace

// ==== [SECTION] Query planning ===================================================================

namespace {

// One position of a pattern: a single character id, or a set of ids (a pinyin syllable range).
struct Slot {
    uint16_t id = 0;          // when set < 0
    int set = -1;             // index into Plan::sets
};

enum Quality : uint8_t { kPinyin = 1, kSynonym = 2, kLiteral = 3 };

struct Pattern {
    std::vector<Slot> slots;
    Quality quality = kLiteral;
};

// A pattern of characters only (no pinyin slot).
bool Literal(const Pattern& p) {
    return std::all_of(p.slots.begin(), p.slots.end(), [](const Slot& s) { return s.set < 0; });
}

struct Term {
    std::vector<Pattern> patterns;
    size_t length = 0;  // characters of the literal form, for exact-title ranking
    // A word another word follows in the query (falv in falv yuan): typed on no more, so the next
    // keystroke reads its matches as they are (MatchTerm keeps them alone, unrefined, when its
    // whole memo does not fit).
    bool complete = false;
};

struct Conjunction {
    std::vector<Term> terms;
};

struct Bitset {
    std::vector<uint64_t> bits;
    std::vector<uint16_t> members;
    bool Has(uint16_t id) const { return (bits[id >> 6] >> (id & 63)) & 1; }
};

struct QueryPlan {
    std::vector<Conjunction> alternatives;
    // The AND of the query's words (two or more), for SearchResult::word_totals: alternatives[0]
    // (`words_first`), or here when a word no pattern can match left it out of the alternatives.
    Conjunction dead_words;
    bool words_first = false;
    bool syllables_apart = false;  // every word one syllable (fa lv yuan zh): one phrase (PlanQuery)
    const Conjunction* Words() const {
        if (words_first) return &alternatives[0];
        return dead_words.terms.empty() ? nullptr : &dead_words;
    }
    std::vector<Bitset> sets;
    std::vector<std::vector<SyllableRange>> set_ranges;  // to share identical sets
    bool truncated = false;
    bool alike = false;  // planned with syllables that sound alike, some set holds more for it
    std::vector<std::string> synonyms;  // the synonym terms searched too (SearchResult::synonyms)
    // A word of the AND of words (alternatives[0]) that names a region (昆明 -> 昆明市): its
    // index there and the region's facet id; records of the region match it too.
    size_t region_term = SIZE_MAX;
    uint32_t region_facet = UINT32_MAX;
    std::string region_word;  // folded
    void AddSynonym(const std::string& term) {
        if (std::find(synonyms.begin(), synonyms.end(), term) == synonyms.end()) synonyms.push_back(term);
    }
};

// The set of the characters with a reading in any of `ranges` (one, or a syllable and those
// that sound alike: FuzzySyllables).
int SetFor(const SearchData& d, QueryPlan& plan, const std::vector<SyllableRange>& key) {
    for (size_t i = 0; i < plan.set_ranges.size(); ++i)
        if (plan.set_ranges[i] == key) return int(i);
    Bitset b;
    b.bits.assign((d.alphabet.size() + 63) / 64, 0);
    for (size_t id = kFirstChar; id < d.alphabet.size(); ++id) {
        uint16_t rs = d.reading_set[id];
        bool reads = false;
        for (size_t k = 0; k < key.size() && !reads; ++k) reads = rs && ReadingSetMatches(rs, key[k]);
        if (reads) {
            b.bits[id >> 6] |= uint64_t(1) << (id & 63);
            b.members.push_back(uint16_t(id));
        }
    }
    plan.sets.push_back(std::move(b));
    plan.set_ranges.push_back(key);
    return int(plan.sets.size() - 1);
}

// A literal pattern from folded code points; false when a character never occurs in the corpus
// (then nothing can match it).
bool LiteralPattern(const SearchData& d, const std::vector<uint32_t>& cps, Quality q, Pattern& out) {
    out.slots.clear();
    out.quality = q;
    for (uint32_t cp : cps) {
        uint16_t id = d.IdOf(cp);
        if (id < kFirstChar) return false;
        out.slots.push_back({id, -1});
    }
    return !out.slots.empty();
}

std::vector<uint32_t> DecodeFolded(std::string_view s) {
    std::vector<uint32_t> out;
    size_t pos = 0;
    while (pos < s.size()) {
        uint32_t f = FoldCodepoint(DecodeUtf8(s, pos));
        if (f) out.push_back(f);
    }
    return out;
}

// The run of letters (ü as v) and apostrophes of a term from `i` on, split at the apostrophes
// (xi'an: xi, an), for SegmentPinyin; `i` moves past the run. A run of letters that ends with an
// apostrophe (xi') ends with an empty group: its last syllable is whole.
std::vector<std::string> LetterGroups(const std::vector<uint32_t>& term, size_t& i) {
    std::vector<std::string> groups(1);
    while (i < term.size() && (IsAsciiLetter(term[i]) || term[i] == 0xFC || term[i] == '\'')) {
        if (term[i] == '\'') {
            if (!groups.back().empty()) groups.emplace_back();
        } else {
            groups.back() += term[i] == 0xFC ? 'v' : char(term[i]);
        }
        ++i;
    }
    if (groups.size() == 1 && groups.back().empty()) groups.pop_back();
    return groups;
}

}  // namespace

bool ReadsSyllables(const std::vector<uint32_t>& cps, const SyllableRange* syllables) {
    for (size_t k = 0; k < cps.size(); ++k)
        if (!ReadingSetMatches(ReadingSetOf(cps[k]), syllables[k])) return false;
    return true;
}

FZ_SMALL std::string SearchIndex::RegionNamed(std::string_view word) const {
    const SearchData& d = *m_data;
    std::vector<std::string> groups;
    if (!PinyinLetterGroups(word, groups)) {
        const uint32_t id = RegionFacetNamed(d, word);
        return id == UINT32_MAX ? std::string() : d.facet_names[id].second;
    }
    // Pinyin in whole syllables (kunming): every region whose name's characters read them, with
    // an administrative suffix or none after them.
    std::vector<std::vector<SyllableRange>> parses = SegmentPinyin(groups, 1);
    if (parses.empty() || parses[0].size() < 2) return {};
    const std::vector<SyllableRange>& seg = parses[0];
    for (const SyllableRange& syllable : seg)
        if (syllable.last != syllable.first + 1) return {};  // a syllable still being typed
    const std::string* found = nullptr;
    for (const auto& [field, name] : d.facet_names) {
        if (field != kRegion) continue;
        std::vector<uint32_t> cps = DecodeFolded(name);
        if (cps.size() < seg.size()) continue;
        std::string rest;
        for (size_t k = seg.size(); k < cps.size(); ++k) AppendUtf8(rest, cps[k]);
        cps.resize(seg.size());  // the characters the syllables read
        if (!ReadsSyllables(cps, seg.data())) continue;
        if (!rest.empty() && !RegionSuffix(rest)) continue;
        if (found && *found != name) return {};
        found = &name;
    }
    return found ? *found : std::string();
}

bool PinyinLetterGroups(std::string_view word, std::vector<std::string>& groups) {
    const std::vector<uint32_t> term = DecodeFolded(word);
    size_t i = 0;
    groups = LetterGroups(term, i);
    return i == term.size() && !groups.empty();
}

namespace {

// Whether synonym `to` of term `from` (both folded) can find a record the term does not: not
// when it holds the term (复议 -> 行政复议 finds only records 复议 finds, at a lower tier;
// searching it cost a national keystroke 25 ms).
bool SynonymAdds(std::string_view from, std::string_view to) { return to.find(from) == std::string_view::npos; }

// A term typed in pinyin alone, in full syllables, that reads as a whole synonym term (lihun:
// 离婚; daguansi: 打官司) also finds what that term stands for, as literal alternatives ranked as
// pinyin matches: at a kiosk without an input method, pinyin is how a visitor reaches the
// synonyms. The term's own characters need not occur in the data (离婚 occurs nowhere in the
// bundled plans). Not initials or a syllable still being typed (lh, lihu): on the way to other
// words, where a synonym's matches (法律援助 for fy, 法援) cost a national keystroke 50-70 ms.
FZ_SMALL void PinyinSynonyms(const SearchData& d, QueryPlan& plan, const std::vector<uint32_t>& term, std::vector<Pattern>& out) {
    size_t i = 0;
    const std::vector<std::string> groups = LetterGroups(term, i);
    if (groups.empty() || i != term.size() || d.synonyms.Size() == 0) return;
    std::vector<std::vector<SyllableRange>> parses;
    for (std::vector<SyllableRange>& parse : SegmentPinyin(groups, 8)) {
        bool full = true;  // every segment a syllable: the last one as typed (hu of hu..., not h)
        for (size_t k = 0; k < parse.size() && full; ++k) {
            if (k + 1 == parse.size()) parse[k] = SyllableExactly(RangePrefix(parse[k]));
            full = parse[k].last == parse[k].first + 1;
        }
        if (full) parses.push_back(std::move(parse));
    }
    for (const auto& [from, to] : d.synonyms.Pairs()) {
        const std::vector<uint32_t> cps = DecodeFolded(from);
        const bool reads = std::any_of(parses.begin(), parses.end(), [&](const std::vector<SyllableRange>& parse) {
            return parse.size() == cps.size() && ReadsSyllables(cps, parse.data());
        });
        Pattern p;
        if (reads && SynonymAdds(from, to) && out.size() < kMaxPatterns && LiteralPattern(d, DecodeFolded(to), kPinyin, p)) {
            out.push_back(p);
            plan.AddSynonym(to);
        }
    }
}

// Pinyin readings of a term: Latin letter runs become syllable slots, everything else stays
// literal. Apostrophes separate syllables (xi'an). Returns every combination, capped.
FZ_SMALL void PinyinPatterns(const SearchData& d, QueryPlan& plan, const std::vector<uint32_t>& term,
                    std::vector<Pattern>& out, bool fuzzy) {
    bool has_letter = false;
    for (uint32_t c : term) has_letter |= IsAsciiLetter(c) || c == 0xFC;
    if (!has_letter) return;
    std::vector<std::vector<Pattern>> pieces;  // alternatives per run, concatenated in order
    size_t i = 0;
    while (i < term.size()) {
        uint32_t c = term[i];
        bool letter = IsAsciiLetter(c) || c == 0xFC || c == '\'';
        if (!letter) {
            uint16_t id = d.IdOf(c);
            if (id < kFirstChar) return;
            pieces.push_back({Pattern{{Slot{id, -1}}, kPinyin}});
            ++i;
            continue;
        }
        const std::vector<std::string> groups = LetterGroups(term, i);
        if (groups.empty()) continue;
        std::vector<Pattern> alts;
        for (const auto& parse : SegmentPinyin(groups, 8)) {
            Pattern p;
            p.quality = kPinyin;
            bool ok = true;
            for (SyllableRange r : parse) {
                const int s = SetFor(d, plan, fuzzy ? FuzzySyllables(r) : std::vector<SyllableRange>{r});
                if (fuzzy && !plan.alike) {  // (SetFor may grow plan.sets: both indexes first)
                    const int exact = SetFor(d, plan, {r});
                    plan.alike = plan.sets[s].members != plan.sets[exact].members;
                }
                if (plan.sets[s].members.empty()) ok = false;
                p.slots.push_back({0, s});
            }
            if (ok) alts.push_back(std::move(p));
        }
        if (alts.empty()) return;
        pieces.push_back(std::move(alts));
    }
    std::vector<Pattern> combos{Pattern{{}, kPinyin}};
    for (const auto& alts : pieces) {
        std::vector<Pattern> next;
        for (const Pattern& a : combos)
            for (const Pattern& b : alts) {
                if (next.size() >= kMaxPatterns) break;
                Pattern p = a;
                p.slots.insert(p.slots.end(), b.slots.begin(), b.slots.end());
                next.push_back(std::move(p));
            }
        combos.swap(next);
    }
    for (Pattern& p : combos)
        if (out.size() < kMaxPatterns && !p.slots.empty()) out.push_back(std::move(p));
}

FZ_SMALL QueryPlan PlanQuery(const SearchData& d, std::string_view text, bool fuzzy = false) {
    QueryPlan plan;
    // Split into terms at breaks; stop decoding once enough has been read (a pasted megabyte
    // must not cost more than the part that is searched).
    std::vector<std::vector<uint32_t>> terms(1);
    size_t pos = 0;
    while (pos < text.size()) {
        uint32_t f = FoldCodepoint(DecodeUtf8(text, pos));
        if (f == 0) {
            if (!terms.back().empty()) {
                if (terms.size() == kMaxTerms) {
                    plan.truncated = true;
                    break;
                }
                terms.emplace_back();
            }
            continue;
        }
        if (f >= 0x300 && f <= 0x36F) {
            // A combining mark after its letter (decomposed input, fa\u030C): tone marks are
            // dropped as the precomposed letters' are (FoldCodepoint); u + diaeresis is ü.
            if (f == 0x308 && !terms.back().empty() && terms.back().back() == 'u') terms.back().back() = 0xFC;
            continue;
        }
        if (terms.back().size() >= kMaxTermLength) {
            plan.truncated = true;
            continue;  // skip the rest of an overlong term, cheaply
        }
        terms.back().push_back(f);
    }
    if (terms.back().empty()) terms.pop_back();
    if (terms.empty()) return plan;

    Conjunction all;
    for (const auto& cps : terms) {
        Term term;
        term.length = cps.size();
        term.complete = &cps != &terms.back();
        Pattern p;
        if (LiteralPattern(d, cps, kLiteral, p)) term.patterns.push_back(p);
        std::string folded;
        for (uint32_t c : cps) AppendUtf8(folded, c);
        for (const std::string& alt : d.synonyms.Expand(folded)) {
            if (term.patterns.size() >= kMaxPatterns) break;
            if (!SynonymAdds(folded, alt)) continue;
            if (LiteralPattern(d, DecodeFolded(alt), kSynonym, p)) {
                term.patterns.push_back(p);
                plan.AddSynonym(alt);
            }
        }
        PinyinPatterns(d, plan, cps, term.patterns, fuzzy);
        PinyinSynonyms(d, plan, cps, term.patterns);
        all.terms.push_back(std::move(term));
    }
    bool dead = false;
    for (const Term& t : all.terms) dead |= t.patterns.empty();
    // Syllables typed apart, every word one whole syllable (fa lv yuan zhu, shen qing fa lv, as a
    // kiosk visitor types them) but the last, which may be one still being typed (fa lv y, fa lv
    // yua): they are one phrase (below), never words of their own, ANDed anywhere in a record
    // (one character reading fa here and one reading lv there: 39 of the 43 records fa lv yuan zhu
    // found in the bundled data); so typing on finds what the same letters typed together find,
    // and never jumps between the phrase and scattered words. Their AND is kept for the words'
    // counts only (SearchResult::word_totals), which the relaxation reads when the phrase finds
    // nothing.
    bool syllables_apart = terms.size() > 1;
    for (size_t k = 0; syllables_apart && k < terms.size(); ++k) {
        size_t end = 0;
        const std::vector<std::string> groups = LetterGroups(terms[k], end);
        const bool letters = end == terms[k].size() && groups.size() == 1 && groups[0].size() == terms[k].size();
        const SyllableRange r = !letters ? SyllableRange{}
                                : k + 1 == terms.size() ? SyllablesWithPrefix(groups[0])
                                                        : SyllableExactly(groups[0]);
        syllables_apart = r.first < r.last;
    }
    plan.syllables_apart = syllables_apart;
    plan.words_first = !dead && !syllables_apart && all.terms.size() >= 2;
    // A word that names a region (昆明 法律援助): a record's region is a facet, not text (a task of
    // Kunming's plan never says 昆明), so the region's records hold that word too. One such word,
    // in a query of two or more (a place name alone is searched as text).
    for (size_t i = 0; plan.words_first && i < terms.size() && plan.region_term == SIZE_MAX; ++i) {
        std::string word;
        for (uint32_t c : terms[i]) AppendUtf8(word, c);
        if ((plan.region_facet = RegionFacetNamed(d, word)) != UINT32_MAX) plan.region_term = i, plan.region_word = word;
    }
    if (plan.words_first || (!dead && all.terms.size() == 1)) plan.alternatives.push_back(std::move(all));
    else if (all.terms.size() >= 2) plan.dead_words = std::move(all);
    // "fa lv yuan zhu": several all-Latin terms are also one pinyin phrase.
    if (terms.size() > 1) {
        bool latin = true;
        for (const auto& cps : terms)
            for (uint32_t c : cps) latin &= IsAsciiLetter(c) || c == 0xFC || c == '\'';
        if (latin) {
            std::vector<uint32_t> joined;
            for (const auto& cps : terms) {
                if (!joined.empty()) joined.push_back('\'');
                joined.insert(joined.end(), cps.begin(), cps.end());
            }
            Term phrase;
            phrase.length = 0;
            PinyinPatterns(d, plan, joined, phrase.patterns, fuzzy);
            PinyinSynonyms(d, plan, joined, phrase.patterns);
            if (!phrase.patterns.empty()) {
                Conjunction c;
                c.terms.push_back(std::move(phrase));
                plan.alternatives.push_back(std::move(c));
            }
        }
    }
    return plan;
}

// ==== [SECTION] Matching =========================================================================

// A match while matching and counting: record << 7 | score / 500 in 4 bytes (up to a million of
// them for a first keystroke, two or three vectors at once: 8 bytes each made the typing heap
// 4-7 MB higher). Scores before position bonuses are sums of multiples of 500 (MatchTerm), at
// most 15 x 500 a term (title 4000 + literal 3000 + whole title 500) and 8 terms: 120 < 128.
// Records: below SearchIndex::kMaxRecords (2^25).
struct Match {
    uint32_t packed;
    Match() {}  // (not zeroed: a vector of matches is resized, then written)
    Match(uint32_t r, int32_t s) : packed(r << 7 | uint32_t(s) / 500u) {}  // (s >= 0)
    static Match Of(uint32_t r, Match score) {  // record r with the score of `score` (record 0)
        Match m;
        m.packed = r << 7 | score.packed;
        return m;
    }
    uint32_t record() const { return packed >> 7; }
    int32_t score() const { return int32_t(packed & 0x7F) * 500; }
    uint32_t Tier() const { return packed & 0x7F; }  // score / 500
    Match Plus(Match other) const {  // this record, the two scores added (no carry: see below)
        Match m;
        m.packed = packed + other.Tier();
        return m;
    }
};
static_assert(kMaxTerms * 15 < 128, "a Match's score field holds the sum of every term's");
static_assert(SearchIndex::kMaxRecords <= (size_t(1) << 25), "a Match's record field has 25 bits");

// One of the best matches of a group, with its position bonuses (which are no multiples of 500).
struct Ranked {
    uint32_t record;
    int32_t score;
    uint16_t title_length;  // (d.title_length's, kept here for the sort: no random reads)
};
// Rank order: score, then shorter title, then record order (within a group: of one type when
// grouping by type). One function for both sorts of a group (a second call of std::sort inlined
// its loops again).
[[gnu::noinline]] void SortRanked(std::vector<Ranked>& v) {
    std::sort(v.begin(), v.end(), [](const Ranked& a, const Ranked& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.title_length != b.title_length) return a.title_length < b.title_length;
        return a.record < b.record;
    });
}

bool SlotHas(const QueryPlan& plan, const Slot& s, uint16_t id) {
    return s.set < 0 ? s.id == id : plan.sets[s.set].Has(id);
}

// Decodes one field of the Catalog's UTF-8 into character ids, exactly as the builder did (one
// unit per DecodeUtf8 step, folded, then mapped): unit i is code point i of the field. Valid
// ASCII and the common three-byte sequences (U+1000-U+FFFF without surrogates) are decoded
// inline; everything else goes through DecodeUtf8.
struct IdBuffer {
    std::vector<uint16_t> storage;  // grows only (resizing per field would zero it every time)
    size_t size = 0;
    const uint16_t* data() const { return storage.data(); }
};

// The id of the unit at byte `pos` of field `s` (b, n: its bytes), moving `pos` past it: one
// step of DecodeField, and of the verifiers that decode as they go.
inline uint16_t NextId(const SearchData& d, std::string_view s, const unsigned char* b, size_t n, size_t& pos) {
    uint32_t cp;
    size_t len;
    if (InlineCodePoint(b, pos, n, cp, len)) {
        pos += len;
        return d.raw_to_id[cp];
    }
    return d.RawId(DecodeUtf8(s, pos));
}

// A memo's window (PatternMemo::Window): the ids of field `s` from byte `at` (a match's start),
// breaks (0) past its end.
void FillWindow(const SearchData& d, std::string_view s, size_t at, PatternMemo::Window& window) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    for (uint16_t& id : window.ids) id = at < s.size() ? NextId(d, s, b, s.size(), at) : 0;
}

// With `kOffsets`, also the byte offset of every unit boundary into `off` (off[i]: the start of
// unit i; then the field's size), in the same pass (highlights).
template <bool kOffsets = false>
void DecodeField(const SearchData& d, std::string_view s, IdBuffer& out, std::vector<uint32_t>* off = nullptr) {
    if (out.storage.size() < s.size()) out.storage.resize(s.size());  // at most one unit a byte
    if (kOffsets && off->size() < s.size() + 1) off->resize(s.size() + 1);
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    uint16_t* o = out.storage.data();
    uint32_t* at = kOffsets ? off->data() : nullptr;
    size_t pos = 0, w = 0;
    while (pos < n) {
        if (kOffsets) at[w] = uint32_t(pos);
        o[w++] = NextId(d, s, b, n, pos);
    }
    if (kOffsets) at[w] = uint32_t(n);
    out.size = w;
}

// Per-thread buffers for decoded fields (a query decodes many records; no allocation each).
IdBuffer& FieldBuffer(int which) {
    thread_local IdBuffer buffers[2];
    return buffers[which];
}

// Finds the pattern in units [begin, end) of a record's text; returns the first position or -1.
long FindPattern(const QueryPlan& plan, const Pattern& p, const uint16_t* t, size_t begin, size_t end) {
    size_t m = p.slots.size();
    if (end < begin + m) return -1;
    for (size_t i = begin; i + m <= end; ++i) {
        size_t k = 0;
        while (k < m && SlotHas(plan, p.slots[k], t[i + k])) ++k;
        if (k == m) return long(i);
    }
    return -1;
}

// Whether field `f` (an index into the field references) holds the pattern.
inline void Prefetch(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

// Record r's first three fields (title, body), every cache line of their first KB, a few candidates
// before they are verified: the lines after the first missed one at a time as the search reached
// them (natively 执法行政, 10,128 texts and no match: 5.5 -> 4.4 ms median; wasm has no prefetch).
inline void PrefetchRecord(const SearchData& d, uint32_t r) {
    for (size_t f = d.field_begin[r], fe = std::min<size_t>(d.field_begin[r + 1], f + 3); f < fe; ++f) {
        const std::string_view s = d.Field(f);
        for (size_t at = 0; at < s.size() && at < 1024; at += 64) Prefetch(s.data() + at);
    }
}

// Reads the first byte of the first two fields of records cd[0..n) >> 1, together: their cache
// misses then overlap instead of coming one record at a time (wasm has no prefetch instruction).
// Not those `skip(k, r)` says will not be read (k an index into cd).
template <class Skip>
inline unsigned TouchRecords(const SearchData& d, const uint32_t* cd, size_t n, Skip skip) {
    unsigned sum = 0;
    for (size_t k = 0; k < n; ++k) {
        const uint32_t r = cd[k] >> 1;
        if (skip(k, r)) continue;
        for (size_t f = d.field_begin[r], fe = std::min<size_t>(d.field_begin[r + 1], f + 2); f < fe; ++f) {
            const std::string_view s = d.Field(f);
            if (!s.empty()) sum += static_cast<unsigned char>(s[0]);
        }
    }
    return sum;
}
volatile unsigned g_touched;  // (keeps the touches)

// A literal pattern's folded UTF-8 and which fold bits (SearchData::folds) rule out a byte search.
struct LiteralBytes {
    std::string utf8;  // empty: not a literal pattern (decode)
    uint32_t blocking = 0;
    // Shift-and matcher for patterns of up to 64 slots: bit k of masks[id] says slot k accepts
    // character id; a field is decoded and matched in one pass without an id buffer.
    std::vector<uint64_t> masks;  // empty: decode into a buffer and use FindPattern
    uint64_t hi = 0;              // bit of the last slot
};

// Where a field first holds the pattern of `lit.masks` (byte offset of the match, or -1): decodes
// exactly as DecodeField does and runs the shift-and automaton over the ids (a break or unknown
// character, id 0, accepts no slot). The byte offsets of the last 64 units are kept in a ring, so
// the start of the match is known when its end is found.
// With `window`, the ids from the match's start fill it (see PatternMemo::Window).
template <bool kWindow>
long FieldMatches(const SearchData& d, const LiteralBytes& lit, std::string_view s, PatternMemo::Window* window) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    const uint64_t* masks = lit.masks.data();
    const uint64_t hi = lit.hi;
    const size_t m = size_t(__builtin_ctzll(hi)) + 1;
    uint32_t starts[64];
    uint64_t state = 0;
    size_t pos = 0, unit = 0;
    while (pos < n) {
        starts[unit & 63] = uint32_t(pos);
        const uint16_t id = NextId(d, s, b, n, pos);
        ++unit;
        state = ((state << 1) | 1) & masks[id];
        if (state & hi) {
            const size_t at = starts[(unit - m) & 63];
            if (kWindow) FillWindow(d, s, at, *window);
            return long(at);
        }
    }
    return -1;
}

// Whether record r holds no character folding into the literal's characters' range: then a byte
// search for the folded UTF-8 finds exactly the matches of the ids (UTF-8 is self-synchronising,
// a pattern holds no break, and every character the pattern could match is stored as itself).
bool BytesApply(const SearchData& d, const LiteralBytes& lit, uint32_t r) {
    if (lit.utf8.empty()) return false;
    size_t bit = size_t(r) * 2;
    return ((d.folds[bit / 64] >> (bit % 64)) & lit.blocking) == 0;
}

// Byte search: the byte offset of the first occurrence of `needle` in `hay`, or -1. Eight
// positions at a time in 64-bit words (SWAR; wasm SIMD is left out, as not every phone's browser
// runs it): a position is compared in full only where two of the needle's bytes are in place, its
// last and the one three before it, in Chinese UTF-8 the last bytes of its last two characters
// (continuation bytes, each value about one in 64 of them). No load waits for the byte of the one
// before, as Horspool's shifts did (which this replaces, with its table of 256 shifts a pattern);
// about as fast natively and in node, within this machine's noise.
long ContainsBytes(std::string_view hay, std::string_view needle) {
    const size_t m = needle.size(), n = hay.size();
    if (m == 0) return 0;
    if (m > n) return -1;
    const auto* h = reinterpret_cast<const uint8_t*>(hay.data());
    const auto* nd = reinterpret_cast<const uint8_t*>(needle.data());
    const size_t pa = m - 1, pb = m >= 4 ? m - 4 : 0;
    const size_t last = n - m;  // the last position a match may start at
    size_t i = 0;
    if (m >= 2) {
        constexpr uint64_t kOnes = 0x0101010101010101ull, kLow7 = 0x7F7F7F7F7F7F7F7Full;
        // The high bit of each byte of v that is zero (exactly: no carry crosses a byte).
        auto zero_bytes = [](uint64_t v) { return ~(((v & kLow7) + kLow7) | v | kLow7); };
        const uint64_t a = kOnes * nd[pa], b = kOnes * nd[pb];
        for (; i + 7 <= last; i += 8) {  // (positions i..i+7, all at most `last`)
            uint64_t x, y;
            std::memcpy(&x, h + i + pa, 8);
            std::memcpy(&y, h + i + pb, 8);
            for (uint64_t hit = zero_bytes(x ^ a) & zero_bytes(y ^ b); hit; hit &= hit - 1) {
                const size_t at = i + size_t(__builtin_ctzll(hit)) / 8;  // (little-endian: the lowest byte first)
                if (std::memcmp(h + at, nd, m) == 0) return long(at);
            }
        }
    }
    for (; i <= last; ++i)
        if (h[i + pa] == nd[pa] && std::memcmp(h + i, nd, m) == 0) return long(i);
    return -1;
}

// Where field `f` (an index into the field references) of record r first holds the pattern at or
// after byte `from` (a unit boundary): the byte offset of the match, kUnknownAt when it matches
// but the offset is not known (patterns of more than 64 slots), or -1.
constexpr long kUnknownAt = -2;
// With `window`, a match found fills it too (the ids from its start; left as it was for a
// pattern of more than 64 slots).
long FieldFind(const SearchData& d, const QueryPlan& plan, const Pattern& p, const LiteralBytes& lit, uint32_t r,
               size_t f, size_t from = 0, PatternMemo::Window* window = nullptr) {
    std::string_view s = d.Field(f);
    if (from) s.remove_prefix(std::min(from, s.size()));
    if (s.size() < p.slots.size()) return -1;  // fewer bytes than characters needed
    long at;
    if (BytesApply(d, lit, r)) {
        at = ContainsBytes(s, lit.utf8);
        if (at >= 0 && window) FillWindow(d, s, size_t(at), *window);
    } else if (!lit.masks.empty())
        at = window ? FieldMatches<true>(d, lit, s, window) : FieldMatches<false>(d, lit, s, nullptr);
    else {
        IdBuffer& buf = FieldBuffer(0);
        DecodeField(d, s, buf);
        return FindPattern(plan, p, buf.data(), 0, buf.size) >= 0 ? kUnknownAt : -1;
    }
    return at < 0 ? -1 : at + long(from);
}

// Whether the pattern of `lit.masks` (m slots) matches at the start of a window. A pattern longer
// than the window answers false (the caller then searches the text itself), so a true is exact.
bool WindowMatches(const LiteralBytes& lit, size_t m, const PatternMemo::Window& w) {
    if (m > std::size(w.ids)) return false;
    const uint64_t* masks = lit.masks.data();
    for (size_t k = 0; k < m; ++k)
        if (!((masks[w.ids[k]] >> k) & 1)) return false;
    return true;
}

bool FieldHas(const SearchData& d, const QueryPlan& plan, const Pattern& p, const LiteralBytes& lit, uint32_t r,
              size_t f) {
    return FieldFind(d, plan, p, lit, r, f) != -1;
}

// Whether any body field of record r holds the pattern (a match never spans fields).
bool BodyHas(const SearchData& d, const QueryPlan& plan, const Pattern& p, const LiteralBytes& lit, uint32_t r) {
    for (size_t f = d.field_begin[r] + 1; f < d.field_begin[r + 1]; ++f)
        if (FieldHas(d, plan, p, lit, r, f)) return true;
    return false;
}

// The shift-and masks of a pattern of up to 64 slots (LiteralBytes::masks, hi); longer ones keep
// none (decoded and matched by FindPattern).
void SlotMasks(const SearchData& d, const QueryPlan& plan, const Pattern& p, LiteralBytes& lit) {
    if (p.slots.size() > 64) return;
    lit.masks.assign(d.alphabet.size(), 0);
    for (size_t k = 0; k < p.slots.size(); ++k) {
        const Slot& sl = p.slots[k];
        if (sl.set < 0) lit.masks[sl.id] |= uint64_t(1) << k;
        else
            for (uint16_t id : plan.sets[sl.set].members) lit.masks[id] |= uint64_t(1) << k;
    }
    lit.hi = uint64_t(1) << (p.slots.size() - 1);
}

// The folded UTF-8 of a literal pattern (empty for a pattern with pinyin sets).
LiteralBytes LiteralUtf8(const SearchData& d, const Pattern& p) {
    LiteralBytes out;
    for (const Slot& s : p.slots) {
        if (s.set >= 0) return {};
        uint32_t cp = d.alphabet[s.id];
        out.blocking |= cp < 0x80 ? 2u : 1u;
        AppendUtf8(out.utf8, cp);
    }
    return out;
}

// A compressed posting list (Elias-Fano, see ef::) and its sequential decoder.
struct List {
    const uint8_t* begin = nullptr;
    uint32_t count = 0;
    uint32_t low_bits = 0;
};

struct Cursor {
    const uint8_t* low;
    const uint8_t* high;
    uint32_t count, low_bits, mask;
    uint32_t i = 0;
    uint32_t low_at = 0;  // bit offset of entry i's low bits
    uint32_t base = 0;    // bit offset of `word` in the high bits
    uint64_t word;
    explicit Cursor(const List& l)
        : low(l.begin),
          high(l.begin + ef::LowBytes(l.count, l.low_bits)),
          count(l.count),
          low_bits(l.low_bits),
          mask(l.low_bits ? (1u << l.low_bits) - 1 : 0),
          word(ef::Load64(high)) {}
    // (Forced inline: the inner loop of every list read. GCC left it a call from one of them,
    // 5 % of a profile of common words natively; clang inlines it in wasm.)
    [[gnu::always_inline]] bool Next(uint32_t& out) {
        if (i == count) return false;
        while (word == 0) {  // another set bit lies ahead within this list's high bits
            base += 64;
            word = ef::Load64(high + base / 8);
        }
        const uint32_t hi = base + uint32_t(__builtin_ctzll(word)) - i;
        word &= word - 1;
        // (The 8-byte load may reach into the high bits, the next list or the slack: masked off.)
        const uint32_t lo = uint32_t(ef::Load64(low + low_at / 8) >> (low_at % 8)) & mask;
        low_at += low_bits;
        ++i;
        out = hi << low_bits | lo;
        return true;
    }
    // Decodes the entries below `limit` from here into `out` (room for all the list's entries
    // left, or `most`, then at most that many), and returns how many; the first one not below it
    // is left for Next. The cursor's state is kept in locals meanwhile (as a member loop it stayed
    // in memory: a long list read whole, 共法律's 41,963 entries, spent most of its time there).
    size_t DecodeBelow(uint32_t limit, uint32_t* out, uint32_t most = UINT32_MAX) {
        uint32_t at = i, bits = low_at, b = base;
        uint64_t w = word;
        const uint32_t lb = low_bits, m = mask, n = most < count - i ? i + most : count;
        uint32_t* o = out;
        while (at < n) {
            while (w == 0) b += 64, w = ef::Load64(high + b / 8);
            const uint32_t e = (b + uint32_t(__builtin_ctzll(w)) - at) << lb |
                               (uint32_t(ef::Load64(low + bits / 8) >> (bits % 8)) & m);
            if (e >= limit) break;
            *o++ = e;
            w &= w - 1;
            bits += lb;
            ++at;
        }
        i = at, low_at = bits, base = b, word = w;
        return size_t(o - out);
    }
    // The first entry not below `target` (consumed, as Next does), or false. Words of the high
    // bits whose entries all lie below it are passed by counting their bits, not decoded: entry
    // i's bit is at (entry >> low_bits) + i, so the zeros before a word's end bound the high
    // parts within it. (A short list checked against a long one, or the exceptions of a
    // majority against the pattern's other bigrams: most of the long list is never decoded.)
    bool NextAtLeast(uint32_t target, uint32_t& out) {
        const uint32_t h = target >> low_bits;
        for (;;) {
            const uint32_t ones = uint32_t(__builtin_popcountll(word));
            // (A word holding the list's last entry may hold bits of what follows it: decoded.)
            if (i + ones >= count || base + 64 - (i + ones) >= h) break;
            i += ones;
            base += 64;
            word = ef::Load64(high + base / 8);
        }
        low_at = i * low_bits;
        while (Next(out))
            if (out >= target) return true;
        return false;
    }
};

List ListAt(const SearchData& d, const uint8_t* lists, uint32_t begin, uint32_t count) {
    return {lists + begin, count, ef::LowBits(count, uint64_t(d.Records()) * 2)};
}
List ListAt(const SearchData& d, uint32_t begin, uint32_t count) { return ListAt(d, d.postings.data(), begin, count); }

List UniList(const SearchData& d, uint16_t a) { return ListAt(d, d.uni_begin[a], d.uni_count[a]); }

List BiListAt(const SearchData& d, size_t k) { return ListAt(d, d.bi_begin[k], d.bi_count[k]); }

// The index of bigram (a, b) in bi_keys, SIZE_MAX when it occurs nowhere.
size_t BigramAt(const SearchData& d, uint16_t a, uint16_t b) {
    uint32_t key = uint32_t(a) << 16 | b;
    auto it = std::lower_bound(d.bi_keys.begin(), d.bi_keys.end(), key);
    return it == d.bi_keys.end() || *it != key ? SIZE_MAX : size_t(it - d.bi_keys.begin());
}

// The bigrams of character a: [first, last) of bi_keys (sorted: they are contiguous).
std::pair<const uint32_t*, const uint32_t*> BigramsOf(const SearchData& d, uint16_t a) {
    const uint32_t* keys = d.bi_keys.data();
    const uint32_t* end = keys + d.bi_keys.size();
    const uint32_t* lo = std::lower_bound(keys, end, uint32_t(a) << 16);
    return {lo, std::lower_bound(lo, end, uint32_t(a + 1) << 16)};
}

// The members of a slot (a literal slot: its one id), sorted.
const uint16_t* SlotBegin(const QueryPlan& plan, const Slot& s) {
    return s.set < 0 ? &s.id : plan.sets[s.set].members.data();
}
const uint16_t* SlotEnd(const QueryPlan& plan, const Slot& s) {
    return s.set < 0 ? &s.id + 1 : plan.sets[s.set].members.data() + plan.sets[s.set].members.size();
}

// Calls f(a, b, k) for every bigram k (a, b) that occurs with a of slot x and b of slot y, in
// key order.
template <class F>
void ForEachSlotBigram(const SearchData& d, const QueryPlan& plan, const Slot& x, const Slot& y, F&& f) {
    for (const uint16_t* a = SlotBegin(plan, x); a != SlotEnd(plan, x); ++a) {
        const auto [lo, hi] = BigramsOf(d, *a);
        for (const uint32_t* it = lo; it != hi; ++it)
            if (SlotHas(plan, y, uint16_t(*it & 0xFFFF))) f(*a, uint16_t(*it & 0xFFFF), size_t(it - d.bi_keys.data()));
    }
}

// Whether bigram k may be followed by a character of slot z somewhere: false when every
// occurrence of it has one right neighbour (bi_context) that z does not hold, or when all its
// right neighbours are kept (SearchData::nb_of) and z holds none of them.
bool MayFollow(const SearchData& d, const QueryPlan* plan, size_t k, const Slot& z) {
    auto has = [&](uint16_t c) { return plan ? SlotHas(*plan, z, c) : z.id == c; };
    if (!d.bi_context.empty() && (d.bi_context[k] & 0xFFFFu) != kBreak) return has(uint16_t(d.bi_context[k] & 0xFFFFu));
    auto it = std::lower_bound(d.nb_of.begin(), d.nb_of.end(), uint32_t(k));
    if (it == d.nb_of.end() || *it != k) return true;
    const size_t i = size_t(it - d.nb_of.begin());
    const uint16_t *b = d.nb_ids.data() + d.nb_begin[i], *e = d.nb_ids.data() + d.nb_begin[i + 1];
    if (z.set < 0) return std::binary_search(b, e, z.id);
    return std::any_of(b, e, has);
}

// Whether a pattern of 3+ slots may occur: false when, for two adjacent slots, every bigram of
// their characters is never followed by a character of the next slot (MayFollow). A literal
// pattern's bigrams are one a pair; a pair of pinyin slots with more than kFollowPairs bigrams
// is not looked at (it decides nothing alone, and its look-up would cost every keystroke).
// 执法xing (执法行 read by its sound) occurs nowhere when 执法 is followed by no character read
// xing: its candidates, every record holding 执法 and a bigram 法 + xing, need no reading.
constexpr size_t kFollowPairs = 16;
bool MayOccur(const SearchData& d, const QueryPlan& plan, const Pattern& p) {
    const size_t m = p.slots.size();
    if (d.bi_context.empty()) return true;
    for (size_t j = 0; j + 2 < m; ++j) {
        size_t pairs = 0;
        bool may = false;
        ForEachSlotBigram(d, plan, p.slots[j], p.slots[j + 1], [&](uint16_t, uint16_t, size_t k) {
            if (may || ++pairs > kFollowPairs) return;
            may = MayFollow(d, &plan, k, p.slots[j + 2]);
        });
        if (!may && pairs <= kFollowPairs) return false;
    }
    return true;
}

bool BigramList(const SearchData& d, uint16_t a, uint16_t b, List& out) {
    const size_t k = BigramAt(d, a, b);
    if (k == SIZE_MAX) return false;
    out = BiListAt(d, k);
    return true;
}

// The majority entry of bigram k (SearchData::maj_of), or SIZE_MAX.
size_t MajorityAt(const SearchData& d, size_t k) {
    auto it = std::lower_bound(d.maj_of.begin(), d.maj_of.end(), uint32_t(k));
    return it == d.maj_of.end() || *it != k ? SIZE_MAX : size_t(it - d.maj_of.begin());
}
// The exceptions of majority entry i on a side (0 left, 1 right; 2, 3: the pair on that side).
List MajorityExceptions(const SearchData& d, size_t i, int side) {
    return ListAt(d, d.maj_postings.data(), d.maj_begin[4 * i + side], d.maj_count[4 * i + side]);
}
// The nearest neighbour of bigram k on a side that all its occurrences have (bi_context) or
// those of all records but its exceptions (majority entry i, if any), else kBreak.
uint32_t NearestOnSide(const SearchData& d, size_t k, size_t i, int side) {
    const uint32_t context = side ? d.bi_context[k] & 0xFFFFu : d.bi_context[k] >> 16;
    if (context != kBreak || i == SIZE_MAX) return context;
    return side ? d.maj_context[i] & 0xFFFFu : d.maj_context[i] >> 16;
}
// Whether characters c (nearest) and c2 are next to every occurrence of bigram k on a side in
// every record but the exceptions of its pair there (added to `exceptions`).
bool PairNextToAll(const SearchData& d, size_t k, int side, uint16_t c, uint16_t c2, std::vector<List>& exceptions) {
    const size_t i = MajorityAt(d, k);
    if (i == SIZE_MAX) return false;
    const uint32_t next = side ? d.maj_context2[i] & 0xFFFFu : d.maj_context2[i] >> 16;
    if (next == kBreak || next != c2 || NearestOnSide(d, k, i, side) != c) return false;
    exceptions.push_back(MajorityExceptions(d, i, 2 + side));
    return true;
}
// Whether character c is next to every occurrence of bigram k on a side in every record but
// those of `exceptions` (left empty when in all): true when bi_context says so (no exceptions)
// or c is the side's majority (SearchData::maj_of: its exceptions added).
bool NextToAll(const SearchData& d, size_t k, int side, uint16_t c, std::vector<List>& exceptions) {
    const uint32_t context = side ? d.bi_context[k] & 0xFFFFu : d.bi_context[k] >> 16;
    if (context != kBreak) return context == c;
    const size_t i = MajorityAt(d, k);
    if (i == SIZE_MAX) return false;
    const uint32_t majority = side ? d.maj_context[i] & 0xFFFFu : d.maj_context[i] >> 16;
    if (majority != c) return false;
    exceptions.push_back(MajorityExceptions(d, i, side));
    return true;
}
// Whether bigram k of a literal pattern (bigram indices `at`) spans it in every record but its
// chain's `exceptions`: the neighbours of every occurrence of it are the pattern's characters
// to both its ends, by bi_context or majorities (Spans, but for the exceptions; no longer
// contexts than a character).
// A step of the chain is a character (NextToAll) or two (PairNextToAll: from bigram j to j + 2
// or j - 2); of the ways to an end, the one with the fewest exceptions.
bool SpansMostly(const SearchData& d, const Pattern& p, const std::vector<size_t>& at, size_t k,
                 std::vector<List>& exceptions) {
    const size_t m = p.slots.size();
    exceptions.clear();
    std::vector<List> lists;
    std::vector<uint64_t> cost;
    std::vector<uint8_t> came_by;  // the length of the step that reached a bigram most cheaply
    for (int side = 1; side >= 0; --side) {
        // Bigrams by distance from k (side 1: k + s; side 0: k - s); the step of `len` characters
        // from distance s, its exception lists added to `out`.
        auto step = [&](size_t s, uint8_t len, std::vector<List>& out) {
            const size_t j = side ? k + s : k - s;
            const uint16_t c = p.slots[side ? j + 2 : j - 1].id;
            return len == 1 ? NextToAll(d, at[j], side, c, out)
                            : PairNextToAll(d, at[j], side, c, p.slots[side ? j + 3 : j - 2].id, out);
        };
        const size_t reach = side ? m - 2 - k : k;  // the last bigram's distance
        cost.assign(reach + 1, UINT64_MAX);
        came_by.assign(reach + 1, 0);
        cost[0] = 0;
        for (size_t s = 0; s < reach; ++s) {
            if (cost[s] == UINT64_MAX) continue;
            for (uint8_t len = 1; len <= 2 && s + len <= reach; ++len) {
                lists.clear();
                if (!step(s, len, lists)) continue;
                uint64_t c = cost[s];
                for (const List& l : lists) c += l.count;
                if (c < cost[s + len]) cost[s + len] = c, came_by[s + len] = len;
            }
        }
        if (cost[reach] == UINT64_MAX) return false;
        for (size_t s = reach; s > 0; s -= came_by[s]) step(s - came_by[s], came_by[s], exceptions);
    }
    return true;
}

// Whether bigram `at` (characters a, b in slots k, k + 1 of p) spans p: every occurrence of it
// lies inside a match. The characters before every occurrence of it (bi_context, ext_ids) are
// of slots k - 1, k - 2..., and where they stop short of the first slot, those before every
// occurrence of the bigram they end with, and so on to the first slot; likewise after it to the
// last. (Literal patterns: DecideByContexts, with no plan; pinyin: SureMatches.)
bool Spans(const SearchData& d, const QueryPlan* plan, const Pattern& p, size_t k, uint16_t a, uint16_t b, size_t at) {
    const size_t m = p.slots.size();
    auto in_slot = [&](size_t j, uint16_t c) { return plan ? SlotHas(*plan, p.slots[j], c) : p.slots[j].id == c; };
    for (int right = 0; right < 2; ++right) {
        // Left: (x, y) the bigram at slots j, j + 1, the next neighbour for slot j - 1; right: at
        // slots j - 2, j - 1, the next for slot j.
        uint16_t x = a, y = b;
        size_t bi = at;
        for (size_t j = right ? k + 2 : k; right ? j < m : j > 0;) {
            uint16_t one = uint16_t(right ? d.bi_context[bi] & 0xFFFFu : d.bi_context[bi] >> 16);
            if (one == kBreak || !in_slot(right ? j : j - 1, one)) return false;
            const uint16_t* ids = &one;
            size_t count = 1;
            if (right ? j + 1 < m : j > 1) {  // more than one needed: any more it has
                auto it = std::lower_bound(d.ext_of.begin(), d.ext_of.end(), uint32_t(bi));
                if (it != d.ext_of.end() && *it == bi) {
                    ids = d.ext_ids.data() + d.ext_begin[size_t(it - d.ext_of.begin())];
                    count = right ? ids[0] & 0xFFu : ids[0] >> 8;
                    ids += right ? 1 + (ids[0] >> 8) : 1;
                }
            }
            for (size_t i = 0; i < count && (right ? j < m : j > 0); ++i) {
                if (!in_slot(right ? j : j - 1, ids[i])) return false;
                if (right) x = y, y = ids[i], ++j;
                else y = x, x = ids[i], --j;
            }
            if ((right ? j < m : j > 0) && (bi = BigramAt(d, x, y)) == SIZE_MAX) return false;
        }
    }
    return true;
}

// What the bigram contexts (SearchData::bi_context) say of a literal pattern of 3+ characters.
enum class Decided { kNo, kSpans, kNowhere };
// kSpans: a bigram of it every occurrence of which lies inside an occurrence of the whole
// pattern (Spans), whose list `out` then is exactly the pattern's records, its title bit exact
// too. kNowhere: the pattern occurs nowhere, as a bigram of it always has another
// neighbour than the pattern's (执法行政: 法行 is always after 依), is never followed by the
// pattern's next character (MayFollow), or occurs nowhere itself.
Decided DecideByContexts(const SearchData& d, const Pattern& p, List& out) {
    const size_t m = p.slots.size();
    if (m < 3 || d.bi_context.empty()) return Decided::kNo;
    std::vector<size_t> at(m - 1);
    for (size_t j = 0; j + 1 < m; ++j)
        if ((at[j] = BigramAt(d, p.slots[j].id, p.slots[j + 1].id)) == SIZE_MAX) return Decided::kNowhere;
    auto left = [&](size_t j) { return d.bi_context[at[j]] >> 16; };  // of bigram j, j >= 1
    for (size_t j = 0; j + 1 < m; ++j)
        if ((j >= 1 && left(j) != kBreak && left(j) != p.slots[j - 1].id) ||
            (j + 3 <= m && !MayFollow(d, nullptr, at[j], p.slots[j + 2])))
            return Decided::kNowhere;
    for (size_t k = 0; k + 1 < m; ++k)
        if (Spans(d, nullptr, p, k, p.slots[k].id, p.slots[k + 1].id, at[k])) {
            out = BiListAt(d, at[k]);
            return Decided::kSpans;
        }
    return Decided::kNo;
}

// Whether one posting list is exactly a literal pattern's matches (its title bits exact too), and
// which, in `out` (empty when the pattern occurs nowhere): a character's, a bigram's, or for 3+
// characters the one the bigram contexts decide (DecideByContexts).
bool ExactList(const SearchData& d, const Pattern& p, List& out) {
    out = List();
    if (p.slots.size() == 1) out = UniList(d, p.slots[0].id);
    else if (p.slots.size() == 2) BigramList(d, p.slots[0].id, p.slots[1].id, out);  // (none: no matches)
    else return DecideByContexts(d, p, out) != Decided::kNo;
    return true;
}

// Per-thread scratch reused between queries: a fresh megabyte per query costs page faults that
// dwarf the search itself. Kept zeroed between uses.
struct Scratch {
    std::vector<uint8_t> mark;
};
Scratch& ThreadScratch(size_t records) {
    thread_local Scratch s;
    if (s.mark.size() < records) s.mark.assign(records, 0);
    return s;
}
// Per-thread record stamps (SetCandidates): a stamp of the current epoch or the one before it
// marks a record (two values: see SetCandidates); raising the epoch by two clears every mark at
// once. 16 bits a record (not 32: 1.9 MB less at national scale), so the stamps are cleared once
// every 32,766 raises.
std::vector<uint16_t>& ThreadStamps(size_t records) {
    thread_local std::vector<uint16_t> stamps;
    if (stamps.size() < records) stamps.assign(records, 0);
    return stamps;
}
// Sets posting entry e's record (e >> 1) in the bitmap `any`, and in `title` when e is in a title.
inline void PutEntry(uint64_t* any, uint64_t* title, uint32_t e) {
    const uint32_t r = e >> 1;
    any[r >> 6] |= uint64_t(1) << (r & 63);
    title[r >> 6] |= uint64_t(e & 1) << (r & 63);
}

// The records a pattern with pinyin slots (3 to 64 slots) surely matches, read from the bigram
// contexts (SearchData::bi_context) without their text: those holding a bigram of two adjacent
// slots that spans the pattern (Spans: every occurrence of it lies in a match), in the title
// when its entry's title bit says so. Real text repeats its phrases, and the generated national
// data more so: of `ggf`'s 432,911 candidates 432,883 hold such a bigram (共法), of `xzf`'s 225,679
// 182,572 (政复, 政法...), all of them matches; each was read to verify it (40-80 ms natively).
// One bit a record in each bitmap, per thread; kept clear between uses.
struct SureMatches {
    std::vector<uint64_t> any, title;
    bool Has(uint32_t r) const { return (any[r >> 6] >> (r & 63)) & 1; }
    bool InTitle(uint32_t r) const { return (title[r >> 6] >> (r & 63)) & 1; }
    void Put(uint32_t e) { PutEntry(any.data(), title.data(), e); }
    void ClearWordOf(uint32_t e) { any[e >> 7] = title[e >> 7] = 0; }  // (e's record's word)
    void ClearAll(size_t words) {
        std::fill(any.begin(), any.begin() + ptrdiff_t(words), 0);
        std::fill(title.begin(), title.begin() + ptrdiff_t(words), 0);
    }
};
SureMatches& ThreadSure(size_t records) {
    thread_local SureMatches s;
    const size_t words = (records + 63) / 64;
    if (s.any.size() < words) s.any.assign(words, 0), s.title.assign(words, 0);
    return s;
}
}  // namespace

void ReserveSearchScratch(size_t records) {
    records = std::min(records, SearchIndex::kMaxRecords);
    ThreadScratch(records);
    ThreadStamps(records);
    ThreadSure(records);
}

namespace {
uint16_t& ThreadEpoch() {
    thread_local uint16_t epoch = 0;
    return epoch;
}

// Candidates (record << 1 | in_title, sorted) for a literal pattern; `exact` tells whether they
// still need verifying.
// The posting lists of a literal pattern, rarest first: its character's for one slot, else its
// bigrams'. False when a bigram occurs nowhere (nothing can match).
bool PatternLists(const SearchData& d, const Pattern& p, std::vector<List>& lists) {
    const size_t m = p.slots.size();
    lists.clear();
    if (m == 1) lists.push_back(UniList(d, p.slots[0].id));
    for (size_t i = 0; i + 1 < m; ++i) {
        List l;
        if (!BigramList(d, p.slots[i].id, p.slots[i + 1].id, l)) return false;
        lists.push_back(l);
    }
    std::sort(lists.begin(), lists.end(), [](const List& x, const List& y) { return x.count < y.count; });
    return !lists.empty();
}

// Calls f(i, e) for every entry i of `v` (record << 1 | bit, in record order) whose record is on
// list l, e its entry there; f may write v[j] for j <= i.
template <class Entries, class F>
void ForEachOnList(const Entries& v, const List& l, F&& f) {
    if (l.count == 0) return;  // (no list: no bytes for a cursor to read)
    Cursor c(l);
    uint32_t e = 0;
    bool more = c.Next(e);
    // (Skipping costs a popcount a step: worth it where most of a list lies between entries.)
    const bool skip = l.count > 4 * v.size();
    for (size_t i = 0; i < v.size() && more; ++i) {
        const uint32_t rec = v[i] >> 1;
        if (skip && (e >> 1) < rec) more = c.NextAtLeast(rec << 1, e);
        while (more && (e >> 1) < rec) more = c.Next(e);
        if (more && (e >> 1) == rec) f(i, e);
    }
}
// Keeps the entries of `v` whose record is on list l, with `and_title` their bit ANDed with the
// list entry's.
template <class Entries>
void KeepOnList(Entries& v, const List& l, bool and_title) {
    size_t w = 0;
    ForEachOnList(v, l, [&](size_t i, uint32_t e) { v[w++] = and_title ? v[i] & (e | ~1u) : v[i]; });
    v.resize(w);
}

// Candidates for a literal pattern of 3+ characters that one of its bigrams spans by majorities
// (SpansMostly; the one with the shortest list): that bigram's records, but of its chain's
// exceptions only those on every other list of the pattern (`lists`), their title bits ANDed.
// The others hold the pattern wherever they hold the bigram (MarkSureMatches marks them sure):
// no other list is read for them. (法治政府's 14,809 matches: the three lists intersected took
// 60 % of its 1 ms natively.) The exceptions kept that are candidates go to `verify` (records,
// sorted): the others are sure matches, in the title exactly when their entry's title bit says
// so. False when no bigram spans the pattern so.
bool SpannedCandidates(const SearchData& d, const Pattern& p, const std::vector<List>& lists, Candidates& out,
                       std::vector<uint32_t>& verify) {
    const size_t m = p.slots.size();
    if (m < 3 || d.bi_context.empty()) return false;
    std::vector<size_t> at(m - 1);
    for (size_t j = 0; j + 1 < m; ++j)
        if ((at[j] = BigramAt(d, p.slots[j].id, p.slots[j + 1].id)) == SIZE_MAX) return false;
    std::vector<std::vector<List>> spans(m - 1);  // (per bigram that spans p: its chain's exceptions)
    std::vector<uint8_t> spanning_at(m - 1, 0);
    size_t best = SIZE_MAX;
    for (size_t k = 0; k + 1 < m; ++k) {
        if (!(spanning_at[k] = SpansMostly(d, p, at, k, spans[k]))) continue;
        if (best == SIZE_MAX || d.bi_count[at[k]] < d.bi_count[at[best]]) best = k;
    }
    if (best == SIZE_MAX) return false;
    // The exceptions (records of the bigram), each with its entry's title bit, then only those on
    // every other list.
    std::vector<uint32_t> odd;
    for (const List& l : spans[best]) {
        if (l.count == 0) continue;
        Cursor c(l);
        for (uint32_t e; c.Next(e);) odd.push_back(e | 1);
    }
    if (spans[best].size() > 1) {
        std::sort(odd.begin(), odd.end());
        odd.erase(std::unique(odd.begin(), odd.end()), odd.end());
    }
    const List spanning = BiListAt(d, at[best]);
    std::vector<uint32_t> kept(odd);  // (title bits: those of all lists, the spanning one's too)
    for (const List& l : lists)
        if (l.begin != spanning.begin) KeepOnList(kept, l, true);
    // Those another spanning bigram is sure of (on its list, as all kept are, and on none of its
    // chain's exceptions) need no reading either: their ANDed title bits are exact too.
    std::vector<uint8_t> sure(kept.size(), 0);
    for (size_t k = 0; k + 1 < m; ++k) {
        if (k == best || !spanning_at[k]) continue;
        std::vector<uint8_t> odd_here(kept.size(), 0);
        for (const List& l : spans[k]) ForEachOnList(kept, l, [&](size_t i, uint32_t) { odd_here[i] = 1; });
        for (size_t i = 0; i < kept.size(); ++i) sure[i] |= !odd_here[i];
    }
    out.resize(spanning.count);  // (written in place: no capacity check an entry)
    uint32_t* w = out.data();
    // Those to verify are candidates too: an exception of another bigram of the chain that does
    // not hold this one is none (the verifying loop walks `verify` along the candidates).
    verify.clear();
    Cursor c(spanning);
    size_t o = 0, k = 0;
    // Up to the next exception, every entry is a candidate.
    uint32_t next_odd = odd.empty() ? UINT32_MAX : odd[0] >> 1;
    for (uint32_t e;;) {
        w += c.DecodeBelow(next_odd == UINT32_MAX ? UINT32_MAX : next_odd << 1, w);
        if (!c.Next(e)) break;
        const uint32_t r = e >> 1;  // (next_odd or beyond)
        while (o < odd.size() && (odd[o] >> 1) < r) ++o;
        if (o == odd.size() || (odd[o] >> 1) != r) {
            next_odd = o < odd.size() ? odd[o] >> 1 : UINT32_MAX;
            *w++ = e;
            continue;
        }
        next_odd = o + 1 < odd.size() ? odd[o + 1] >> 1 : UINT32_MAX;
        while (k < kept.size() && (kept[k] >> 1) < r) ++k;
        if (k < kept.size() && (kept[k] >> 1) == r) {
            *w++ = kept[k] & e;
            if (!sure[k]) verify.push_back(r);
        }
    }
    out.resize(size_t(w - out.data()));
    return true;
}

// With `verify` (SpannedCandidates): when a bigram spans the pattern by majorities, the
// candidates to verify, the rest being sure matches, and `spanned` set.
Candidates LiteralCandidates(const SearchData& d, const Pattern& p, bool& exact, std::vector<uint32_t>* verify = nullptr,
                             bool* spanned = nullptr) {
    Candidates out;
    std::vector<List> lists;
    List one;
    exact = ExactList(d, p, one);
    if (exact) lists.push_back(one);
    else if (!PatternLists(d, p, lists)) return out;
    // A bigram whose majority neighbour on a side is not the pattern's character there occurs so
    // only in that side's exceptions (执法行政: 法行 is mostly after 依): the pattern can match
    // nowhere else; likewise where the pattern has the nearest neighbour of a majority pair but
    // not the next (执法行政 again: 执法 is mostly before 行为). Such lists are short (an eighth
    // of the bigram's at most). Their entries have no title bits: they only remove candidates.
    std::vector<uint32_t> own_verify;
    if (!exact && !d.maj_of.empty() && SpannedCandidates(d, p, lists, out, verify ? *verify : own_verify)) {
        if (spanned) *spanned = true;
        return out;
    }
    std::vector<List> only;
    if (!exact && !d.maj_of.empty()) {
        const size_t m = p.slots.size();
        for (size_t j = 0; j + 1 < m; ++j) {
            const size_t k = BigramAt(d, p.slots[j].id, p.slots[j + 1].id), i = MajorityAt(d, k);
            if (i == SIZE_MAX) continue;
            for (int side = 0; side < 2; ++side) {
                const uint32_t majority = side ? d.maj_context[i] & 0xFFFFu : d.maj_context[i] >> 16;
                const bool has = side ? j + 3 <= m : j >= 1;
                if (has && majority != kBreak && majority != (side ? p.slots[j + 2].id : p.slots[j - 1].id))
                    only.push_back(MajorityExceptions(d, i, side));
                const uint32_t next = side ? d.maj_context2[i] & 0xFFFFu : d.maj_context2[i] >> 16;
                const bool has2 = side ? j + 4 <= m : j >= 2;
                if (has2 && next != kBreak && NearestOnSide(d, k, i, side) == (side ? p.slots[j + 2].id : p.slots[j - 1].id) &&
                    next != (side ? p.slots[j + 3].id : p.slots[j - 2].id))
                    only.push_back(MajorityExceptions(d, i, 2 + side));
            }
        }
        for (const List& l : only)
            if (l.count == 0) return out;
    }
    if (lists[0].count == 0) return out;  // (no list: no bytes for a cursor to read)
    out.resize(lists[0].count);
    Cursor(lists[0]).DecodeBelow(UINT32_MAX, out.data());
    // In the title only if every bigram is (a necessary condition, verified later).
    for (size_t li = 1; li < lists.size() && !out.empty(); ++li) KeepOnList(out, lists[li], true);
    for (const List& l : only) KeepOnList(out, l, false);
    return out;
}

// The bitmaps of a one-slot pattern whose set is a single letter's or a kept one of two letters
// (SearchData::letter_members):
// n bits, the records holding one of its characters, then n bits, those holding one in the title;
// null for any other pattern.
const uint64_t* LetterBits(const SearchData& d, const QueryPlan& plan, const Pattern& p) {
    if (p.slots.size() != 1 || p.slots[0].set < 0) return nullptr;
    const std::vector<uint16_t>& want = plan.sets[p.slots[0].set].members;
    const size_t words = (d.Records() + 63) / 64;
    for (size_t k = 0; k < d.letter_members.size(); ++k)
        if (d.letter_members[k] == want) return d.letter_bits.data() + k * 2 * words;
    return nullptr;
}

// Candidates for a pattern with pinyin sets: a record must hold a matching bigram for every
// adjacent pair of slots (or a matching character for a one-slot pattern). Uses a per-record
// counter instead of materialising unions of many lists: MarkSetCandidates leaves it in this
// thread's marks (the pairs a record satisfies and whether its title may hold the pattern:
// MarkDone, MarkTitle) and returns how many records are candidates, with the pairs a candidate satisfies in
// `pairs`; SetCandidates lists them (and clears the marks), or a caller reads the marks and
// clears them itself (ClearMarks).
// A record's mark (MarkSetCandidates): how many pairs of slots it holds so far (low 6 bits; at
// most 62 are checked), and whether its title may hold them: bit 6 for the slots before the
// current middle one, bit 7 for the current one's.
constexpr uint8_t kMarkPairs = 0x3F, kMarkTitleBefore = 0x40;
inline bool MarkDone(uint8_t v, size_t pairs) { return (v & kMarkPairs) == pairs; }
inline uint32_t MarkTitle(uint8_t v) { return uint32_t(v >> 7) & uint32_t(v >> 6) & 1u; }
// Whether record r's title may hold the pattern by its marks (none made: it may).
inline bool TitleMarked(const uint8_t* marks, uint32_t r) { return !marks || MarkTitle(marks[r]); }

// The pairs a candidate of a pattern of m slots satisfies in MarkSetCandidates (its final mark).
size_t MarkPairs(size_t m) { return m <= 2 ? 1 : std::min<size_t>(m - 2, kMarkPairs - 1); }

// The posting-list entries MarkSetCandidates reads for a set pattern of 3+ slots, about: those of
// every bigram of two adjacent slots it reads (what marking costs; the lists' counts, no decoding).
size_t MarkVolume(const SearchData& d, const QueryPlan& plan, const Pattern& p, size_t first = 1) {
    const size_t m = p.slots.size();
    const size_t pairs = MarkPairs(m);
    size_t volume = 0;
    for (size_t i = first - 1; i <= pairs && i + 1 < m; ++i)
        ForEachSlotBigram(d, plan, p.slots[i], p.slots[i + 1], [&](uint16_t, uint16_t, size_t k) { volume += d.bi_count[k]; });
    return volume;
}

// With 3+ slots, `first` is the first middle slot checked: those before it are known to hold for
// the records the caller reads (the records of a memo whose pattern has the same slots up to
// slot `first`: xzfy within xzf's matches checks z-f-y alone, not x-z-f again).
size_t MarkSetCandidates(const SearchData& d, const QueryPlan& plan, const Pattern& p, size_t& pairs_out,
                         size_t first = 1) {
    size_t m = p.slots.size();
    size_t n = d.Records();
    std::vector<uint8_t>& mark = ThreadScratch(n).mark;
    // Pairs a candidate satisfies (the final mark), and how many records reach it (a list of
    // them is allocated once, at its size: growing it by doubling left holes in the heap).
    const size_t pairs = MarkPairs(m) - (m >= 3 ? first - 1 : 0);
    pairs_out = pairs;
    size_t count = 0;
    if (m == 1) {
        // Counted in a sweep afterwards, not per entry (`zh`, 43 lists, 3 million entries: 12.8
        // -> 11.8 ms natively; decoding two lists at a time instead was slower, 13.1 ms, and a
        // decoding loop over the high bits' words without Cursor's per-entry checks the same).
        for (const uint16_t* a = SlotBegin(plan, p.slots[0]); a != SlotEnd(plan, p.slots[0]); ++a) {
            Cursor c(UniList(d, *a));
            for (uint32_t e; c.Next(e);) mark[e >> 1] |= uint8_t(1 | kMarkTitleBefore | (e & 1) << 7);
        }
        // (Eight at a time: a byte at a time was a millisecond in wasm, a set like tiao's read within
        // renmin's matches at every keystroke of `renmin tiao`.)
        uint32_t r = 0;
        for (uint64_t w; r + 8 <= n; r += 8) {
            std::memcpy(&w, mark.data() + r, 8);
            w |= w >> 4, w |= w >> 2, w |= w >> 1;  // (each byte's bit 0: whether it is set)
            count += size_t(__builtin_popcountll(w & 0x0101010101010101ull));
        }
        for (; r < n; ++r) count += mark[r] != 0;
    } else if (m >= 3) {
        // Three slots or more: for every middle slot i, a record needs some character y of slot i
        // that follows a character of slot i-1 and precedes one of slot i+1 (the same y in both
        // bigrams). Much tighter than requiring each bigram pair separately (a record with 公共
        // and 工作 is no candidate for g-g-z), and still necessary, so recall stays 1.
        // A candidate's mark also says whether its title may hold the match (MarkTitle): for
        // every middle slot, the title holds both bigrams, through the same y (necessary, as a
        // literal's ANDed title bits are), so a candidate without it is not searched in its
        // title. Stamps come in pairs for that: base (y follows slot i-1 in the record) and
        // base + 1 (in its title too). (With four slots or more the bit used to be always set:
        // national `gonggongfalv`'s sure matches in a body then had their title read.)
        std::vector<uint16_t>& stamp = ThreadStamps(n);
        uint16_t& epoch = ThreadEpoch();
        std::vector<std::pair<uint16_t, uint32_t>> left, right;  // (y, bigram index)
        for (size_t i = first; i + 1 < m && i < first + pairs; ++i) {
            const Slot& y = p.slots[i];
            const Slot& z = p.slots[i + 1];
            left.clear();
            right.clear();
            ForEachSlotBigram(d, plan, p.slots[i - 1], y, [&](uint16_t, uint16_t b, size_t k) { left.emplace_back(b, uint32_t(k)); });
            ForEachSlotBigram(d, plan, y, z, [&](uint16_t a, uint16_t, size_t k) { right.emplace_back(a, uint32_t(k)); });
            std::sort(left.begin(), left.end());  // right is already grouped by y
            uint8_t need = uint8_t(i - first), got = uint8_t(i - first + 1);
            size_t li = 0;
            for (size_t ri = 0; ri < right.size();) {
                uint16_t yc = right[ri].first;
                size_t re = ri;
                while (re < right.size() && right[re].first == yc) ++re;
                while (li < left.size() && left[li].first < yc) ++li;
                if (li == left.size() || left[li].first != yc) {
                    ri = re;
                    continue;
                }
                if (epoch > 0xFFFC) {
                    std::fill(stamp.begin(), stamp.end(), 0);
                    epoch = 0;
                }
                epoch += 2;
                const uint16_t base = uint16_t(epoch - 1), in_title = epoch;  // (earlier stamps are below)
                for (; li < left.size() && left[li].first == yc; ++li) {
                    Cursor c(BiListAt(d, left[li].second));
                    for (uint32_t e; c.Next(e);) {
                        uint16_t& st = stamp[e >> 1];
                        if (st != in_title) st = uint16_t(base + (e & 1));
                    }
                }
                for (; ri < re; ++ri) {
                    Cursor c(BiListAt(d, right[ri].second));
                    for (uint32_t e; c.Next(e);) {
                        const uint32_t r = e >> 1;
                        if (stamp[r] < base) continue;
                        const uint8_t t = uint8_t(uint8_t(stamp[r] == in_title && (e & 1)) << 7);
                        if ((mark[r] & kMarkPairs) == need) {
                            const uint8_t before = i == first ? kMarkTitleBefore : uint8_t(MarkTitle(mark[r]) << 6);
                            mark[r] = uint8_t(got | before | t), count += got == pairs;
                        } else if ((mark[r] & kMarkPairs) == got) {
                            mark[r] |= t;
                        }
                    }
                }
            }
        }
    } else {
        for (size_t i = 0; i < pairs; ++i) {
            const Slot& x = p.slots[i];
            const Slot& y = p.slots[i + 1];
            uint8_t need = uint8_t(i), got = uint8_t(i + 1);
            ForEachSlotBigram(d, plan, x, y, [&](uint16_t, uint16_t, size_t k) {
                Cursor c(BiListAt(d, k));
                for (uint32_t e; c.Next(e);) {
                    uint8_t& mk = mark[e >> 1];
                    if ((mk & kMarkPairs) == need) mk = uint8_t(kMarkTitleBefore | got | (e & 1) << 7), count += got == pairs;
                    else if ((mk & kMarkPairs) == got) mk |= uint8_t((e & 1) << 7);
                }
            });
        }
    }
    return count;
}
void ClearMarks(const SearchData& d) {
    std::vector<uint8_t>& mark = ThreadScratch(d.Records()).mark;
    std::fill(mark.begin(), mark.end(), uint8_t(0));
}
// The candidates MarkSetCandidates marked (`count` of them, satisfying `pairs`), listed; clears
// the marks.
Candidates ListMarked(const SearchData& d, size_t count, size_t pairs) {
    const size_t n = d.Records();
    Candidates out;
    out.resize(count + 1);  // (one more: written to, not kept, when the last record is no candidate)
    uint32_t* o = out.data();
    uint8_t* mk = ThreadScratch(n).mark.data();
    // Eight marks at a time: those done (their pair count `pairs`, an exact test of each byte:
    // nothing carries between bytes) and their title bits (6 and 7 both) as one bit a byte.
    // (A byte at a time was a quarter of national `renmin tiao`, most of it mispredicted tests.)
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const uint64_t want = kOnes * pairs;
    uint32_t r = 0;
    for (; r + 8 <= n; r += 8) {
        uint64_t w;
        std::memcpy(&w, mk + r, 8);
        if (!w) continue;
        std::memset(mk + r, 0, 8);
        const uint64_t y = (w & (kOnes * kMarkPairs)) ^ want;
        const uint64_t title = w & (w << 1) & kHigh;
        for (uint64_t done = ~((y + kOnes * 0x7F) | y) & kHigh; done; done &= done - 1) {
            const unsigned b = unsigned(__builtin_ctzll(done));
            *o++ = (r + (b >> 3)) << 1 | uint32_t((title >> b) & 1);
        }
    }
    for (; r < n; ++r) {
        const uint8_t v = mk[r];
        mk[r] = 0;
        *o = r << 1 | MarkTitle(v);
        o += MarkDone(v, pairs);
    }
    out.pop_back();
    return out;
}
Candidates SetCandidates(const SearchData& d, const QueryPlan& plan, const Pattern& p, bool& exact) {
    exact = p.slots.size() <= 2;
    size_t pairs = 0;
    const size_t count = MarkSetCandidates(d, plan, p, pairs);
    return ListMarked(d, count, pairs);
}

// Finish: the bitmaps of single-letter sets (see SearchData::letter_members). Uses the query
// planner itself, so a cached set is exactly the set a query for that letter builds.
// Two typed letters (zh, fa, xi: every query in pinyin starts so) read their set's posting lists
// as one letter's do: national `zh` 3.0 million entries, `fa` 1.2 million (18-29 ms a keystroke
// in Chromium, where a letter's bitmaps take 7-10). The sets of two letters whose lists hold at
// least this many entries are kept as bitmaps too (national: 20 sets, 4.8 MB; none at 100k).
constexpr size_t kCachedSetEntries = 500000;

void PrecomputeLetterSets(SearchData& d) {
    d.letter_members.clear();
    d.letter_bits.clear();
    const size_t n = d.Records();
    if (n == 0) return;
    const size_t words = (n + 63) / 64;
    // A two-letter set's characters read a syllable that starts with its first letter, so its
    // lists hold at most as many entries as that letter's (letter_mask): a letter under the
    // threshold rules out its pairs without planning them (at 100k, 676 plans a build).
    std::array<size_t, 26> letter_entries{};
    for (size_t id = kFirstChar; id < d.letter_mask.size(); ++id)
        for (uint32_t m = d.letter_mask[id]; m; m &= m - 1) letter_entries[__builtin_ctz(m)] += d.uni_count[id];
    std::vector<std::string> typed;
    for (char c = 'a'; c <= 'z'; ++c) typed.emplace_back(1, c);
    for (char c = 'a'; c <= 'z'; ++c)
        for (char e = 'a'; e <= 'z' && letter_entries[c - 'a'] >= kCachedSetEntries; ++e) {
            const SyllableRange r = SyllablesWithPrefix(std::string{c, e});
            if (r.first < r.last) typed.push_back({c, e});  // (else two slots)
        }
    for (const std::string& text : typed) {
        QueryPlan plan = PlanQuery(d, text);
        for (const Conjunction& conj : plan.alternatives)
            for (const Term& term : conj.terms)
                for (const Pattern& p : term.patterns) {
                    if (p.slots.size() != 1 || p.slots[0].set < 0) continue;
                    const std::vector<uint16_t>& members = plan.sets[p.slots[0].set].members;
                    if (members.empty()) continue;
                    if (std::find(d.letter_members.begin(), d.letter_members.end(), members) != d.letter_members.end())
                        continue;
                    if (text.size() > 1) {
                        size_t entries = 0;
                        for (const uint16_t a : members) entries += d.uni_count[a];
                        if (entries < kCachedSetEntries) continue;
                    }
                    // The union of the members' lists, as SetCandidates gives it (no cache yet
                    // for these), straight into the bitmaps.
                    size_t base = d.letter_bits.size();
                    d.letter_bits.resize(base + 2 * words, 0);
                    uint64_t* any = d.letter_bits.data() + base;
                    for (const uint16_t a : members) {
                        Cursor c(UniList(d, a));
                        for (uint32_t e; c.Next(e);) PutEntry(any, any + words, e);
                    }
                    d.letter_members.push_back(members);
                }
    }
    d.letter_bits.shrink_to_fit();
}

// Marks in `sure` the records p surely matches; returns the bigrams whose lists it marked (none:
// nothing marked; else ClearSure after).
std::vector<uint32_t> MarkSureMatches(const SearchData& d, const QueryPlan& plan, const Pattern& p, SureMatches& sure) {
    std::vector<uint32_t> spanning;
    const size_t m = p.slots.size();
    if (m < 3 || m > 64 || d.bi_context.empty()) return spanning;
    if (Literal(p)) {
        // (Its bigrams do not span it by bi_context alone, or no text would be searched at all:
        // DecideByContexts. By majorities, every record of a bigram but the exceptions.)
        if (d.maj_of.empty()) return spanning;
        std::vector<size_t> at(m - 1);
        for (size_t j = 0; j + 1 < m; ++j)
            if ((at[j] = BigramAt(d, p.slots[j].id, p.slots[j + 1].id)) == SIZE_MAX) return spanning;
        std::vector<List> exceptions;
        std::vector<uint32_t> skip;
        for (size_t k = 0; k + 1 < m; ++k) {
            if (!SpansMostly(d, p, at, k, exceptions)) continue;
            skip.clear();
            for (const List& l : exceptions) {
                Cursor c(l);
                for (uint32_t e; c.Next(e);) skip.push_back(e >> 1);
            }
            if (exceptions.size() > 1) std::sort(skip.begin(), skip.end());
            spanning.push_back(uint32_t(at[k]));
            Cursor c(BiListAt(d, at[k]));
            size_t s = 0;
            for (uint32_t e; c.Next(e);) {
                while (s < skip.size() && skip[s] < e >> 1) ++s;
                if (s == skip.size() || skip[s] != e >> 1) sure.Put(e);
            }
        }
        return spanning;
    }
    for (size_t k = 0; k + 1 < m; ++k)
        ForEachSlotBigram(d, plan, p.slots[k], p.slots[k + 1], [&](uint16_t a, uint16_t b, size_t at) {
            if (!Spans(d, &plan, p, k, a, b, at)) return;
            spanning.push_back(uint32_t(at));
            Cursor c(BiListAt(d, at));
            for (uint32_t e; c.Next(e);) sure.Put(e);
        });
    return spanning;
}
// Clears what MarkSureMatches marked: the words of the lists' records when they are few, else all.
void ClearSure(const SearchData& d, const std::vector<uint32_t>& spanning, SureMatches& sure) {
    const size_t words = (d.Records() + 63) / 64;
    size_t entries = 0;
    for (const uint32_t k : spanning) entries += d.bi_count[k];
    if (entries * 8 < words) {
        for (const uint32_t k : spanning) {
            Cursor c(BiListAt(d, k));
            for (uint32_t e; c.Next(e);) sure.ClearWordOf(e);
        }
        return;
    }
    sure.ClearAll(words);
}

// The letter (0-25) a slot stands for when it is exactly the set one typed letter makes
// (SyllablesWithPrefix of it: an initial, or a last letter still being typed), else -1.
int SlotLetter(const QueryPlan& plan, const Slot& s) {
    if (s.set < 0 || plan.set_ranges[s.set].size() != 1) return -1;
    const SyllableRange r = plan.set_ranges[s.set][0];
    for (int l = 0; l < 26; ++l)
        if (r == LetterRanges()[l] && r.first != r.last) return l;
    return -1;
}

// The members of slot s for the whole syllable it starts with, when s is every syllable starting
// with a whole syllable of 2+ letters and more than it (min: min, ming -> min; perhaps none in
// the corpus); else nothing (PatternMemo::refine_last). A single letter (an initial, or m, e)
// keeps its set.
std::optional<std::vector<uint16_t>> WholeSyllableMembers(const SearchData& d, const QueryPlan& plan,
                                                          const Slot& s) {
    if (s.set < 0 || plan.set_ranges[s.set].size() != 1) return std::nullopt;
    const SyllableRange r = plan.set_ranges[s.set][0];
    if (r.last - r.first < 2) return std::nullopt;
    const std::string_view whole = SyllableName(r.first);
    if (whole.size() < 2 || !(SyllablesWithPrefix(whole) == r)) return std::nullopt;
    const SyllableRange one = SyllableExactly(whole);
    std::vector<uint16_t> out;
    for (uint16_t id : plan.sets[s.set].members)
        if (ReadingSetMatches(d.reading_set[id], one)) out.push_back(id);
    if (out.size() == plan.sets[s.set].members.size()) return std::nullopt;  // (the same members)
    return out;
}

// A memo of the last query's patterns whose matches `p` can start from: the same slots (`same`);
// else one refined (PatternMemo::next) whose slots are p's but its last (its last slot as its
// bits are refined for: PatternMemo::refine_last), which is a single letter
// (`letter`: the matches among its refined records are read from their bits); else a verified pattern (3+
// slots, with first matches) of at most as many slots whose every slot holds the corresponding
// slot of `p` (then every match of `p` starts a match of it at the same place: a typed letter
// narrowed the last syllable or added one); the smallest such memo, or null. A 1-2 slot memo only
// serves the same slots or one more letter: for more, the postings give tighter candidates.
const PatternMemo* FindMemo(const std::vector<PatternMemo>& memos, const QueryPlan& plan, const Pattern& p,
                            bool& same, int& letter) {
    const PatternMemo* best = nullptr;
    same = false;
    letter = -1;
    for (const PatternMemo& memo : memos) {
        if (memo.taken || memo.slots.size() > p.slots.size()) continue;
        bool within = true, equal = true;  // equal: every slot of the memo is p's
        bool bits_equal = true;            // and those its letter bits are for (refine_last)
        for (size_t k = 0; k < memo.slots.size() && within; ++k) {
            const std::vector<uint16_t>& sup = memo.slots[k];
            const uint16_t *b = SlotBegin(plan, p.slots[k]), *e = SlotEnd(plan, p.slots[k]);
            within = std::includes(sup.begin(), sup.end(), b, e);
            equal &= size_t(e - b) == sup.size();
            const std::vector<uint16_t>& bits_for =
                k + 1 == memo.slots.size() && memo.refine_last ? *memo.refine_last : sup;
            bits_equal &= std::equal(b, e, bits_for.begin(), bits_for.end());
        }
        if (!within) continue;
        if (equal && memo.slots.size() == p.slots.size()) {
            same = true;
            return &memo;
        }
        // (Refined in part: the rest of its records are searched, from their first matches if it
        // has them; without, from the start, which pays when at least half are refined.)
        if (bits_equal && memo.next && (memo.at ? memo.refined > 0 : 2 * memo.refined >= memo.records.size()) &&
            memo.slots.size() + 1 == p.slots.size() && (letter = SlotLetter(plan, p.slots.back())) >= 0)
            return &memo;
        // (A 3+ slot memo's records are verified matches, with or without their first matches.)
        if ((memo.at || memo.slots.size() >= 3) && (!best || memo.records.size() < best->records.size()))
            best = &memo;
    }
    return best;
}

// The first middle slot of p (MarkSetCandidates' `first`) that the memo's records may not hold
// with both its neighbours: p's slots up to the one after it are not all exactly the memo's
// (the same members). The memo's records match its pattern, so they hold every middle slot before.
size_t FirstMiddleToCheck(const QueryPlan& plan, const Pattern& p, const PatternMemo& memo) {
    size_t same = 0;
    while (same < memo.slots.size() && same < p.slots.size() &&
           std::equal(SlotBegin(plan, p.slots[same]), SlotEnd(plan, p.slots[same]), memo.slots[same].begin(),
                      memo.slots[same].end()))
        ++same;
    return same >= 2 ? same - 1 : 1;
}

// The memo pattern `p` starts from (FindMemo), or null when its own postings serve better: a
// 1-2 slot pattern is answered exactly by them unless a memo has the very same slots.
PatternMemo* BaseMemo(std::vector<PatternMemo>& memos, const QueryPlan& plan, const Pattern& p, bool& same,
                      int& letter) {
    const PatternMemo* base = FindMemo(memos, plan, p, same, letter);
    if (base && !same && p.slots.size() <= 2) return nullptr;
    return base ? &memos[size_t(base - memos.data())] : nullptr;
}

// How many patterns of the plan start from each of the last query's memos (BaseMemo). A memo
// only one pattern starts from becomes that pattern's memo in place; one none starts from is
// freed before matching (a fresh query does not hold the last one's memos while it runs). As the
// query runs, each pattern that starts from one counts down its uses (MatchTerm): the last
// becomes its memo in place, and what that leaves is freed at once.
// Memos from `read_only` on belong to another search's kind (SearchData::relaxed_memo): never
// freed here, and never one pattern's alone (no pattern takes their arrays): kReadOnlyUses.
constexpr uint32_t kReadOnlyUses = UINT32_MAX;
std::vector<uint32_t> MemoUses(std::vector<PatternMemo>& memos, const QueryPlan& plan, size_t read_only = SIZE_MAX) {
    std::vector<uint32_t> uses(memos.size(), 0);
    // The alternatives, and the words a query that has a word matching nothing counts alone
    // (QueryPlan::dead_words: 法律援助 怎 searches 法律援助 for its count, from its memo).
    std::vector<const Conjunction*> searched;
    for (const Conjunction& c : plan.alternatives) searched.push_back(&c);
    if (!plan.words_first && plan.Words()) searched.push_back(plan.Words());
    for (const Conjunction* c : searched)
        for (const Term& term : c->terms)
            for (const Pattern& p : term.patterns) {
                bool same = false;
                int letter = -1;
                if (const PatternMemo* base = BaseMemo(memos, plan, p, same, letter))
                    ++uses[size_t(base - memos.data())];
            }
    for (size_t i = 0; i < memos.size(); ++i)
        if (i >= read_only) uses[i] = uses[i] ? kReadOnlyUses : 0;
        else if (uses[i] == 0) memos[i] = PatternMemo();
    return uses;
}

// A list of matches as the thread's per-record marks (MarkSetCandidates'; clear before and
// after): each record's tier + 1, 0 for a record not in it. Another list, read against them in
// one pass, takes no branch a record: two lists of hundreds of thousands merged mispredicted at
// nearly every step (national `falv y`: its phrase's 167,702 matches into its words' 447,810,
// 2.3 ms natively).
uint8_t* MarkTiers(const SearchData& d, const std::vector<Match>& m) {
    uint8_t* mark = ThreadScratch(d.Records()).mark.data();
    for (const Match x : m) mark[x.record()] = uint8_t(x.Tier() + 1);  // (a tier is below 128)
    return mark;
}
void UnmarkTiers(uint8_t* mark, const std::vector<Match>& m) {
    for (const Match x : m) mark[x.record()] = 0;
}

// Merges `a` into `b` (both sorted by record; a record in both keeps the better score), in
// place from the back: up to a million matches a pattern, so no third vector. Within b's capacity
// when it was reserved for both.
void MergeInto(const SearchData& d, std::vector<Match>& b, const std::vector<Match>& a) {
    // Every record of `a` in `b` already (a phrase's matches among those of its words ANDed,
    // merged the larger into: SearchAsTyped): the scores in place, nothing moved. (Else the
    // scores raised so far stay right: the merge below takes the higher again.) Where a is a
    // large part of b but not nearly all of it, a's are read against b in marks; else each is
    // found in b by a merge that seldom skips (nearly all of b: `gonggong falv fuw`, 432,883 into
    // 433,151, 0.6 ms natively, 0.9 in marks) or skips far.
    size_t found = 0;
    if (a.size() * 8 >= b.size() && a.size() * 10 < b.size() * 9) {
        uint8_t* mark = MarkTiers(d, a);
        for (Match& y : b) {
            const uint32_t t = mark[y.record()], tier = t - (t != 0), own = y.Tier();
            found += t != 0;
            y.packed += tier > own ? tier - own : 0;  // (the same record, the higher tier)
        }
        UnmarkTiers(mark, a);
    } else {
        for (size_t j = 0; found < a.size(); ++found, ++j) {
            while (j < b.size() && b[j].record() < a[found].record()) ++j;
            if (j == b.size() || b[j].record() != a[found].record()) break;
            if (a[found].score() > b[j].score()) b[j] = a[found];
        }
    }
    if (found == a.size()) return;
    size_t i = a.size(), j = b.size();
    b.resize(a.size() + b.size());
    Match* out = b.data();
    size_t w = b.size();  // writes stay at or above j + i: no unread match of b is overwritten
    while (i > 0 || j > 0) {
        if (j == 0 || (i > 0 && a[i - 1].record() > out[j - 1].record())) out[--w] = a[--i];
        else if (i == 0 || out[j - 1].record() > a[i - 1].record()) out[--w] = out[--j];
        else {
            --i, --j;
            out[--w] = out[j].Tier() >= a[i].Tier() ? out[j] : a[i];  // (the same record)
        }
    }
    b.erase(b.begin(), b.begin() + ptrdiff_t(w));  // records in both left a gap at the front
}

// Texts of a memo's records left to search from which the pattern's own candidates are made to
// filter them: at once without windows; with windows, once kRestSample have been searched, when
// the texts left cost more than the marks, kTextEntries posting entries a text (natively ~0.9 us
// a text, ~4.7 ns an entry marked: national `xzfy` 1.3 million entries, 6.0 ms).
constexpr size_t kRestFilterFrom = 4096;
constexpr size_t kRestSample = 256;
constexpr size_t kTextEntries = 200;
// Candidates left to search from which a pattern's sure matches are marked: finding the bigrams
// that span it reads as many keys as finding its candidates did (thousands for a slot of
// initials), more than verifying a few candidates costs.
constexpr size_t kSureFrom = 4;

// Adds to a term's matches `m` (sorted by record) the records of region `facet`, as matches of a
// word that names it, scored in the lowest tier (a body match read in pinyin): a record that holds
// the word itself ranks first.
void AddRegionMatches(const SearchData& d, uint32_t facet, std::vector<Match>& m) {
    std::vector<Match> region;
    {
        std::lock_guard<std::mutex> lock(d.region_mutex);
        if (d.region_facet != facet) {
            std::vector<uint32_t>().swap(d.region_records);
            for (uint32_t r = 0; r < d.Records(); ++r)
                if (d.HasFacet(r, facet)) d.region_records.push_back(r);
            d.region_facet = facet;
        }
        region.reserve(d.region_records.size());
        for (uint32_t r : d.region_records) region.emplace_back(r, 1000 * kPinyin);
    }
    MergeInto(d, m, region);
}

// The score of a match of pattern p in record r. Tiers: title above body, then literal above
// synonym above pinyin; every bonus (exact title here, position bonuses later) stays below one
// tier step. A term's score is kInTitle or more exactly when one of its patterns is in the title.
constexpr int32_t kInTitle = 4000;
int32_t MatchScore(const SearchData& d, const Pattern& p, uint32_t r, bool in_title) {
    int32_t s = (in_title ? kInTitle : 0) + 1000 * p.quality;
    if (in_title && d.title_length[r] == p.slots.size()) s += 500;  // the whole title
    return s;
}

// The three scores MatchScore gives a pattern's matches (body, title, the whole title), packed
// once (Matches of record 0): an exact pattern's matches are scored from them with no division.
struct Tiers {
    Match body, title, whole;
    explicit Tiers(const Pattern& p)
        : body(0, 1000 * p.quality), title(0, 1000 * p.quality + kInTitle), whole(0, 1000 * p.quality + kInTitle + 500) {}
};

// Sure matches of an exact pattern of m slots (`tiers`) from cd (n candidates, record << 1 |
// title bit, in record order) scored into `out`, and their entries into `memo` when not null, up
// to the first whose record is `stop` or whose title is longer than the indexed length (it may
// hold the pattern where the bit does not say so); returns how many were scored. A function of its
// own, as KeepWithin: 共法律's 41,963 sure matches, inside MatchTerm, kept its values on the stack.
size_t ScoreSureRun(const SearchData& d, const Tiers& tiers, size_t m, const uint32_t* cd, size_t n, uint32_t stop,
                    Match* out, uint32_t* memo) {
    const Match body = tiers.body, title = tiers.title, whole = tiers.whole;
    const uint16_t* title_length = d.title_length.data();
    size_t k = 0;
    for (; k < n; ++k) {
        const uint32_t e = cd[k], r = e >> 1;
        const uint16_t length = title_length[r];
        if (r == stop || (length == 0xFFFF && !(e & 1))) break;
        out[k] = Match::Of(r, (e & 1) ? (length == m ? whole : title) : body);
        if (memo) memo[k] = e;
    }
    return k;
}

// Entries e[0, n) (record << 1 | title bit) of an exact pattern of m slots scored into `out`, as
// MatchScore scores them; returns the end. (A list read whole: 公共's 40,000 entries.)
Match* ScoreEntries(const SearchData& d, const Tiers& tiers, size_t m, const uint32_t* e, size_t n, Match* out) {
    const Match body = tiers.body, title = tiers.title, whole = tiers.whole;
    const uint16_t* title_length = d.title_length.data();
    for (size_t k = 0; k < n; ++k) {
        const uint32_t r = e[k] >> 1;
        out[k] = Match::Of(r, (e[k] & 1) ? (title_length[r] == m ? whole : title) : body);
    }
    return out + n;
}

// The records of `w` (n, in record order) that `test` passes (test(r): 0, or 1 | in title << 1),
// their scores raised by an exact pattern's (`tiers`, m slots), written over it in order: one
// write a record and no branch. Returns how many. (A function of its own: inside MatchTerm, its
// loop kept its values on the stack: 2.1 -> 1.75 ms natively for `renmin tiao`'s 334,209.)
template <class Test>
size_t KeepWithin(const SearchData& d, const Tiers& tiers, size_t m, Match* w, size_t n, Test&& test) {
    Match* out = w;
    const Match body = tiers.body, title = tiers.title, whole = tiers.whole;
    for (size_t i = 0; i < n; ++i) {
        const uint32_t r = w[i].record(), t = test(r);
        *out = w[i].Plus((t & 2) ? (d.title_length[r] == m ? whole : title) : body);
        out += t & 1;
    }
    return size_t(out - w);
}

// The key of a literal pattern in SearchIndex::Relaxing::literal: its character ids, then its quality.
std::string ReuseKey(const Pattern& p) {
    std::string key;
    for (const Slot& s : p.slots) key.append(reinterpret_cast<const char*>(&s.id), sizeof s.id);
    key.push_back(char(p.quality));
    return key;
}

// SearchIndex::Relaxing::literal: key, then the matches, two bits a record (matched, in the
// title; record r's at bit 2 (r % 32) of word r / 32): a quarter of a byte a record however
// many match (a national word's 432,883 matches: 0.24 MB, not 1.7).
using ReuseList = std::vector<std::pair<std::string, std::vector<uint64_t>>>;
static_assert(kLiteral * 1000 < kInTitle, "a match's score says whether it is in the title");

// Matches of one term: record and term score, sorted by record. `prev` holds the exact matches
// of the last query's patterns (PatternMemo), `uses` how many patterns start from each (MemoUses);
// this term's patterns are appended to `next`. `reuse`: the literal patterns' matches an earlier
// search of the same Search() call found, read instead of searching; with `store` (a query of 2+
// words), those this term verifies are added, and a literal pattern of 3+ characters is kept in
// `next` too. `within` (the matches of the words before it in an AND): a pattern whose candidates
// are its matches (1-2 slots) gives only those among them (a letter's 900,000 national matches
// are not listed to keep 400,000), and `total`, when not null, is set to the term's count of
// matches when that is known all the same (one such pattern), else to UINT32_MAX. With `anded`,
// a term of one such pattern is ANDed into `within` in place (its scores added) and returns no
// matches; `anded` says so. With `spare`, a memo of `prev` that a pattern's letter bits show it
// matches nothing of is moved there whole (see below) rather than narrowed to nothing.
std::vector<Match> MatchTerm(const SearchData& d, const QueryPlan& plan, const Term& term,
                             std::vector<PatternMemo>& prev, std::vector<uint32_t>& uses,
                             std::vector<PatternMemo>& next, size_t& memo_budget, uint32_t& texts_searched,
                             ReuseList* reuse = nullptr, bool store = false, std::vector<Match>* within = nullptr,
                             uint32_t* total = nullptr, bool* anded = nullptr,
                             std::vector<PatternMemo>* spare = nullptr) {
    std::vector<Match> acc;
    if (total) *total = UINT32_MAX;
    for (const Pattern& p : term.patterns) {
        const bool literal = Literal(p);
        // A literal pattern verified by an earlier search of the same Search() call: its matches.
        const bool reusable = reuse && literal && p.slots.size() >= 3;
        const std::string key = reusable ? ReuseKey(p) : std::string();
        if (reusable) {
            auto it = std::find_if(reuse->begin(), reuse->end(), [&](const auto& kv) { return kv.first == key; });
            if (it != reuse->end()) {
                const std::vector<uint64_t>& bits = it->second;
                size_t n = 0;
                for (uint64_t w : bits) n += size_t(__builtin_popcountll(w & 0x5555555555555555ull));
                if (n == 0) continue;
                std::vector<Match> ms;
                ms.reserve(n + acc.size());
                for (size_t wi = 0; wi < bits.size(); ++wi)
                    for (uint64_t w = bits[wi] & 0x5555555555555555ull; w; w &= w - 1) {
                        const unsigned b = unsigned(__builtin_ctzll(w));
                        const uint32_t r = uint32_t(wi * 32 + b / 2);
                        ms.emplace_back(r, MatchScore(d, p, r, (bits[wi] >> (b + 1)) & 1));
                    }
                if (!acc.empty()) MergeInto(d, ms, acc);
                acc.swap(ms);
                continue;
            }
        }
        bool exact = p.slots.size() <= 2;
        bool same = false;
        int letter = -1;
        PatternMemo* base = BaseMemo(prev, plan, p, same, letter);
        // Once this pattern is done, base has one use fewer; the last frees what is left of it
        // (words typed apart: gonggong f reads gonggong's memo for the phrase gonggong'f, then
        // for the word gonggong, which takes its arrays, and the 5.4 MB of the rest are free
        // before the letter f is matched).
        struct Release {
            std::vector<PatternMemo>& prev;
            std::vector<uint32_t>& uses;
            PatternMemo* base;
            ~Release() {
                if (!base) return;
                uint32_t& u = uses[size_t(base - prev.data())];
                if (u != kReadOnlyUses && u > 0 && --u == 0) *base = PatternMemo(), base->taken = true;
            }
        } release{prev, uses, base};
        // (A bigram of it never followed by its next slot: no candidate to read, memo or not.)
        if (p.slots.size() >= 3 && !MayOccur(d, plan, p)) continue;
        // The matches are base's records whose refined bits hold the letter (FindMemo).
        const bool by_letter = base && letter >= 0;
        // This pattern alone starts from `base`: its memo takes base's arrays (see below); by its
        // letter bits too, unless base is refined only in part and has no first matches (then a
        // new memo of the matches and of the records searched, with their first matches).
        const bool own_base = base && (!by_letter || base->at || base->refined == base->records.size()) &&
                              uses[size_t(base - prev.data())] == 1;
        PatternMemo memo;
        // Candidates: record << 1 | bit, in record order. The bit is necessary for a title match
        // (besides titles longer than the indexed title length): a literal's bigram title bits
        // were ANDed, a three-slot set pattern's come through the same y (SetCandidates), a
        // memo's says whether its pattern is in the title, and 1-2 slots are exact.
        Candidates own;
        const Candidates* cands = &own;
        // A literal's candidates from the one bigram that spans it by majorities: all sure matches
        // but `verify`'s (SpannedCandidates; no sure marks needed).
        std::vector<uint32_t> verify;
        bool spanned = false;
        const uint32_t* hints = nullptr;               // per candidate: a first match of a pattern it implies
        const PatternMemo::Window* window = nullptr;   // and the ids from there
        // A literal pattern of 1-2 characters is one posting list, exactly its matches: scored
        // straight from the list, without a vector of candidates (3.5 MB for a common character).
        const bool from_list = !base && literal && p.slots.size() <= 2;
        List direct;
        size_t marked_count = SIZE_MAX, marked_pairs = 0;  // candidates left in the marks (see below)
        // So is a single letter's set, from its bitmaps (and kept for no next query: a letter's
        // matches come from them again at once, and no longer pattern narrows a one-slot memo).
        const uint64_t* letter_bits = !base && !literal ? LetterBits(d, plan, p) : nullptr;
        if (base) {  // (by_letter: the hints serve the records not refined)
            cands = &base->records;
            if (base->at) hints = base->at.get(), window = base->window.get();
            if (same) exact = true;
        } else if (from_list) {
            ExactList(d, p, direct);  // (1-2 characters: always one list, perhaps empty)
        } else if (literal) {
            own = LiteralCandidates(d, p, exact, &verify, &spanned);
        } else if (!letter_bits && within && p.slots.size() <= 2) {
            // A set pattern of 1-2 slots read within the words before it (gonggong falv fu: fu,
            // 748,614 national matches, within 435,493): its marks are read for within's
            // records alone, unless its matches are kept for the next keystroke (then listed:
            // `keep` below, for an exact pattern with no base, is this same test of its bytes).
            marked_count = MarkSetCandidates(d, plan, p, marked_pairs);
            if (PatternMemo::BytesFor(marked_count, false, false, false) <= memo_budget) {
                own = ListMarked(d, marked_count, marked_pairs);
                marked_count = SIZE_MAX;
            }
        } else if (!letter_bits) {
            own = SetCandidates(d, plan, p, exact);
        }
        const bool marked = marked_count != SIZE_MAX;
        // Base's records [0, from_bits) are answered by their refined bits, the rest are searched.
        const size_t from_bits = by_letter ? base->refined : 0;
        const bool search = !exact && (!by_letter || from_bits < cands->size());
        LiteralBytes lit = search ? LiteralUtf8(d, p) : LiteralBytes();
        if (search) SlotMasks(d, plan, p, lit);
        // The records the bigram contexts say p surely matches (SureMatches) are not searched but
        // for their title: marked at once among p's own candidates, among a memo's once its
        // windows leave many to search (below). (Marking costs about what finding the candidates
        // does: it walks the posting list of every bigram that spans p.)
        SureMatches* sure = nullptr;
        std::vector<uint32_t> spanning;  // the bigrams whose records `sure` holds
        // (A literal's own candidates: LiteralCandidates looked for a spanning bigram already, and
        // MarkSureMatches would find none where it found none.)
        bool sure_tried = !search || p.slots.size() < 3 || (literal && (d.maj_of.empty() || !base));
        auto mark_sure = [&] {
            sure_tried = true;
            SureMatches& s = ThreadSure(d.Records());
            spanning = MarkSureMatches(d, plan, p, s);
            if (!spanning.empty()) sure = &s;
        };
        if (!sure_tried && !base && cands->size() >= kSureFrom) mark_sure();
        std::vector<Match> ms;
        const size_t words = (d.Records() + 63) / 64;
        size_t letter_count = 0;
        if (letter_bits)
            for (size_t wi = 0; wi < words; ++wi) letter_count += size_t(__builtin_popcountll(letter_bits[wi]));
        const uint32_t* cd = cands->data();
        const size_t nc = cands->size();
        const PatternMemo::Next* next_bits = by_letter ? base->next.get() : nullptr;
        const uint32_t bit = by_letter ? 1u << letter : 0;
        size_t by_letter_count = 0;
        if (by_letter)
            for (size_t ci = 0; ci < from_bits; ++ci) by_letter_count += (next_bits[ci].any & bit) != 0;
        // by_letter: at most the bits' matches and every record searched.
        const size_t by_letter_most = by_letter_count + (nc - from_bits);
        const bool by_letter_windows = by_letter && (base->window || from_bits < nc);
        // Room for its matches and the earlier patterns' (merged into it below); none for a
        // pattern that can match nothing (a synonym absent from the data: 公法服务 after
        // gonggongfalvfuwu reserved, then copied, 432,883 matches, 2.6 MB more wasm heap).
        const size_t own_most = from_list       ? direct.count
                                : letter_bits   ? letter_count
                                : marked        ? marked_count
                                : by_letter     ? by_letter_most
                                                : nc;
        const bool restricted = within && exact;
        if (restricted && total && term.patterns.size() == 1) *total = uint32_t(own_most);
        const bool in_place = restricted && anded && term.patterns.size() == 1;
        if (const size_t most = in_place ? 0 : restricted ? std::min(own_most, within->size()) : own_most)
            ms.reserve(most + acc.size());
        // Every record of base refined and no bit for the letter: p matches nothing, known without
        // reading base. Base, which only p starts from, is then not narrowed to nothing in place
        // but handed over whole (`spare`; SearchAsTyped keeps it for the relaxed searches), and p
        // keeps an empty memo, which the next keystroke reads. Initials typed on past a match
        // (xzfyz) are relaxed to the longest prefix that finds something (xzfy, SearchRelax.cpp):
        // that reads base's matches as they are instead of searching them again.
        if (spare && by_letter && by_letter_most == 0 && !literal && uses[size_t(base - prev.data())] == 1 &&
            base->Bytes() <= memo_budget) {
            memo_budget -= base->Bytes();
            for (const Slot& sl : p.slots) memo.slots.emplace_back(SlotBegin(plan, sl), SlotEnd(plan, sl));
            next.push_back(std::move(memo));
            spare->push_back(std::move(*base));
            continue;
        }
        // Kept for the next query if it fits in what is left of the budget (at most every candidate
        // matches). Only patterns with pinyin slots are kept, and literal (Chinese) ones of 3+
        // characters in a query of 2+ words (`store`): a literal pattern's postings already give
        // tight candidates, and keeping its matches cost every fresh query (100k records in
        // Chromium: p95 2.1-2.3 -> 2.9-3.0 ms) for no gain at national scale; but a word typed
        // on after another is searched at every keystroke (lihun zenme b, lihun zenme ba...:
        // 离婚's synonym 人民调解, 243,050 national records verified each time).
        const bool with_first = exact ? base && base->at : !(by_letter && !base->at && from_bits == nc);
        // (by_letter: a new memo while base's, which it does not replace, is alive too.)
        auto bytes = [&](bool alone) {
            return by_letter && !own_base
                       ? PatternMemo::BytesFor(by_letter_most, !alone, !alone && by_letter_windows, false) + base->Bytes()
                       : PatternMemo::BytesFor(nc, with_first && !alone, with_first && !alone,
                                               same && base->next && !alone);
        };
        // A word another follows (Term::complete) that does not fit whole keeps its matches alone:
        // the next keystroke reads them as they are, and no letter is typed after it. (falv yuan:
        // falv's memo, refined, took 6.7 of the 10 MiB and was kept whole or not at all.)
        const bool alone = term.complete && bytes(false) > memo_budget;
        const size_t memo_bytes = bytes(alone);
        // Where that does not fit, a 3+ slot pattern that does not narrow a memo in place keeps
        // its matches alone (4 bytes each): the next keystroke narrows them instead of searching
        // afresh, and refining them finds their first matches. (Typed every 150 ms, `fly` read
        // from the bits of part of `fl` kept nothing, and `flyz` searched 168,000 records anew.)
        // Read from the bits of a memo no other pattern starts from, they are written over its
        // records (match k at or before record k, as own_base's are): no array of their own.
        // (A literal one's from its own candidates, its matches alone, or the very memo it read:
        // the next keystroke, typing the other word on, reads them as they are, `same`.)
        const bool literal_kept = literal && store && p.slots.size() >= 3 && (!base || same);
        const bool keepable = (!literal || literal_kept) && !letter_bits;
        const bool lean_in_place = by_letter && !own_base && uses[size_t(base - prev.data())] == 1;
        const size_t lean_bytes =
            by_letter ? (lean_in_place ? 0 : PatternMemo::BytesFor(by_letter_most, false, false, false)) + base->Bytes()
                      : PatternMemo::BytesFor(nc, false, false, false);
        const bool lean = keepable && (memo_bytes > memo_budget || literal_kept) && !exact && !own_base &&
                          p.slots.size() >= 3 && lean_bytes <= memo_budget;
        const bool keep = !marked && (lean || (keepable && memo_bytes <= memo_budget));
        if (keep) {
            memo_budget -= lean ? lean_bytes : memo_bytes;
            for (const Slot& sl : p.slots) memo.slots.emplace_back(SlotBegin(plan, sl), SlotEnd(plan, sl));
            if (p.slots.size() >= 2) memo.refine_last = WholeSyllableMembers(d, plan, p.slots.back());
        }
        // Narrowing in place a memo with its first matches and windows and no letter bits, which
        // stays whole where nothing of it matches (below).
        bool whole_base = false;
        uint32_t* memo_records = nullptr;
        uint32_t* memo_at = nullptr;
        PatternMemo::Window* memo_window = nullptr;
        size_t memo_kept = 0;
        if (keep && by_letter && own_base) {
            memo.TakeFrom(*base, !alone);  // (no first matches from a 1-2 slot base: then none are kept)
            if (!alone && !memo.window && from_bits < nc) memo.window.reset(new PatternMemo::Window[nc]);
            memo_records = memo.records.data();
            memo_at = memo.at.get();
            memo_window = memo.window.get();
        } else if (keep && by_letter) {
            // The matches and, as where a search of them may start, base's first matches (of
            // p's first slots: at or before p's own; none for a 1-2 slot base) with base's
            // windows from there, or p's own first matches for the records searched.
            if (lean && lean_in_place) memo.TakeFrom(*base, false);
            else memo.records.resize(by_letter_most);
            if (!lean && !alone) memo.at.reset(new uint32_t[by_letter_most]);
            if (!lean && !alone && by_letter_windows) memo.window.reset(new PatternMemo::Window[by_letter_most]);
            memo_records = memo.records.data();
            memo_at = memo.at.get();
            memo_window = memo.window.get();
        } else if (keep && !exact && own_base) {
            // Written over the memo this pattern narrows (the reads ahead are further on).
            whole_base = spare && !alone && !lean && base->at && base->window && !base->next;
            memo.TakeFrom(*base, !alone);
            // (A memo made from refined bits may have no windows, or no first matches: this one
            // gets its own.)
            if (!alone && !memo.at) memo.at.reset(new uint32_t[nc]);
            if (!alone && !memo.window) memo.window.reset(new PatternMemo::Window[nc]);
            memo_records = memo.records.data();
            memo_at = memo.at.get();
            memo_window = memo.window.get();
        } else if (keep && !exact) {
            // Written over the candidates (as above) when they are this pattern's own.
            if (cands == &own) memo.records.swap(own);
            else memo.records.resize(nc);
            if (!lean && !alone) {
                memo.at.reset(new uint32_t[nc]);
                memo.window.reset(new PatternMemo::Window[nc]);
            }
            memo_records = memo.records.data();
            memo_at = memo.at.get();
            memo_window = memo.window.get();
        }
        const size_t m = p.slots.size();
        constexpr size_t kAhead = 24;  // prefetch distance, in candidates
        auto add = [&](uint32_t r, bool in_title) { ms.emplace_back(r, MatchScore(d, p, r, in_title)); };
        const bool plain = !exact && !base && (!keep || literal_kept);
        if (by_letter) {
            // Read from base's refined bits: its records holding a match of p's first slots
            // followed by a character of the letter, and whether one is in the title.
            const uint32_t* base_at = hints;  // (base's arrays, which the memo may have taken)
            const PatternMemo::Window* base_window = window;
            for (size_t ci = 0; ci < from_bits; ++ci) {
                if (!(next_bits[ci].any & bit)) continue;
                const uint32_t r = cd[ci] >> 1;
                const bool in_title = (next_bits[ci].title & bit) != 0;
                if (keep) {
                    memo_records[memo_kept] = r << 1 | uint32_t(in_title);
                    if (memo_at) memo_at[memo_kept] = base_at ? base_at[ci] : PatternMemo::kNoAt;
                    if (memo_window) memo_window[memo_kept] = base_window ? base_window[ci] : PatternMemo::Window{};
                    ++memo_kept;
                }
                add(r, in_title);
            }
        }
        // Candidates' text is read ahead in groups of 16 (TouchRecords) when they are sparse: a
        // third of the records or more lie close enough together for the hardware to see them
        // coming (`gfl`, 47 % of the national records: 42 -> 51 ms natively when touched, where
        // 人民调解, 25 %, went 29 -> 24 ms).
        const bool touch = nc * 3 < d.Records();
        unsigned touched = 0;
        if (exact) {
            // The candidates are the matches (1-2 slots; up to a million for a first letter):
            // scored straight into place, as `add` would.
            const Tiers tiers(p);
            auto score = [&](uint32_t e) {
                const uint32_t r = e >> 1;
                return Match::Of(r, (e & 1) ? (d.title_length[r] == m ? tiers.whole : tiers.title) : tiers.body);
            };
            if (restricted) {
                // Only the records of `within` that match, each tested in a bitmap of the
                // candidates (or in their marks, or letter bits) rather than merged with them: a
                // merge mispredicted its branches at nearly every step (national `falv yuan`,
                // yuan's 375,828 candidates within falv's 562,292 matches, 4.8 ms natively).
                // In place: KeepWithin.
                Match* const w = within->data();
                const size_t nw = within->size();
                Match* out = w;
                auto filter = [&](auto&& test) {  // test(r): 0 (no match), else 1 | in title << 1
                    if (in_place) {
                        out = w + KeepWithin(d, tiers, m, w, nw, test);
                        return;
                    }
                    for (size_t i = 0; i < nw; ++i) {
                        const uint32_t r = w[i].record(), t = test(r);
                        if (t & 1) ms.push_back(score(r << 1 | t >> 1));
                    }
                };
                if (letter_bits) {
                    auto bit = [](const uint64_t* b, uint32_t r) { return uint32_t(b[r >> 6] >> (r & 63)) & 1u; };
                    const uint64_t* title = letter_bits + words;
                    filter([&](uint32_t r) { return bit(letter_bits, r) | bit(title, r) << 1; });
                } else if (marked) {
                    const uint8_t* mark = ThreadScratch(d.Records()).mark.data();
                    filter([&](uint32_t r) { return uint32_t(MarkDone(mark[r], marked_pairs)) | MarkTitle(mark[r]) << 1; });
                    ClearMarks(d);
                } else {
                    // (An exact pattern marks no sure matches: their bitmaps are free, and clear.)
                    SureMatches& in = ThreadSure(d.Records());
                    if (!from_list) {
                        for (size_t ci = 0; ci < nc; ++ci) in.Put(cd[ci]);
                    } else if (direct.count) {  // (no list: no bytes for a cursor to read)
                        Cursor c(direct);
                        for (uint32_t e; c.Next(e);) in.Put(e);
                    }
                    filter([&](uint32_t r) { return uint32_t(in.Has(r)) | uint32_t(in.InTitle(r)) << 1; });
                    if (!from_list && nc * 8 < words) {  // (few: their words alone)
                        for (size_t i = 0; i < nc; ++i) in.ClearWordOf(cd[i]);
                    } else {
                        in.ClearAll(words);
                    }
                }
                if (in_place) {
                    within->resize(size_t(out - w));
                    *anded = true;
                }
            } else if (from_list) {
                ms.resize(direct.count);
                Match* out = ms.data();
                if (direct.count) {  // (no list: no bytes for a cursor to read)
                    Cursor c(direct);
                    uint32_t chunk[256];
                    for (size_t got; (got = c.DecodeBelow(UINT32_MAX, chunk, 256)) > 0;)
                        out = ScoreEntries(d, tiers, m, chunk, got, out);
                }
            } else if (letter_bits) {
                ms.resize(letter_count);
                Match* out = ms.data();
                const uint64_t* title = letter_bits + words;
                for (size_t wi = 0; wi < words; ++wi)
                    for (uint64_t a = letter_bits[wi]; a; a &= a - 1) {
                        const uint32_t b = uint32_t(__builtin_ctzll(a)), r = uint32_t(wi * 64 + b);
                        *out++ = score(r << 1 | uint32_t((title[wi] >> b) & 1));
                    }
            } else {
                ms.resize(nc);
                Match* out = ms.data();
                for (size_t ci = 0; ci < nc; ++ci) out[ci] = score(cd[ci]);
            }
        }
        if (plain && spanned) {
            // The sure matches as they come, their title from their entry's bit (but for a title
            // longer than the indexed length); those to verify read as below. (As the loop below
            // with sure marks: 0.6 of 律服务's 1.8 ms in node, 42,052 matches, 24 of them read.)
            // Scored as `add` scores them, written in place (no capacity check a match).
            const Tiers tiers(p);
            const size_t start = ms.size();
            ms.resize(start + nc);
            Match* out = ms.data() + start;
            size_t o = 0;
            for (size_t ci = 0; ci < nc;) {
                // The sure run up to the next record to verify (or a long title), then that one.
                const size_t run = ScoreSureRun(d, tiers, m, cd + ci, nc - ci, o < verify.size() ? verify[o] : UINT32_MAX,
                                                out, keep ? memo_records + memo_kept : nullptr);
                out += run, ci += run;
                if (keep) memo_kept += run;
                if (ci == nc) break;
                const uint32_t e = cd[ci++], r = e >> 1;
                const bool check_title = (e & 1) || d.title_length[r] == 0xFFFF;
                bool in_title = e & 1;
                if (o < verify.size() && verify[o] == r) {
                    ++o;
                    ++texts_searched;
                    in_title = check_title && FieldHas(d, plan, p, lit, r, d.field_begin[r]);
                    if (!in_title && !BodyHas(d, plan, p, lit, r)) continue;
                } else if (!in_title && check_title) {
                    ++texts_searched;
                    in_title = FieldHas(d, plan, p, lit, r, d.field_begin[r]);
                }
                *out++ = Match::Of(r, in_title ? (d.title_length[r] == m ? tiers.whole : tiers.title) : tiers.body);
                if (keep) memo_records[memo_kept++] = r << 1 | uint32_t(in_title);
            }
            ms.resize(size_t(out - ms.data()));
        } else if (plain) {
            // Nothing to start from and nothing to keep but the matches (every literal pattern): a
            // yes or no per candidate. Its own loop: the one below, with hints and first matches,
            // made the 100k benchmark's p95 in Chromium ~15 % slower for literal patterns, which
            // never need them. (Kept matches are written over the candidates, at or before them.)
            for (size_t ci = 0; ci < nc; ++ci) {
                const uint32_t e = cd[ci], r = e >> 1;
                if (ci + kAhead < nc && !(sure && sure->Has(cd[ci + kAhead] >> 1))) PrefetchRecord(d, cd[ci + kAhead] >> 1);
                if (touch && (ci & 15) == 0 && ci + kAhead + 16 <= nc)
                    touched += TouchRecords(d, cd + ci + kAhead, 16, [&](size_t, uint32_t t) { return sure && sure->Has(t); });
                const bool check_title = (e & 1) || d.title_length[r] == 0xFFFF;
                bool in_title = false;
                if (sure && sure->Has(r)) {
                    // A sure match: its title is read only when it may hold one the bigram did not show.
                    in_title = sure->InTitle(r);
                    if (!in_title && check_title) ++texts_searched, in_title = FieldHas(d, plan, p, lit, r, d.field_begin[r]);
                } else {
                    ++texts_searched;
                    if (check_title && FieldHas(d, plan, p, lit, r, d.field_begin[r])) in_title = true;
                    else if (!BodyHas(d, plan, p, lit, r)) continue;
                }
                add(r, in_title);
                if (keep) memo_records[memo_kept++] = r << 1 | uint32_t(in_title);
            }
        }
        // (A window holds 6 ids: it decides nothing for a pattern of more slots, whose records
        // are then filtered by its candidates from the first, as without windows.)
        const bool window_fits = window && !lit.masks.empty() && m <= std::size(window->ids);
        // Whether candidate i's pattern matches at its hint (then that is this pattern's first match
        // too): its window, no text.
        auto at_hint = [&](size_t i) {
            return hints[i] != PatternMemo::kNoAt && WindowMatches(lit, m, window[i]);
        };
        // Keeps candidate k (record r) in the memo with the hint and window it came with (its
        // first match, or a lower bound of it; kNoAt: none), written only where the memo moved:
        // in place they are there already.
        auto keep_as_hinted = [&](size_t k, uint32_t r, bool title) {
            const bool hinted = hints && hints[k] != PatternMemo::kNoAt;
            memo_records[memo_kept] = r << 1 | uint32_t(title);
            if (memo_at && (memo_at != hints || memo_kept != k)) memo_at[memo_kept] = hinted ? hints[k] : PatternMemo::kNoAt;
            if (memo_window && (memo_window != window || memo_kept != k))
                memo_window[memo_kept] = hinted && window ? window[k] : PatternMemo::Window{};
            ++memo_kept;
        };
        bool hint_ahead[32] = {};         // at_hint of the next kAhead candidates, by index % 32
        const uint8_t* rest_marks = nullptr;  // p's own candidates, once many texts are searched
        size_t rest_pairs = 0, searched_here = 0;
        bool rest_weighed = false;  // whether the rest marks were considered (once; rest_marks: made)
        // Whether candidate entry e's title may hold p: base's bit says its own pattern may be
        // there; the rest marks, once made, whether p's may.
        auto title_may = [&](uint32_t e) { return (e & 1) && TitleMarked(rest_marks, e >> 1); };
        const size_t first = from_bits;   // (0 but for by_letter)
        if (window_fits)
            for (size_t i = first; i < std::min(first + kAhead, nc); ++i) hint_ahead[i & 31] = at_hint(i);
        for (size_t ci = first; !plain && !exact && ci < nc; ++ci) {
            // Many of base's records to search in their text (no window decides them: the
            // rest of a memo refined in part, a memo kept without first matches, or windows
            // that do not hold p) are no match. With kRestFilterFrom or more left, at once
            // when there are no windows (every one is searched), else once kRestSample have
            // been searched and the texts left outweigh the marks, only those among p's own
            // candidates are: at national scale, typed every 150 ms, `fly` after `fl` refined
            // in part searched 150,000 records where 40,000 are candidates; typed back to back,
            // `xzfy` after `xzf` (whose sure matches kept no windows) searched 4,096 before its
            // marks where 761 are searched now (19 -> 15 ms natively), and `fzxc` its 6,171
            // without marks (13.4 -> 9.0 ms). (Read from the marks MarkSetCandidates leaves: a
            // list of them took 1.7 MB more at the top of the heap.)
            if (!rest_weighed && base && nc - ci >= kRestFilterFrom && (!window_fits || searched_here >= kRestSample)) {
                rest_weighed = true;
                size_t left = 0;  // (an upper bound: some may be sure matches not marked yet)
                for (size_t k = ci; window_fits && k < nc; ++k) left += !at_hint(k) && !(sure && sure->Has(cd[k] >> 1));
                // (Base's records match its pattern: the middle slots whose neighbours are base's
                // slots too hold for all of them and are not checked again.)
                const size_t first_mark = FirstMiddleToCheck(plan, p, *base);
                if (first_mark <= MarkPairs(p.slots.size()) &&
                    (!window_fits || left * kTextEntries >= MarkVolume(d, plan, p, first_mark))) {
                    MarkSetCandidates(d, plan, p, rest_pairs, first_mark);
                    rest_marks = ThreadScratch(d.Records()).mark.data();
                }
            }
            if (sure) {
                // A run of sure matches whose title needs no reading and which no window can
                // decide (most of a memo narrowed with no first matches: typed back to back,
                // the phrase of `gonggong falv fuw`, its 432,883 records sure from 共法), in a
                // loop of their own: no text to ask for ahead, and the memo's first matches and
                // windows written only where they move (as in the short path below).
                size_t k = ci;
                for (; k < nc; ++k) {
                    const uint32_t ek = cd[k], rk = ek >> 1;
                    if (!sure->Has(rk) || (window_fits && hints[k] != PatternMemo::kNoAt)) break;
                    const bool title = sure->InTitle(rk);
                    if (!title && (title_may(ek) || d.title_length[rk] == 0xFFFF)) break;  // (its title read below)
                    if (keep) keep_as_hinted(k, rk, title);
                    add(rk, title);
                }
                if (k == nc) break;
                if (k > ci && window_fits)  // (the next kAhead, which the run did not look at)
                    for (size_t i = k; i < std::min(k + kAhead, nc); ++i) hint_ahead[i & 31] = at_hint(i);
                ci = k;
            }
            uint32_t e = cd[ci];
            uint32_t r = e >> 1;
            bool in_title = title_may(e);
            // Ask for the text a few candidates ahead while this one is verified (worth about
            // a third of the time at national scale, even with the text in record order).
            const bool pass = window_fits && hint_ahead[ci & 31];
            if (ci + kAhead < nc && !(window_fits && (hint_ahead[(ci + kAhead) & 31] = at_hint(ci + kAhead))) &&
                !(sure && sure->Has(cd[ci + kAhead] >> 1))) {
                if (hints && hints[ci + kAhead] != PatternMemo::kNoAt) {
                    const uint32_t h = hints[ci + kAhead];
                    Prefetch(d.field_data[d.field_begin[cd[ci + kAhead] >> 1] + (h >> 24)] + (h & 0xFFFFFF));
                } else {
                    PrefetchRecord(d, cd[ci + kAhead] >> 1);
                }
            }
            // (Not those a window may decide, or sure ones: their text is not read at all. A
            // window decides nothing without a first match: sure matches of the pattern before.)
            if (touch && (ci & 15) == 0 && ci + kAhead + 16 <= nc)
                touched += TouchRecords(d, cd + ci + kAhead, 16, [&](size_t k, uint32_t t) {
                    return (window_fits && hints[ci + kAhead + k] != PatternMemo::kNoAt) || (sure && sure->Has(t));
                });
            if (pass) {
                // Decided by its window: the hint is this pattern's first match too, no text. The
                // memo keeps that hint and window.
                const bool t = (hints[ci] >> 24) == 0;
                if (keep) keep_as_hinted(ci, r, t);
                add(r, t);
                continue;
            }
            // Its sure matches first (marking them costs about what the filter below does, and
            // those it finds need no text and no filter).
            if (!sure_tried && (!window_fits || searched_here >= kRestFilterFrom || (hints && hints[ci] == PatternMemo::kNoAt)) &&
                nc - ci >= kSureFrom)
                mark_sure();
            if (sure && sure->Has(r)) {
                // A sure match (SureMatches): only its title may need reading, when the bigram
                // did not show it there. Its first match is then known only in the title;
                // else the memo keeps the hint, a lower bound of it, with its window (or
                // none: the next keystroke searches the record whole unless it is sure of it too).
                const bool hinted = hints && hints[ci] != PatternMemo::kNoAt;
                bool sure_title = sure->InTitle(r);
                long at = -1;
                if (!sure_title && (in_title || d.title_length[r] == 0xFFFF)) {
                    ++texts_searched;
                    const size_t from = hinted && (hints[ci] >> 24) == 0 ? hints[ci] & 0xFFFFFF : 0;
                    at = FieldFind(d, plan, p, lit, r, d.field_begin[r], from,
                                   memo_window ? memo_window + memo_kept : nullptr);
                    sure_title = at != -1;
                }
                if (keep && at >= 0) {  // (its window filled by FieldFind)
                    memo_records[memo_kept] = r << 1 | 1u;
                    if (memo_at) memo_at[memo_kept] = PatternMemo::PackAt(0, size_t(at));
                    ++memo_kept;
                } else if (keep) {
                    keep_as_hinted(ci, r, sure_title);
                }
                add(r, sure_title);
                continue;
            }
            if (rest_marks && !MarkDone(rest_marks[r], rest_pairs)) continue;
            ++searched_here;
            // Verified against the Catalog's text, decoded and folded field by field. A title
            // longer than the capped title length had its tail indexed as body: check it too.
            // With a hint (the first match of a pattern this one implies: same start), fields
            // before it cannot match and the search starts at its byte.
            const size_t ft = d.field_begin[r], fend = d.field_begin[r + 1];
            size_t hf = SIZE_MAX, hb = 0;
            if (hints && hints[ci] != PatternMemo::kNoAt) {
                hf = ft + (hints[ci] >> 24);
                hb = hints[ci] & 0xFFFFFF;
            }
            long at = -1;
            size_t af = ft;
            ++texts_searched;
            // A match found in the text fills the memo's window (the slot written next: at or
            // before this candidate's, so nothing unread is overwritten).
            PatternMemo::Window* fill = memo_window ? memo_window + memo_kept : nullptr;
            const bool check_title = in_title || d.title_length[r] == 0xFFFF;
            if (check_title) at = FieldFind(d, plan, p, lit, r, ft, hf == ft ? hb : 0, fill);
            if (at == -1) {
                size_t f0 = ft + 1, from = 0;
                if (hf != SIZE_MAX && hf > ft) f0 = hf, from = hb;
                for (size_t f = f0; f < fend; ++f)
                    if ((at = FieldFind(d, plan, p, lit, r, f, f == f0 ? from : 0, fill)) != -1) {
                        af = f;
                        break;
                    }
            }
            if (at == -1) continue;
            in_title = af == ft;
            if (keep) {
                const uint32_t byte = uint32_t(at < 0 ? 0 : at);
                memo_records[memo_kept] = r << 1 | uint32_t(in_title);
                if (memo_at) memo_at[memo_kept] = PatternMemo::PackAt(af - ft, byte);
                if (memo_window && at == kUnknownAt) memo_window[memo_kept] = PatternMemo::Window{};  // (never read)
                ++memo_kept;
            }
            add(r, in_title);
        }
        g_touched = touched;
        if (rest_marks) ClearMarks(d);
        if (sure) ClearSure(d, spanning, *sure);
        if (keep) {
            if (exact) {
                // Exact candidates are the pattern's matches; a same-slots memo is passed on.
                if (own_base && alone) {
                    memo.TakeFrom(*base, false);
                } else if (own_base) {
                    memo.TakeFrom(*base, true);
                    // The same pattern: its refinement holds, and goes on where it stopped
                    // (for the slots it started with: the same members, perhaps another parse).
                    memo.next = std::move(base->next);
                    memo.refine_last = std::move(base->refine_last);
                    memo.refined = base->refined;
                    memo.refine_done = base->refine_done;
                    memo.refine_masks = std::move(base->refine_masks);
                    memo.refine_table = std::move(base->refine_table);
                } else if (base) {
                    memo.records = base->records;
                    if (base->at && !alone) {
                        const size_t n = base->records.size();
                        memo.at.reset(new uint32_t[n]);
                        std::copy(base->at.get(), base->at.get() + n, memo.at.get());
                        if (base->window) {
                            memo.window.reset(new PatternMemo::Window[n]);
                            std::copy(base->window.get(), base->window.get() + n, memo.window.get());
                        }
                    }
                } else {
                    memo.records.swap(own);
                }
            } else if (whole_base && memo_kept == 0) {
                // Nothing of base matched, so nothing was written over it (a match is written at
                // or before its candidate, its window only once found): base goes to `spare`
                // whole, as where its letter bits tell (above), and p keeps an empty memo. Typed
                // back to back, initials past a match (xzfyz) then read the prefix's matches.
                base->records = std::move(memo.records);
                base->at = std::move(memo.at);
                base->window = std::move(memo.window);
                base->taken = false;
                spare->push_back(std::move(*base));
                memo.records.clear();
            } else {
                memo.records.resize(memo_kept);  // the matches (`at` and `window` hold nc slots)
            }
            memo.refine_done |= alone;
            next.push_back(std::move(memo));
        }
        if (reusable && store && !restricted) {  // (all its matches: not those read within others)
            std::vector<uint64_t> bits((d.Records() + 31) / 32, 0);
            for (const Match mt : ms)
                bits[mt.record() / 32] |= uint64_t(mt.score() >= kInTitle ? 3 : 1) << (mt.record() % 32 * 2);
            reuse->emplace_back(key, std::move(bits));
        }
        if (ms.empty()) continue;  // (nothing to add to the earlier patterns' matches)
        if (!acc.empty()) MergeInto(d, ms, acc);
        acc.swap(ms);
    }
    return acc;
}

// The records in both, their scores added, into `a` (written at or before what is read: no third
// vector while up to a million matches each are held), b read from marks (MarkTiers).
void IntersectInto(const SearchData& d, std::vector<Match>& a, const std::vector<Match>& b) {
    uint8_t* mark = MarkTiers(d, b);
    size_t w = 0;
    for (const Match x : a) {
        const uint32_t t = mark[x.record()];
        a[w].packed = x.packed + t - 1;  // (kept only where b holds the record: t > 0)
        w += t != 0;
    }
    UnmarkTiers(mark, b);
    a.resize(w);
}

// Whether characters [at, e) of `t` are words of the lexicon (SearchIndex::SetLexicon), two
// characters each; false without one.
bool ReadsAsWords(const SearchData& d, const uint16_t* t, size_t at, size_t e) {
    if (!d.has_words || e <= at || (e - at) % 2) return false;
    for (size_t i = at; i < e; i += 2)
        if (!d.words.Holds(d.alphabet[t[i]], d.alphabet[t[i + 1]])) return false;
    return true;
}

// Whether matches of p may read as words of the lexicon where they are found (ReadsAsWords: pairs
// of characters): a pinyin or initials pattern of an even number of slots.
bool MayMatchAsWords(const Pattern& p) { return !Literal(p) && p.slots.size() % 2 == 0; }

// Whether the plan has such a pattern (BodyReadsAsWords).
FZ_SMALL bool MayReadAsWords(const QueryPlan& plan) {
    for (const Conjunction& c : plan.alternatives)
        for (const Term& term : c.terms)
            if (std::any_of(term.patterns.begin(), term.patterns.end(), MayMatchAsWords)) return true;
    return false;
}

// Whether a body field of record r holds a match of a pinyin or initials pattern of the plan that
// reads as words (ReadsAsWords): such a body match ranks above one across words.
FZ_SMALL bool BodyReadsAsWords(const SearchData& d, const QueryPlan& plan, uint32_t r) {
    IdBuffer& t = FieldBuffer(1);
    for (size_t f = d.field_begin[r] + 1; f < d.field_begin[r + 1]; ++f) {
        DecodeField(d, d.Field(f), t);
        for (const Conjunction& c : plan.alternatives)
            for (const Term& term : c.terms)
                for (const Pattern& p : term.patterns) {
                    if (!MayMatchAsWords(p)) continue;
                    for (long at = FindPattern(plan, p, t.data(), 0, t.size); at >= 0;
                         at = FindPattern(plan, p, t.data(), size_t(at) + 1, t.size))
                        if (ReadsAsWords(d, t.data(), size_t(at), size_t(at) + p.slots.size())) return true;
                }
    }
    return false;
}

// ==== [SECTION] Highlights =======================================================================

struct UnitRange {
    size_t begin, end;
};

void CollectRanges(const SearchData& d, const QueryPlan& plan, const uint16_t* t, size_t begin, size_t end,
                   std::vector<UnitRange>& out) {
    for (const Conjunction& c : plan.alternatives)
        for (const Term& term : c.terms)
            for (const Pattern& p : term.patterns) {
                size_t m = p.slots.size();
                const size_t first = out.size();
                for (size_t i = begin; i + m <= end; ++i) {
                    size_t k = 0;
                    while (k < m && SlotHas(plan, p.slots[k], t[i + k])) ++k;
                    if (k == m) out.push_back({i - begin, i - begin + m});
                }
                // Pinyin and initials match any characters that read so: where some of a pattern's
                // matches in the field read as words of the lexicon, only those are shown (fy: 复议,
                // not the 府应 of 市政府应急办 beside it), and the snippet opens at the first.
                auto words = [&](const UnitRange& u) { return ReadsAsWords(d, t + begin, u.begin, u.end); };
                if (d.has_words && !Literal(p) && std::any_of(out.begin() + long(first), out.end(), words))
                    out.erase(std::remove_if(out.begin() + long(first), out.end(), [&](const UnitRange& u) { return !words(u); }),
                              out.end());
            }
    std::sort(out.begin(), out.end(), [](const UnitRange& x, const UnitRange& y) { return x.begin < y.begin; });
    size_t w = 0;  // (merged in place)
    for (size_t i = 0; i < out.size(); ++i) {
        if (w && out[i].begin <= out[w - 1].end) out[w - 1].end = std::max(out[w - 1].end, out[i].end);
        else out[w++] = out[i];
    }
    out.resize(w);
}

constexpr size_t kSnippetBefore = 20;  // code points of context before the first match
constexpr size_t kSnippetLength = 80;  // code points in a snippet

// Punctuation that ends a clause or an item of a list, where a snippet's context may open; folded
// (the text's ，；：！？ are their ASCII forms here).
bool ClauseEnd(uint32_t cp) {
    switch (cp) {
        case U'。': case U'、': case ',': case ';': case ':': case '!': case '?':
            return true;
        default:
            return false;
    }
}

// (Each field decoded once, with its offsets, into buffers kept per thread: 50 hits a query,
// their allocations and a second decoding for the offsets were a fifth of a common word's query
// in node.)
void Highlight(const SearchData& d, const QueryPlan& plan, uint32_t r, Hit& hit) {
    size_t field = d.field_begin[r];
    size_t fields = d.field_begin[r + 1] - field;
    bool snippet_done = false;
    IdBuffer& t = FieldBuffer(0);
    thread_local std::vector<uint32_t> off;
    thread_local std::vector<UnitRange> ranges;
    for (size_t f = 0; f < fields && (f == 0 || !snippet_done); ++f) {
        std::string_view s = d.Field(field + f);
        ranges.clear();
        DecodeField<true>(d, s, t, &off);
        CollectRanges(d, plan, t.data(), 0, t.size, ranges);
        if (f == 0) {
            for (const UnitRange& u : ranges) hit.title_ranges.push_back({off[u.begin], off[u.end]});
        } else if (!ranges.empty() || hit.snippet.empty()) {
            size_t units = t.size;
            size_t first = ranges.empty() ? 0 : ranges[0].begin;
            size_t from = first > kSnippetBefore ? first - kSnippetBefore : 0;
            // The context opens at the first clause that starts in it (组织做好教育培训,加强消费者权益保护,
            // not 政调解范围和程序,组织... cut from 行政调解).
            for (size_t k = from + 1; from > 0 && k <= first; ++k)
                if (t.data()[k - 1] < kFirstChar || ClauseEnd(d.alphabet[t.data()[k - 1]])) {
                    from = k;
                    break;
                }
            size_t to = std::min(units, from + kSnippetLength);
            hit.snippet = s.substr(off[from], off[to] - off[from]);
            hit.snippet_cut = from > 0;
            hit.snippet_ranges.clear();
            for (const UnitRange& u : ranges) {
                if (u.begin < from || u.end > to) continue;
                hit.snippet_ranges.push_back({off[u.begin] - off[from], off[u.end] - off[from]});
            }
            snippet_done = !ranges.empty();
        }
    }
}

// Bonuses that need the match position, for the records that are returned: a title match that is
// a whole word (bounded by punctuation or the title's ends), a title that starts with the query,
// a title match made of words of the lexicon (SearchIndex::SetLexicon: pinyin and initials match
// any characters that read so, and fy's 复议 ranks above the 府应 of 市政府应急办), all terms
// next to each other (the exact phrase). The best match of each pattern in the title counts.
constexpr int32_t kStartBonus = 200, kWordBonus = 100, kLexiconBonus = 40, kPhraseBonus = 150;
static_assert(kStartBonus + kWordBonus + kLexiconBonus + kPhraseBonus < 500, "a bonus stays within its tier");
int32_t OccurrenceBonus(bool at_start, bool whole_word, bool reads_as_words) {
    return (at_start ? kStartBonus : 0) + (whole_word ? kWordBonus : 0) + (reads_as_words ? kLexiconBonus : 0);
}

// Per pattern of a plan (in plan order), what PositionBonus needs of it to search a title as
// bytes: its folded UTF-8 (empty for pinyin) and whether its characters read as lexicon words.
struct TitleMatcher {
    LiteralBytes lit;
    bool reads_as_words = false;
};
FZ_SMALL std::vector<TitleMatcher> TitleMatchers(const SearchData& d, const QueryPlan& plan) {
    std::vector<TitleMatcher> out;
    for (const Conjunction& c : plan.alternatives)
        for (const Term& term : c.terms)
            for (const Pattern& p : term.patterns) {
                TitleMatcher m;
                m.lit = LiteralUtf8(d, p);
                if (!m.lit.utf8.empty()) {
                    std::vector<uint16_t> ids;
                    for (const Slot& sl : p.slots) ids.push_back(sl.id);
                    m.reads_as_words = ReadsAsWords(d, ids.data(), 0, ids.size());
                }
                out.push_back(std::move(m));
            }
    return out;
}

// The id of the unit of field `s` that ends at byte `at` (> 0, a unit boundary), as DecodeField
// reads it. DecodeUtf8 starts a unit at every byte that is no continuation byte and takes a valid
// sequence whole, one byte otherwise: so the unit is a valid sequence led from the 4 bytes before,
// or else the single byte before (ASCII, or broken UTF-8).
uint16_t IdBefore(const SearchData& d, std::string_view s, size_t at) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    size_t lead = at - 1;
    while (lead > 0 && at - lead < 4 && (b[lead] & 0xC0) == 0x80) --lead;
    size_t pos = lead;
    const uint32_t cp = DecodeUtf8(s, pos);
    if (pos == at) return d.RawId(cp);
    pos = at - 1;
    return d.RawId(DecodeUtf8(s, pos));
}

// A literal pattern's best bonus in a title searched as bytes (BytesApply, and fewer than 65,535
// units, so all of it is searched): what PositionBonus's loop over the decoded title gives, with
// no decoding but of the units on either side of each match.
int32_t TitleBytesBonus(const SearchData& d, const TitleMatcher& m, std::string_view title) {
    const std::string& needle = m.lit.utf8;
    const auto* b = reinterpret_cast<const unsigned char*>(title.data());
    auto word_id = [&](uint16_t id) { return id >= kFirstChar && IsWordChar(d.alphabet[id]); };
    const int32_t most = OccurrenceBonus(true, true, m.reads_as_words);
    int32_t best = 0;
    for (size_t from = 0; from + needle.size() <= title.size() && best < most;) {
        const std::string_view rest = title.substr(from);
        const long found = ContainsBytes(rest, needle);
        if (found < 0) break;
        const size_t at = from + size_t(found), e = at + needle.size();
        size_t after = e;
        const bool whole_word = (at == 0 || !word_id(IdBefore(d, title, at))) &&
                                (e == title.size() || !word_id(NextId(d, title, b, title.size(), after)));
        best = std::max(best, OccurrenceBonus(at == 0, whole_word, m.reads_as_words));
        from = at + 1;  // (a continuation byte: no match starts there, the next one is found)
    }
    return best;
}

int32_t PositionBonus(const SearchData& d, const QueryPlan& plan, const std::vector<TitleMatcher>& matchers, uint32_t r) {
    const std::string_view title_text = d.Field(d.field_begin[r]);
    const bool whole = d.title_length[r] != 0xFFFF;  // (a longer title is searched in its first 65,535 units)
    IdBuffer& title = FieldBuffer(1);  // FieldHas below uses the other buffer
    bool decoded = false;
    auto decode = [&] {
        if (!decoded) DecodeField(d, title_text, title), decoded = true;
    };
    int32_t bonus = 0;
    size_t k = 0;
    for (const Conjunction& c : plan.alternatives) {
        int32_t b = 0;
        for (const Term& term : c.terms)
            for (const Pattern& p : term.patterns) {
                const TitleMatcher& m = matchers[k++];
                if (whole && BytesApply(d, m.lit, r)) {
                    b = std::max(b, TitleBytesBonus(d, m, title_text));
                    continue;
                }
                decode();
                const uint16_t* t = title.data();
                const size_t tl = std::min<size_t>(title.size, 0xFFFF);
                auto word_char = [&](size_t i) { return t[i] >= kFirstChar && IsWordChar(d.alphabet[t[i]]); };
                for (long at = FindPattern(plan, p, t, 0, tl); at >= 0; at = FindPattern(plan, p, t, size_t(at) + 1, tl)) {
                    const size_t e = size_t(at) + p.slots.size();
                    const bool whole_word = (at == 0 || !word_char(size_t(at) - 1)) && (e == tl || !word_char(e));
                    b = std::max(b, OccurrenceBonus(at == 0, whole_word, ReadsAsWords(d, t, size_t(at), e)));
                }
            }
        if (c.terms.size() > 1) {
            // The exact phrase: the terms' literal forms in order, adjacent, anywhere in the record.
            Pattern joined;
            bool ok = true;
            for (const Term& term : c.terms) {
                if (term.patterns.empty() || term.patterns[0].quality != kLiteral) ok = false;
                else joined.slots.insert(joined.slots.end(), term.patterns[0].slots.begin(), term.patterns[0].slots.end());
            }
            if (ok) decode();
            if (ok && (FindPattern(plan, joined, title.data(), 0, title.size) >= 0 || BodyHas(d, plan, joined, LiteralBytes(), r)))
                b += kPhraseBonus;
        }
        bonus = std::max(bonus, b);
    }
    return bonus;
}

// A match's key in a group's TopK: its score (before position bonuses: multiples of 500 below
// 128 x 500, Match), then a shorter title; ties go to record order, as in the final sort.
uint32_t RankKey(Match score, uint16_t title_length) {
    return score.Tier() << 16 | uint32_t(0xFFFF - title_length);
}
int32_t RankKeyScore(uint32_t key) { return int32_t(key >> 16) * 500; }

}  // namespace

// ==== [SECTION] Search ===========================================================================

void SearchIndex::DropRelaxedMemos() const {
    std::vector<PatternMemo> alike, relaxed;
    std::lock_guard<std::mutex> lock(m_data->memo_mutex);
    alike.swap(m_data->alike_memo);
    relaxed.swap(m_data->relaxed_memo);
    m_data->nothing.clear();
}

bool SearchIndex::FoundNothing(std::string_view text) const {
    std::lock_guard<std::mutex> lock(m_data->memo_mutex);
    const std::string& texts = m_data->nothing;
    for (size_t at = 0, end; (end = texts.find('\n', at)) != std::string::npos; at = end + 1)
        if (std::string_view(texts).substr(at, end - at) == text) return true;
    return false;
}

void SearchIndex::KeepNothing(std::string_view text) const {
    if (m_data->memo_budget == 0) return;  // (an index that keeps nothing between queries)
    std::lock_guard<std::mutex> lock(m_data->memo_mutex);
    std::string& texts = m_data->nothing;
    if (texts.size() > 256) texts.erase(0, texts.find('\n', texts.size() / 2) + 1);  // (the oldest half)
    texts.append(text).push_back('\n');
}

bool SearchIndex::HeldPair(uint32_t a, uint32_t b) const {
    const SearchData& d = *m_data;
    const uint16_t ia = d.IdOf(a), ib = d.IdOf(b);
    List unused;
    return ia >= kFirstChar && ib >= kFirstChar && BigramList(d, ia, ib, unused);
}

bool SearchIndex::LexiconWord(uint32_t a, uint32_t b) const {
    const SearchData& d = *m_data;
    return d.has_words && IsHan(a) && IsHan(b) && d.words.Holds(a, b);
}

bool SearchIndex::FunctionCharacter(uint32_t c) const {
    const SearchData& d = *m_data;
    return d.has_words && IsHan(c) && d.words.FunctionCharacter(c);
}

bool SearchIndex::FunctionReading(SyllableRange syllable) const {
    const SearchData& d = *m_data;
    if (!d.has_words) return false;
    for (const std::string& w : d.words.CommonWords()) {
        size_t pos = 0;
        const uint32_t c = DecodeUtf8(w, pos);
        if (pos == w.size() && FunctionCharacter(c) && ReadingSetMatches(ReadingSetOf(c), syllable)) return true;
    }
    return false;
}

FZ_SMALL bool SearchIndex::FunctionWordReading(SyllableRange first, SyllableRange second) const {
    const SearchData& d = *m_data;
    if (!d.has_words) return false;
    auto reads = [](uint32_t c, SyllableRange syllable) {  // (its common reading, the first of its set)
        const uint16_t set = ReadingSetOf(c);
        return set && syllable.first <= *ReadingSetBegin(set) && *ReadingSetBegin(set) < syllable.last;
    };
    for (const std::string& w : d.words.FunctionWords()) {
        size_t pos = 0;
        if (w.empty() || !reads(DecodeUtf8(w, pos), first) || pos >= w.size()) continue;  // (a pack's, any string)
        if (reads(DecodeUtf8(w, pos), second)) return true;
    }
    return false;
}

bool SearchIndex::Fragment(uint32_t a, uint32_t b) const {
    const SearchData& d = *m_data;
    if (!d.has_words || !IsHan(a) || !IsHan(b) || d.words.Holds(a, b)) return false;
    return SynonymTermAt({a, b}, 0) != 2;
}

std::vector<std::pair<uint32_t, uint32_t>> SearchIndex::Followers(uint32_t before, SyllableRange syllables) const {
    const SearchData& d = *m_data;
    std::vector<std::pair<uint32_t, uint32_t>> out;
    auto reads = [&](uint16_t id) { return d.reading_set[id] && ReadingSetMatches(d.reading_set[id], syllables); };
    if (before == 0) {
        for (size_t id = kFirstChar; id < d.alphabet.size(); ++id)
            if (d.uni_count[id] > 0 && reads(uint16_t(id))) out.emplace_back(d.alphabet[id], d.uni_count[id]);
        return out;
    }
    const uint16_t a = d.IdOf(before);
    if (a < kFirstChar) return out;
    const auto [lo, hi] = BigramsOf(d, a);
    for (const uint32_t* it = lo; it != hi; ++it) {
        const uint16_t b = uint16_t(*it & 0xFFFF);
        if (b >= kFirstChar && reads(b)) out.emplace_back(d.alphabet[b], d.bi_count[size_t(it - d.bi_keys.data())]);
    }
    return out;
}

void SearchData::SynonymsChanged() {
    synonym_terms.clear();
    for (const auto& [from, unused] : synonyms.Pairs()) {
        std::vector<uint32_t> cps = DecodeFolded(from);
        if (cps.size() >= 2 && (synonym_terms.empty() || synonym_terms.back() != cps)) synonym_terms.push_back(std::move(cps));
    }
}

size_t SearchIndex::LongestSynonym(size_t room, const std::function<bool(const std::vector<uint32_t>&)>& fits) const {
    size_t most = 0;
    for (const std::vector<uint32_t>& cps : m_data->synonym_terms)
        if (cps.size() > most && cps.size() <= room && fits(cps)) most = cps.size();
    return most;
}

size_t SearchIndex::SynonymReadingAt(const std::vector<SyllableRange>& syllables, size_t at, size_t most) const {
    if (at >= syllables.size()) return 0;
    return LongestSynonym(std::min(syllables.size() - at, most),
                          [&](const std::vector<uint32_t>& term) { return ReadsSyllables(term, syllables.data() + at); });
}

bool SearchIndex::PluralTerm(std::string_view folded) const { return !m_data->synonyms.Singular(folded).empty(); }

namespace {
// Whether two characters have a reading in common (调 节: jie of 节 and of 解).
bool ShareReading(uint32_t a, uint32_t b) {
    const uint16_t sa = ReadingSetOf(a), sb = ReadingSetOf(b);
    if (sa == 0 || sb == 0) return false;
    for (const uint16_t* x = ReadingSetBegin(sa); x != ReadingSetEnd(sa); ++x)
        for (const uint16_t* y = ReadingSetBegin(sb); y != ReadingSetEnd(sb); ++y)
            if (*x == *y) return true;
    return false;
}
}  // namespace

std::string SearchIndex::SoundAlikeTerm(std::string_view word) const {
    std::vector<uint32_t> cps;
    for (size_t pos = 0; pos < word.size();) {
        cps.push_back(FoldCodepoint(DecodeUtf8(word, pos)));
        if (!IsHan(cps.back())) return {};
    }
    if (cps.size() < 3) return {};
    const std::vector<uint32_t>* found = nullptr;
    for (const std::vector<uint32_t>& term : m_data->synonym_terms) {
        if (term.size() != cps.size()) continue;
        size_t first = SIZE_MAX, last = 0;
        bool alike = true;
        for (size_t k = 0; k < term.size() && alike; ++k) {
            if (term[k] == cps[k]) continue;
            alike = ShareReading(term[k], cps[k]);
            first = std::min(first, k);
            last = k;
        }
        // One character of another sound's, or two neighbouring ones in a word of four or more.
        if (!alike || first == SIZE_MAX || last > first + 1 || (last > first && cps.size() < 4)) continue;
        if (found && *found != term) return {};  // (two such terms: neither)
        found = &term;
    }
    std::string out;
    if (found)
        for (uint32_t c : *found) AppendUtf8(out, c);
    return out;
}

size_t SearchIndex::SynonymTermAt(const std::vector<uint32_t>& cps, size_t at, size_t most) const {
    if (at >= cps.size()) return 0;
    return LongestSynonym(std::min(cps.size() - at, most), [&](const std::vector<uint32_t>& term) {
        return std::equal(term.begin(), term.end(), cps.begin() + ptrdiff_t(at));
    });
}

uint32_t SearchIndex::CountUpTo(std::string_view word, uint32_t cap, uint32_t& texts_searched) const {
    const SearchData& d = *m_data;
    const QueryPlan plan = PlanQuery(d, word);
    if (plan.alternatives.size() != 1 || plan.alternatives[0].terms.size() != 1) return 0;
    uint32_t found = 0;
    for (const Pattern& p : plan.alternatives[0].terms[0].patterns) {
        if (!Literal(p)) continue;
        // Its lists (PatternLists), walked together: each record on all of them is verified,
        // until `cap` hold the pattern (no list decoded further than that record).
        List one;
        if (ExactList(d, p, one)) {  // the list is the matches
            found += std::min(one.count, cap - found);
            if (found == cap) return found;
            continue;
        }
        std::vector<List> lists;
        if (!PatternLists(d, p, lists) || lists[0].count == 0) continue;
        std::vector<Cursor> cursors(lists.begin(), lists.end());
        std::vector<uint32_t> at(lists.size(), 0);  // each cursor's current record, << 1 | in title
        for (size_t k = 1; k < cursors.size(); ++k)
            if (!cursors[k].Next(at[k])) at[k] = UINT32_MAX;
        LiteralBytes lit = LiteralUtf8(d, p);
        SlotMasks(d, plan, p, lit);
        bool ended = false;  // a list ended: no further record is on all of them
        for (uint32_t e; !ended && cursors[0].Next(e);) {
            const uint32_t r = e >> 1;
            bool on_all = true;
            for (size_t k = 1; k < cursors.size() && on_all; ++k) {
                while (at[k] != UINT32_MAX && (at[k] >> 1) < r)
                    if (!cursors[k].Next(at[k])) at[k] = UINT32_MAX;
                ended = at[k] == UINT32_MAX;
                on_all = !ended && (at[k] >> 1) == r;
            }
            if (!on_all) continue;
            ++texts_searched;
            for (size_t f = d.field_begin[r]; f < d.field_begin[r + 1]; ++f)
                if (FieldHas(d, plan, p, lit, r, f)) {
                    if (++found == cap) return found;
                    break;
                }
        }
    }
    return found;
}

namespace {
// Whether some record may hold folded `cps`: each character, and each pair of them, is held.
bool PairsHeld(const SearchData& d, const std::vector<uint32_t>& cps) {
    List unused;
    for (size_t i = 0; i < cps.size(); ++i) {
        const uint16_t id = d.IdOf(cps[i]);
        if (id < kFirstChar || (i > 0 && !BigramList(d, d.IdOf(cps[i - 1]), id, unused))) return false;
    }
    return !cps.empty();
}
}  // namespace

namespace {
// What the words [0, n) of a conjunction match, as a string: each pattern's quality and slots
// (a character, or a set's members). Equal keys, equal matches.
std::string WordsKey(const QueryPlan& plan, const Conjunction& c, size_t n) {
    std::string key;
    auto put = [&](uint32_t v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
    for (size_t t = 0; t < n; ++t) {
        put(uint32_t(c.terms[t].patterns.size()));
        for (const Pattern& p : c.terms[t].patterns) {
            put(uint32_t(p.quality) << 16 | uint32_t(p.slots.size()));
            for (const Slot& sl : p.slots) {
                put(uint32_t(SlotEnd(plan, sl) - SlotBegin(plan, sl)));
                for (const uint16_t* id = SlotBegin(plan, sl); id != SlotEnd(plan, sl); ++id) put(*id);
            }
        }
    }
    return key;
}
}  // namespace

SearchResult SearchIndex::SearchAsTyped(const Query& query, bool fuzzy, Relaxing* relaxing) const {
    const SearchData& d = *m_data;
    SearchResult result;
    QueryPlan plan = PlanQuery(d, query.text, fuzzy);
    result.query_truncated = plan.truncated;
    result.phrase = plan.syllables_apart;
    // The synonyms searched too, as the screen names them: those records may hold (each pair of
    // their characters is held somewhere), not every term a rule names (法援 for 法律援助).
    for (std::string& term : plan.synonyms)
        if (PairsHeld(d, DecodeFolded(term))) result.synonyms.push_back(std::move(term));
    if (fuzzy && !plan.alike) return result;  // (the same as typed: nothing to search again)
    const Conjunction* words = plan.Words();
    if ((plan.alternatives.empty() && !words) || d.Records() == 0) return result;
    ReuseList* found = relaxing ? &relaxing->literal : nullptr;

    // Match: AND over terms (rarest first would need sizes up front; terms are few), OR over
    // alternatives.
    std::vector<Match> matches;
    std::vector<PatternMemo> prev, next;
    std::vector<PatternMemo> spare;  // (MatchTerm: memos the query as typed found nothing in)
    // Each kind of search reads and replaces its own memo, in one budget: the query as typed
    // SearchData::memo; the syllables that sound alike, tried once that matched nothing,
    // alike_memo (the next keystroke's search alike reads it: xinzhengf -> xinzhengfu); the
    // searches after those (its words and parts) relaxed_memo, reading the typed query's too,
    // which they never change (falvyuanzhu zenmeban, relaxed to falvyuanzhu: not searched
    // again). prev[0, own) is the kept memo, prev[own, end) the typed query's, put back.
    const bool relaxed = relaxing && relaxing->after_typed && !fuzzy;
    std::vector<PatternMemo>& kept = fuzzy ? d.alike_memo : relaxed ? d.relaxed_memo : d.memo;
    size_t memo_budget = d.memo_budget, own = 0;
    {
        std::lock_guard<std::mutex> lock(d.memo_mutex);
        prev.swap(kept);
        own = prev.size();
        if (relaxed) {
            for (PatternMemo& o : d.memo) prev.push_back(std::move(o));
            d.memo.clear();
        }
        for (const std::vector<PatternMemo>* other : {&d.memo, &d.alike_memo, &d.relaxed_memo})
            for (const PatternMemo& o : *other) memo_budget -= std::min(memo_budget, o.Bytes());
        for (size_t i = own; i < prev.size(); ++i) memo_budget -= std::min(memo_budget, prev[i].Bytes());
    }
    std::vector<uint32_t> uses = MemoUses(prev, plan, own);
    // Records matching each word alone, as the AND below finds them (UINT32_MAX: not reached).
    std::vector<uint32_t> word_totals(words ? words->terms.size() : 0, UINT32_MAX);
    // Words whose matches were read only within those of the words before them, and so not
    // counted: counted again, keeping no memo a second time, if the totals are shown.
    std::vector<bool> counted_within(word_totals.size(), false);
    // The query's words (ANDed) last: the memo budget goes first to the phrase of words typed
    // apart (gonggong falv fu as gonggong'falv'fu), whose matches are verified in their text
    // (432,883 national records); the words' come from their postings again when no room is left.
    std::vector<const Conjunction*> conjunctions;
    for (const Conjunction& c : plan.alternatives)
        if (!plan.words_first || &c != &plan.alternatives[0]) conjunctions.push_back(&c);
    if (plan.words_first) conjunctions.push_back(&plan.alternatives[0]);
    // A query of one literal pattern of 1-2 characters (the commonest keystroke: every query in
    // characters starts so), or of more that the bigram contexts decide, with no memo to start
    // from: one posting list is exactly its matches (as in MatchTerm, which would keep nothing
    // for the next query either), and is read once, by the counting below, instead of being
    // scored into a vector of matches first (up to 960,000 at national scale, 3.8 MB of heap
    // written and read again).
    const Pattern* single = nullptr;
    List single_list;
    if (plan.alternatives.size() == 1 && !words && plan.alternatives[0].terms.size() == 1 &&
        plan.alternatives[0].terms[0].patterns.size() == 1) {
        const Pattern& p = plan.alternatives[0].terms[0].patterns[0];
        bool same = false;
        int letter = -1;
        if (Literal(p) && !BaseMemo(prev, plan, p, same, letter) && ExactList(d, p, single_list))
            single = &p, conjunctions.clear();
    }
    bool words_kept = false;  // (else the last query's words are dropped)
    for (const Conjunction* conjunction : conjunctions) {
        const Conjunction& c = *conjunction;
        std::vector<Match> acc;
        bool first = true;
        // Kept for reuse only in a query of 2+ words: only there can a word that matches be part
        // of a query that matches nothing (and is relaxed, searching the word again).
        const bool store = c.terms.size() >= 2;
        const bool words = plan.words_first && &c == &plan.alternatives[0];
        // The words in query order, or those that matched fewest records first (Relaxing::first).
        std::vector<size_t> order(c.terms.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        const bool reordered = words && relaxing && relaxing->first.size() == order.size();
        if (reordered) {  // (as a stable sort: by count, then position; the sort of plain integers)
            std::vector<uint64_t> keys(order.size());
            for (size_t i = 0; i < keys.size(); ++i) keys[i] = uint64_t(relaxing->first[i]) << 32 | i;
            std::sort(keys.begin(), keys.end());
            for (size_t i = 0; i < keys.size(); ++i) order[i] = size_t(keys[i] & 0xFFFFFFFFu);
        }
        // Typing the last word on (falv yua -> falv yuan), the words before it are the last
        // query's: their AND is read from it (WordsKey), not matched again (natively 0.6-2 ms a
        // word: falv within gonggong, 435,493 national matches, 2.7 ms), and kept for the next.
        // Only for the query as typed, its words in order, no region among those before the last.
        const size_t last = c.terms.size() - 1;
        const bool keep_words = words && !reordered && &kept == &d.memo && c.terms.size() >= 2 &&
                                (plan.region_term == SIZE_MAX || plan.region_term >= last);
        std::string words_key = keep_words ? WordsKey(plan, c, last) : std::string();
        words_kept |= keep_words;
        size_t start = 0;
        if (keep_words) {
            std::lock_guard<std::mutex> lock(d.memo_mutex);
            if (d.words_key == words_key) {
                acc.resize(d.words_and.size());
                for (size_t i = 0; i < acc.size(); ++i) acc[i].packed = d.words_and[i];
                std::copy(d.words_totals.begin(), d.words_totals.end(), word_totals.begin());
                for (size_t i = 0; i < last; ++i) counted_within[i] = d.words_within[i];
                first = false;
                start = last;
            }
        }
        for (size_t oi = start; oi < order.size() && !(start && acc.empty()); ++oi) {
            const size_t ti = order[oi];
            if (keep_words && oi == last && !start && acc.size() * sizeof(uint32_t) <= d.memo_budget) {
                std::lock_guard<std::mutex> lock(d.memo_mutex);
                d.words_key = std::move(words_key);
                d.words_and.resize(acc.size());
                for (size_t i = 0; i < acc.size(); ++i) d.words_and[i] = acc[i].packed;
                d.words_totals.assign(word_totals.begin(), word_totals.begin() + ptrdiff_t(last));
                d.words_within.assign(counted_within.begin(), counted_within.begin() + ptrdiff_t(last));
            }
            const Term& term = c.terms[ti];
            const bool region_term = words && ti == plan.region_term && query.filter.region.empty();
            // After the first word, a word's matches are read within the AND's so far (MatchTerm).
            std::vector<Match>* within = first || region_term ? nullptr : &acc;
            uint32_t total = UINT32_MAX;
            bool anded = false;
            std::vector<Match> m = MatchTerm(d, plan, term, prev, uses, next, memo_budget, result.texts_searched,
                                             found, store, within, &total, &anded, &kept == &d.memo ? &spare : nullptr);
            if (region_term) {
                AddRegionMatches(d, plan.region_facet, m);
                result.region = d.facet_names[plan.region_facet].second;
                result.region_word = plan.region_word;
            }
            if (words) {
                word_totals[ti] = within ? total : uint32_t(m.size());
                counted_within[ti] = within && total == UINT32_MAX;
            }
            if (first) acc = std::move(m);
            else if (!anded) IntersectInto(d, acc, m);
            first = false;
            if (acc.empty()) break;
        }
        if (acc.size() > matches.size()) matches.swap(acc);  // (the larger merged into: see MergeInto)
        if (!acc.empty()) MergeInto(d, matches, acc);
    }
    if (!words_kept && &kept == &d.memo) {
        std::lock_guard<std::mutex> lock(d.memo_mutex);
        d.words_key.clear();
        std::vector<uint32_t>().swap(d.words_and);
    }
    // Nothing holds every word (or a relaxed query's parts, whatever their AND found:
    // Relaxing::totals_when_matched): how many records hold each alone (the words the AND did not
    // reach, or read only within it, are matched now; a word no pattern matches has none).
    // Syllables typed apart, as typed (shen qing fa lv yuan zh): each is a single syllable, which
    // some record holds when its pattern has members (the planner keeps only those); the
    // relaxation reads only whether a count is 0, and Search() counts them if it shows them
    // (Relaxing::estimated; each such count took 4-8 ms at national scale).
    const bool estimate = relaxing && !relaxing->after_typed && plan.syllables_apart;
    if ((matches.empty() || (relaxing && relaxing->totals_when_matched)) && !word_totals.empty() &&
        (!relaxing || relaxing->word_totals)) {
        for (size_t i = 0; i < word_totals.size(); ++i) {
            const Term& term = words->terms[i];
            if (word_totals[i] == UINT32_MAX && estimate) {
                word_totals[i] = term.patterns.empty() ? 0 : 1;
                relaxing->estimated = true;
            } else if (word_totals[i] == UINT32_MAX) {
                // (A word counted within others has its memo kept already: none a second time.)
                std::vector<PatternMemo> none;
                size_t no_budget = 0;
                const bool again = counted_within[i];
                word_totals[i] = term.patterns.empty()
                                     ? 0
                                     : uint32_t(MatchTerm(d, plan, term, prev, uses, again ? none : next,
                                                          again ? no_budget : memo_budget, result.texts_searched,
                                                          found, true)
                                                    .size());
            }
        }
        result.word_totals = std::move(word_totals);
    }
    {
        std::vector<PatternMemo> typed;  // (a relaxed search's: the typed query's, unchanged)
        for (size_t i = own; i < prev.size(); ++i) typed.push_back(std::move(prev[i]));
        std::vector<PatternMemo>().swap(prev);
        std::lock_guard<std::mutex> lock(d.memo_mutex);
        kept.swap(next);
        if (relaxed && d.memo.empty()) d.memo.swap(typed);
        // Memos whose matches the query as typed, matching nothing, was shown not to narrow: its
        // relaxed searches read them (a prefix of the initials typed, standing for the query).
        if (matches.empty())
            for (PatternMemo& m : spare) d.relaxed_memo.push_back(std::move(m));
        if (&kept == &d.memo) ++d.memo_generation;
    }

    // Filters.
    uint32_t want[kFacetFieldCount];
    const std::string* values[kFacetFieldCount] = {&query.filter.region, &query.filter.kind, &query.filter.theme,
                                                   &query.filter.unit, &query.filter.service};
    for (uint8_t f = 0; f < kFacetFieldCount; ++f) {
        want[f] = UINT32_MAX;
        if (values[f]->empty()) continue;
        want[f] = d.FindFacet(f, *values[f]);
        if (want[f] == UINT32_MAX) return result;  // a value no record has
    }
    // Rank: score, then shorter title, then record order. Position bonuses are computed for the
    // best `refine` by that order (a bonus is smaller than a tier step, so it only reorders within
    // a tier; in a tier larger than `refine` the shorter titles get the chance).
    size_t limit = std::min<size_t>(query.limit, d.Records());
    size_t refine = std::max<size_t>(limit * 4, 500);
    const size_t groups = query.group_by_type ? kRecordTypeCount : 1;

    // One pass: filter, count, and choose the best `refine` of every group (a type when grouping,
    // else everything) as the matches stream by (TopK): no second pass, no copies, no sorting of
    // the (up to a million) matches.
    const bool filtering = query.filter.LeavesOut();
    std::vector<TopK> tops(groups, TopK(refine));  // (keys: RankKey)
    const uint8_t group_of_type = query.group_by_type ? 0xFF : 0;  // group = type & this
    std::array<uint32_t, kRecordTypeCount> by_type{};  // (a local: kept in registers, not stored each match)
    auto filters_keep = [&](uint32_t r, uint8_t t) {
        if (!((query.filter.types >> t) & 1)) return false;
        bool ok = true;
        for (uint8_t f = 0; f < kFacetFieldCount && ok; ++f)
            if (want[f] != UINT32_MAX) ok = d.HasFacet(r, want[f]);
        return ok;
    };
    auto count = [&](Match m, uint8_t t) {
        ++by_type[t];
        tops[t & group_of_type].Push(RankKey(m, d.title_length[m.record()]), m.record());
    };
    if (single) {
        // Scored as MatchTerm scores a pattern's exact candidates (in the title: 4000, the whole
        // title 4500), each record's title length read once for its score and its key.
        const Tiers tiers(*single);
        const size_t m = single->slots.size();
        // Each tier's half of the key (RankKey).
        const uint32_t body = RankKey(tiers.body, 0xFFFF), title = RankKey(tiers.title, 0xFFFF),
                       whole = RankKey(tiers.whole, 0xFFFF);
        auto count_entry = [&](uint32_t e, uint32_t r, uint8_t t) {
            const uint16_t title_length = d.title_length[r];
            ++by_type[t];
            tops[t & group_of_type].Push(((e & 1) ? (title_length == m ? whole : title) : body) | (0xFFFFu - title_length), r);
        };
        if (single_list.count) {  // (no list: no bytes for a cursor to read)
            Cursor c(single_list);
            if (!filtering) {
                for (uint32_t e; c.Next(e);) count_entry(e, e >> 1, d.type[e >> 1]);
            } else {
                for (uint32_t e; c.Next(e);) {
                    const uint32_t r = e >> 1;
                    const uint8_t t = d.type[r];
                    if (filters_keep(r, t)) count_entry(e, r, t);
                }
            }
        }
    } else if (filtering) {
        for (const Match m : matches) {
            const uint32_t r = m.record();
            const uint8_t t = d.type[r];
            if (filters_keep(r, t)) count(m, t);
        }
    } else {
        for (const Match m : matches) count(m, d.type[m.record()]);
    }
    result.total_by_type = by_type;
    for (uint32_t n : result.total_by_type) result.total += n;
    if (result.total == 0) result.region.clear(), result.region_word.clear();
    std::vector<Match>().swap(matches);

    const std::vector<TitleMatcher> title_matchers = TitleMatchers(d, plan);
    // Where every alternative is one term, a bonus comes only from an occurrence in the title
    // (no phrase of terms), and a match scored below kInTitle has none: its title is not read
    // (most of a common word's best 500 are body matches; reading their titles was 0.15 of a
    // 0.4 ms median natively on the 100k corpus).
    bool one_term = true;
    for (const Conjunction& c : plan.alternatives) one_term &= c.terms.size() == 1;
    // Pinyin and initials match any characters that read so: a body match that reads as words of
    // the lexicon gets the title's lexicon bonus too (fy: the 复议 of a body above the 府印 of
    // 政府印发), found by walking the body matches in rank order until `limit` of them read so
    // (each check decodes a body: a few dozen for a typical query, at most `refine`).
    const bool body_words = d.has_words && MayReadAsWords(plan);
    std::vector<uint32_t> titled;  // (indices into v)
    auto best = [&](std::vector<Ranked>& v) {
        titled.clear();
        for (size_t i = 0; i < v.size(); ++i)
            if (!one_term || v[i].score >= kInTitle) titled.push_back(uint32_t(i));
        for (size_t k = 0; k < titled.size(); ++k) {
            // The next 16 titles read together: their cache misses overlap (TouchRecords; wasm
            // has no prefetch: 0.3 ms of a common word's 0.6-1.3 in node, one miss at a time).
            if (k % 16 == 0) {
                unsigned sum = 0;
                for (size_t j = k; j < std::min(titled.size(), k + 16); ++j) {
                    const std::string_view t = d.Field(d.field_begin[v[titled[j]].record]);
                    if (!t.empty()) sum += static_cast<unsigned char>(t[0]);
                }
                g_touched += sum;
            }
            Ranked& x = v[titled[k]];
            x.score += PositionBonus(d, plan, title_matchers, x.record);
        }
        SortRanked(v);
        if (body_words) {
            size_t found = 0;
            for (size_t i = 0; i < v.size() && found < limit; ++i)
                if (v[i].score < kInTitle && BodyReadsAsWords(d, plan, v[i].record)) v[i].score += kLexiconBonus, ++found;
            if (found) SortRanked(v);
        }
        v.resize(std::min(limit, v.size()));
    };
    // Groups come best first: by their best hit's score (then in type order), so a kind whose
    // best is a weak match in a body (a plan that reads 省政府印 for xingzhengfuyi) does not head
    // the page above the titles that say 行政复议.
    std::vector<std::vector<Ranked>> ranked(groups);
    std::array<size_t, kRecordTypeCount> order{};  // groups in the order shown (at most five: by insertion)
    size_t shown = 0;
    for (size_t g = 0; g < groups; ++g) {
        for (const TopK::Item& it : tops[g].Take())
            ranked[g].push_back({it.id, RankKeyScore(it.key), uint16_t(0xFFFF - (it.key & 0xFFFF))});
        best(ranked[g]);
        if (ranked[g].empty()) continue;
        size_t at = shown++;
        for (; at > 0 && ranked[order[at - 1]][0].score < ranked[g][0].score; --at) order[at] = order[at - 1];
        order[at] = g;
    }
    std::vector<Ranked> top;
    for (size_t k = 0; k < shown; ++k) top.insert(top.end(), ranked[order[k]].begin(), ranked[order[k]].end());

    result.hits.reserve(top.size());
    for (const Ranked& m : top) {
        Hit h;
        h.type = RecordType(d.type[m.record]);
        h.index = d.SourceIndex(m.record);
        h.id = d.Id(m.record);
        h.title = d.Field(d.field_begin[m.record]);
        h.score = m.score;
        if (query.highlights) Highlight(d, plan, m.record, h);
        result.hits.push_back(std::move(h));
    }
    return result;
}

// ==== [SECTION] Idle refinement ==================================================================

namespace {

// In a refining memo's masks of 3+ slots (under 63): a character of the last slot's whole syllable
// (PatternMemo::refine_last), whose letter bits the refinement keeps.
constexpr uint64_t kRefineLast = uint64_t(1) << 63;

// Scans record r with a memo's pattern (`hi` the last slot's bit, m slots) from `at` (its first
// match or a lower bound of it; kNoAt: from the start) to its end: `at` becomes its first match
// and `window` (if any) the ids from there, and `next` the letters that can follow each match
// (PatternMemo::Next). A match never spans fields or breaks (id 0, which accepts no slot).
// step(s, b, n, pos, letters) decodes the character at `pos` (moving past it) and returns its
// shift-and slot bits, with its letter bits in `letters`.
template <class Step>
void RefineRecordWith(const SearchData& d, Step step, uint64_t hi, size_t m, bool apart, uint32_t r, uint32_t& at,
                      PatternMemo::Window* window, PatternMemo::Next& next) {
    const size_t ft = d.field_begin[r], fend = d.field_begin[r + 1];
    size_t f0 = ft, from = 0;
    if (at != PatternMemo::kNoAt) f0 = ft + (at >> 24), from = at & 0xFFFFFF;
    bool found = false;
    next = {0, 0};
    for (size_t f = f0; f < fend; ++f) {
        const std::string_view s = d.Field(f);
        const auto* b = reinterpret_cast<const unsigned char*>(s.data());
        const size_t n = s.size();
        uint32_t starts[64];
        uint64_t state = 0;
        uint32_t follow = 0;
        bool after = false;     // the unit before ended a match
        bool followed = false;  // the unit before ended a match the letter bits are for
        size_t pos = f == f0 ? std::min(from, n) : 0, unit = 0;
        while (pos < n) {
            starts[unit & 63] = uint32_t(pos);
            ++unit;
            uint32_t letters;
            uint64_t slots = step(s, b, n, pos, letters);
            follow |= followed ? letters : 0;
            const uint64_t before = state;
            if (apart) {
                // (A match of the slots but the last, then a character of the last's whole syllable.)
                followed = ((before >> (m - 2)) & 1) && (slots & kRefineLast);
                slots &= ~kRefineLast;
            }
            state = ((state << 1) | 1) & slots;
            after = (state & hi) != 0;
            if (!apart) followed = after;
            if (after && !found) {
                found = true;
                const size_t start = starts[(unit - m) & 63];
                at = PatternMemo::PackAt(f - ft, start);
                if (window) FillWindow(d, s, start, *window);
            }
        }
        next.any |= follow;
        if (f == ft) next.title |= follow;
    }
    if (!found && window) *window = PatternMemo::Window{};  // (a window of breaks matches nothing)
}

// Patterns of up to 6 slots refine with one table from raw BMP code point to the pattern's slot
// bits (low 6) and the character's letter bits (<< 6): one load a character where the general
// step makes three (code point -> id -> slots, id -> letters). 10 % faster in wasm.
constexpr size_t kSmallSlots = 6;
uint32_t SmallBits(const SearchData& d, const uint64_t* masks, uint16_t id) {
    return uint32_t(masks[id] & ((1u << kSmallSlots) - 1)) | d.letter_mask[id] << kSmallSlots;
}

void RefineRecord(const SearchData& d, const PatternMemo& memo, uint32_t r, uint32_t& at, PatternMemo::Window* window,
                  PatternMemo::Next& next) {
    const size_t m = memo.slots.size();
    const bool apart = m >= 3 && memo.refine_last;
    const uint64_t hi = uint64_t(1) << (m - 1);
    const uint64_t* masks = memo.refine_masks.data();
    if (const uint32_t* table = memo.refine_table.get()) {
        auto step = [&](std::string_view s, const unsigned char* b, size_t n, size_t& pos, uint32_t& letters) {
            uint32_t cp, bits;
            size_t len;
            if (InlineCodePoint(b, pos, n, cp, len)) {
                pos += len;
                bits = table[cp];
            } else {
                bits = SmallBits(d, masks, d.RawId(DecodeUtf8(s, pos)));
            }
            letters = bits >> kSmallSlots;
            return uint64_t(bits & ((1u << kSmallSlots) - 1));
        };
        RefineRecordWith(d, step, hi, m, apart, r, at, window, next);
    } else {
        auto step = [&](std::string_view s, const unsigned char* b, size_t n, size_t& pos, uint32_t& letters) {
            const uint16_t id = NextId(d, s, b, n, pos);
            letters = d.letter_mask[id];
            return masks[id];
        };
        RefineRecordWith(d, step, hi, m, apart, r, at, window, next);
    }
}

// Decides what refining `memo` keeps within the memo budget (`others`: the bytes of the other memos)
// and allocates it: the letter bits, and for 3+ slots windows where the memo has none. False when
// there is nothing to do or no room.
bool StartRefining(const SearchData& d, PatternMemo& memo, size_t others) {
    const size_t n = memo.records.size(), m = memo.slots.size();
    if (m < 2 || m > 64 || n == 0) return false;
    // A 3+ slot memo made from letter bits may have no first matches: refining finds them.
    const bool need_at = m >= 3 && !memo.at;
    const bool need_window = (memo.at || need_at) && !memo.window;
    const bool has_at = memo.at || need_at, has_window = memo.window || need_window;
    if (others + PatternMemo::BytesFor(n, has_at, has_window, true) <= d.memo_budget) {
        memo.next.reset(new PatternMemo::Next[n]);
    } else if (need_window && others + PatternMemo::BytesFor(n, has_at, true, false) <= d.memo_budget) {
        // No room for the bits: exact first matches and windows still make narrowing cheap.
    } else {
        return false;
    }
    // (Zeroed: a window of breaks matches nothing, and the records not refined yet keep a lower
    // bound of their first match, whose window a narrowing query must not trust.)
    if (need_window) memo.window.reset(new PatternMemo::Window[n]());
    if (need_at) {
        memo.at.reset(new uint32_t[n]);
        std::fill(memo.at.get(), memo.at.get() + n, PatternMemo::kNoAt);
    }
    // The letter bits are for the last slot's whole syllable (PatternMemo::refine_last): with 3+
    // slots, its first matches and windows stay those of its own slots, and the characters of that
    // syllable carry kRefineLast besides.
    if (m >= 63) memo.refine_last.reset();
    const bool apart = m >= 3 && memo.refine_last;
    memo.refine_masks.assign(d.alphabet.size(), 0);
    for (size_t k = 0; k < m; ++k)
        for (uint16_t id : k + 1 == m && memo.refine_last && !apart ? *memo.refine_last : memo.slots[k])
            memo.refine_masks[id] |= uint64_t(1) << k;
    if (apart)
        for (uint16_t id : *memo.refine_last) memo.refine_masks[id] |= kRefineLast;
    if (m <= kSmallSlots && !apart) {
        memo.refine_table.reset(new uint32_t[0x10000]);
        for (uint32_t cp = 0; cp < 0x10000; ++cp)
            memo.refine_table[cp] = SmallBits(d, memo.refine_masks.data(), d.raw_to_id[cp]);
    }
    return true;
}

}  // namespace

bool SearchIndex::Prepare(double budget_ms) const {
    const SearchData& d = *m_data;
    std::vector<PatternMemo> memos;
    uint64_t generation;
    size_t other_bytes = 0;  // the other kinds' memos (within the same budget)
    {
        std::lock_guard<std::mutex> lock(d.memo_mutex);
        memos.swap(d.memo);
        generation = d.memo_generation;
        for (const std::vector<PatternMemo>* other : {&d.alike_memo, &d.relaxed_memo})
            for (const PatternMemo& o : *other) other_bytes += o.Bytes();
    }
    const auto start = std::chrono::steady_clock::now();
    auto spent_ms = [&] {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    };
    bool more = false, out_of_time = false;
    for (PatternMemo& memo : memos) {
        if (memo.refine_done) continue;
        if (out_of_time) {
            more = true;
            break;
        }
        if (memo.refine_masks.empty()) {
            size_t others = other_bytes;
            for (const PatternMemo& o : memos)
                if (&o != &memo) others += o.Bytes();
            if (!StartRefining(d, memo, others)) {
                memo.refine_done = true;
                continue;
            }
        }
        const size_t n = memo.records.size();
        const uint32_t* rec = memo.records.data();
        uint32_t* at = memo.at.get();
        PatternMemo::Window* window = memo.window.get();
        PatternMemo::Next* next = memo.next.get();
        PatternMemo::Next scratch;
        constexpr size_t kChunk = 64;  // records between looks at the clock
        while (memo.refined < n) {
            const size_t end = std::min(n, memo.refined + kChunk);
            for (size_t i = memo.refined; i < end; ++i) {
                uint32_t none = PatternMemo::kNoAt;
                RefineRecord(d, memo, rec[i] >> 1, at ? at[i] : none, window ? window + i : nullptr,
                             next ? next[i] : scratch);
            }
            memo.refined = end;
            if (memo.refined < n && spent_ms() >= budget_ms) {
                out_of_time = true;
                break;
            }
        }
        if (memo.refined == n) {
            memo.refine_done = true;
            std::vector<uint64_t>().swap(memo.refine_masks);
            memo.refine_table.reset();
        } else {
            more = true;
        }
    }
    std::lock_guard<std::mutex> lock(d.memo_mutex);
    if (d.memo_generation != generation || !d.memo.empty()) return false;  // a newer query's memos stand
    d.memo.swap(memos);
    return more;
}

// ==== [SECTION] Packs ============================================================================
// Layout (host byte order, little-endian in practice; the marker rejects the other one):
//   "FZSI" u32 version u32 0x01020304 u64 records u64 fingerprint u64 field_bytes u64 fields
//   then arrays, each u64 count + raw elements: title_length, folds, alphabet, uni_begin,
//   uni_count, bi_keys, bi_begin, bi_count, bi_context, ext_of, ext_begin, ext_ids, nb_of, nb_begin, nb_ids,
//   maj_of, maj_context,
//   maj_context2, maj_begin, maj_count, postings, maj_postings; letter sets (u64 count, each a u16 array)
//   and letter_bits; facet_lists, facet_pool, facet names (u64 count, each u32 field + string);
//   synonyms (u64 pairs, each two u64-length strings); "ISZF".
// Not stored: the Catalog's text and what the Catalog walk gives without decoding text (type,
// source index, id, field references: LoadFrom walks the Catalog as Build does, and the
// fingerprint of that walk, its text and its facet values must equal the saved one), and tables
// derived from the alphabet (bmp_to_id, astral_to_id, reading_set, raw_to_id). Facets are stored
// because interning them again was most of the load time; their values must hash as the walk's.
// With a catalog id (a pack's: the checksum of the catalog section the index was saved next to,
// which the pack reader has verified before LoadFrom) the fingerprint is of the walk's shape
// (types, source indexes, field counts and sizes) and that id instead: hashing all the text and
// the facet values again was a third of the index load at national scale.

namespace {
constexpr char kPackMagic[4] = {'F', 'Z', 'S', 'I'};
constexpr char kPackEnd[4] = {'I', 'S', 'Z', 'F'};
// 3: field count in the header; 4: Elias-Fano posting lists; 5: facet lists; 6: bigram contexts;
// 10: right neighbours; 11: dashes folded to a hyphen (an index's alphabet is of folded characters)
constexpr uint32_t kPackVersion = 11;
constexpr uint32_t kPackEndian = 0x01020304;

// A fast hash of bytes (8 at a time): the text of every field goes into the fingerprint.
uint64_t HashBytes(uint64_t h, const char* p, size_t n) {
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    uint64_t w = 0;
    std::memcpy(&w, p + i, n - i);
    h = (h ^ w ^ uint64_t(n) << 56) * k;
    return h ^ (h >> 31);
}

// A hash of one record's facet values as stored (field, value, in order), so a pack built from a
// catalog with other facets is rejected without interning anything.
struct FacetHash {
    uint64_t h = 0;
    void Add(uint8_t field, std::string_view v) {
        h = HashBytes(h ^ (uint64_t(field) << 32 | v.size()), v.data(), v.size());
    }
    void EndRecord() { h = HashBytes(h, "|", 1); }
};

uint64_t FacetValuesHash(const SearchData& d) {
    FacetHash fh;
    for (size_t r = 0; r < d.Records(); ++r) {
        d.ForEachFacetId(r, [&](uint32_t id) {
            const auto& [field, name] = d.facet_names[id];
            fh.Add(field, name);
        });
        fh.EndRecord();
    }
    return fh.h;
}

// What the Catalog walk produced: record types, source indexes, ids, field counts and sizes, a
// hash of every field's text, and the facet values' hash. A pack built from another catalog (or
// the same one edited) differs here.
uint64_t Fingerprint(const SearchData& d, uint64_t facet_hash, uint64_t catalog_id) {
    uint64_t h = HashBytes(0x9E3779B97F4A7C15ull, "FZSI", 4);
    if (catalog_id) {  // the shape of the walk, and the catalog's id (see the layout comment)
        auto array = [&](const auto& v) {
            h = HashBytes(h, reinterpret_cast<const char*>(v.data()), v.size() * sizeof(v[0]));
        };
        std::vector<uint32_t> source_index(d.Records());
        for (size_t r = 0; r < source_index.size(); ++r) source_index[r] = d.SourceIndex(r);
        array(d.type), array(source_index), array(d.field_begin), array(d.FieldSizes32());
        return HashBytes(h ^ catalog_id, "id", 2);
    }
    for (size_t r = 0; r < d.Records(); ++r) {
        uint64_t head = uint64_t(d.type[r]) | uint64_t(d.field_begin[r + 1] - d.field_begin[r]) << 8 |
                        uint64_t(d.SourceIndex(r)) << 32;
        const std::string_view id = d.Id(r);
        h = HashBytes(h ^ head, id.data(), id.size());
    }
    const std::vector<uint32_t> sizes = d.FieldSizes32();
    h = HashBytes(h, reinterpret_cast<const char*>(sizes.data()), sizes.size() * 4);
    for (size_t f = 0; f < sizes.size(); ++f) h = HashBytes(h, d.field_data[f], sizes[f]);
    return HashBytes(h ^ facet_hash, "end", 3);
}

// Derived from the alphabet: folded code point -> id maps, reading sets, raw BMP -> id.
void BuildCharTables(SearchData& d) {
    const size_t alpha = d.alphabet.size();
    d.reading_set.assign(alpha, 0);
    for (size_t i = kFirstChar; i < alpha; ++i) d.reading_set[i] = ReadingSetOf(d.alphabet[i]);
    d.letter_mask.assign(alpha, 0);
    for (int letter = 0; letter < 26; ++letter) {
        const SyllableRange range = LetterRanges()[letter];
        if (range.first == range.last) continue;
        for (size_t i = kFirstChar; i < alpha; ++i)
            if (d.reading_set[i] && ReadingSetMatches(d.reading_set[i], range)) d.letter_mask[i] |= 1u << letter;
    }
    d.raw_to_id.resize(0x10000);
    for (uint32_t cp = 0; cp < 0x10000; ++cp) d.raw_to_id[cp] = d.IdOf(FoldCodepoint(cp));
}

class PackWriter {
public:
    explicit PackWriter(const SearchIndex::WriteFn& write) : m_write(write) {}
    void Bytes(const void* p, size_t n) {
        if (n) m_write(p, n);
    }
    void U32(uint32_t v) { Bytes(&v, 4); }
    void U64(uint64_t v) { Bytes(&v, 8); }
    template <class T>
    void Array(const std::vector<T>& v) {
        U64(v.size());
        Bytes(v.data(), v.size() * sizeof(T));
    }
    void String(const std::string& s) {
        U64(s.size());
        Bytes(s.data(), s.size());
    }

private:
    const SearchIndex::WriteFn& m_write;
};

class PackReader {
public:
    PackReader(const SearchIndex::ReadFn& read, std::string& error) : m_read(read), m_error(error) {}
    uint64_t Pos() const { return m_pos; }
    bool Fail(const std::string& what) {
        if (m_error.empty()) m_error = "search index: " + what;
        return false;
    }
    bool FailAt(const std::string& what, uint64_t byte) {
        return Fail(what + " (byte " + std::to_string(byte) + ")");
    }
    bool Bytes(void* p, size_t n, const char* what) {
        if (n == 0) return true;
        if (!m_read(p, n)) return FailAt(std::string("truncated in ") + what, m_pos);
        m_pos += n;
        return true;
    }
    bool U32(uint32_t& v, const char* what) { return Bytes(&v, 4, what); }
    bool U64(uint64_t& v, const char* what) { return Bytes(&v, 8, what); }
    // An array of at most `max` elements (exactly `exact` when not UINT64_MAX), read straight into `v`.
    template <class T>
    bool Array(std::vector<T>& v, const char* what, uint64_t max, uint64_t exact = UINT64_MAX) {
        uint64_t count = 0;
        uint64_t at = m_pos;
        if (!U64(count, what)) return false;
        if (exact != UINT64_MAX && count != exact)
            return FailAt(std::string(what) + " has " + std::to_string(count) + " entries, expected " + std::to_string(exact), at);
        if (count > max)
            return FailAt(std::string(what) + " has " + std::to_string(count) + " entries, at most " + std::to_string(max) + " possible", at);
        v.clear();
        v.shrink_to_fit();
        v.resize(size_t(count));
        m_array_start = m_pos;
        return Bytes(v.data(), v.size() * sizeof(T), what);
    }
    uint64_t ArrayStart() const { return m_array_start; }
    bool String(std::string& s, const char* what, uint64_t max) {
        uint64_t n = 0, at = m_pos;
        if (!U64(n, what)) return false;
        if (n > max) return FailAt(std::string(what) + " of " + std::to_string(n) + " bytes is too long", at);
        s.resize(size_t(n));
        return Bytes(s.data(), s.size(), what);
    }

private:
    const SearchIndex::ReadFn& m_read;
    std::string& m_error;
    uint64_t m_pos = 0;
    uint64_t m_array_start = 0;
};

// Posting list k of `begin` / `count`: empty when its size follows from its count, its high
// bits hold one set bit an entry, and its entries increase below the record count; else what is
// wrong with it.
std::string CheckList(const SearchData& d, const uint8_t* lists, const std::vector<uint32_t>& begin,
                      const std::vector<uint32_t>& count, size_t k) {
    const uint64_t n = d.Records(), universe = n * 2;
    const uint64_t bytes = uint64_t(begin[k + 1]) - begin[k];
    if (bytes != ef::Bytes(count[k], universe))
        return "takes " + std::to_string(bytes) + " bytes, its count of " + std::to_string(count[k]) + " needs " +
               std::to_string(ef::Bytes(count[k], universe));
    if (count[k] == 0) return {};
    const List l = ListAt(d, lists, begin[k], count[k]);
    const uint64_t high_bits = ef::HighBits(count[k], universe, l.low_bits);
    const uint8_t* high = l.begin + ef::LowBytes(count[k], l.low_bits);
    uint64_t ones = 0, b = 0;
    const uint64_t high_bytes = (high_bits + 7) / 8;
    for (; b + 8 <= high_bytes; b += 8) ones += uint64_t(__builtin_popcountll(ef::Load64(high + b)));
    for (; b < high_bytes; ++b) ones += uint64_t(__builtin_popcount(high[b]));
    const uint8_t last = high[(high_bits + 7) / 8 - 1];
    if (ones != count[k] || (high_bits % 8 && last >> (high_bits % 8)))
        return "has " + std::to_string(ones) + " high bits set for " + std::to_string(count[k]) + " entries";
    // With its bits counted, the list decodes to values below 2 x universe (< 2^32: LoadFrom
    // takes fewer than SearchIndex::kMaxRecords), so Cursor itself checks it.
    Cursor c(l);
    uint32_t prev = 0;
    for (uint32_t i = 0, e = 0; c.Next(e); ++i, prev = e >> 1)
        if ((e >> 1) >= n || (i > 0 && (e >> 1) <= prev)) return "has an entry out of order or range";
    return {};
}

// Every posting list has the size its count gives, exactly `count` bits set in its high bits
// (none past them) and decodes to strictly increasing records < n: afterwards Cursor never leaves
// a list or names a record out of range.
bool CheckLists(const SearchData& d, PackReader& in, uint64_t postings_at, const std::vector<uint32_t>& begin,
                const std::vector<uint32_t>& count, const char* what, const uint8_t* lists = nullptr) {
    auto* check = OutOfLine(CheckList);  // (national: 504 + 17,998 lists, 60 MB, decoded whole)
    for (size_t k = 0; k < count.size(); ++k) {
        const std::string wrong = check(d, lists ? lists : d.postings.data(), begin, count, k);
        if (!wrong.empty()) return in.FailAt(std::string(what) + " list " + std::to_string(k) + " " + wrong, postings_at + begin[k]);
    }
    return true;
}

bool CheckOffsets(PackReader& in, const std::vector<uint32_t>& v, uint32_t first, uint64_t last, const char* what) {
    if (v.empty() || v[0] != first) return in.Fail(std::string(what) + " do not start at " + std::to_string(first));
    for (size_t i = 1; i < v.size(); ++i)
        if (v[i] < v[i - 1]) return in.Fail(std::string(what) + " not increasing at entry " + std::to_string(i));
    if (v.back() != last)
        return in.Fail(std::string(what) + " end at " + std::to_string(v.back()) + ", expected " + std::to_string(last));
    return true;
}
}  // namespace

void SearchIndex::SaveTo(const WriteFn& write, uint64_t catalog_id) const {
    const SearchData& d = *m_data;
    PackWriter out(write);
    out.Bytes(kPackMagic, 4);
    out.U32(kPackVersion);
    out.U32(kPackEndian);
    out.U64(d.Records());
    out.U64(Fingerprint(d, catalog_id ? 0 : FacetValuesHash(d), catalog_id));
    uint64_t field_bytes = 0;
    for (size_t f = 0; f < d.field_size.size(); ++f) field_bytes += d.FieldSize(f);
    out.U64(field_bytes);
    out.U64(d.field_size.size());
    out.Array(d.title_length);
    out.Array(d.folds);
    out.Array(d.alphabet);
    out.Array(d.uni_begin);
    out.Array(d.uni_count);
    out.Array(d.bi_keys);
    out.Array(d.bi_begin);
    out.Array(d.bi_count);
    out.Array(d.bi_context);
    out.Array(d.ext_of);
    out.Array(d.ext_begin);
    out.Array(d.ext_ids);
    out.Array(d.nb_of);
    out.Array(d.nb_begin);
    out.Array(d.nb_ids);
    out.Array(d.maj_of);
    out.Array(d.maj_context);
    out.Array(d.maj_context2);
    out.Array(d.maj_begin);
    out.Array(d.maj_count);
    out.Array(d.postings);
    out.Array(d.maj_postings);
    out.U64(d.letter_members.size());
    for (const auto& m : d.letter_members) out.Array(m);
    out.Array(d.letter_bits);
    out.Array(d.facet_lists);
    out.Array(d.facet_pool);
    out.U64(d.facet_names.size());
    for (const auto& [field, name] : d.facet_names) {
        out.U32(field);
        out.String(name);
    }
    out.U64(d.synonyms.m_pairs.size());
    for (const auto& [from, to] : d.synonyms.m_pairs) {
        out.String(from);
        out.String(to);
    }
    out.Bytes(kPackEnd, 4);
}

FZ_SMALL bool SearchIndex::LoadFrom(const Catalog& catalog, const ReadFn& read, SearchIndex& out, std::string& error,
                           uint64_t catalog_id) {
    error.clear();
    auto data = std::make_unique<SearchData>();
    SearchData& d = *data;
    PackReader in(read, error);

    // Header first: a wrong file is rejected before the Catalog walk.
    char magic[4];
    uint32_t version = 0, endian = 0;
    uint64_t records = 0, fingerprint = 0, field_bytes = 0, fields = 0;
    if (!in.Bytes(magic, 4, "header")) return false;
    if (std::memcmp(magic, kPackMagic, 4) != 0) return in.FailAt("not a search index (bad magic)", 0);
    if (!in.U32(version, "header") || !in.U32(endian, "header")) return false;
    if (endian != kPackEndian) return in.FailAt("saved with another byte order", 8);
    if (version != kPackVersion)
        return in.FailAt("version " + std::to_string(version) + ", this build reads " + std::to_string(kPackVersion), 4);
    if (!in.U64(records, "header") || !in.U64(fingerprint, "header") || !in.U64(field_bytes, "header") ||
        !in.U64(fields, "header"))
        return false;

    // Records, field references and facets from the Catalog, as Build saw them.
    const size_t n = CatalogRecordCount(catalog);
    if (n >= kMaxRecords) return in.Fail("a catalog of " + std::to_string(n) + " records is too large to index");
    if (records != n)
        return in.FailAt("saved for " + std::to_string(records) + " records, the catalog has " + std::to_string(n), 12);
    d.type.reserve(n);
    d.field_begin.reserve(n + 1);
    // The field references exactly as many as saved (no doubling, no shrinking copy: at national
    // scale they are the largest arrays the walk makes); a corrupt count reserves at most 16 a
    // record and is caught below.
    const size_t reserve = size_t(std::min<uint64_t>(fields, 16 * uint64_t(n) + 16));
    d.field_data.reserve(reserve);
    d.field_size.reserve(reserve);
    std::vector<SearchData::FacetCacheEntry>().swap(d.facet_cache);
    FacetHash facet_hash;  // facets themselves come from the pack (interning them is slow)
    uint64_t facet_count = 0;
    d.catalog = &catalog;
    if (catalog_id) {
        ForEachRecord(catalog, [&](const SearchRecord& r) {
            d.AddRecordRefs(r, false);
            SearchData::ForEachFacet(r, [&](uint8_t, std::string_view) { ++facet_count; });
        });
    } else {
        ForEachRecord(catalog, [&](const SearchRecord& r) {
            d.AddRecordRefs(r, false);
            SearchData::ForEachFacet(r, [&](uint8_t field, std::string_view v) {
                facet_hash.Add(field, v);
                ++facet_count;
            });
            facet_hash.EndRecord();
        });
    }
    d.IndexTypes();
    d.field_data.shrink_to_fit();  // no-ops unless the count was wrong
    d.field_size.shrink_to_fit();
    uint64_t bytes = 0;
    for (size_t f = 0; f < d.field_size.size(); ++f) bytes += d.FieldSize(f);
    if (bytes != field_bytes || d.field_size.size() != fields || Fingerprint(d, facet_hash.h, catalog_id) != fingerprint)
        return in.FailAt("built from a different catalog (records, ids, text or facets differ)", 20);

    // Per record.
    if (!in.Array(d.title_length, "title lengths", n, n)) return false;
    if (!in.Array(d.folds, "fold bits", n, (2 * n + 63) / 64)) return false;
    // Alphabet, and the tables derived from it.
    if (!in.Array(d.alphabet, "alphabet", 0xFFFF)) return false;
    const uint64_t alphabet_at = in.ArrayStart();
    const size_t alpha = d.alphabet.size();
    if (alpha < kFirstChar || d.alphabet[0] != 0 || d.alphabet[1] != 0)
        return in.FailAt("alphabet does not start with the two reserved ids", alphabet_at);
    for (size_t i = kFirstChar; i < alpha; ++i) {
        uint32_t cp = d.alphabet[i];
        if (cp == 0 || cp > 0x10FFFF || FoldCodepoint(cp) != cp || d.IdOf(cp) != kBreak)
            return in.FailAt("alphabet entry " + std::to_string(i) + " is not a new folded character",
                             alphabet_at + 4 * i);
        if (cp < 0x10000) d.bmp_to_id[cp] = uint16_t(i);
        else d.astral_to_id.emplace(cp, uint16_t(i));
    }
    BuildCharTables(d);

    // Postings. Every entry is one character (unigram) or one pair (bigram) of the text, whose
    // units are at most its bytes: bounds for the counts before anything is allocated.
    const uint64_t max_entries = field_bytes + 1;
    const uint64_t max_bytes = 5 * 2 * max_entries + 8;
    if (!in.Array(d.uni_begin, "unigram offsets", alpha + 1, alpha + 1)) return false;
    if (!in.Array(d.uni_count, "unigram counts", alpha, alpha)) return false;
    if (!in.Array(d.bi_keys, "bigram keys", max_entries)) return false;
    const uint64_t keys_at = in.ArrayStart();
    for (size_t k = 0; k < d.bi_keys.size(); ++k) {
        uint32_t key = d.bi_keys[k], a = key >> 16, b = key & 0xFFFF;
        if (a < kFirstChar || a >= alpha || b < kFirstChar || b >= alpha)
            return in.FailAt("bigram key " + std::to_string(k) + " names an unknown character", keys_at + 4 * k);
        if (k > 0 && key <= d.bi_keys[k - 1])
            return in.FailAt("bigram keys not increasing at entry " + std::to_string(k), keys_at + 4 * k);
    }
    const size_t nbi = d.bi_keys.size();
    if (!in.Array(d.bi_begin, "bigram offsets", nbi + 1, nbi + 1)) return false;
    if (!in.Array(d.bi_count, "bigram counts", nbi, nbi)) return false;
    // Contexts decide results without the text: each half kBreak or a character (checked right
    // after the array is read: its start locates a bad entry).
    auto contexts_known = [&](const std::vector<uint32_t>& v, const char* what) {
        for (size_t i = 0; i < v.size(); ++i)
            for (const uint32_t c : {v[i] >> 16, v[i] & 0xFFFFu})
                if (c != kBreak && (c < kFirstChar || c >= alpha))
                    return in.FailAt(std::string(what) + " " + std::to_string(i) + " names an unknown character",
                                     in.ArrayStart() + 4 * i);
        return true;
    };
    if (!in.Array(d.bi_context, "bigram contexts", nbi, nbi) || !contexts_known(d.bi_context, "bigram context")) return false;
    // Longer contexts: bigrams in order, entries back to back, each side starting with the
    // character bi_context holds (Spans reads them so).
    if (!in.Array(d.ext_of, "bigram neighbour index", nbi)) return false;
    const size_t next = d.ext_of.size() + !d.ext_of.empty();
    if (!in.Array(d.ext_begin, "bigram neighbour offsets", next, next)) return false;
    if (!in.Array(d.ext_ids, "bigram neighbours", d.ext_of.size() * (1 + 2 * kExtendChars))) return false;
    for (size_t i = 0; i < d.ext_of.size(); ++i) {
        const size_t k = d.ext_of[i], e = d.ext_begin[i], end = d.ext_begin[i + 1];
        bool ok = k < nbi && (i ? k > d.ext_of[i - 1] : e == 0) && e < end && end <= d.ext_ids.size() &&
                  (i + 1 < d.ext_of.size() || end == d.ext_ids.size());
        const size_t left = ok ? d.ext_ids[e] >> 8 : 0, right = ok ? d.ext_ids[e] & 0xFFu : 0;
        const uint32_t context = ok ? d.bi_context[k] : 0;
        ok = ok && left <= kExtendChars && right <= kExtendChars && end == e + 1 + left + right &&
             (left ? d.ext_ids[e + 1] == context >> 16 : (context >> 16) == kBreak) &&
             (right ? d.ext_ids[e + 1 + left] == (context & 0xFFFFu) : (context & 0xFFFFu) == kBreak);
        for (size_t c = e + 1; ok && c < end; ++c) ok = d.ext_ids[c] >= kFirstChar && d.ext_ids[c] < alpha;
        if (!ok) return in.Fail("bigram neighbours: entry " + std::to_string(i) + " out of order or range, or not its context");
    }
    // Right neighbours: bigrams in order, each one's characters in order (MayFollow searches them).
    if (!in.Array(d.nb_of, "right neighbour index", nbi)) return false;
    const size_t nb_next = d.nb_of.size() + !d.nb_of.empty();
    if (!in.Array(d.nb_begin, "right neighbour offsets", nb_next, nb_next)) return false;
    if (!in.Array(d.nb_ids, "right neighbours", d.nb_of.size() * alpha)) return false;
    for (size_t i = 0; i < d.nb_of.size(); ++i) {
        const size_t k = d.nb_of[i], e = d.nb_begin[i], end = d.nb_begin[i + 1];
        bool ok = k < nbi && (i ? k > d.nb_of[i - 1] : e == 0) && e <= end && end <= d.nb_ids.size() &&
                  (i + 1 < d.nb_of.size() || end == d.nb_ids.size());
        for (size_t c = e; ok && c < end; ++c) ok = d.nb_ids[c] >= kFirstChar && d.nb_ids[c] < alpha && (c == e || d.nb_ids[c] > d.nb_ids[c - 1]);
        if (!ok) return in.Fail("right neighbours: entry " + std::to_string(i) + " out of order or range");
    }
    // Majorities: bigrams in order, each side kBreak or a character, four exception lists each (a side, a pair)
    // after the bigram lists.
    if (!in.Array(d.maj_of, "bigram majority index", nbi)) return false;
    const size_t majorities = d.maj_of.size();
    for (size_t i = 0; i < majorities; ++i)
        if (d.maj_of[i] >= nbi || (i && d.maj_of[i] <= d.maj_of[i - 1]))
            return in.FailAt("bigram majority " + std::to_string(i) + " out of order or range", in.ArrayStart() + 4 * i);
    if (!in.Array(d.maj_context, "bigram majorities", majorities, majorities) ||
        !contexts_known(d.maj_context, "bigram majority"))
        return false;
    if (!in.Array(d.maj_context2, "bigram majority pairs", majorities, majorities) ||
        !contexts_known(d.maj_context2, "bigram majority pair"))
        return false;
    const size_t maj_lists = 4 * majorities, maj_offsets = maj_lists + (majorities ? 1 : 0);
    if (!in.Array(d.maj_begin, "majority exception offsets", maj_offsets, maj_offsets)) return false;
    if (!in.Array(d.maj_count, "majority exception counts", maj_lists, maj_lists)) return false;
    // The offsets say how many bytes the lists take: the postings must be exactly that plus 8
    // bytes of slack (checked before anything that size is allocated).
    if (!CheckOffsets(in, d.uni_begin, 0, d.bi_begin[0], "unigram offsets")) return false;
    if (!CheckOffsets(in, d.bi_begin, d.uni_begin[alpha], d.bi_begin[nbi], "bigram offsets")) return false;
    if (majorities && !CheckOffsets(in, d.maj_begin, 0, d.maj_begin.back(), "majority exception offsets")) return false;
    const uint64_t list_bytes = d.bi_begin[nbi];
    if (list_bytes + 8 > max_bytes) return in.Fail("posting offsets claim " + std::to_string(list_bytes) + " bytes");
    if (!in.Array(d.postings, "postings", list_bytes + 8, list_bytes + 8)) return false;
    const uint64_t postings_at = in.ArrayStart();
    if (!CheckLists(d, in, postings_at, d.uni_begin, d.uni_count, "unigram")) return false;
    if (!CheckLists(d, in, postings_at, d.bi_begin, d.bi_count, "bigram")) return false;
    const uint64_t maj_bytes = majorities ? d.maj_begin.back() : 0;
    if (maj_bytes > max_bytes) return in.Fail("majority exception offsets claim " + std::to_string(maj_bytes) + " bytes");
    if (!in.Array(d.maj_postings, "majority exceptions", majorities ? maj_bytes + 8 : 0, majorities ? maj_bytes + 8 : 0))
        return false;
    if (!CheckLists(d, in, in.ArrayStart(), d.maj_begin, d.maj_count, "majority exception", d.maj_postings.data()))
        return false;

    // Single-letter sets.
    uint64_t sets = 0;
    if (!in.U64(sets, "letter sets")) return false;
    if (sets > 26 * kMaxPatterns) return in.Fail("too many letter sets (" + std::to_string(sets) + ")");
    d.letter_members.resize(size_t(sets));
    for (auto& m : d.letter_members) {
        if (!in.Array(m, "letter set", alpha)) return false;
        for (size_t i = 0; i < m.size(); ++i)
            if (m[i] < kFirstChar || m[i] >= alpha || (i > 0 && m[i] <= m[i - 1]))
                return in.FailAt("letter set member " + std::to_string(i) + " out of order or range", in.ArrayStart() + 2 * i);
    }
    const size_t words = (n + 63) / 64;
    if (!in.Array(d.letter_bits, "letter bitmaps", 2 * words * sets, 2 * words * sets)) return false;
    if (n % 64)
        for (size_t w = words - 1; w < d.letter_bits.size(); w += words)
            if (d.letter_bits[w] >> (n % 64))
                return in.FailAt("letter bitmap names a record out of range", in.ArrayStart() + 8 * w);

    // Facets: per record two lists in the pool, of ids into the names; names unique per field.
    if (!in.Array(d.facet_lists, "facet lists", 2 * n, 2 * n)) return false;
    const uint64_t lists_at = in.ArrayStart();
    if (!in.Array(d.facet_pool, "facet pool", facet_count + 2 * n + 1)) return false;
    const uint64_t pool_at = in.ArrayStart();
    // The pool is lists back to back, the empty one first; mark where each starts.
    std::vector<uint8_t> list_start(d.facet_pool.size(), 0);
    if (d.facet_pool.empty() || d.facet_pool[0] != 0) return in.FailAt("facet pool does not start with the empty list", pool_at);
    for (size_t at = 0; at < d.facet_pool.size(); at += size_t(d.facet_pool[at]) + 1) {
        if (d.facet_pool[at] > d.facet_pool.size() - at - 1)
            return in.FailAt("facet list at " + std::to_string(at) + " runs past the pool", pool_at + 4 * at);
        list_start[at] = 1;
    }
    uint64_t listed = 0;
    for (size_t i = 0; i < d.facet_lists.size(); ++i) {
        const uint32_t at = d.facet_lists[i];
        if (at >= d.facet_pool.size() || !list_start[at])
            return in.FailAt("facet list " + std::to_string(i) + " does not start a list of the pool", lists_at + 4 * i);
        listed += d.facet_pool[at];
    }
    if (listed != facet_count)
        return in.Fail("facet lists hold " + std::to_string(listed) + " facets, the catalog has " + std::to_string(facet_count));
    uint64_t names = 0;
    if (!in.U64(names, "facet names")) return false;
    if (names > facet_count) return in.Fail("more facet names (" + std::to_string(names) + ") than facets");
    d.facet_names.reserve(size_t(names));
    for (uint64_t i = 0; i < names; ++i) {
        uint32_t field = 0;
        std::string name;
        uint64_t at = in.Pos();
        if (!in.U32(field, "facet names") || !in.String(name, "facet names", 1 << 20)) return false;
        if (field >= kFacetFieldCount) return in.FailAt("facet name " + std::to_string(i) + " has no field", at);
        std::string key(1, char(field));
        key.append(name);
        if (!d.facet_ids.emplace(std::move(key), uint32_t(i)).second)
            return in.FailAt("facet name " + std::to_string(i) + " repeats", at);
        d.facet_names.emplace_back(uint8_t(field), std::move(name));
    }
    for (size_t at = 0; at < d.facet_pool.size(); at += size_t(d.facet_pool[at]) + 1)
        for (size_t i = at + 1; i <= at + d.facet_pool[at]; ++i)
            if (d.facet_pool[i] >= names)
                return in.FailAt("facet pool entry " + std::to_string(i) + " names no facet value", pool_at + 4 * i);
    if (!catalog_id && FacetValuesHash(d) != facet_hash.h)
        return in.Fail("facets differ from the catalog's (built from a different catalog)");

    // Synonyms: sorted, unique pairs of non-empty folded terms.
    uint64_t pairs = 0;
    if (!in.U64(pairs, "synonyms")) return false;
    if (pairs > (uint64_t(1) << 24)) return in.Fail("too many synonym pairs (" + std::to_string(pairs) + ")");
    auto& sp = d.synonyms.m_pairs;
    for (uint64_t i = 0; i < pairs; ++i) {
        std::pair<std::string, std::string> p;
        uint64_t at = in.Pos();
        if (!in.String(p.first, "synonyms", 1 << 16) || !in.String(p.second, "synonyms", 1 << 16)) return false;
        if (p.first.empty() || p.second.empty() || (!sp.empty() && !(sp.back() < p)))
            return in.FailAt("synonym pair " + std::to_string(i) + " is empty or out of order", at);
        sp.push_back(std::move(p));
    }
    d.SynonymsChanged();
    char end[4];
    if (!in.Bytes(end, 4, "end marker")) return false;
    if (std::memcmp(end, kPackEnd, 4) != 0) return in.FailAt("end marker missing", in.Pos() - 4);
    out.m_data = std::move(data);
    return true;
}

}  // namespace core
