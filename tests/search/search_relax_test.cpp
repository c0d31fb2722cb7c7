// search_relax_test.cpp — what a search does when nothing matches the query as typed
// (SearchRelax.cpp): its words, the query with its punctuation as spaces, each word's count when
// nothing holds them all, and a word that matches nothing split into its longest parts that match.
// Depends on core/Search.h.
#include <doctest/doctest.h>

#include "search_fixture.h"

using core::RecordType;
using Relaxation = core::SearchResult::Relaxation;

namespace {
TestCorpus Corpus() {
    core::Synonyms synonyms;
    synonyms.AddGroup({"离婚", "婚姻家庭"});
    synonyms.AddRule("打官司", {"法律援助"});  // 打官 and 官司 are held by no record
    std::vector<TestRecord> records = SubstringRecords();
    records.push_back({RecordType::ServicePoint, "p2", "某镇人民调解委员会", {"婚姻家庭纠纷调解"}});
    // 甲乙 and 乙丙 occur, never together; the synonym of 甲乙丙 does (in p2).
    synonyms.AddRule("甲乙丙", {"婚姻家庭"});
    records.push_back({RecordType::Task, "t5", "甲乙", {}});
    records.push_back({RecordType::Task, "t6", "甲乙", {}});
    records.push_back({RecordType::Task, "t7", "乙丙", {}});
    // 律援 after 纪 once: 法律援助 is then no longer decided by its bigrams' neighbours (every
    // 律援 between 法 and 助) and its candidates are verified in their text, as the tests of
    // memos and reuse below need.
    records.push_back({RecordType::Task, "t8", "遵守纪律援引条文", {}});
    return TestCorpus(std::move(records), std::move(synonyms));
}

// A county's units and mediation points: 兴山区 (3) and 人民调解 (3) are the common words.
TestCorpus County() {
    return TestCorpus({
        {RecordType::Unit, "x1", "兴山区司法局", {}},
        {RecordType::Unit, "x2", "兴山区人民法院", {}},
        {RecordType::Unit, "x3", "兴山区公证处", {}},
        {RecordType::ServicePoint, "x4", "人民调解委员会", {}},
        {RecordType::ServicePoint, "x5", "人民调解工作室", {}},
        {RecordType::Task, "x6", "推进人民调解", {}},
    });
}

// The result of `text` on an index that remembers no last query (a query kept no memo of its
// own: 的 is one character), as a first keystroke finds it.
core::SearchResult Cold(const TestCorpus& c, const std::string& text) {
    Find(c, "的");
    return Find(c, text);
}

// Each of `typed` searched cold, then the memo of the last query forgotten again: what typing
// them one after the other must find.
std::vector<core::SearchResult> Fresh(const TestCorpus& c, const std::vector<std::string>& typed) {
    std::vector<core::SearchResult> out;
    for (const std::string& text : typed) out.push_back(Cold(c, text));
    Find(c, "的");
    return out;
}

// The scores of a result's hits, in order.
std::vector<int32_t> ScoresOf(const core::SearchResult& r) {
    std::vector<int32_t> out;
    for (const core::Hit& h : r.hits) out.push_back(h.score);
    return out;
}

// What a query was relaxed to, and the ids it found then.
using Seen = std::pair<std::string, Ids>;
Seen Relaxed(const TestCorpus& c, const std::string& text) {
    core::SearchResult r = Find(c, text);
    return {r.relaxed_text, IdsOf(r)};
}
}  // namespace

TEST_CASE("search relaxed: punctuation, each word alone") {
    TestCorpus c = Corpus();
    SUBCASE("a query with punctuation that matches nothing as typed is searched with it as spaces") {
        auto relaxed = [&](const std::string& text) {
            core::Query q;
            q.text = text;
            return c.index.Search(q).relaxed_text;
        };
        // Pasted with its full stop, or in title brackets and quotes: as if typed without them.
        CHECK(IdsOf(Find(c, "法律援助。")) == Ids{"t1", "p1"});
        CHECK(relaxed("法律援助。") == "法律援助");
        CHECK(IdsOf(Find(c, "《健全行政复议体制》")) == Ids{"t2"});
        CHECK(relaxed("《健全行政复议体制》") == "健全行政复议体制");
        CHECK(IdsOf(Find(c, "“援助质量”！")) == Ids{"t1"});
        CHECK(IdsOf(Find(c, "（12348）")) == Ids{"c1"});  // full-width brackets, folded first
        // Between words, a list: every word must match.
        CHECK(IdsOf(Find(c, "推进，质量")) == Ids{"t1"});
        CHECK(relaxed("推进，质量") == "推进 质量");
        // Matched as typed: exact, nothing relaxed.
        CHECK(IdsOf(Find(c, "法、律")) == Ids{"t4"});
        CHECK(relaxed("法、律").empty());
        CHECK(IdsOf(Find(c, "职责。")) == Ids{"t2"});
        CHECK(relaxed("职责。").empty());
        // Nothing either way, only punctuation, or no punctuation: the result as typed.
        CHECK(IdsOf(Find(c, "龘。")).empty());
        CHECK(relaxed("龘。").empty());
        CHECK(IdsOf(Find(c, "，。")).empty());
        CHECK(IdsOf(Find(c, "龘龘龘")).empty());
        CHECK(relaxed("龘龘龘").empty());
        // The apostrophe is pinyin's syllable separator, not punctuation here: the word's parts.
        CHECK(Find(c, "fa'lv'yuan'zhux").relaxation == Relaxation::Parts);
    }
    SUBCASE("nothing holds every word: the records holding each word alone") {
        auto totals = [&](const std::string& text, bool relax = true) {
            core::Query q;
            q.text = text;
            q.relax = relax;
            return c.index.Search(q).word_totals;
        };
        using Totals = std::vector<uint32_t>;
        CHECK(totals("法律 复议") == Totals{3, 1});
        CHECK(totals("复议 法律") == Totals{1, 3});   // the AND stops at 法律: matched for its count
        // 龘 occurs nowhere: no pattern at all (relaxed, it is left out: see the parts below).
        CHECK(totals("复议 龘 法律", false) == Totals{1, 0, 3});
        CHECK(totals("法律，复议") == Totals{3, 1});  // as its words, punctuation as spaces
        CHECK(totals("falv fuyi") == Totals{3, 1});
        CHECK(totals("法律 质量").empty());  // t1 holds both
        CHECK(totals("龘").empty());         // one word: nothing to split
    }
    SUBCASE("a query's words: split at spaces and punctuation, as typed, at most 8") {
        CHECK(core::QueryWords("法律援助。") == Ids{"法律援助"});
        CHECK(core::QueryWords(" 《行政复议法》，法律援助\u3000xi'an ") == Ids{"行政复议法", "法律援助", "xi'an"});
        CHECK(core::QueryWords("ＡＢＣ 復議") == Ids{"ＡＢＣ", "復議"});
        CHECK(core::QueryWords("一 二 三 四 五 六 七 八 九 十") == Ids{"一", "二", "三", "四", "五", "六", "七", "八"});
        CHECK(core::QueryWords(std::string(100, 'a')) == Ids{std::string(64, 'a')});
        CHECK(core::QueryWords("，。 ").empty());
        // A combining mark belongs to the letter before it and starts no word (as search reads it).
        CHECK(core::QueryWords("\u0301 fa\u030Clv \u0308") == Ids{"fa\u030Clv"});
    }
}

TEST_CASE("search relaxed: pinyin with the syllables that sound alike") {
    TestCorpus c = Corpus();
    SUBCASE("z for zh, in for ing, n for l: found as the syllables that sound alike, and said") {
        core::SearchResult r = Find(c, "falvyuanzu");
        CHECK(r.relaxation == Relaxation::SimilarPinyin);
        CHECK(r.relaxed_text == "falvyuanzu");
        CHECK(IdsOf(r) == Ids{"t1", "p1"});
        CHECK(IdsOf(Find(c, "xinzhengfuyi")) == Ids{"t2"});
        CHECK(IdsOf(Find(c, "fanv")) == Ids{"t1", "p1", "c1"});  // 法律
        // Every word, with its punctuation as spaces.
        r = Find(c, "fanv，tigao");
        CHECK(r.relaxation == Relaxation::SimilarPinyin);
        CHECK(r.relaxed_text == "fanv tigao");
        CHECK(IdsOf(r) == Ids{"t1"});
    }
    SUBCASE("matched as typed, no pinyin, or nothing either way: not relaxed so") {
        CHECK(Find(c, "falvyuanzhu").relaxation == Relaxation::None);
        CHECK(Find(c, "法律援住").relaxation != Relaxation::SimilarPinyin);
        core::SearchResult r = Find(c, "zzzzzz");
        CHECK(r.relaxation == Relaxation::None);
        CHECK(r.total == 0);
        core::Query q;
        q.text = "falvyuanzu";
        q.relax = false;
        CHECK(c.index.Search(q).total == 0);
    }
}

TEST_CASE("search relaxed: a word of characters that matches nothing, read by its sound") {
    TestCorpus c = Corpus();
    SUBCASE("a character of the same sound typed for another (a pinyin input method's wrong pick)") {
        core::SearchResult r = Find(c, "行政附议");  // 复议 meant
        CHECK(r.relaxation == Relaxation::SameReading);
        CHECK(r.relaxed_text == "行政fu议");  // (one character by its sound; the others as typed)
        REQUIRE(IdsOf(r) == Ids{"t2"});
        REQUIRE(r.hits[0].title_ranges.size() == 1);
        CHECK(Cut(r.hits[0].title, r.hits[0].title_ranges[0]) == "行政复议");
        r = Find(c, "法律援住");
        CHECK(r.relaxation == Relaxation::SameReading);
        CHECK(r.relaxed_text == "法律援zhu'");  // (a whole syllable: not zhuan, zhuang...)
        CHECK(IdsOf(r) == IdsOf(Find(c, "法律援助")));
    }
    SUBCASE("only the words that match nothing alone; the others keep their characters") {
        const core::SearchResult r = Find(c, "法律援助 援住");
        CHECK(r.relaxation == Relaxation::SameReading);
        CHECK(r.relaxed_text == "法律援助 援zhu'");
        CHECK(IdsOf(r) == Ids{"t1", "p1"});
    }
    SUBCASE("two neighbouring characters, when no one character alone finds anything") {
        const core::SearchResult r = Find(c, "行政付移");  // (付 and 移 both wrong: one word 付移)
        CHECK(r.relaxation == Relaxation::SameReading);
        CHECK(r.relaxed_text == "行政fu'yi'");
        CHECK(IdsOf(r) == Ids{"t2"});
    }
    SUBCASE("a synonym term the word is but for a character of the same sound, which no record holds") {
        // 公证处 is held by no record; its synonym is (p1). 公正处 is no word of any record, and
        // gong正处, 公zheng处, 公正chu' find nothing.
        core::Synonyms synonyms;
        synonyms.AddRule("公证处", {"公共法律服务"});
        synonyms.AddRule("司法鉴定", {"公共法律服务"});
        std::vector<TestRecord> records = SubstringRecords();
        records.push_back({RecordType::Task, "fair", "严格规范公正文明执法", {}});
        TestCorpus notary(std::move(records), std::move(synonyms));
        core::SearchResult r = Find(notary, "公正处");
        CHECK(r.relaxation == Relaxation::SameReading);
        CHECK(r.relaxed_text == "公证处");
        CHECK(IdsOf(r) == Ids{"p1", "c1"});
        CHECK(IdsOf(Find(notary, "司法鉴订")) == Ids{"p1", "c1"});  // (订 and 定: ding)
        CHECK(IdsOf(Find(notary, "公正")) == Ids{"fair"});  // (found as typed: as typed)
        // Not where the other character has no reading in common (公平处), nor a word of two.
        CHECK(Find(notary, "公平处").relaxation != Relaxation::SameReading);
        CHECK(Find(notary, "司法坚订").relaxed_text == "司法鉴定");  // (two neighbouring, in four)
        CHECK(Find(notary, "私法坚订").relaxation != Relaxation::SameReading);  // (not three)
    }
    SUBCASE("the sound is the whole syllable, not one it starts (江西: xi, not 省's xing)") {
        TestCorpus province({{RecordType::Task, "z1", "贯彻落实《浙江省优化营商环境条例》", {}}});
        const core::SearchResult r = Find(province, "江西");
        CHECK(r.relaxation != Relaxation::SameReading);
        CHECK(r.total == 0);
        CHECK(Find(province, "江行").relaxed_text == "江xing");  // (行 reads xing, as 省 does)
        CHECK(IdsOf(Find(province, "江行")) == Ids{"z1"});
    }
    SUBCASE("never every character by its sound: a run of the same sounds across words is no slip") {
        // 争议主渠道 holds yi'zhu across two words: nothing to do with 遗嘱 (a will).
        TestCorpus words({{RecordType::Task, "w1", "发挥行政复议化解行政争议主渠道作用", {}}});
        const core::SearchResult r = Find(words, "遗嘱");
        CHECK(r.relaxation != Relaxation::SameReading);
        CHECK(r.total == 0);
        CHECK(Find(words, "争意").relaxed_text == "争yi'");  // (one slip: found)
    }
    SUBCASE("not a word of one character, one with other characters, or one found as typed") {
        CHECK(Find(c, "援住 附").relaxation != Relaxation::SameReading);  // (附 alone: every fu)
        CHECK(Find(c, "附议x").relaxation != Relaxation::SameReading);
        // Three words that match nothing: a sentence, not slips (two are read by their sound).
        TestCorpus three({{RecordType::Task, "s1", "行政复议、法律援助和人民调解", {}}});
        CHECK(Find(three, "行政附议 法律援住").relaxed_text == "行政fu议 法律援zhu'");
        CHECK(Find(three, "行政附议 法律援住 人民调节").relaxation != Relaxation::SameReading);
        CHECK(Find(c, "復議").relaxation == Relaxation::None);  // (traditional: found as typed)
        const core::SearchResult r = Find(c, "龘龘");  // (da'da: nothing either way)
        CHECK(r.relaxation == Relaxation::None);
        CHECK(r.total == 0);
    }
}

TEST_CASE("search relaxed: pinyin typed with tone numbers") {
    TestCorpus c = Corpus();
    SUBCASE("the numbers as breaks between syllables: the pinyin found") {
        CHECK(Find(c, "fa3lv4yuan2zhu4").relaxation == Relaxation::ToneNumbers);
        CHECK(Relaxed(c, "fa3lv4yuan2zhu4") == Seen{"fa'lv'yuan'zhu", IdsOf(Find(c, "falvyuanzhu"))});
        CHECK(Relaxed(c, "xing2zheng4fu4yi4") == Seen{"xing'zheng'fu'yi", {"t2"}});
        CHECK(Find(c, "法律yuan2zhu4").relaxed_text == "法律yuan'zhu");  // (mixed)
        CHECK(Find(c, "ＦＡ３ｌｖ４").relaxed_text == "ＦＡ'ｌｖ");      // (full width, as typed)
        CHECK(Find(c, "yuan2zhu4 fa3lü4").relaxed_text == "yuan'zhu fa'lü");
    }
    SUBCASE("the searches after it read the syllables so too (zu for zhu: alike)") {
        const core::SearchResult r = Find(c, "fa3lv4yuan2zu4");
        CHECK(r.relaxation == Relaxation::SimilarPinyin);
        CHECK(r.relaxed_text == "fa'lv'yuan'zu");
        CHECK(IdsOf(r) == IdsOf(Find(c, "falvyuanzhu")));
    }
    SUBCASE("no tone numbers: digits that follow no whole syllable, or are no tone") {
        for (const char* typed : {"12348", "mp3", "G20", "fa6lv", "fa33", "zh4"})
            CHECK(Find(c, typed).relaxation != Relaxation::ToneNumbers);
    }
}

TEST_CASE("search relaxed: a word that matches nothing, split into its longest parts that match") {
    TestCorpus c = Corpus();
    using Totals = std::vector<uint32_t>;
    SUBCASE("one part: its matches") {
        // 申请 and 怎么 occur nowhere; 法律援助 is the longest run from 法 that some record holds.
        core::SearchResult r = Find(c, "怎么申请法律援助");
        CHECK(r.relaxation == Relaxation::Parts);
        CHECK(r.relaxed_text == "法律援助");
        CHECK(IdsOf(r) == Ids{"t1", "p1"});
        CHECK(r.word_totals.empty());
        CHECK(r.word_texts.empty());
    }
    SUBCASE("parts that are found together: every part must match, and is highlighted") {
        core::SearchResult r = Find(c, "推进法律援助的质量");
        CHECK(r.relaxation == Relaxation::Parts);
        CHECK(r.relaxed_text == "推进法律援助 质量");
        REQUIRE(IdsOf(r) == Ids{"t1"});
        REQUIRE(r.hits[0].title_ranges.size() == 1);
        CHECK(Cut(r.hits[0].title, r.hits[0].title_ranges[0]) == "推进法律援助");
        // No part alone finds more than they do together: none listed.
        CHECK(r.word_texts.empty());
        // Nor when one part's records are all found (质量: t1; 法律援助: t1, p1).
        CHECK(Find(c, "法律援助的质量").word_texts.empty());
        // Each part alone finds more (推进: t1, t2; 援助: t1, p1): each listed with what it finds
        // alone, which the screen offers (如何申请行政复议 in the bundled data: 1 record with both,
        // 申请's 7 and 行政复议's 16 a tap away).
        r = Find(c, "推进和援助");
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"推进 援助", {"t1"}});
        CHECK(r.word_texts == Ids{"推进", "援助"});
        CHECK(r.word_totals == Totals{2, 2});
        // Digits and Chinese alike.
        CHECK(Relaxed(c, "12348热线电话") == Seen{"12348 热线", {"c1"}});
        // But a number is never cut: one no record holds is left out whole (12349 is no 1234 of
        // 12348, 123480 no 12348, 110 no 10).
        for (const std::string typed : {"12349", "123480", "1348", "12349号"}) {
            CAPTURE(typed);
            CHECK(Find(c, typed).total == 0);
        }
        CHECK(Relaxed(c, "热线12349") == Seen{"热线", {"c1"}});
    }
    SUBCASE("nothing holds every part: the longest, then the rarest, alone, and each part's count") {
        core::SearchResult r = Find(c, "我想了解法律援助和行政复议");
        CHECK(r.relaxation == Relaxation::Parts);
        CHECK(r.relaxed_text == "行政复议");  // as long as 法律援助, held by fewer records
        CHECK(IdsOf(r) == Ids{"t2"});
        CHECK(r.word_texts == Ids{"法律援助", "行政复议"});
        CHECK(r.word_totals == Totals{2, 1});
        // 普法责任 (t3), 法律咨询 and 服务 (p1, c1): the longest, the rarest, then the first.
        r = Find(c, "普法责任和法律咨询服务");
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"普法责任", {"t3"}});
        CHECK(r.word_texts == Ids{"普法责任", "法律咨询", "服务"});
        CHECK(r.word_totals == Totals{1, 1, 2});
        // As long: a synonym term before a rarer part (离婚 2 through 婚姻家庭, 协议 1).
        core::Synonyms synonyms;
        synonyms.AddRule("离婚", {"婚姻家庭"});
        TestCorpus family({{RecordType::Task, "f1", "婚姻家庭纠纷", {}},
                           {RecordType::Task, "f2", "婚姻家庭咨询", {}},
                           {RecordType::Task, "f3", "调解协议", {}}},
                          std::move(synonyms));
        r = Find(family, "离婚协议怎么写");
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"离婚", {"f1", "f2"}});
        CHECK(r.word_totals == Totals{2, 1});
        CHECK(Relaxed(family, "lihunxieyizenmexie") == Seen{"lihun", {"f1", "f2"}});
    }
    SUBCASE("a boundary moves left where that makes the parts more common words") {
        TestCorpus county = County();
        // Greedy: 兴山区人民 (x2 alone) + 调解; moved: 兴山区 (3) + 人民调解 (3), held by nothing
        // together: the longer alone.
        core::SearchResult r = Find(county, "兴山区人民调解");
        CHECK(r.word_texts == Ids{"兴山区", "人民调解"});
        CHECK(r.word_totals == Totals{3, 3});
        CHECK(r.relaxed_text == "人民调解");
        CHECK(IdsOf(r) == Ids{"x4", "x5", "x6"});
        // Not moved where the product does not grow: 推进人民调解 + 工作 (1 x 1, as 推进人民调 + 解工作
        // and 推进人民 + 调解工作), held by nothing together: the longer alone.
        CHECK(Relaxed(county, "推进人民调解工作") == Seen{"推进人民调解", {"x6"}});
    }
    SUBCASE("a character is left out where the run from the next one is the better part") {
        TestCorpus county = County();
        // Greedy: 区人民 (x2's 兴山区人民法院) + 调解; the run from 人 reaches further and is
        // longer: 人民调解.
        CHECK(Relaxed(county, "区人民调解") == Seen{"人民调解", {"x4", "x5", "x6"}});
        // As long, one character further: the part more records hold (甲乙 1, 乙丙 2), or the
        // greedy one when it is held by as many or more (律援助 2, 援助质 1: see below).
        TestCorpus pairs({{RecordType::Task, "a", "甲乙", {}}, {RecordType::Task, "b", "乙丙", {}},
                          {RecordType::Task, "c", "乙丙", {}}});
        CHECK(Relaxed(pairs, "甲乙丙") == Seen{"乙丙", {"b", "c"}});
        TestCorpus pairs2({{RecordType::Task, "a", "甲乙", {}}, {RecordType::Task, "b", "甲乙", {}},
                           {RecordType::Task, "c", "乙丙", {}}});
        CHECK(Relaxed(pairs2, "甲乙丙") == Seen{"甲乙", {"a", "b"}});
        // Further but held by few, where the greedy part and the one after it are common: 甲乙 (3)
        // + 丙丁 (4), not 乙丙丁 (1) alone (qingdanxingz: qingdan + xingz, not danxingz).
        TestCorpus common({{RecordType::Task, "a", "甲乙", {}}, {RecordType::Task, "b", "甲乙", {}},
                           {RecordType::Task, "c", "甲乙", {}}, {RecordType::Task, "d", "丙丁", {}},
                           {RecordType::Task, "e", "丙丁", {}}, {RecordType::Task, "f", "丙丁", {}},
                           {RecordType::Task, "g", "乙丙丁", {}}});
        core::SearchResult r = Find(common, "甲乙丙丁戊");
        CHECK(r.word_texts == Ids{"甲乙", "丙丁"});
        CHECK(r.word_totals == Totals{3, 4});
    }
    SUBCASE("a synonym is a part though its characters never occur together") {
        CHECK(Relaxed(c, "离婚怎么办") == Seen{"离婚", {"p2"}});
        // 甲乙丙: its bigrams' lists share no record (the walk ends on 甲乙's), its synonym's hold it.
        CHECK(Relaxed(c, "甲乙丙龘") == Seen{"甲乙丙", {"p2"}});
        // A term of three characters whose pairs no record holds, anywhere in the word.
        CHECK(Relaxed(c, "打官司怎么办") == Seen{"打官司", {"t1", "p1"}});
        CHECK(Relaxed(c, "我要打官司") == Seen{"打官司", {"t1", "p1"}});
    }
    SUBCASE("with the words of the query: only a word that matches nothing alone is split") {
        CHECK(Relaxed(c, "质量 推进法律援助的") == Seen{"质量 推进法律援助", {"t1"}});
        // With punctuation too: first as spaces (nothing), then split.
        CHECK(Relaxed(c, "推进法律援助的，质量！") == Seen{"推进法律援助 质量", {"t1"}});
    }
    SUBCASE("filters: the parts' matches that pass them, or nothing") {
        core::SearchResult r = Find(c, "怎么申请法律援助", 1u << int(RecordType::ServicePoint));
        CHECK(r.relaxed_text == "法律援助");
        CHECK(IdsOf(r) == Ids{"p1"});
        // A word held only by records the filter leaves out is split all the same (its parts
        // match elsewhere), and finds nothing here.
        r = Find(c, "法律援助", 1u << int(RecordType::Unit));
        CHECK(r.relaxation == Relaxation::None);
        CHECK(r.total == 0);
        r = Find(c, "怎么申请法律援助", 1u << int(RecordType::Channel));
        CHECK(r.relaxation == Relaxation::None);
        CHECK(r.total == 0);
    }
    SUBCASE("nothing held either way, or a word that matches as typed: as typed") {
        CHECK(Find(c, "律援助质").relaxed_text == "律援助");  // 质 alone is no part
        CHECK(IdsOf(Find(c, "律援助质")) == Ids{"t1", "p1"});
    }
    SUBCASE("Query::relax = false: exactly as typed") {
        core::Query q;
        q.text = "怎么申请法律援助";
        q.relax = false;
        core::SearchResult r = c.index.Search(q);
        CHECK(r.total == 0);
        CHECK(r.relaxation == Relaxation::None);
        q.text = "法律援助。";
        CHECK(c.index.Search(q).total == 0);
    }
    SUBCASE("not split: matched as typed, pinyin, two characters, nothing that matches") {
        CHECK(Find(c, "法律援助").relaxation == Relaxation::None);
        CHECK(Find(c, "赡养").relaxation == Relaxation::None);          // too short to split
        core::SearchResult r = Find(c, "龘龘龘龘");
        CHECK(r.relaxation == Relaxation::None);
        CHECK(r.total == 0);
        // The parts of 援助法律 are 援助 and 法律; together in t1 and p1, so no split of a pair
        // that is itself held (援助法 is held by no record).
        CHECK(Relaxed(c, "援助法律") == Seen{"援助 法律", {"t1", "p1"}});
    }
    SUBCASE("a long word: its parts searched once each, at most 8 of them, the searches bounded") {
        std::string word;
        for (int i = 0; i < 16; ++i) word += "法律援助";  // 64 characters, the most a word has
        core::SearchResult r = Find(c, word);
        CHECK(r.relaxed_text == "法律援助");
        CHECK(IdsOf(r) == Ids{"t1", "p1"});
        CHECK_FALSE(r.query_truncated);
        // Nine parts: the first eight (a query's words), nothing holds them all, the first of the
        // longest and rarest alone.
        r = Find(c, "法律龘援助龘复议龘体制龘普法龘质量龘咨询龘热线龘调解");
        CHECK(r.word_texts == Ids{"法律", "援助", "复议", "体制", "普法", "质量", "咨询", "热线"});
        CHECK(r.word_totals == Totals{3, 2, 1, 1, 1, 1, 1, 1});
        CHECK(r.relaxed_text == "复议");
        CHECK(r.query_truncated);
        // Runs are searched a character at a time: 8 searches find the first part, 6 the second,
        // and the last 2 of kMaxPartSearches take the third to 扩大法律; then held pairs only.
        static_assert(core::SearchIndex::kMaxPartSearches == 16, "the runs below count to 16");
        r = Find(c, "推进行政复议体制改革龘整合行政复议职责龘扩大法律援助覆盖面");
        CHECK(r.word_texts == Ids{"推进行政复议体制改革", "整合行政复议职责", "扩大法律", "援助", "覆盖"});
        CHECK(r.relaxed_text == "推进行政复议体制改革");
        CHECK(IdsOf(r) == Ids{"t2"});
    }
}

TEST_CASE("search relaxed: a word read within the words before it is counted alone") {
    // After the first word, a word answered by its postings (人民, renmin) is read only where the
    // words before it matched (兴山区: x1-x3); when nothing holds them all, its count is of every
    // record that holds it (x2, x4, x5, x6), not of those.
    // With no memo budget, renmin's matches are not listed at all: its marks are read for the
    // records of 兴山区 alone, and its count is still of all of them.
    using Totals = std::vector<uint32_t>;
    TestCorpus county = County();
    for (size_t budget : {core::SearchIndex::kDefaultMemoBudget, size_t(0)}) {
        county.index.SetMemoBudget(budget);
        for (const char* text : {"兴山区 人民 工作室", "兴山区 renmin 工作室", "兴山区 人民 gongzuoshi"}) {
            CAPTURE(budget);
            CAPTURE(text);
            const core::SearchResult r = Find(county, text);
            CHECK(r.word_totals == Totals{3, 4, 1});
            CHECK(r.word_texts.size() == 3);
        }
    }
    county.index.SetMemoBudget(core::SearchIndex::kDefaultMemoBudget);
    // Parts ANDed (兴山区 and 人民调解: nothing holds both), then a part alone: what that part
    // finds as typed, after a query that kept 人民调解's matches. (A word's matches read within
    // another's are never kept for a relaxation to reuse as all of its own: search_fuzz found it,
    // tests/fuzz/seeds/search-reuse-within.)
    for (const char* text : {"兴山区人民调解法院", "兴山区人民调解推进", "兴山区公证处人民调解"}) {
        CAPTURE(text);
        Find(county, "人民调解 工作");
        const core::SearchResult r = Find(county, text);
        REQUIRE(r.relaxation == Relaxation::Parts);
        core::Query q;
        q.text = r.relaxed_text;
        q.relax = false;
        q.group_by_type = false;  // (as Find)
        const core::SearchResult a = county.index.Search(q);
        CHECK(r.relaxed_text.find(' ') == std::string::npos);
        CHECK(IdsOf(r) == IdsOf(a));
        CHECK(ScoresOf(r) == ScoresOf(a));
        CHECK(r.total == a.total);
    }
}

TEST_CASE("search relaxed: a word that matches nothing and has no part is left out") {
    TestCorpus c = Corpus();
    using Totals = std::vector<uint32_t>;
    SUBCASE("the other words' matches, and the word left out listed with none") {
        core::SearchResult r = Find(c, "法律援助 龘龘");
        CHECK(r.relaxation == Relaxation::Parts);
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"法律援助", {"t1", "p1"}});
        CHECK(r.word_texts == Ids{"法律援助", "龘龘"});
        CHECK(r.word_totals == Totals{2, 0});
        // The rest held by nothing together: the most specific alone, each listed.
        r = Find(c, "复议 龘 法律");
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"复议", {"t2"}});
        CHECK(r.word_texts == Ids{"复议", "法律", "龘"});
        CHECK(r.word_totals == Totals{1, 3, 0});
        // Pinyin words alike (zenme reads as nothing any record holds): each other word listed
        // with what it finds alone.
        r = Find(c, "falv zenme tigao");
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"falv tigao", {"t1"}});
        CHECK(r.word_texts == Ids{"falv", "tigao", "zenme"});
        CHECK(r.word_totals == Totals{Find(c, "falv").total, Find(c, "tigao").total, 0});
    }
    SUBCASE("every word left out: as typed") {
        core::SearchResult r = Find(c, "龘龘 zenme");
        CHECK(r.relaxation == Relaxation::None);
        CHECK(r.total == 0);
    }
}

TEST_CASE("search relaxed: a word the query as typed searched is not searched again") {
    TestCorpus c = Corpus();
    SUBCASE("a literal word's matches, verified once") {
        const core::SearchResult alone = Cold(c, "法律援助");
        REQUIRE(alone.texts_searched > 0);  // (4 characters: each candidate verified in its text)
        for (const std::string text : {"法律援助 龘龘", "龘龘 法律援助", "法律援助 怎么办"}) {
            CAPTURE(text);
            const core::SearchResult r = Cold(c, text);
            CHECK(r.relaxation == Relaxation::Parts);
            CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"法律援助", IdsOf(alone)});
            CHECK(ScoresOf(r) == ScoresOf(alone));  // (t1's in its title: above a match in a body)
            CHECK(r.texts_searched == alone.texts_searched);  // (twice before)
        }
    }
    SUBCASE("a pinyin word: the syllables that sound alike leave the memo to the searches after") {
        const core::SearchResult alone = Cold(c, "falvyuanzhu");
        REQUIRE(alone.texts_searched > 0);
        // Searched as typed, with the syllables that sound alike (zenme: zeng, meng...), for the
        // parts of zenme (none), then as the word alone.
        const core::SearchResult r = Cold(c, "falvyuanzhu zenme");
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"falvyuanzhu", IdsOf(alone)});
        CHECK(alone.texts_searched == 2);
        CHECK(r.texts_searched == 2 + 6);  // as typed, and the parts (2 + 6 + 2 before)
        // And the next keystroke finds what it finds typed alone (the memo it reads is right).
        CHECK(IdsOf(Find(c, "falvyuanzhu 龘龘龘")) == IdsOf(alone));
        CHECK(IdsOf(Find(c, "falvyuanzhux")) == IdsOf(Cold(c, "falvyuanzhux")));
    }
    SUBCASE("the syllables that sound alike read first the word that matched nothing as typed") {
        // zhiliangfa matches nothing, typed or alike (质量 is never followed by a fa), so
        // falvyuanzhu is not searched alike; then zhiliangfa's part zhiliang, and falvyuanzhu
        // from the memo.
        core::SearchResult r = Cold(c, "falvyuanzhu zhiliangfa");
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"falvyuanzhu zhiliang", {"t1"}});
        // (17 with falvyuanzhu searched alike first: its 2 records; 15 before bigram contexts
        // decided the runs 援助质, 援助质量 and 助质量 the parts count: 助质 only in 援助质量)
        CHECK(r.texts_searched == 12);
        // The order does not change what is found: fanv matches nothing as typed, tigao does.
        r = Find(c, "tigao fanv");
        CHECK(r.relaxation == Relaxation::SimilarPinyin);
        CHECK(IdsOf(r) == Ids{"t1"});
        CHECK(IdsOf(Find(c, "fanv tigao")) == Ids{"t1"});
    }
}

TEST_CASE("search relaxed: syllables that sound alike, typed on") {
    TestCorpus c = Corpus();
    // xin for xing: found alike at every keystroke; each after the first narrows the last one's
    // matches (its own memo), as typing as typed does, and finds what a search afresh finds.
    const std::vector<std::string> typed = {"xinzhengf", "xinzhengfu", "xinzhengfuy", "xinzhengfuyi"};
    const std::vector<core::SearchResult> fresh = Fresh(c, typed);
    for (size_t i = 0; i < typed.size(); ++i) {
        CAPTURE(typed[i]);
        const core::SearchResult r = Find(c, typed[i]);
        CHECK(r.relaxation == Relaxation::SimilarPinyin);
        CHECK(IdsOf(r) == IdsOf(fresh[i]));
        CHECK(IdsOf(r) == Ids{"t2"});
        CHECK(r.total == fresh[i].total);
        CHECK(fresh[i].texts_searched == 1);
        CHECK(r.texts_searched == (i == 0 ? 1u : 0u));
    }
    // A query that matches as typed drops that memo; typing alike again starts afresh.
    CHECK(Find(c, "xingzhengfuyi").relaxation == Relaxation::None);
    CHECK(Find(c, "xinzhengfuyi").texts_searched == 1);
}

TEST_CASE("search relaxed: typed on, a relaxed query's part is not searched again") {
    TestCorpus c = Corpus();
    // xingzheng fuyi zenme...: nothing holds every word; its part xingzhengfuyi spans two words,
    // which the query as typed does not search as one. Its matches are kept apart from the typed
    // query's, for the next keystroke's relaxed search.
    const std::vector<std::string> typed = {"xingzheng fuyi zenme", "xingzheng fuyi zenmes", "xingzheng fuyi zenmesh"};
    const std::vector<core::SearchResult> fresh = Fresh(c, typed);
    for (size_t i = 0; i < typed.size(); ++i) {
        CAPTURE(typed[i]);
        const core::SearchResult r = Find(c, typed[i]);
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"xingzhengfuyi", Ids{"t2"}});
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{fresh[i].relaxed_text, IdsOf(fresh[i])});
        CHECK(ScoresOf(r) == ScoresOf(fresh[i]));
        CHECK(r.texts_searched + (i == 0 ? 0 : 1) == fresh[i].texts_searched);  // (its record, once)
    }
    // A query that matches as typed drops those memos.
    CHECK(Find(c, "xingzhengfuyi").relaxation == Relaxation::None);
    CHECK(Find(c, "xingzheng fuyi zenmesh").texts_searched == fresh.back().texts_searched);
}

TEST_CASE("search relaxed: typed on, a word of characters before another is not verified again") {
    TestCorpus c = Corpus();
    // 法律援助 (4 characters: verified in each candidate's text) is kept for the next keystroke
    // when the query has another word (typing that one on), relaxed or not.
    const core::SearchResult cold2 = Cold(c, "法律援助 龘龘");
    const core::SearchResult cold3 = Cold(c, "法律援助 质量");
    REQUIRE(cold2.texts_searched == 2);  // t1 and p1, once (the relaxed search reuses them)
    Find(c, "的");
    Find(c, "法律援助 龘");
    const core::SearchResult r = Find(c, "法律援助 龘龘");
    CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{cold2.relaxed_text, IdsOf(cold2)});
    CHECK(ScoresOf(r) == ScoresOf(cold2));
    CHECK(r.texts_searched == 0);
    Find(c, "法律援助 质");
    const core::SearchResult both = Find(c, "法律援助 质量");  // t1 holds both
    CHECK(IdsOf(both) == Ids{"t1"});
    CHECK(IdsOf(both) == IdsOf(cold3));
    CHECK(both.texts_searched == 0);
    CHECK(cold3.texts_searched == 2);
    // One word alone keeps none (a fresh query pays nothing for a keystroke that may not come).
    Find(c, "法律援助");
    CHECK(Find(c, "法律援助").texts_searched == 2);
}

TEST_CASE("search relaxed: syllables typed apart that match nothing: their counts, when shown") {
    TestCorpus c = Corpus();
    // fa ti: no record holds a fa followed by a ti, nor a part of two syllables; each syllable
    // alone is held. The relaxation reads only whether each is held (it does not count them,
    // SearchIndex::Relaxing::estimated); the result shown counts them as the query as typed does.
    core::Query typed;
    typed.text = "fa ti";
    typed.relax = false;
    const core::SearchResult exact = c.index.Search(typed);
    REQUIRE(exact.total == 0);
    REQUIRE(exact.word_totals.size() == 2);
    CHECK(exact.word_totals[0] > 1);
    CHECK(exact.word_totals[1] > 1);
    const core::SearchResult r = Find(c, "fa ti");
    CHECK(r.total == 0);
    CHECK(r.relaxation == Relaxation::None);
    CHECK(r.word_totals == exact.word_totals);
    CHECK(r.word_texts == Ids{"fa", "ti"});
}

TEST_CASE("search relaxed: pinyin typed as a sentence, split into its longest parts that match") {
    TestCorpus c = Corpus();
    using Totals = std::vector<uint32_t>;
    SUBCASE("the syllables some record holds as characters, the rest left out") {
        // fa lv yuan zhu: 法律援助; zen me ban: 怎么 and 么办 are held by no record.
        core::SearchResult r = Find(c, "falvyuanzhuzenmeban");
        CHECK(r.relaxation == Relaxation::Parts);
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"falvyuanzhu", {"t1", "p1"}});
        // Longer runs are found as the characters are: 推进法律援助 only in t1's title.
        CHECK(Relaxed(c, "tuijinfalvyuanzhuzenmeban") == Seen{"tuijinfalvyuanzhu", {"t1"}});
        // Two parts, found together (t1: 法律援助 ... 质量).
        CHECK(Relaxed(c, "falvyuanzhudezhiliang") == Seen{"falvyuanzhu zhiliang", {"t1"}});
        // Full-width letters and ü read as typed letters.
        CHECK(Relaxed(c, "ｆａｌüyuanzhuzenme") == Seen{"falvyuanzhu", {"t1", "p1"}});
    }
    SUBCASE("a synonym term read in pinyin is a part (离婚 is in no record; 婚姻家庭 is)") {
        CHECK(Relaxed(c, "lihunzenmeban") == Seen{"lihun", {"p2"}});
        // Weighed by what it finds: qianxin (欠薪, in no record) against banqian before it (搬迁,
        // held by one), as a term of characters is.
        core::Synonyms owed;
        owed.AddRule("欠薪", {"劳动争议"});
        TestCorpus wages({{RecordType::Task, "move", "完成搬迁安置", {}},
                          {RecordType::Task, "labour", "劳动争议调解", {}},
                          {RecordType::Task, "arbitration", "劳动争议仲裁", {}}},
                         std::move(owed));
        CHECK(Relaxed(wages, "laobanqianxin") == Seen{"qianxin", {"labour", "arbitration"}});
    }
    SUBCASE("a boundary moves left where that makes the parts more common words") {
        TestCorpus county = County();
        // Greedy: xingshanqurenmin (x2 alone) + tiaojie; moved: xingshanqu (3) + renmintiaojie
        // (3), held by nothing together: the longer (in syllables) alone.
        core::SearchResult r = Find(county, "xingshanqurenmintiaojie");
        CHECK(r.word_texts == Ids{"xingshanqu", "renmintiaojie"});
        CHECK(r.word_totals == Totals{3, 3});
        CHECK(Seen{r.relaxed_text, IdsOf(r)} == Seen{"renmintiaojie", {"x4", "x5", "x6"}});
        // A syllable left out where the run from the next one is better (qurenmin + tiaojie
        // before, and qurenmin, x2's, alone).
        CHECK(Relaxed(county, "qurenmintiaojie") == Seen{"renmintiaojie", {"x4", "x5", "x6"}});
        // The run from the next syllable ends before the last one (yuanzhang: 院长), which starts
        // no run of two: weighed without reading past the word (the search fuzzer's find).
        TestCorpus court({{RecordType::Unit, "a", "法院", {}}, {RecordType::Unit, "b", "院长", {}}});
        CHECK(Relaxed(court, "fayuanzhangz") == Seen{"fayuan", {"a"}});
    }
    SUBCASE("a word of pinyin and characters together: each run of one kind is a word") {
        // Full-width Latin too: falv (its part) and 援助 (of 援助龘).
        CHECK(Relaxed(c, "ｆａｌｖ援助龘") == Seen{"falv 援助", {"t1", "p1"}});
        CHECK(Relaxed(c, "怎么申请falvyuanzhu") == Seen{"falvyuanzhu", {"t1", "p1"}});
        CHECK(Relaxed(c, "我要lihun") == Seen{"lihun", {"p2"}});
        // Initials are kept as typed (tg: 提高, in t1 with 法律).
        CHECK(Relaxed(c, "法律tg龘") == Seen{"法律 tg", {"t1"}});
        // A mixed word that matches as typed is not split.
        CHECK(Find(c, "法律yz").relaxation == Relaxation::None);
    }
    SUBCASE("pinyin words typed apart: a part spans whole words") {
        // Read as one sentence: falvyuanzhu, zenme left out (as falv yuanzhu apart, both in t1, p1).
        CHECK(Relaxed(c, "falv yuanzhu zenme") == Seen{"falvyuanzhu", {"t1", "p1"}});
        CHECK(Relaxed(c, "da guansi zenme") == Seen{"daguansi", {"t1", "p1"}});  // a synonym term
        // Words that match alone but are in no part (fa: 法, da: 大) do not make it fa da (t1).
        CHECK(Relaxed(c, "fa da guansi") == Seen{"daguansi", {"t1", "p1"}});
        // A part that is a typed word, the other word in none: zhen (镇, p2's) is left out as a
        // syllable of a sentence is, where apart each word would be listed alone.
        CHECK(Relaxed(c, "zhen daguansi") == Seen{"daguansi", {"t1", "p1"}});
        // Never part of a word: falv fuyi is no 法律服 (p1, c1) + yi, but two words, each
        // matching alone and listed (nothing holds both).
        core::SearchResult r = Find(c, "falv fuyi");
        CHECK(r.relaxation == Relaxation::None);
        CHECK(r.word_texts == Ids{"falv", "fuyi"});
        // Parts that are the typed words: each word on its own, each listed with what it finds
        // alone (zenme as left out).
        r = Find(c, "falv zenme tigao");
        CHECK(r.word_texts == Ids{"falv", "tigao", "zenme"});
    }
    SUBCASE("a part whose letters would read as other syllables keeps its syllables apart") {
        TestCorpus xian({{RecordType::Unit, "u1", "西安律师协会", {}}, {RecordType::Unit, "u2", "先进律师", {}}});
        // xi'an: 西安; joined, xian would read as 先 (u2's).
        CHECK(Relaxed(xian, "xi'anlvshizenmezhao") == Seen{"xi'an'lv'shi", {"u1"}});
    }
    SUBCASE("not split: initials, one syllable, nothing held, as typed") {
        // (Initials typed on past a match stand for their longest prefix that matches, below.)
        CHECK(Find(c, "flyzzmb").relaxation != Relaxation::SimilarPinyin);
        CHECK(Find(c, "flyzzmb").word_texts.empty());
        CHECK(Find(c, "zenmeban").relaxation == Relaxation::None);
        CHECK(Find(c, "falvyuanzhu").relaxation == Relaxation::None);
        core::Query q;
        q.text = "falvyuanzhuzenmeban";
        q.relax = false;
        CHECK(c.index.Search(q).total == 0);
    }
}

TEST_CASE("search relaxed: a pinyin part gives its last syllables to those after it that start none") {
    // falvwen (法律文, one record) is the longest run from the left of falvwenti, and ti starts
    // none: wen goes to wenti (问题), since 法律 and 问题 are each held by twice as many records.
    TestCorpus c({{RecordType::Task, "doc", "法律文书制作", {}},
                  {RecordType::Task, "know", "学习法律知识", {}},
                  {RecordType::Task, "common", "普及法律常识", {}},
                  {RecordType::Task, "masses", "解决群众问题", {}},
                  {RecordType::Task, "conflict", "排查矛盾问题", {}},
                  {RecordType::Task, "mediate", "加强人民调解", {}},
                  {RecordType::Task, "room", "调解室建设", {}}});
    // (Nothing holds both: each is listed, and the one of fewer records, nearer the question, shown.)
    CHECK(Find(c, "falvwenti").word_texts == Ids{"falv", "wenti"});
    CHECK(Find(c, "falvwenti").relaxed_text == "wenti");
    // 人民调解 (one record) stays whole before shishenme, though 调解室 of tiaojieshi is held:
    // renmin is held by no more records than it.
    CHECK(Find(c, "renmintiaojieshishenme").relaxed_text == "renmintiaojie");
}

TEST_CASE("search relaxed: initials typed on past a match stand for their longest prefix that matches") {
    TestCorpus c({{RecordType::Task, "aid", "加大法律援助力度", {}},
                  {RecordType::Task, "build", "推进社区建设", {}},
                  {RecordType::ServicePoint, "centre", "法律援助工作站", {}}});
    auto ids_of = [&](const char* text) {
        core::Query q;
        q.text = text;
        q.relax = false;
        Ids out;
        for (const core::Hit& h : c.index.Search(q).hits) out.push_back(std::string(h.id));
        return out;
    };
    for (const char* typed : {"flyzzx", "FLYZZX", "flyzzxq"}) {  // (法律援助中心 is held nowhere)
        CAPTURE(typed);
        const core::SearchResult r = Find(c, typed);
        CHECK(r.relaxation == Relaxation::Parts);
        CHECK(r.relaxed_text == std::string(typed).substr(0, 4));
        CHECK(IdsOf(r) == ids_of("flyz"));
        CHECK(r.word_texts.empty());  // (zx alone is no part listed: it would find almost anything)
    }
    CHECK(IdsOf(Find(c, "flyzgz")) == ids_of("flyzgz"));  // (a match as typed: 法律援助工作站)
    // Never a prefix of three letters (sqj of sqjz, 社区矫正, would find 社区建设), nor more than
    // three letters back, nor letters with a vowel (pinyin, split into parts as syllables are).
    for (const char* typed : {"sqjz", "sqjzz", "flyzbcdfg"}) {
        CAPTURE(typed);
        const core::SearchResult r = Find(c, typed);
        CHECK(r.relaxation == Relaxation::None);
        CHECK(r.total == 0);
    }
}
