// search_region_test.cpp — a word that names a region (昆明 -> 昆明市): held by the region's
// records too, since a record's region is a facet, not text; read in characters and in pinyin;
// the rest within the region when nothing matches. Depends on core/Search.h.
#include <doctest/doctest.h>

#include "search_fixture.h"

using core::RecordType;
using Relaxation = core::SearchResult::Relaxation;

TEST_CASE("search: a word that names a region is held by the region's records too") {
    // A record's region is a facet, not text: a task of Kunming's plan never says 昆明.
    const std::vector<TestRecord> records = {
        {RecordType::Task, "km-aid", "提升法律援助质量", {}, "昆明市"},
        {RecordType::Task, "km-mediation", "调解工作", {}, "昆明市"},
        {RecordType::Task, "xs-aid", "加大法律援助力度", {}, "兴山区"},
        {RecordType::ServicePoint, "km-centre", "五华区法律援助中心", {}, "昆明市"},
        {RecordType::Task, "named", "昆明调解工作", {}, "某市"},
        {RecordType::Channel, "cy-district", "热线", {}, "朝阳区"},
        {RecordType::Channel, "cy-city", "热线", {}, "朝阳市"},
    };
    TestCorpus c(records);
    core::SearchResult r;
    for (const char* q : {"昆明 法律援助", "法律援助 昆明", "昆明市 法律援助"}) {
        CAPTURE(q);
        r = Find(c, q);
        CHECK(r.region == "昆明市");
        CHECK(IdsOf(r) == Ids{"km-aid", "km-centre"});
        CHECK(r.relaxation == Relaxation::None);  // found as typed, the word held by the region
    }
    // One word: split into its parts, which hold the region's word.
    for (const char* q : {"昆明法律援助", "昆明市法律援助"}) {
        CAPTURE(q);
        r = Find(c, q);
        CHECK(r.region == "昆明市");
        CHECK(IdsOf(r) == Ids{"km-aid", "km-centre"});
        CHECK(r.relaxation == Relaxation::Parts);
    }
    CHECK(Find(c, "昆明 法律援助").region_word == "昆明");
    // In pinyin, in whole syllables, as a kiosk visitor without an input method types it.
    for (const char* q : {"kunming 法律援助", "kunming falvyuanzhu", "kun'ming falvyuanzhu", "falvyuanzhu kunmingshi"}) {
        CAPTURE(q);
        r = Find(c, q);
        CHECK(r.region == "昆明市");
        CHECK(IdsOf(r) == Ids{"km-aid", "km-centre"});
    }
    CHECK(Find(c, "昆明法律援助").region_word == "昆明");
    CHECK(IdsOf(Find(c, "兴山 法律援助")) == Ids{"xs-aid"});
    // The rest relaxed as any query: 怎么申请法律援助 -> 法律援助, within 兴山区.
    r = Find(c, "兴山 怎么申请法律援助");
    CHECK(r.region == "兴山区");
    CHECK(r.relaxation == Relaxation::Parts);
    CHECK(r.relaxed_text == "法律援助");
    CHECK(IdsOf(r) == Ids{"xs-aid"});
    // The records whose text holds the word, and the region's: the text's first (昆明调解工作
    // holds both words; 调解工作 is Kunming's).
    r = Find(c, "昆明 调解");
    CHECK(r.region == "昆明市");
    CHECK(IdsOf(r) == Ids{"named", "km-mediation"});
    // A place name alone is searched as text.
    r = Find(c, "昆明");
    CHECK(r.region.empty());
    CHECK(IdsOf(r) == Ids{"named"});
    // Not read as a region: two regions it could name, one character, pinyin, a region whose
    // records hold nothing of the rest, a query already filtered by region.
    CHECK(Find(c, "朝阳 热线").region.empty());
    CHECK(Find(c, "朝阳区 热线").region == "朝阳区");  // a whole name is no guess
    CHECK(Find(c, "昆 法律援助").region.empty());
    CHECK(Find(c, "kunmin 法律援助").region.empty());  // a syllable still being typed
    CHECK(Find(c, "chaoyang 热线").region.empty());
    CHECK(Find(c, "兴山 五华区").region.empty());
    core::Query q;
    q.text = "昆明 法律援助";
    q.filter.region = "兴山区";
    CHECK(c.index.Search(q).region.empty());
    CHECK(c.index.Search(q).total == 0);
}
