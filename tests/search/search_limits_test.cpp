// search_limits_test.cpp — the index at its edges: fields of 65,535 bytes and more (field sizes
// are 16 bits with a side table for the long ones) and more than 65,536 facet values (a national
// catalog has about 100,000); both through a pack round trip too.
// Depends on core/Search.h, core/Catalog.h.
#include <string>

#include <doctest/doctest.h>

#include "core/Catalog.h"
#include "core/Files.h"
#include "search_fixture.h"

namespace {
std::string Repeat(const std::string& s, size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

core::Query Text(const std::string& text) {
    core::Query q;
    q.text = text;
    return q;
}
}  // namespace

TEST_CASE("search: index limits") {
    SUBCASE("fields of 65,535 bytes and more are searched to their end") {
        // 甲 is three bytes: bodies of 65,534, 65,535 (the first size kept aside) and 65,536 bytes,
        // then 90,012 bytes, and a title of 90,009.
        const std::string pad = Repeat("甲", 21843);  // 65,529 bytes
        TestCorpus c({{core::RecordType::Task, "534", "短标题", {pad + "戌ab"}},
                      {core::RecordType::Task, "535", "短标题", {pad + "乙丙"}},
                      {core::RecordType::Task, "536", "短标题", {pad + "丙丁x"}},
                      {core::RecordType::Task, "long", "短标题", {Repeat("甲", 30000) + "法律援助"}},
                      {core::RecordType::Task, "title", Repeat("甲", 30000) + "戊己庚", {"正文"}}});
        CHECK(c.Ids("甲戌ab") == std::vector<std::string>{"534"});
        CHECK(c.Ids("甲乙丙") == std::vector<std::string>{"535"});
        CHECK(c.Ids("甲丙丁x") == std::vector<std::string>{"536"});
        CHECK(c.Ids("丁x") == std::vector<std::string>{"536"});
        CHECK(c.Ids("法律援助") == std::vector<std::string>{"long"});
        CHECK(c.Ids("flyz") == std::vector<std::string>{"long"});
        CHECK(c.Ids("戊己庚") == std::vector<std::string>{"title"});
        core::SearchResult r = c.index.Search(Text("法律援助"));
        REQUIRE(r.hits.size() == 1);
        REQUIRE(r.hits[0].snippet_ranges.size() == 1);
        const core::ByteRange& b = r.hits[0].snippet_ranges[0];
        CHECK(r.hits[0].snippet.substr(b.begin, b.end - b.begin) == "法律援助");
    }

    SUBCASE("more than 65,536 facet values filter exactly") {
        std::vector<TestRecord> rs;
        for (int i = 0; i < 70000; ++i) {
            TestRecord r{core::RecordType::ServicePoint, "p" + std::to_string(i), "村公共法律服务室", {"地址"}};
            r.region = "区" + std::to_string(i);
            rs.push_back(r);
        }
        TestCorpus c(std::move(rs));
        core::Query q = Text("法律服务");
        CHECK(c.index.Search(q).total == 70000);
        for (int i : {0, 3, 65535, 65536, 69999}) {
            q.filter.region = "区" + std::to_string(i);
            core::SearchResult r = c.index.Search(q);
            CHECK(r.total == 1);
            REQUIRE(r.hits.size() == 1);
            CHECK(r.hits[0].id == "p" + std::to_string(i));
        }
        q.filter.region = "区70000";
        CHECK(c.index.Search(q).total == 0);
    }

    SUBCASE("both through a pack round trip") {
        std::vector<core::Plan> plans(1);
        plans[0].id = "plan";
        plans[0].title = "实施方案";
        plans[0].intro = Repeat("甲", 30000) + "法律援助";
        std::vector<core::ServicePoint> points(66000);
        for (size_t i = 0; i < points.size(); ++i) {
            points[i].id = "p" + std::to_string(i);
            points[i].name = "村公共法律服务室";
            points[i].region.name = core::Atom("县" + std::to_string(i));
        }
        core::Catalog catalog(std::move(plans), std::move(points), {}, {});
        core::SearchIndex built = core::SearchIndex::Build(catalog);
        std::string blob;
        built.SaveTo([&](const void* p, size_t n) { blob.append(static_cast<const char*>(p), n); });
        core::SearchIndex loaded;
        std::string error;
        size_t pos = 0;
        REQUIRE_MESSAGE(core::SearchIndex::LoadFrom(
                            catalog, [&](void* p, size_t n) { return core::ReadBytes(blob, pos, p, n); }, loaded, error),
                        error);
        CHECK(pos == blob.size());
        for (core::Query q : {Text("法律援助"), Text("flyz"), Text("法律服务"), Text("gonggongfalv")}) {
            for (const char* region : {"", "县65999", "县7"}) {
                q.filter.region = region;
                core::SearchResult a = built.Search(q), b = loaded.Search(q);
                CHECK(a.total == b.total);
                REQUIRE(a.hits.size() == b.hits.size());
                for (size_t i = 0; i < a.hits.size(); ++i) CHECK(a.hits[i].id == b.hits[i].id);
            }
        }
        CHECK(loaded.Search(Text("法律援助")).total == 1);  // the plan, at the end of its 90 KB intro
        core::Query q = Text("法律服务");
        CHECK(loaded.Search(q).total == 66000);
        q.filter.region = "县65999";
        core::SearchResult r = loaded.Search(q);
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0].id == "p65999");
    }
}
