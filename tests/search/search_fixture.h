// search_fixture.h — a tiny in-memory corpus for the search tests: records given as literals,
// indexed with SearchIndex::Builder. Depends on core/Search.h.
#pragma once
#include <deque>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/Search.h"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string s = "{";
        for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
        return (s + "}").c_str();
    }
};
}  // namespace doctest

struct TestRecord {
    core::RecordType type;
    std::string id;
    std::string title;
    std::vector<std::string> body;
    std::string region;
    std::string kind;
    std::vector<std::string> services;
};

struct TestCorpus {
    std::deque<TestRecord> records;  // stable addresses: the index keeps views into them
    core::SearchIndex index;

    explicit TestCorpus(std::vector<TestRecord> rs, core::Synonyms synonyms = {}) {
        core::SearchIndex::Builder b;
        uint32_t i = 0;
        for (TestRecord& r : rs) records.push_back(std::move(r));
        for (const TestRecord& r : records) {
            core::SearchRecord s;
            s.type = r.type;
            s.index = i++;
            s.id = r.id;
            s.title = r.title;
            for (const std::string& x : r.body) s.body.push_back(x);
            if (!r.region.empty()) s.regions.push_back(r.region);
            s.kind = r.kind;
            for (const std::string& x : r.services) s.services.push_back(x);
            b.Add(s);
        }
        index = b.Finish(std::move(synonyms));
    }

    // Ids of the hits, in order, of the query exactly as typed (never relaxed: Query::relax).
    std::vector<std::string> Ids(const std::string& text, bool grouped = false, size_t limit = 50) const {
        core::Query q;
        q.text = text;
        q.relax = false;
        q.group_by_type = grouped;
        q.limit = limit;
        std::vector<std::string> out;
        for (const core::Hit& h : index.Search(q).hits) out.emplace_back(h.id);
        return out;
    }
    std::vector<std::string> Ids(const core::Query& q) const {
        std::vector<std::string> out;
        for (const core::Hit& h : index.Search(q).hits) out.emplace_back(h.id);
        return out;
    }
};

using Ids = std::vector<std::string>;

// The text a range covers, for readable expectations.
inline std::string Cut(std::string_view s, const core::ByteRange& r) {
    return std::string(s.substr(r.begin, r.end - r.begin));
}
