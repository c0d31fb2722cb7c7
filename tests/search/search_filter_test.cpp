// search_filter_test.cpp — facet filters (region, kind, theme, unit, service, record types)
// combined with a query, without rebuilding the index. Depends on core/Search.h.
#include <doctest/doctest.h>

#include "search_fixture.h"

using core::RecordType;

TEST_CASE("search: filters") {
    TestCorpus c({{RecordType::ServicePoint, "a", "甲县法律援助中心", {}, "甲县", "legal_aid", {"法律援助"}},
                  {RecordType::ServicePoint, "b", "乙县公共法律服务中心", {}, "乙县", "centre", {"法律咨询", "法律援助"}},
                  {RecordType::ServicePoint, "c", "乙县调解委员会", {}, "乙县", "mediation", {"人民调解"}},
                  {RecordType::Task, "t", "推进法律援助", {}, "乙县", "implementation_plan", {}}});
    core::Query q;
    q.text = "法律";
    q.group_by_type = false;
    SUBCASE("no filter") { CHECK(c.Ids(q) == Ids{"t", "a", "b"}); }
    SUBCASE("region") {
        q.filter.region = "乙县";
        CHECK(c.Ids(q) == Ids{"t", "b"});
    }
    SUBCASE("kind") {
        q.filter.kind = "centre";
        CHECK(c.Ids(q) == Ids{"b"});
    }
    SUBCASE("service") {
        q.filter.service = "法律援助";
        CHECK(c.Ids(q) == Ids{"a", "b"});
    }
    SUBCASE("filters combine") {
        q.filter.region = "甲县";
        q.filter.service = "法律援助";
        CHECK(c.Ids(q) == Ids{"a"});
    }
    SUBCASE("record types") {
        q.filter.types = 1u << uint32_t(RecordType::Task);
        CHECK(c.Ids(q) == Ids{"t"});
    }
    SUBCASE("a value no record has gives nothing") {
        q.filter.region = "丙县";
        core::SearchResult r = c.index.Search(q);
        CHECK(r.hits.empty());
        CHECK(r.total == 0);
    }
    SUBCASE("totals count after filters") {
        q.filter.region = "乙县";
        core::SearchResult r = c.index.Search(q);
        CHECK(r.total == 2);
        CHECK(r.total_by_type[size_t(RecordType::ServicePoint)] == 1);
    }
    SUBCASE("facet values for menus, sorted") {
        CHECK(c.index.FacetValues("region") == std::vector<std::string>{"乙县", "甲县"});
        CHECK(c.index.FacetValues("service") == std::vector<std::string>{"人民调解", "法律咨询", "法律援助"});
        CHECK(c.index.FacetValues("nonsense").empty());
    }
}
