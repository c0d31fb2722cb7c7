// search_hostile_test.cpp — the query path with hostile input: empty, whitespace, a pasted
// megabyte, invalid UTF-8, control characters, emoji, full-width Latin, traditional characters.
// Every query returns, and returns what it should. Depends on core/Search.h.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/TextNorm.h"
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
        auto pasted = [&](const std::string& unit) {  // `unit` again and again, a megabyte of it
            core::Query q;
            while (q.text.size() < (1 << 20)) q.text += unit;
            core::SearchResult r = c.index.Search(q);
            CHECK(r.query_truncated);
            return r;
        };
        // 64 characters of 行政复议行政复议... occur nowhere; its part 行政复议 does (searched once).
        core::SearchResult parts = pasted("行政复议");
        CHECK(parts.relaxation == core::SearchResult::Relaxation::Parts);
        CHECK(parts.relaxed_text == "行政复议");
        CHECK(parts.total == 1);
        CHECK(pasted("复议 ").total == 1);
        // A megabyte of sentences: nothing as typed, then its punctuation as spaces; the result
        // says what was searched: 8 words (kMaxTerms), not a megabyte.
        core::SearchResult r = pasted("行政复议。");
        CHECK(r.total == 1);
        std::string eight = "行政复议";
        for (int i = 1; i < 8; ++i) eight += " 行政复议";
        CHECK(r.relaxed_text == eight);
    }
    SUBCASE("random bytes never crash, and every result is consistent") {
        uint32_t x = 12345;
        size_t inconsistent = 0;
        for (int i = 0; i < 2000; ++i) {
            std::string q;
            for (int k = 0; k < 12; ++k) {
                x = x * 1103515245u + 12345u;
                q += char(x >> 16);
            }
            const core::SearchResult r = c.index.Search({q, {}, 10, true});
            uint32_t by_type = 0;
            for (uint32_t n : r.total_by_type) by_type += n;
            const bool relaxed = r.relaxation != core::SearchResult::Relaxation::None;
            inconsistent += by_type != r.total || r.hits.size() > r.total || r.hits.size() > 10 * core::kRecordTypeCount ||
                            relaxed == r.relaxed_text.empty() || r.word_texts.size() != r.word_totals.size();
        }
        CHECK(inconsistent == 0);
    }
    SUBCASE("an empty index") {
        core::SearchIndex empty;
        core::Query q;
        q.text = "法律";
        CHECK(empty.Search(q).hits.empty());
        CHECK(empty.RecordCount() == 0);
    }
}

// The index verifies 3+ character terms against the records' own UTF-8 (decoded and folded on
// the fly, or by a byte search when a record has nothing to fold): both paths must agree with a
// scan of the folded text, whatever the records hold.
TEST_CASE("search: verification against the records' text") {
    const std::vector<std::string> pieces = {"行政", "复议", "復議", "法律", "服务", "援助", "ＡＢＣ", "ABC",
                                             "abc", "110", "１１０", " ", "\xFF", "\xE6\xB3", "😀", "申請", "申请",
                                             "\xE3\x80\x80", "中心", "热线", "\t", "Ⅻ", "é"};
    std::vector<TestRecord> rs;
    uint32_t x = 777;
    auto next = [&]() { return x = x * 1103515245u + 12345u, (x >> 16) % pieces.size(); };
    for (int i = 0; i < 300; ++i) {
        TestRecord r{RecordType::Task, "r" + std::to_string(i), "", {}, "", "", {}};
        for (int k = 0; k < 6; ++k) r.title += pieces[next()];
        for (int b = 0; b < 2; ++b) {
            std::string body;
            for (int k = 0; k < 10; ++k) body += pieces[next()];
            r.body.push_back(body);
        }
        rs.push_back(r);
    }
    TestCorpus c(rs);
    const std::vector<std::string> queries = {"行政复议", "復議申請", "法律服务", "政复", "服务援助中心", "议申请",
                                              "110热线", "１１０热线", "务热线", "议行政复", "é中心"};
    for (const std::string& q : queries) {
        std::string fq = core::FoldText(q);
        std::vector<std::string> want;
        for (const TestRecord& r : c.records) {
            bool hit = core::FoldText(r.title).find(fq) != std::string::npos;
            for (const std::string& b : r.body) hit |= core::FoldText(b).find(fq) != std::string::npos;
            if (hit) want.push_back(r.id);
        }
        std::vector<std::string> got = c.Ids(q, false, 1000);
        std::sort(got.begin(), got.end());
        std::sort(want.begin(), want.end());
        CAPTURE(q);
        CHECK(got == want);
    }
}
