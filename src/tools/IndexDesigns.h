// IndexDesigns.h — `fazhitong-bench --flat N --designs`: what other index designs would cost on
// the flat corpus, for the README's "Why the memory goal is not met". Each design is built here,
// plainly (lists of ids, uncompressed), and sized as the index would code it (Elias-Fano, without
// the title bit); its queries are timed for matching alone (no ranking, no highlights), so each
// row's latency is a lower bound of what a search built on that design would take.
// Depends on SyntheticData.h (FlatRecord) and core/TextNorm.h (DecodeUtf8); no part of the app.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "SyntheticData.h"

namespace synth {

struct DesignResult {
    std::string name;
    size_t entries = 0;             // (key, record or block) entries in its lists
    double list_bytes = 0;          // the lists, Elias-Fano coded, without the title bit
    std::vector<double> latency_ms; // a query each, every pass
    std::vector<double> pairs_ms;   // those of the queries of two characters (a bigram's records)
    double read_per_query = 0;      // records whose text a query reads (verification), on average
    bool counted = true;            // whether its queries count matches (not a lower bound's parts)
    size_t wrong = 0;               // queries whose count differs from the linear scan's (first pass)
};

// Lists of blocks of `block_sizes` records (1: of records), every query's candidates verified
// (except, at 1, a query of one or two characters, exact from its list); the bigram lists alone,
// a query's first character then read in every record; and bigram lists coded as subsets of the
// intersection of their two characters' lists, timed for those intersections alone.
// `now_ms` is the bench's clock (wall or thread CPU time).
std::vector<DesignResult> CompareIndexDesigns(const std::vector<FlatRecord>& corpus, const std::vector<std::string>& queries,
                                              const std::vector<size_t>& block_sizes, int passes, double (*now_ms)());

}  // namespace synth
