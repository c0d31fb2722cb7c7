// search_postings_test.cpp — the index's storage against a linear scan: Elias-Fano posting lists
// of every density (a character in every record, every other, one; lists ending at and across
// 64-bit words), their title bits, the facet lists (regions; kind and services) and the ids and
// source indexes an index of a Catalog takes from it; each also through a pack round trip.
// Depends on core/Search.h, core/Catalog.h.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/Catalog.h"
#include "core/Files.h"
#include "search_fixture.h"

namespace {
const char* const kChars[] = {"甲", "乙", "丙", "丁", "戊", "己"};

// A deterministic corpus of service points: name and address from six characters, skewed so
// that 甲 is in nearly every record and 己 in few; regions from four counties of two cities.
struct Corpus {
    std::vector<std::string> names, addresses, regions, parents, kinds;
    std::vector<std::vector<std::string>> services;
    explicit Corpus(size_t n) {
        uint32_t s = 12345;
        auto next = [&] { return s = s * 1103515245u + 12345u, (s >> 16) & 0x7FFF; };
        auto text = [&](size_t len) {
            std::string out;
            for (size_t k = 0; k < len; ++k) {
                uint32_t r = next() % 64;  // 甲 1/2, 乙 1/4, ... 己 1/64
                size_t c = 0;
                while (c < 5 && r < 64u >> (c + 1)) ++c;
                out += kChars[5 - c];
            }
            return out;
        };
        const char* const counties[] = {"东县", "西县", "南县", "北县"};
        const char* const services_of[] = {"法律援助", "人民调解", "法律咨询"};
        for (size_t i = 0; i < n; ++i) {
            names.push_back(text(1 + next() % 4));
            addresses.push_back(text(next() % 6));
            regions.push_back(counties[next() % 4]);
            parents.push_back(regions.back() == "东县" || regions.back() == "西县" ? "上市" : "下市");
            kinds.push_back(next() % 3 ? "room" : "centre");
            services.emplace_back();
            for (size_t k = 0; k < 3; ++k)
                if (next() % 2) services.back().push_back(services_of[k]);
        }
    }
    core::Catalog Make() const {
        std::vector<core::ServicePoint> points(names.size());
        for (size_t i = 0; i < points.size(); ++i) {
            points[i].id = "p" + std::to_string(i);
            points[i].name = names[i];
            points[i].address = addresses[i];
            points[i].region.name = core::Atom(regions[i]);
            points[i].region.parent = core::Atom(parents[i]);
            points[i].kind = core::Atom(kinds[i]);
            std::vector<core::Atom> sv;
            for (const std::string& x : services[i]) sv.emplace_back(x);
            points[i].services = core::AtomList(sv);
        }
        return core::Catalog({}, std::move(points), {}, {});
    }
};

core::SearchIndex RoundTrip(const core::Catalog& catalog, const core::SearchIndex& built) {
    std::string blob;
    built.SaveTo([&](const void* p, size_t n) { blob.append(static_cast<const char*>(p), n); });
    core::SearchIndex loaded;
    std::string error;
    size_t pos = 0;
    bool ok = core::SearchIndex::LoadFrom(
        catalog, [&](void* p, size_t n) { return core::ReadBytes(blob, pos, p, n); }, loaded, error);
    REQUIRE_MESSAGE(ok, error);
    CHECK(pos == blob.size());
    return loaded;
}

// Checks a query against a linear scan of the corpus: the same records (by id and source index),
// and every record holding it in its name ranked before every record holding it elsewhere only.
void CheckQuery(const Corpus& c, const core::SearchIndex& index, const std::string& text,
                const core::SearchFilter& filter = {}) {
    core::Query q;
    q.text = text;
    q.filter = filter;
    q.group_by_type = false;
    q.limit = c.names.size();
    q.highlights = false;
    std::vector<uint32_t> want;
    for (uint32_t i = 0; i < c.names.size(); ++i) {
        if (!filter.region.empty() && c.regions[i] != filter.region && c.parents[i] != filter.region) continue;
        if (!filter.kind.empty() && c.kinds[i] != filter.kind) continue;
        if (!filter.service.empty() &&
            std::find(c.services[i].begin(), c.services[i].end(), filter.service) == c.services[i].end())
            continue;
        bool in_services = false;
        for (const std::string& s : c.services[i]) in_services |= s.find(text) != std::string::npos;
        if (c.names[i].find(text) != std::string::npos || c.addresses[i].find(text) != std::string::npos ||
            c.regions[i].find(text) != std::string::npos || in_services)
            want.push_back(i);
    }
    q.relax = false;  // exactly as typed
    core::SearchResult r = index.Search(q);
    std::vector<uint32_t> got;
    bool body_seen = false, order_ok = true;
    for (const core::Hit& h : r.hits) {
        got.push_back(h.index);
        CHECK(h.id == "p" + std::to_string(h.index));
        const bool in_title = c.names[h.index].find(text) != std::string::npos;
        if (!in_title) body_seen = true;
        else if (body_seen) order_ok = false;
    }
    std::sort(got.begin(), got.end());
    INFO("query ", text, " region ", filter.region, " kind ", filter.kind, " service ", filter.service);
    CHECK(r.total == want.size());
    CHECK(got == want);
    CHECK(order_ok);
}
}  // namespace

TEST_CASE("search: posting lists and facet lists against a linear scan") {
    for (size_t n : {1u, 2u, 31u, 32u, 33u, 64u, 65u, 200u, 3000u}) {
        CAPTURE(n);
        const Corpus corpus(n);
        const core::Catalog catalog = corpus.Make();
        const core::SearchIndex built = core::SearchIndex::Build(catalog);
        const core::SearchIndex loaded = RoundTrip(catalog, built);
        for (const core::SearchIndex* index : {&built, &loaded}) {
            for (const char* a : kChars) {
                CheckQuery(corpus, *index, a);
                for (const char* b : kChars) {
                    CheckQuery(corpus, *index, std::string(a) + b);
                    CheckQuery(corpus, *index, std::string(a) + b + "甲");
                }
            }
            CheckQuery(corpus, *index, "法律");
            core::SearchFilter f;
            for (const char* region : {"东县", "北县", "上市", "下市"}) {
                f = {};
                f.region = region;
                CheckQuery(corpus, *index, "甲", f);
                f.service = "人民调解";
                CheckQuery(corpus, *index, "乙", f);
                f.kind = "centre";
                CheckQuery(corpus, *index, "法律", f);
            }
        }
        if (n == 3000) {
            CHECK(loaded.FacetValues("region") == std::vector<std::string>{"上市", "下市", "东县", "北县", "南县", "西县"});
            CHECK(loaded.FacetValues("kind") == std::vector<std::string>{"centre", "room"});
            CHECK(loaded.FacetValues("service") == std::vector<std::string>{"人民调解", "法律咨询", "法律援助"});
        }
    }
}

TEST_CASE("search: bigrams met before and after the build's direct table grows") {
    // Build looks the bigrams of the characters met first up in a direct table whose side grows
    // with the alphabet (KeyCounts::Fit): here each record brings a new character, so the table
    // grows from 64 to 128 to 256, and the bigrams met before each growth (一丁, in every
    // address) are met again after it.
    auto han = [](uint32_t k) {
        const uint32_t cp = 0x4E00 + k;  // (three UTF-8 bytes)
        return std::string{char(0xE0 | cp >> 12), char(0x80 | ((cp >> 6) & 0x3F)), char(0x80 | (cp & 0x3F))};
    };
    Corpus corpus(0);
    const uint32_t n = 300;
    for (uint32_t i = 0; i < n; ++i) {
        corpus.names.push_back(han(i) + han(i + 1) + han(i + 2));
        corpus.addresses.push_back(han(0) + han(1) + han(i));
        corpus.regions.push_back("东县");
        corpus.parents.push_back("上市");
        corpus.kinds.push_back("room");
        corpus.services.emplace_back();
    }
    const core::Catalog catalog = corpus.Make();
    const core::SearchIndex built = core::SearchIndex::Build(catalog);
    const core::SearchIndex loaded = RoundTrip(catalog, built);
    for (const core::SearchIndex* index : {&built, &loaded}) {
        CheckQuery(corpus, *index, han(0) + han(1));
        for (uint32_t i : {0u, 1u, 40u, 63u, 64u, 100u, 127u, 128u, 200u, 255u, 256u, 299u}) {
            CheckQuery(corpus, *index, han(i) + han(i + 1));
            CheckQuery(corpus, *index, han(1) + han(i));
            CheckQuery(corpus, *index, han(i));
        }
    }
}
