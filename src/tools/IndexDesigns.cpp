// IndexDesigns.cpp — other index designs on the flat corpus, sized and timed (IndexDesigns.h).
#include "IndexDesigns.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "core/TextNorm.h"

namespace synth {
namespace {

// Bytes of a list of `entries` increasing ids below `universe`, Elias-Fano coded: 2 + log2(universe
// / entries) bits an entry (as scripts/estimate-postings.py sizes them too).
double ListBytes(size_t entries, size_t universe) {
    if (entries == 0) return 0;
    return double(entries) * (2 + std::max(0.0, std::log2(double(universe) / double(entries)))) / 8;
}

// Whitespace separates runs: no bigram spans it and it is no key (as in the index).
bool Break(uint32_t cp) { return cp <= 0x20 || cp == 0x3000; }
uint64_t BigramKey(uint32_t a, uint32_t b) { return uint64_t(1) << 63 | uint64_t(a) << 32 | b; }

// A text's keys: its characters, and the bigrams within its runs.
template <class F>
void ForEachKey(std::string_view s, F&& key) {
    uint32_t prev = 0;
    bool have_prev = false;
    for (size_t pos = 0; pos < s.size();) {
        const uint32_t cp = core::DecodeUtf8(s, pos);
        if (Break(cp)) {
            have_prev = false;
            continue;
        }
        key(uint64_t(cp));
        if (have_prev) key(BigramKey(prev, cp));
        prev = cp, have_prev = true;
    }
}

using Lists = std::unordered_map<uint64_t, std::vector<uint32_t>>;

// Every record's text in one block (title, newline, body, newline), for verification by memmem.
struct Texts {
    std::string all;
    std::vector<size_t> begin;  // record i is [begin[i], begin[i + 1])
    explicit Texts(const std::vector<FlatRecord>& corpus) {
        for (const FlatRecord& r : corpus) {
            begin.push_back(all.size());
            all += r.title, all += '\n', all += r.body, all += '\n';
        }
        begin.push_back(all.size());
    }
    // The records of [first, last) holding q (no newline in q: no match spans two fields).
    size_t Count(std::string_view q, size_t first, size_t last) const {
        size_t count = 0, at = begin[first];
        const size_t end = begin[last];
        while (at < end) {
            const void* hit = memmem(all.data() + at, end - at, q.data(), q.size());
            if (!hit) break;
            const size_t p = size_t(static_cast<const char*>(hit) - all.data());
            const size_t r = size_t(std::upper_bound(begin.begin() + long(first), begin.begin() + long(last) + 1, p) - begin.begin()) - 1;
            ++count;
            at = begin[r + 1];
        }
        return count;
    }
};

std::vector<uint32_t> Intersect(std::vector<const std::vector<uint32_t>*> lists) {
    std::sort(lists.begin(), lists.end(), [](const auto* a, const auto* b) { return a->size() < b->size(); });
    std::vector<uint32_t> out = *lists[0], tmp;
    for (size_t k = 1; k < lists.size() && !out.empty(); ++k) {
        tmp.clear();
        std::set_intersection(out.begin(), out.end(), lists[k]->begin(), lists[k]->end(), std::back_inserter(tmp));
        out.swap(tmp);
    }
    return out;
}

// A query's keys as the designs read it: a run of one character by its list, a longer run by its
// bigrams' (whitespace separates runs).
struct QueryKeys {
    std::vector<uint64_t> keys;
    uint32_t first = 0;     // its first character
    bool short_run = false; // one run of one or two characters: its list is its matches
    bool pair = false;      // one run of two characters
    explicit QueryKeys(std::string_view q) {
        size_t chars = 0, runs = 0, run_length = 0;
        uint32_t prev = 0;
        auto end_run = [&]() {
            if (run_length == 1) keys.push_back(prev);
            runs += run_length > 0;
            run_length = 0;
        };
        for (size_t pos = 0; pos < q.size();) {
            const uint32_t cp = core::DecodeUtf8(q, pos);
            if (chars == 0 && !Break(cp)) first = cp;
            if (Break(cp)) {
                end_run();
                continue;
            }
            if (run_length) keys.push_back(BigramKey(prev, cp));
            prev = cp, ++run_length, ++chars;
        }
        end_run();
        short_run = runs == 1 && chars <= 2;
        pair = runs == 1 && chars == 2;
    }
};

}  // namespace

std::vector<DesignResult> CompareIndexDesigns(const std::vector<FlatRecord>& corpus, const std::vector<std::string>& queries,
                                              const std::vector<size_t>& block_sizes, int passes, double (*now_ms)()) {
    const size_t n = corpus.size();
    const Texts texts(corpus);
    std::vector<size_t> truth;
    std::vector<QueryKeys> parsed;
    for (const std::string& q : queries) {
        truth.push_back(q.find('\n') == std::string::npos ? texts.Count(q, 0, n) : 0);
        parsed.emplace_back(q);
    }
    std::vector<DesignResult> out;
    Lists record_lists;  // (kept from block size 1 for the subset design)
    for (size_t block : block_sizes) {
        if (block == 0) continue;
        DesignResult d;
        d.name = block == 1 ? "lists of records; queries over 2 characters verified"
                            : "lists of blocks of " + std::to_string(block) + " records; every query verified";
        Lists lists;
        for (size_t i = 0; i < n; ++i) {
            const uint32_t b = uint32_t(i / block);
            auto add = [&](uint64_t key) {
                std::vector<uint32_t>& l = lists[key];
                if (l.empty() || l.back() != b) l.push_back(b), ++d.entries;
            };
            ForEachKey(corpus[i].title, add);
            ForEachKey(corpus[i].body, add);
        }
        const size_t blocks = (n + block - 1) / block;
        for (const auto& [key, l] : lists) d.list_bytes += ListBytes(l.size(), blocks);
        size_t read = 0;
        for (int pass = 0; pass < passes; ++pass)
            for (size_t qi = 0; qi < queries.size(); ++qi) {
                const std::string& q = queries[qi];
                const QueryKeys& k = parsed[qi];
                const double t0 = now_ms();
                std::vector<const std::vector<uint32_t>*> keys;
                bool missing = false;
                for (uint64_t key : k.keys) {
                    auto it = lists.find(key);
                    if (it == lists.end()) {
                        missing = true;
                        break;
                    }
                    keys.push_back(&it->second);
                }
                size_t count = 0;
                if (!missing && !keys.empty()) {
                    const std::vector<uint32_t> candidates = Intersect(keys);
                    if (block == 1 && k.short_run) count = candidates.size();  // exact from its list
                    else
                        for (uint32_t b : candidates) {
                            const size_t first = size_t(b) * block, last = std::min(n, first + block);
                            read += last - first;
                            count += texts.Count(q, first, last);
                        }
                }
                d.latency_ms.push_back(now_ms() - t0);
                if (k.pair) d.pairs_ms.push_back(d.latency_ms.back());
                if (pass == 0) d.wrong += count != truth[qi];
            }
        d.read_per_query = double(read) / double(std::max<size_t>(1, passes * queries.size()));
        if (block == 1) record_lists.swap(lists);
        out.push_back(std::move(d));
    }
    if (record_lists.empty()) return out;

    // The bigram lists alone: no character lists, so a one-character query (the first keystroke
    // of every query typed) reads every record. Timed on the queries' first characters.
    {
        DesignResult d;
        d.name = "bigram lists alone (no character lists): a query's first character, typed, read in every record";
        for (const auto& [key, l] : record_lists)
            if (key >> 63) d.entries += l.size(), d.list_bytes += ListBytes(l.size(), n);
        for (int pass = 0; pass < passes; ++pass)
            for (const QueryKeys& k : parsed) {
                std::string first;
                core::AppendUtf8(first, k.first);
                const double t0 = now_ms();
                const size_t count = texts.Count(first, 0, n);
                d.latency_ms.push_back(now_ms() - t0);
                if (pass == 0) {
                    auto it = record_lists.find(uint64_t(k.first));
                    d.wrong += count != (it == record_lists.end() ? 0 : it->second.size());
                }
            }
        d.read_per_query = double(n);
        out.push_back(std::move(d));
    }

    // Bigram lists as subsets of their characters' lists' intersection: sized by that intersection
    // (counted through bitmaps), timed for the intersections a query's bigrams need, nothing more.
    DesignResult d;
    d.name = "bigram lists as subsets of their characters' lists (the intersections alone)";
    d.counted = false;  // (a lower bound of the time: no count)
    const size_t words = (n + 63) / 64;
    std::unordered_map<uint32_t, std::vector<uint64_t>> bitmaps;
    for (const auto& [key, l] : record_lists) {
        if (key >> 63) continue;
        d.entries += l.size();
        d.list_bytes += ListBytes(l.size(), n);
        std::vector<uint64_t>& bits = bitmaps[uint32_t(key)];
        bits.assign(words, 0);
        for (uint32_t r : l) bits[r / 64] |= uint64_t(1) << (r % 64);
    }
    for (const auto& [key, l] : record_lists) {
        if (!(key >> 63)) continue;
        const std::vector<uint64_t>& a = bitmaps[uint32_t(key >> 32) & 0x7FFFFFFFu];
        const std::vector<uint64_t>& b = bitmaps[uint32_t(key)];
        size_t both = 0;
        for (size_t w = 0; w < words; ++w) both += size_t(__builtin_popcountll(a[w] & b[w]));
        d.entries += l.size();
        d.list_bytes += ListBytes(l.size(), both);
    }
    for (int pass = 0; pass < passes; ++pass)
        for (const QueryKeys& k : parsed) {
            const double t0 = now_ms();
            size_t sum = 0;
            for (uint64_t key : k.keys) {
                if (!(key >> 63)) continue;
                auto a = record_lists.find(uint32_t(key >> 32) & 0x7FFFFFFFu), b = record_lists.find(uint32_t(key));
                if (a != record_lists.end() && b != record_lists.end()) sum += Intersect({&a->second, &b->second}).size();
            }
            d.latency_ms.push_back(now_ms() - t0);
            if (k.pair) d.pairs_ms.push_back(d.latency_ms.back());
            volatile size_t kept = sum;  // (the intersections are used)
            (void)kept;
        }
    out.push_back(std::move(d));
    return out;
}

}  // namespace synth
