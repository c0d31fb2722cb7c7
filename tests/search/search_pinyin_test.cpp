// search_pinyin_test.cpp — finding Chinese records by pinyin: full, spaced, ü spellings, initials,
// mixed with characters, polyphones. Depends on core/Search.h.
#include <doctest/doctest.h>

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
}  // namespace

TEST_CASE("search: pinyin") {
    TestCorpus c = Corpus();
    SUBCASE("full pinyin, with or without spaces") {
        CHECK(c.Ids("falvyuanzhu") == Ids{"aid"});
        CHECK(c.Ids("fa lv yuan zhu") == Ids{"aid"});
        CHECK(c.Ids("falv") == Ids{"aid", "law"});
    }
    SUBCASE("ü typed as ü, v or upper case") {
        CHECK(c.Ids("falü") == Ids{"aid", "law"});
        CHECK(c.Ids("FALV") == Ids{"aid", "law"});
        CHECK(c.Ids("lvse") == Ids{"green"});
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
}
