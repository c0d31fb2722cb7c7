// search_substring_test.cpp — exact Chinese substring semantics: any query of 1 or more characters
// finds every record containing it, and nothing else. Depends on core/Search.h.
#include <doctest/doctest.h>

#include "search_fixture.h"

using core::RecordType;

namespace {
TestCorpus Corpus() { return TestCorpus(SubstringRecords()); }
}  // namespace

TEST_CASE("search: exact substring") {
    TestCorpus c = Corpus();
    SUBCASE("one character finds every record that contains it") {
        CHECK(c.Ids("援") == Ids{"t1", "p1"});
        CHECK(c.Ids("普") == Ids{"t3"});
    }
    SUBCASE("two characters") {
        CHECK(c.Ids("法律") == Ids{"t1", "p1", "c1"});  // all in titles: shorter title first
        CHECK(c.Ids("复议") == Ids{"t2"});
    }
    SUBCASE("three and more characters are verified: no false positives") {
        CHECK(c.Ids("法律援助") == Ids{"t1", "p1"});
        CHECK(c.Ids("行政复议体制") == Ids{"t2"});
        // 援助 and 法律 both occur in t1's body but 律援助质 does not.
        CHECK(c.Ids("律援助质").empty());
        CHECK(c.Ids("援助质量") == Ids{"t1"});
    }
    SUBCASE("a match never spans whitespace or a field boundary") {
        CHECK(c.Ids("法律").size() == 3);  // t4 "法 律" is not a match
        CHECK(c.Ids("中心某县").empty());  // title end + address start
    }
    SUBCASE("punctuation is searchable text") {
        CHECK(c.Ids("法、律") == Ids{"t4"});
    }
    SUBCASE("dashes are one: a year range typed with a hyphen") {
        TestCorpus plans({{RecordType::Plan, "em", "实施方案(2021—2025年)", {}},
                          {RecordType::Plan, "hy", "工作方案(2021-2025年)", {}},
                          {RecordType::Plan, "wave", "规划(2021～2025年)", {}},
                          {RecordType::Plan, "other", "报告(2021年)", {}}});
        for (const std::string typed : {"2021-2025", "2021—2025", "2021－2025", "2021~2025"}) {
            CAPTURE(typed);
            CHECK(plans.Ids(typed) == Ids{"wave", "em", "hy"});  // (shorter title first)
        }
        core::Query q;
        q.text = "2021-2025年";
        const core::SearchResult r = plans.index.Search(q);
        REQUIRE(r.hits.size() == 3);
        for (const auto& h : r.hits) {  // highlighted in the text as written
            REQUIRE(h.title_ranges.size() == 1);
            const std::string cut = Cut(h.title, h.title_ranges[0]);
            CHECK(cut.substr(0, 4) == "2021");
            CHECK(cut.substr(cut.size() - 3) == "年");
            CHECK(h.title.find(cut) != std::string::npos);
        }
    }
    SUBCASE("digits") {
        CHECK(c.Ids("12348") == Ids{"c1"});
        CHECK(c.Ids("2348") == Ids{"c1"});
        CHECK(c.Ids("1号") == Ids{"p1"});
    }
    SUBCASE("a character that never occurs finds nothing") {
        CHECK(c.Ids("龘").empty());
        CHECK(c.Ids("法龘").empty());
    }
    SUBCASE("space separated terms must all match, anywhere in the record") {
        CHECK(c.Ids("法律 质量") == Ids{"t1"});
        CHECK(c.Ids("复议 普法").empty());
    }
    SUBCASE("grouped by type: plans, tasks, units, service points, channels") {
        CHECK(c.Ids("法律", true) == Ids{"t1", "p1", "c1"});
    }
    SUBCASE("totals count every match after filters, per type") {
        core::Query q;
        q.text = "法";
        core::SearchResult r = c.index.Search(q);
        CHECK(r.total == 5);
        CHECK(r.total_by_type[size_t(RecordType::Task)] == 3);
        CHECK(r.total_by_type[size_t(RecordType::ServicePoint)] == 1);
        CHECK(r.total_by_type[size_t(RecordType::Channel)] == 1);
    }
}
