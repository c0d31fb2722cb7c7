// search_pinyin_test.cpp — finding Chinese records by pinyin: full, spaced, ü spellings, initials,
// mixed with characters, polyphones. Depends on core/Search.h.
#include <algorithm>

#include <doctest/doctest.h>

#include "core/Pinyin.h"
#include "core/TextNorm.h"
#include "search_fixture.h"

using core::RecordType;

namespace {
TestCorpus Corpus() {
    return TestCorpus({
        {RecordType::Task, "aid", "法律援助", {}},
        {RecordType::Task, "law", "法律顾问", {"聘请法律顾问。"}},
        {RecordType::Task, "bank", "银行网点", {}},
        {RecordType::Task, "walk", "行政执法", {}},
        {RecordType::Task, "heavy", "重大行政决策", {}},
        {RecordType::Task, "again", "重新审查", {}},
        {RecordType::Task, "plan", "实施方案", {}},
        {RecordType::Task, "green", "绿色发展", {}},
        {RecordType::Task, "app", "APP下载", {}},
        {RecordType::Task, "xian", "西安市", {"先行先试"}},
    });
}

// Whether `s` holds a character with a reading that starts with `prefix` (a scan of the Unihan
// readings, as the index should find it), or, for a single letter, that Latin letter itself.
bool HoldsReading(const std::string& s, const std::string& prefix) {
    const core::SyllableRange range = core::SyllablesWithPrefix(prefix);
    for (size_t pos = 0; pos < s.size();) {
        const uint32_t cp = core::DecodeUtf8(s, pos);
        if (prefix.size() == 1 && cp < 0x80 && (cp | 0x20) == uint32_t(prefix[0])) return true;
        const uint16_t set = core::ReadingSetOf(cp);
        if (range.first != range.last && set && core::ReadingSetMatches(set, range)) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("search: pinyin") {
    TestCorpus c = Corpus();
    SUBCASE("full pinyin, with or without spaces") {
        CHECK(c.Ids("falvyuanzhu") == Ids{"aid"});
        CHECK(c.Ids("fa lv yuan zhu") == Ids{"aid"});
        CHECK(c.Ids("falv") == Ids{"aid", "law"});
    }
    SUBCASE("syllables typed apart are one phrase, never each a word anywhere in the record") {
        // 助理律师法援: a character reading each of fa, lv, yuan, zhu, none of them in a row.
        TestCorpus scattered({{RecordType::Task, "aid", "法律援助", {}},
                              {RecordType::Task, "scattered", "助理律师法援", {}},
                              {RecordType::Task, "words", "法律顾问", {"援助"}}});
        CHECK(scattered.Ids("fa lv yuan zhu") == Ids{"aid"});
        CHECK(scattered.Ids("fa lv yuan zhu") == scattered.Ids("falvyuanzhu"));
        CHECK(scattered.Ids("shi fa") == Ids{"scattered"});  // 师法, next to each other
        // Words of two syllables or more are words: each anywhere (法律 ... 援助).
        CHECK(scattered.Ids("falv yuanzhu") == Ids{"aid", "words"});
        // The last syllable still being typed (an initial, a part of a syllable): the phrase too,
        // as the same letters typed together (falvy), so that what is found does not jump between
        // the phrase and scattered words at every keystroke.
        CHECK(scattered.Ids("fa lv y") == Ids{"aid"});
        for (const char* typed : {"fa l", "fa lv y", "fa lv yua", "fa lv yuan zh", "shi f"}) {
            CAPTURE(typed);
            std::string joined = typed;
            joined.erase(std::remove(joined.begin(), joined.end(), ' '), joined.end());
            CHECK(scattered.Ids(typed) == scattered.Ids(joined));
        }
        // A word before the last that is no whole syllable: words, each anywhere.
        CHECK(scattered.Ids("f lv") == Ids{"aid", "words", "scattered"});
        // The phrase finds nothing: the words' counts, and the relaxation's parts, as before.
        core::Query q;
        q.text = "shen qing fa lv yuan zhu";
        const core::SearchResult r = scattered.index.Search(q);
        CHECK(r.relaxation == core::SearchResult::Relaxation::Parts);
        CHECK(r.relaxed_text == "falvyuanzhu");
    }
    SUBCASE("ü typed as ü, v or upper case") {
        CHECK(c.Ids("falü") == Ids{"aid", "law"});
        CHECK(c.Ids("FALV") == Ids{"aid", "law"});
        CHECK(c.Ids("lvse") == Ids{"green"});
    }
    SUBCASE("ü typed as u (a keyboard without ü): lu finds 律 as well as 路, lv 律 only") {
        TestCorpus lu({{RecordType::Task, "lawyer", "公职律师", {}},
                       {RecordType::Task, "road", "道路是通的", {}},
                       {RecordType::Task, "slave", "奴役", {}},
                       {RecordType::Task, "woman", "妇女儿童", {}}});
        CHECK(lu.Ids("lushi") == Ids{"lawyer", "road"});
        CHECK(lu.Ids("lvshi") == Ids{"lawyer"});
        CHECK(lu.Ids("lu") == Ids{"lawyer", "road"});
        CHECK(lu.Ids("lv") == Ids{"lawyer"});
        CHECK(lu.Ids("funu") == Ids{"woman"});
        CHECK(lu.Ids("nu") == Ids{"slave", "woman"});
        CHECK(lu.Ids("nv") == Ids{"woman"});
        CHECK(c.Ids("falu") == Ids{"aid", "law"});
        CHECK(c.Ids("lu") == Ids{"green", "aid", "law"});  // (绿 at the start of its title)
    }
    SUBCASE("pinyin with tone marks, precomposed or typed as combining marks") {
        CHECK(c.Ids("fǎlǜ") == Ids{"aid", "law"});
        CHECK(c.Ids("fǎ lǜ yuán zhù") == Ids{"aid"});
        CHECK(c.Ids("FǍLǛ") == Ids{"aid", "law"});
        CHECK(c.Ids("lǜsè") == Ids{"green"});
        CHECK(c.Ids("fa\u030Clu\u0308\u0300") == Ids{"aid", "law"});  // fǎlǜ decomposed
        CHECK(c.Ids("xíngzhèng") == Ids{"walk", "heavy"});
        // Tones are dropped, not used to tell readings apart: háng finds every 行, as hang does.
        CHECK(c.Ids("háng") == Ids{"walk", "bank", "heavy", "xian"});
        CHECK(c.Ids("háng") == c.Ids("hang"));
    }
    SUBCASE("initials") {
        CHECK(c.Ids("flyz") == Ids{"aid"});
        CHECK(c.Ids("flgw") == Ids{"law"});
        CHECK(c.Ids("zdxzjc") == Ids{"heavy"});
    }
    SUBCASE("an unfinished last syllable is a prefix") {
        CHECK(c.Ids("falvyuanz") == Ids{"aid"});
        CHECK(c.Ids("falvgu") == Ids{"law"});
    }
    SUBCASE("mixed characters and pinyin") {
        CHECK(c.Ids("法律yz") == Ids{"aid"});
        CHECK(c.Ids("法lvgw") == Ids{"law"});
        CHECK(c.Ids("fa律") == Ids{"aid", "law"});
    }
    SUBCASE("polyphones: every reading finds the character") {
        CHECK(c.Ids("yinhang") == Ids{"bank"});
        CHECK(c.Ids("xingzheng") == Ids{"walk", "heavy"});
        CHECK(c.Ids("zhongda") == Ids{"heavy"});
        CHECK(c.Ids("chongxin") == Ids{"again"});
        CHECK(c.Ids("yh") == Ids{"bank"});
    }
    SUBCASE("a syllable never matches a character with another reading") {
        CHECK(c.Ids("falvguwenx").empty());
        // 市 reads shi only (not fu, the reading of its look-alike 巿): fz finds 法治, not 市政.
        TestCorpus city({{RecordType::Task, "city", "市政工程", {}}, {RecordType::Task, "rule", "法治建设", {}}});
        CHECK(city.Ids("fz") == Ids{"rule"});
        CHECK(city.Ids("sz") == Ids{"city"});
        CHECK(city.Ids("fuzheng").empty());
        // Readings are not chosen by context: 重新 is chongxin, but 重 alone also reads zhong.
        CHECK(c.Ids("zhongxin") == Ids{"again"});
    }
    SUBCASE("Latin text is also matched literally, and ranks above pinyin") {
        CHECK(c.Ids("app") == Ids{"app"});
        CHECK(c.Ids("app下载") == Ids{"app"});
    }
    SUBCASE("apostrophes separate syllables") {
        CHECK(c.Ids("xian") == Ids{"xian"});  // 先 in the body
        CHECK(c.Ids("xi'an") == Ids{"xian"});
        CHECK(c.Ids("xi'an'shi") == Ids{"xian"});
    }
    SUBCASE("an apostrophe after the last syllable makes it whole: xi' is xi, not xian or xing") {
        TestCorpus west({{RecordType::Task, "west", "西部", {}}, {RecordType::Task, "first", "先行", {}}});
        CHECK(west.Ids("xi") == Ids{"west", "first"});
        CHECK(west.Ids("xi'") == Ids{"west"});
        CHECK(west.Ids("xian'") == Ids{"first"});
        CHECK(west.Ids("x'") == Ids{"west", "first"});  // (an initial stays every syllable of it)
    }
}

// Single letters read precomputed bitmaps (SearchData::letter_members): check them against a scan
// of every record's characters (readings through Pinyin.h, the literal letter in either case).
TEST_CASE("search: single letters against a scan") {
    static const char* const kPool[] = {"法", "律", "援", "助", "顾", "问", "银", "行", "网", "点", "政", "执", "重",
                                        "大", "决", "策", "新", "审", "查", "实", "施", "方", "案", "绿", "色", "发",
                                        "展", "西", "安", "市", "先", "试", "中", "心", "F", "f", "Z", "a", " "};
    constexpr size_t kPoolSize = sizeof kPool / sizeof kPool[0];
    uint32_t seed = 12345;
    auto next = [&] { return (seed = seed * 1103515245u + 12345u) >> 16; };
    std::vector<TestRecord> rs;
    for (int i = 0; i < 300; ++i) {
        auto text = [&](size_t len) {
            std::string s;
            for (size_t k = 0; k < len; ++k) s += kPool[next() % kPoolSize];
            return s;
        };
        std::string title = text(1 + next() % 4);
        std::vector<std::string> body;
        if (next() % 2) body.push_back(text(next() % 6));
        rs.push_back({RecordType::Task, "r" + std::to_string(i), title, body});
    }
    TestCorpus c(rs);
    auto has = [](const std::string& s, char letter) { return HoldsReading(s, std::string(1, letter)); };
    for (char letter : std::string("afzsxyc")) {
        CAPTURE(letter);
        std::vector<std::string> in_title, in_body;
        for (const TestRecord& r : c.records) {
            if (has(r.title, letter)) in_title.push_back(r.id);
            else {
                bool any = false;
                for (const std::string& b : r.body) any |= has(b, letter);
                if (any) in_body.push_back(r.id);
            }
        }
        core::Query q;
        q.text = std::string(1, letter);
        q.limit = 1000;
        q.group_by_type = false;
        q.highlights = false;
        core::SearchResult res = c.index.Search(q);
        CHECK(res.total == in_title.size() + in_body.size());
        std::vector<std::string> got_title, got_body;
        for (size_t i = 0; i < res.hits.size(); ++i)
            (i < in_title.size() ? got_title : got_body).emplace_back(res.hits[i].id);
        std::sort(got_title.begin(), got_title.end());
        std::sort(got_body.begin(), got_body.end());
        std::sort(in_title.begin(), in_title.end());
        std::sort(in_body.begin(), in_body.end());
        CHECK(got_title == in_title);  // title matches rank first
        CHECK(got_body == in_body);
    }
}

TEST_CASE("search: two letters whose set is common, read from bitmaps the index keeps, against a scan") {
    // 21,000 of 24,500 records hold 25 characters read zh... each: the set of zh (3 million
    // entries at national scale) holds over 500,000 here, so the index keeps its bitmaps as a letter's
    // (kCachedSetEntries in Search.cpp); zhe's (three letters) is read from its lists. Both must
    // find what a scan of the readings finds, the titles first.
    const std::string zh = "中正政证整之只知直指制治质致智置种重众周主住助注专";
    std::vector<TestRecord> rs;
    constexpr int kRecords = 24500;
    int without = 0;  // records holding no zh character
    for (int i = 0; i < kRecords; ++i) {
        // Every seventh record's body holds no zh character; every third record's title does.
        const std::string body = i % 7 == 0 ? std::string("法律服务公开") : zh.substr(size_t(i % 5) * 3) + zh.substr(0, size_t(i % 5) * 3);
        without += i % 7 == 0 && i % 3 != 0;
        rs.push_back({RecordType::Task, "r" + std::to_string(i), i % 3 == 0 ? "整改工作" : "工作", {body}});
    }
    TestCorpus c(rs);
    for (const std::string text : {"z", "zh", "zhe", "zh", "zhu"}) {  // (typed on, and zh again)
        CAPTURE(text);
        size_t in_title = 0, in_body = 0;
        for (const TestRecord& r : c.records)
            HoldsReading(r.title, text) ? ++in_title : in_body += HoldsReading(r.body[0], text);
        core::Query q;
        q.text = text;
        q.limit = kRecords;
        q.group_by_type = false;
        q.highlights = false;
        const core::SearchResult res = c.index.Search(q);
        CHECK(res.total == in_title + in_body);
        REQUIRE(res.hits.size() == res.total);
        size_t titles = 0;
        for (const core::Hit& h : res.hits) titles += h.score >= 4000;
        CHECK(titles == in_title);
        for (size_t i = 0; i < res.hits.size(); ++i) CHECK((res.hits[i].score >= 4000) == (i < in_title));  // titles first
        CHECK(res.texts_searched == 0);
    }
    CHECK(c.index.Search(core::Query{"zh"}).total == kRecords - without);
}

TEST_CASE("search: three pinyin slots, query after query") {
    // Candidates for three slots or more stamp records with a 16-bit epoch, one per character of
    // the middle slot; the stamps are cleared when it wraps. A record per middle character, and
    // enough queries for several wraps, each as the first gives.
    const std::string middles = "共工国关管规改广高感个各给更功攻供宫贡构购估古股故顾固挂怪官观光归贵过果";
    std::vector<TestRecord> records;
    std::string west;  // every y法, after no g- character: in each middle character's second list
    std::string east;  // every 公y, before no f- character: 公y is not always before 法 (so the
                       // bigram contexts decide no record, SureMatches in Search.cpp)
    for (size_t pos = 0; pos < middles.size(); pos += 3) {
        const std::string y = middles.substr(pos, 3);
        records.push_back({RecordType::Task, "r" + std::to_string(pos / 3), "工作", {"公" + y + "法"}});
        west += "西" + y + "法，";
        east += "公" + y + "，";
    }
    records.push_back({RecordType::Task, "apart", "工作", {"公共 法"}});  // 公共 and 共法 apart
    records.push_back({RecordType::Task, "west", "工作", {west}});
    records.push_back({RecordType::Task, "east", "工作", {east}});
    TestCorpus c(records);
    core::Query q, other;
    q.text = "ggf";
    q.highlights = false;
    other.text = "工作";  // keeps no memo: every ggf finds its candidates afresh
    const core::SearchResult first = c.index.Search(q);
    CHECK(first.total == records.size() - 3);
    CHECK(first.texts_searched == records.size() - 3);  // neither apart, west nor east is a candidate
    bool same = true;
    for (int i = 0; i < 5000 && same; ++i) {
        c.index.Search(other);
        const core::SearchResult r = c.index.Search(q);
        same = r.total == first.total && r.texts_searched == first.texts_searched;
    }
    CHECK(same);
}

TEST_CASE("search: three pinyin slots, a title searched only when it may hold the match") {
    // A candidate's title is searched when it holds both bigrams through the same middle
    // character; the order says which records matched in the title (title above body, then
    // shorter title, then record order).
    TestCorpus c({
        {RecordType::Task, "body", "推进工作", {"完善公共法律服务"}},    // no g-g or g-f in the title
        {RecordType::Task, "split", "公共设施", {"公共法律服务"}},        // 公共 in the title, 共法 only in the body
        {RecordType::Task, "apart", "公共，共法", {"公共法律"}},          // both in the title, not in a row
        {RecordType::Task, "title", "加强公共法律服务", {"无"}},           // only in the title
        {RecordType::Task, "both", "公共法律", {"公共法律服务体系"}},      // in both
    });
    CHECK(c.Ids("ggf") == Ids{"both", "title", "body", "split", "apart"});
    CHECK(c.Ids("gonggongf") == Ids{"both", "title", "body", "split", "apart"});
    CHECK(c.Ids("ggfl") == Ids{"both", "title", "body", "split", "apart"});  // four slots: every title searched
}
