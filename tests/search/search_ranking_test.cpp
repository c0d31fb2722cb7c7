// search_ranking_test.cpp — ranking order (title over body, exact title, prefix, whole word, exact
// phrase, deterministic ties), grouping by type, limits, and highlight byte ranges.
// Depends on core/Search.h.
#include <map>
#include <string>

#include <doctest/doctest.h>

#include "search_fixture.h"

using core::RecordType;

TEST_CASE("search: ranking") {
    SUBCASE("title matches above body matches") {
        TestCorpus c({{RecordType::Task, "body", "完善制度", {"加强法律援助工作"}},
                      {RecordType::Task, "title", "加强法律援助工作的意见", {}}});
        CHECK(c.Ids("法律援助") == Ids{"title", "body"});
    }
    SUBCASE("exact title, then title prefix, then whole word, then anywhere in the title") {
        TestCorpus c({{RecordType::Unit, "inside", "市司法局机关", {}},
                      {RecordType::Unit, "word", "市、司法局", {}},
                      {RecordType::Unit, "prefix", "司法局办公室", {}},
                      {RecordType::Unit, "exact", "司法局", {}}});
        CHECK(c.Ids("司法局") == Ids{"exact", "prefix", "word", "inside"});
    }
    SUBCASE("each word's tier counts: both words in the title above one of them") {
        // 援助中心 (four characters) is verified in the text, then ANDed with 法律's matches
        // (IntersectInto): "both" holds the two in its title, "one" only 法律 (at its start,
        // a position bonus "both" does not have) and 援助中心 in its body.
        // ("other" gives 助中 and 援助 other neighbours: the bigram contexts decide nothing.)
        TestCorpus c({{RecordType::Task, "one", "法律工作", {"援助中心"}},
                      {RecordType::Task, "both", "加强各类法律与援助中心建设", {}},
                      {RecordType::Task, "other", "工作", {"援助站，互助中心，助中"}}});
        CHECK(c.Ids("法律 援助中心") == Ids{"both", "one"});
    }
    SUBCASE("a record matched by a word and its synonym keeps the word's higher tier") {
        // 法援 is also searched as 法律援助 (a synonym: a tier lower); three of the ten records
        // that hold 法律援助 hold 法援 too, in the body like the rest: they rank first, though their
        // titles are the longer. (The synonym's matches are merged into the word's: MergeInto.)
        std::vector<TestRecord> records;
        for (int i = 0; i < 10; ++i)
            records.push_back({RecordType::Task, "r" + std::to_string(i), i < 7 ? "工作" : "工作站工作说明",
                               {i < 7 ? "提供法律援助" : "提供法律援助（法援）"}});
        core::Problems problems;
        TestCorpus c(records, core::Synonyms::Parse("synonyms.json", R"({"groups": [["法援", "法律援助"]]})", problems));
        const Ids ids = c.Ids("法援");
        REQUIRE(ids.size() == 10);
        CHECK(Ids(ids.begin(), ids.begin() + 3) == Ids{"r7", "r8", "r9"});
    }
    SUBCASE("the exact phrase above scattered terms") {
        TestCorpus c({{RecordType::Task, "scattered", "援助法律", {}},
                      {RecordType::Task, "phrase", "法律援助", {}}});
        CHECK(c.Ids("法律 援助") == Ids{"phrase", "scattered"});
    }
    SUBCASE("ties: shorter title first, then record order") {
        TestCorpus c({{RecordType::Task, "b", "调解组织建设", {}},
                      {RecordType::Task, "a", "调解组织建设", {}},
                      {RecordType::Task, "short", "调解组织", {}}});
        CHECK(c.Ids("组织") == Ids{"short", "b", "a"});
    }
    SUBCASE("grouped by type, the group with the best hit first, ties in type order; limit per type") {
        // t1's title is the query (the best hit): the tasks first; the plan, the point and the
        // channel all start their titles with it (one score): plans, service points, channels.
        TestCorpus c({{RecordType::Channel, "ch", "法律服务热线", {}},
                      {RecordType::ServicePoint, "sp", "法律服务站", {}},
                      {RecordType::Task, "t1", "法律服务", {}},
                      {RecordType::Task, "t2", "完善法律服务体系", {}},
                      {RecordType::Plan, "pl", "法律服务实施方案", {}}});
        CHECK(c.Ids("法律服务", true) == Ids{"t1", "t2", "pl", "sp", "ch"});
        CHECK(c.Ids("法律服务", true, 1) == Ids{"t1", "pl", "sp", "ch"});
        CHECK(c.Ids("法律服务", false) == Ids{"t1", "sp", "ch", "pl", "t2"});
        CHECK(c.Ids("法律服务", false, 2) == Ids{"t1", "sp"});
    }
    SUBCASE("a kind whose best is a body match comes after the titles that hold the query") {
        // xingzhengfuyi in the bundled data: a plan whose body reads 省政府印 (xing zheng fu yin)
        // headed the page above the tasks titled 行政复议.
        TestCorpus c({{RecordType::Plan, "plan", "法治政府建设工作方案", {"省委、省政府印发的实施方案"}},
                      {RecordType::Task, "task", "提升行政复议质效", {}},
                      {RecordType::ServicePoint, "point", "一站式服务中心", {"行政复议"}}});
        CHECK(c.Ids("xingzhengfuyi", true) == Ids{"task", "plan", "point"});
        CHECK(c.Ids("行政复议", true) == Ids{"task", "point"});
    }
}

TEST_CASE("search: a title match's edges are read as the title decodes, whatever comes before it") {
    // The whole-word and prefix bonuses, with every kind of unit before and after 法律: ASCII, a
    // two-byte letter, an ideograph and an emoji of four bytes, broken UTF-8, punctuation. A title
    // matched as bytes reads the unit before the match backwards; one with a character that folds
    // (體 -> 体) is decoded whole: both give what the rules say.
    TestCorpus c({{RecordType::Task, "ascii-before", "a法律", {}},
                  {RecordType::Task, "ascii-after", "法律a", {}},
                  {RecordType::Task, "latin", "\xC3\xA9法律", {}},            // é: a letter
                  {RecordType::Task, "ideograph", "\xF0\xA0\x80\x80法律", {}},  // U+20000
                  {RecordType::Task, "emoji", "\xF0\x9F\x98\x80法律", {}},      // U+1F600
                  {RecordType::Task, "stray", "\x80法律", {}},                    // a lone continuation byte
                  {RecordType::Task, "cut", "\xE6\x80法律", {}},                 // a sequence cut short
                  {RecordType::Task, "surrogate", "\xED\xA0\x80法律", {}},      // no character
                  {RecordType::Task, "lead", "\xE6法律", {}},                     // a lead byte alone
                  {RecordType::Task, "brackets", "（法律）", {}},
                  {RecordType::Task, "folded", "（法律）體", {}},
                  {RecordType::Task, "twice", "法律法律。", {}}});
    core::Query q;
    q.text = "法律";
    q.relax = false;
    q.group_by_type = false;
    std::map<std::string, int32_t> score;
    for (const core::Hit& h : c.index.Search(q).hits) score[std::string(h.id)] = h.score;
    const int32_t title = score["ascii-before"];  // in the title, inside a word: no bonus
    CHECK(score.size() == 12);
    CHECK(score["ascii-after"] == title + 200);   // the title starts with it
    CHECK(score["latin"] == title);
    CHECK(score["ideograph"] == title);
    CHECK(score["emoji"] == title + 100);         // a whole word
    CHECK(score["stray"] == title + 100);
    CHECK(score["cut"] == title + 100);
    CHECK(score["surrogate"] == title + 100);
    CHECK(score["lead"] == title + 100);
    CHECK(score["brackets"] == title + 100);
    CHECK(score["folded"] == title + 100);
    CHECK(score["twice"] == title + 200);         // the best occurrence: the first, not the second
}

TEST_CASE("search: ranking of large result sets") {
    // 1,200 matches, more than are refined: the best must still come out in exact order.
    std::vector<TestRecord> rs;
    for (int i = 0; i < 1200; ++i) {
        std::string title = "法";
        for (int k = 0; k < i % 7; ++k) title += "甲";
        rs.push_back({RecordType::Task, std::to_string(i), title, {"乙"}});
    }
    TestCorpus c(std::move(rs));
    SUBCASE("exact titles first, in record order") {
        CHECK(c.Ids("法", false, 4) == Ids{"0", "7", "14", "21"});
    }
    SUBCASE("then shorter titles, in record order") {
        CHECK(c.Ids("甲", false, 3) == Ids{"1", "8", "15"});
    }
    SUBCASE("totals are exact") {
        core::Query q;
        q.text = "甲";
        q.limit = 1;
        CHECK(c.index.Search(q).total == 1200 - 172);
    }
}

TEST_CASE("search: ranking ties at the cut of a large result set") {
    // 1,200 equal matches (same score, same title length) and a limit of 200: the 800 refined
    // are cut inside one tier and one title length, so record order decides which are kept.
    std::vector<TestRecord> rs;
    for (int i = 0; i < 1200; ++i) rs.push_back({RecordType::Task, std::to_string(i), "法治", {"乙"}});
    TestCorpus c(std::move(rs));
    Ids first;
    for (int i = 0; i < 200; ++i) first.push_back(std::to_string(i));
    CHECK(c.Ids("法", false, 200) == first);
    CHECK(c.Ids("法", true, 200) == first);
}

TEST_CASE("search: the best of a large result set are chosen while the matches stream by") {
    // 6,000 records whose titles get shorter (better) towards the end, so the bar a match must
    // beat rises many times during the pass; a third have the term only in their body. The hits
    // must be exactly the brute-force order: title above body, shorter title, record order.
    std::vector<TestRecord> rs;
    struct Expect {
        bool body;
        size_t length;
        int index;
        RecordType type;
    };
    std::vector<Expect> expect;
    for (int i = 0; i < 6000; ++i) {
        const bool body = i % 3 == 1;
        const size_t length = 2 + size_t((6000 - i) * 7 % 61 + (6000 - i) / 200);
        const RecordType type = i % 5 == 2 ? RecordType::ServicePoint : RecordType::Task;
        std::string title;
        for (size_t k = 0; k + 1 < length; ++k) title += "甲";
        title += body ? "乙" : "法";
        rs.push_back({type, std::to_string(i), title, {body ? "丙法" : "丙"}});
        expect.push_back({body, length, i, type});
    }
    TestCorpus c(std::move(rs));
    auto order = [](const Expect& a, const Expect& b) {
        if (a.body != b.body) return !a.body;
        if (a.length != b.length) return a.length < b.length;
        return a.index < b.index;
    };
    std::sort(expect.begin(), expect.end(), order);
    SUBCASE("ungrouped") {
        Ids want;
        for (size_t i = 0; i < 120; ++i) want.push_back(std::to_string(expect[i].index));
        CHECK(c.Ids("法", false, 120) == want);
    }
    SUBCASE("grouped by type, and filtered to one type") {
        Ids want;
        for (RecordType type : {RecordType::Task, RecordType::ServicePoint}) {
            size_t taken = 0;
            for (const Expect& e : expect)
                if (e.type == type && taken < 30) want.push_back(std::to_string(e.index)), ++taken;
        }
        CHECK(c.Ids("法", true, 30) == want);
        core::Query q;
        q.text = "法";
        q.limit = 30;
        q.filter.types = 1u << unsigned(RecordType::ServicePoint);
        want.erase(want.begin(), want.begin() + 30);
        CHECK(c.Ids(q) == want);
        CHECK(c.index.Search(q).total == 1200);
    }
}

TEST_CASE("search: highlights") {
    TestCorpus c({{RecordType::Task, "t", "推进法律援助，法律咨询", {"各县设立法律援助工作站。"}},
                  {RecordType::Task, "p", "Ｘ復議", {"行政复议"}},
                  {RecordType::Task, "long", "标题", {"这是一段很长的正文，用来检验摘要窗口从第一个命中之前二十个字的地方开始，而不是从正文开头开始；命中在这里：法律援助，后面还有一些文字。"}},
                  {RecordType::Task, "run", "标题", {"这是一段很长的正文没有标点所以摘要窗口从第一个命中之前二十个字的地方开始的法律"}}});
    core::Query q;
    q.text = "法律";
    core::SearchResult r = c.index.Search(q);
    REQUIRE(r.hits.size() == 3);
    const core::Hit& h = r.hits[0];
    SUBCASE("title ranges are byte offsets into the title, every occurrence") {
        CHECK(h.id == "t");
        REQUIRE(h.title_ranges.size() == 2);
        CHECK(h.title_ranges[0] == core::ByteRange{6, 12});
        CHECK(Cut(h.title, h.title_ranges[0]) == "法律");
        CHECK(h.title_ranges[1] == core::ByteRange{21, 27});
    }
    SUBCASE("the snippet is the body field that matched, with ranges into it") {
        CHECK(h.snippet == "各县设立法律援助工作站。");
        REQUIRE(h.snippet_ranges.size() == 1);
        CHECK(Cut(h.snippet, h.snippet_ranges[0]) == "法律");
    }
    SUBCASE("the snippet starts at the first clause of the 20 characters before the first match") {
        const core::Hit& l = r.hits[1];
        CHECK(l.id == "long");
        CHECK(l.title_ranges.empty());
        // "开始，而不是从正文开头开始；命中在这里：" is the 20: from after its first comma.
        CHECK(l.snippet.substr(0, 9) == "而不是");
        CHECK(l.snippet_cut);
        REQUIRE(l.snippet_ranges.size() == 1);
        CHECK(Cut(l.snippet, l.snippet_ranges[0]) == "法律");
        CHECK_FALSE(h.snippet_cut);  // (the whole field)
    }
    SUBCASE("with no clause in those 20 characters, 20 characters before it") {
        const core::Hit& l = r.hits[2];
        CHECK(l.id == "run");
        CHECK(l.snippet.substr(0, 6) == "窗口");  // "窗口从第一个命中之前二十个字的地方开始的" is 20
        CHECK(l.snippet_cut);
    }
    SUBCASE("ranges cover the original text when it was folded") {
        core::Query t;
        t.text = "x复议";
        core::SearchResult tr = c.index.Search(t);
        REQUIRE(tr.hits.size() == 1);
        REQUIRE(tr.hits[0].title_ranges.size() == 1);
        CHECK(Cut(tr.hits[0].title, tr.hits[0].title_ranges[0]) == "Ｘ復議");
    }
    SUBCASE("pinyin matches are highlighted too") {
        core::Query t;
        t.text = "flyz";
        core::SearchResult tr = c.index.Search(t);
        REQUIRE(tr.hits.size() == 2);
        CHECK(Cut(tr.hits[0].title, tr.hits[0].title_ranges[0]) == "法律援助");
    }
}
