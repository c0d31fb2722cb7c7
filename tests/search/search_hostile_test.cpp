// search_hostile_test.cpp — the query path with hostile input: empty, whitespace, a pasted
// megabyte, invalid UTF-8, control characters, emoji, full-width Latin, traditional characters.
// Every query returns, and returns what it should. Depends on core/Search.h.
#include <doctest/doctest.h>

#include <string>

#include "search_fixture.h"

using core::RecordType;

TEST_CASE("search: hostile input") {
    TestCorpus c({{RecordType::Task, "fy", "推进行政复议体制改革", {}},
                  {RecordType::Task, "abc", "ABC法律服务", {"联系😀我们"}}});
    SUBCASE("empty and whitespace-only queries find nothing") {
        CHECK(c.Ids("").empty());
        CHECK(c.Ids(" \t\n\xE3\x80\x80").empty());
    }
    SUBCASE("traditional characters find simplified text") {
        CHECK(c.Ids("復議") == Ids{"fy"});
        CHECK(c.Ids("行政復議") == Ids{"fy"});
    }
    SUBCASE("full-width Latin is folded") {
        CHECK(c.Ids("ａｂｃ") == Ids{"abc"});
        CHECK(c.Ids("ＡＢＣ法律") == Ids{"abc"});
    }
    SUBCASE("emoji are searchable characters") {
        CHECK(c.Ids("😀") == Ids{"abc"});
        CHECK(c.Ids("😀我") == Ids{"abc"});
        CHECK(c.Ids("🙂").empty());
    }
    SUBCASE("invalid UTF-8 and control characters split terms") {
        CHECK(c.Ids("复议\xFF改革") == Ids{"fy"});
        CHECK(c.Ids("复议\x01\x02改革") == Ids{"fy"});
        CHECK(c.Ids("\xFF\xFE\xC0\xAF").empty());
        CHECK(c.Ids(std::string("复议\0改革", 13)) == Ids{"fy"});
    }
    SUBCASE("a pasted megabyte returns, truncated") {
        std::string big;
        while (big.size() < (1 << 20)) big += "行政复议";
        core::Query q;
        q.text = big;
        core::SearchResult r = c.index.Search(q);
        CHECK(r.query_truncated);
        CHECK(r.hits.empty());  // 64 characters of 行政复议行政复议... occur nowhere
        std::string words;
        while (words.size() < (1 << 20)) words += "复议 ";
        q.text = words;
        r = c.index.Search(q);
        CHECK(r.query_truncated);
        CHECK(r.total == 1);
    }
    SUBCASE("random bytes never crash") {
        uint32_t x = 12345;
        for (int i = 0; i < 2000; ++i) {
            std::string q;
            for (int k = 0; k < 12; ++k) {
                x = x * 1103515245u + 12345u;
                q += char(x >> 16);
            }
            (void)c.index.Search({q, {}, 10, true});
        }
        CHECK(true);
    }
    SUBCASE("an empty index") {
        core::SearchIndex empty;
        core::Query q;
        q.text = "法律";
        CHECK(empty.Search(q).hits.empty());
        CHECK(empty.RecordCount() == 0);
    }
}
