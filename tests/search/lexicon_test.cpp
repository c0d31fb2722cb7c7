// lexicon_test.cpp — a dictionary's two-character words (core/Lexicon.h): parsing jieba's format,
// problems, and what the search makes of them: a query that matches nothing is read by parts
// that are words, never two characters of a longer word. Depends on core/Lexicon.h,
// core/Search.h, core/Pack.h, assets/data and jieba's dictionary (python3-jieba).
#include <doctest/doctest.h>

#include <algorithm>

#include "core/Load.h"
#include "core/Pack.h"
#include "search_fixture.h"

using core::RecordType;

namespace {
core::Lexicon Words(std::string_view text) {
    core::Problems problems;
    core::Lexicon w = core::Lexicon::Parse("dict.txt", text, problems);
    REQUIRE(problems.empty());
    return w;
}

// 保护 is common; 年人 is held only inside 老年人, and 未成年人 by no record.
TestCorpus Elders(const core::Synonyms& synonyms = {}) {
    return TestCorpus({
                          {RecordType::Task, "t1", "保障老年人权益", {}},
                          {RecordType::Task, "t2", "加强生态保护", {}},
                          {RecordType::Task, "t3", "知识产权保护", {}},
                          {RecordType::Task, "t4", "找法援", {}},
                      },
                      synonyms);
}
}  // namespace

TEST_CASE("lexicon: jieba's lines, two Han characters each, folded") {
    core::Problems problems;
    const core::Lexicon w = core::Lexicon::Parse("dict.txt",
                                                 "法律 5000 n\n"
                                                 "法律援助 3 nr\n"  // longer: skipped
                                                 "法\t90 n\n"       // shorter: skipped
                                                 "復議 84 v\n"      // traditional, folded: 复议
                                                 "ＡＢ 1 x\n"      // not Han (full-width letters: 6 bytes)
                                                 "# 注释 1\n"
                                                 "\n"
                                                 "保护\r\n"         // no frequency, CRLF
                                                 "\xE6\xB3\x95\xFF\xFF\xFF 1 x\n"  // 6 bytes, not UTF-8
                                                 "法律 7 n",        // again, no newline at the end
                                                 problems);
    CHECK(w.Size() == 3);
    CHECK(w.Holds(0x6CD5, 0x5F8B));  // 法律
    CHECK(w.Holds(0x590D, 0x8BAE));  // 复议
    CHECK_FALSE(w.Holds(0x5FA9, 0x8B70));  // (復議 as typed: the search folds queries the same way)
    CHECK(w.Holds(0x4FDD, 0x62A4));  // 保护
    CHECK_FALSE(w.Holds(0x5F8B, 0x6CD5));
    CHECK(w.Words() == std::vector<std::string>{"保护", "复议", "法律"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].ToString() == "dict.txt:9:1 warning: not UTF-8 (line skipped)");

    // Filtered keeps what the predicate accepts (an index: the pairs its records hold).
    CHECK(w.Filtered([](uint32_t a, uint32_t) { return a == 0x6CD5; }).Words() == std::vector<std::string>{"法律"});
}

TEST_CASE("lexicon: common words, by the frequency each line gives") {
    const core::Lexicon w = Words("委员会 24831 n\n"
                                  "调解 711 v\n"
                                  "問題 55563 n\n"       // traditional, folded: 问题
                                  "中心\n"                // no frequency: not common
                                  "工作\t66367\tvn\n"    // tabs
                                  "一 217830 m\n"         // one character: no part
                                  "人民代表大会 25030 nt\n"  // six characters
                                  "中华人民共和国全国人民代表大会 99999 nt\n"  // fifteen: too long
                                  "ＡＢ 20000 x\n"        // not Han
                                  "办法 9999 n\n");        // just under the threshold
    CHECK(w.CommonWords() == std::vector<std::string>{"人民代表大会", "委员会", "工作", "问题"});
    CHECK(w.Common("委员会"));
    CHECK(w.Common("问题"));
    CHECK_FALSE(w.Common("問題"));  // (folded before asking, as the search does)
    CHECK_FALSE(w.Common("调解"));
    CHECK_FALSE(w.Common("中心"));
    CHECK_FALSE(w.Common("办法"));
    CHECK(w.Size() == 5);  // the two-character words, as before: 调解, 问题, 中心, 工作, 办法
    // Filtered keeps the common words every pair of whose characters it accepts.
    const core::Lexicon kept = w.Filtered([](uint32_t a, uint32_t b) { return !(a == 0x5458 && b == 0x4F1A); });  // not 员会
    CHECK(kept.CommonWords() == std::vector<std::string>{"人民代表大会", "工作", "问题"});
    // As packs carry them: those of two characters by their positions among the words (中心 办法
    // 工作 调解 问题, sorted by code point: 工作 is the third, 问题 the last), the rest as they are.
    std::vector<uint32_t> positions;
    std::vector<std::string> others;
    kept.CommonWordsByPosition(positions, others);
    CHECK(positions == std::vector<uint32_t>{2, 4});
    CHECK(others == std::vector<std::string>{"人民代表大会"});
    CHECK(kept.WordsAt(positions) == std::vector<std::string>{"工作", "问题"});
    CHECK(kept.WordsAt({4, 5, 99}) == std::vector<std::string>{"问题"});  // (past the words: skipped)
}

TEST_CASE("lexicon: function words, single characters by their tag and frequency") {
    const core::Lexicon w = Words("的 318825 uj\n"   // particles: u, uj, ul...
                                  "了 883634 ul\n"
                                  "在\t727915\tp\n"   // a preposition, tabs
                                  "和 555815 c\n"    // a conjunction
                                  "我 328841 r\n"    // a pronoun
                                  "吗 21245 y\n"     // a modal particle
                                  "找 20856 v\n"     // a verb: no function word
                                  "呵 2416 y\n"      // under the threshold
                                  "哪 12138\n"       // no tag
                                  "個 70000 q\n"     // a measure word that questions are built on (哪个)
                                  "位 16243 q\n"     // another measure word (单位)
                                  "與 160984 p\n"    // traditional, folded: 与
                                  "所 78431 c\n"     // jieba's conjunction, a noun's end here (司法所)
                                  "地 183646 uv\n"   // (土地, 所在地)
                                  "是 796991 v\n"    // verbs that questions are built on
                                  "有 423765 v\n"
                                  "没 52407 v\n");
    for (const uint32_t c : {0x7684u, 0x4E86u, 0x5728u, 0x548Cu, 0x6211u, 0x5417u, 0x4E0Eu})  // 的 了 在 和 我 吗 与
        CHECK(w.FunctionCharacter(c));
    for (const uint32_t c : {0x662Fu, 0x6709u, 0x6CA1u, 0x4E2Au}) CHECK(w.FunctionCharacter(c));  // 是 有 没 个
    for (const uint32_t c : {0x627Eu, 0x5475u, 0x54EAu, 0x4F4Du, 0x4E2Du, 0x6240u, 0x5730u})  // 找 呵 哪 位, 中 (absent), 所 地
        CHECK_FALSE(w.FunctionCharacter(c));
    CHECK(w.Size() == 0);  // (no two-character word)
}

TEST_CASE("lexicon: function words of two characters, by their tag and frequency, held or not") {
    const core::Lexicon w = Words("如何 19871 r\n"   // a pronoun
                                  "可以 70958 c\n"   // a conjunction
                                  "依照 1000 p\n"    // a preposition, at the threshold
                                  "的话 3084 u\n"    // a particle
                                  "哪個 1874 r\n"    // traditional, folded: 哪个
                                  "要是 999 c\n"     // just under it
                                  "合同 3572 a\n"    // no function word's tag
                                  "怎么样 2332 r\n"  // three characters
                                  "哪 12138 r\n");   // one
    CHECK(w.FunctionWords() == std::vector<std::string>{"依照", "可以", "哪个", "如何", "的话"});
    auto has = [&](const char* word) { return std::binary_search(w.FunctionWords().begin(), w.FunctionWords().end(), word); };
    CHECK(has("如何"));
    CHECK_FALSE(has("要是"));
    CHECK_FALSE(has("合同"));
    CHECK_FALSE(w.Common("依照"));  // (common words are another list, of 10,000 uses or more: 如何 is one)
    CHECK(w.Common("如何"));
    // Filtered keeps them all: what a query asks with, records need not hold.
    CHECK(w.Filtered([](uint32_t, uint32_t) { return false; }).FunctionWords() == w.FunctionWords());
}

TEST_CASE("lexicon: problems are few and located; a missing file is one problem") {
    std::string text;
    for (int i = 0; i < 8; ++i) text += "\xE6\xB3\x95\xFF\xFF\xFF 1\n";
    core::Problems problems;
    CHECK(core::Lexicon::Parse("dict.txt", text, problems).Empty());
    REQUIRE(problems.size() == core::Lexicon::kMaxProblems + 1);
    CHECK(problems[0].ToString() == "dict.txt:1:1 warning: not UTF-8 (line skipped)");
    CHECK(problems.back().ToString() == "dict.txt warning: 3 more lines not UTF-8 (skipped)");

    problems.clear();
    CHECK(core::Lexicon::Load("no/such/dict.txt", problems).Empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == core::Severity::Warning);
}

TEST_CASE("lexicon: jieba's dictionary, as the build finds it") {
    core::Problems problems;
    const core::Lexicon w = core::Lexicon::Load(FAZHITONG_WORDS, problems);
    CHECK(problems.empty());
    CHECK(w.Size() > 100000);
    CHECK(w.Holds(0x4FDD, 0x62A4));        // 保护
    CHECK(w.Holds(0x6C11, 0x4E8B));        // 民事
    CHECK_FALSE(w.Holds(0x5E74, 0x4EBA));  // 年人
}

TEST_CASE("search with a lexicon: a query's parts are words, not fragments of longer ones") {
    TestCorpus c = Elders();
    SUBCASE("without a lexicon every held pair may be a part (as before)") {
        const core::SearchResult r = Find(c, "未成年人保护");
        CHECK(r.relaxation == core::SearchResult::Relaxation::Parts);
        CHECK(r.word_texts == std::vector<std::string>{"年人", "保护"});
    }
    c.index.SetLexicon(Words("保护 1\n老年 1\n权益 1\n生态 1\n"));
    REQUIRE(c.index.Words() != nullptr);
    CHECK(c.index.Words()->Size() == 4);  // all held
    SUBCASE("characters") {
        const core::SearchResult r = Find(c, "未成年人保护");
        CHECK(r.relaxation == core::SearchResult::Relaxation::Parts);
        CHECK(r.relaxed_text == "保护");
        CHECK(IdsOf(r) == Ids{"t2", "t3"});
        // Nothing else: no part at all, so no relaxed result.
        const core::SearchResult alone = Find(c, "未成年人");
        CHECK(alone.total == 0);
        CHECK(alone.relaxation == core::SearchResult::Relaxation::None);
        // A longer run is still a part (老年人 is held; 3 characters need no dictionary).
        CHECK(Find(c, "老年人优待").relaxed_text == "老年人");
    }
    SUBCASE("pinyin") {
        const core::SearchResult r = Find(c, "weichengnianrenbaohu");
        CHECK(r.relaxed_text == "baohu");
        CHECK(IdsOf(r) == Ids{"t2", "t3"});
    }
    SUBCASE("a run of characters beside pinyin") {
        CHECK(Find(c, "年人baohu").relaxed_text == "baohu");
    }
    SUBCASE("a word typed whole is searched as typed, word or not") {
        CHECK(IdsOf(Find(c, "年人")) == Ids{"t1"});
    }
}

TEST_CASE("search with a lexicon: a common word is the last part to stand for a query alone") {
    // Nothing holds 调解委员会, nor both its parts. 委员会 is longer and held by fewer records, but
    // it is a common word of the language: 调解 says what was asked.
    TestCorpus c({
        {RecordType::Task, "t1", "加强人民调解", {}},
        {RecordType::Task, "t2", "完善行政调解", {}},
        {RecordType::Task, "t3", "区依法治区委员会", {}},
        {RecordType::Task, "t4", "执法监督机制", {}},
        {RecordType::Task, "t5", "监督机构改革", {}},
    });
    SUBCASE("without a lexicon: the longest part") {
        CHECK(Find(c, "调解委员会").relaxed_text == "委员会");
    }
    c.index.SetLexicon(Words("调解 711 v\n委员 3000 n\n委员会 24831 n\n机构 19209 n\n机制 9000 n\n监督 7000 v\n"));
    SUBCASE("with one") {
        const core::SearchResult r = Find(c, "调解委员会");
        CHECK(r.relaxation == core::SearchResult::Relaxation::Parts);
        CHECK(r.relaxed_text == "调解");
        CHECK(IdsOf(r) == Ids{"t1", "t2"});
        CHECK(r.word_texts == std::vector<std::string>{"调解", "委员会"});  // each part's count for the screen
        CHECK(c.index.CommonWord("委员会"));
        CHECK(c.index.CommonWord("委員會"));  // (folded)
        CHECK_FALSE(c.index.CommonWord("调解"));
        // Typed in pinyin: the same choice (a common word reads weiyuanhui).
        CHECK(Find(c, "tiaojieweiyuanhui").relaxed_text == "tiaojie");
        CHECK(c.index.CommonWord("weiyuanhui"));
        CHECK_FALSE(c.index.CommonWord("weiyuan"));
        CHECK_FALSE(c.index.CommonWord("tiaojie"));
    }
    SUBCASE("a part ends before a word of the query, not inside it") {
        // 执法监督机 is held (by 执法监督机制) but ends inside 机构: the parts are 执法监督 and 机构.
        const core::SearchResult r = Find(c, "执法监督机构");
        CHECK(r.relaxation == core::SearchResult::Relaxation::Parts);
        CHECK(r.relaxed_text == "执法监督");
        CHECK(r.word_texts == std::vector<std::string>{"执法监督", "机构"});
    }
}

TEST_CASE("search with a lexicon: a part does not start inside a word that is more of one") {
    // 国法律 is held (by 全国法律援助) and 国法 is a word of jieba's (104 uses), but 国 ends 中国, a
    // common word (129,470): the parts of 中国法律服务网 are 中国 and 法律服务.
    TestCorpus c({
        {RecordType::Task, "nation", "推进全国法律援助服务", {}},
        {RecordType::Task, "service", "完善法律服务体系", {}},
        {RecordType::Task, "china", "中国特色", {}},
    });
    SUBCASE("without a lexicon: the longest held runs") {
        const core::SearchResult r = Find(c, "中国法律服务网");
        CHECK(r.relaxed_text == "国法律 服务");
        CHECK(IdsOf(r) == Ids{"nation"});
    }
    c.index.SetLexicon(Words("中国 129470 ns\n国法 104 n\n法律 1 n\n服务 1 n\n"));
    SUBCASE("with one") {
        const core::SearchResult r = Find(c, "中国法律服务网");
        CHECK(r.relaxed_text == "法律服务");  // (nothing holds both; 中国 is a common word)
        CHECK(r.word_texts == std::vector<std::string>{"中国", "法律服务"});
        CHECK(IdsOf(r) == Ids{"service"});
    }
}

TEST_CASE("search with a lexicon: a part does not start with a character that is no word with the next, where "
          "the next starts one and its run reaches further") {
    // 一法律 is held (统一法律), and 一法律 (1) times 顾问 (4) outweighed 法律顾问 (2) alone; 省人民
    // (省人民政府, 1) times 法院 (3) outweighed 人民法院 (2).
    TestCorpus c({
        {RecordType::Task, "unify", "统一法律职业资格考试", {}},
        {RecordType::Task, "adviser", "法律顾问", {}},
        {RecordType::Task, "adviser2", "政府法律顾问", {}},
        {RecordType::Task, "panel", "顾问团", {}},
        {RecordType::Task, "expert", "专家顾问", {}},
        {RecordType::Task, "province", "省人民政府", {}},
        {RecordType::Task, "court", "人民法院", {}},
        {RecordType::Task, "court2", "基层人民法院", {}},
        {RecordType::Task, "courts", "法院", {}},
        {RecordType::Channel, "su", "“苏解纷”非诉服务平台", {}},
    });
    SUBCASE("without a lexicon: the longest held runs") {
        CHECK(Find(c, "一村一法律顾问").relaxed_text.rfind("一法律", 0) == 0);
        CHECK(Find(c, "省人民法院在哪").relaxed_text.rfind("省人民", 0) == 0);
        CHECK(Find(c, "shengrenminfayuanzaina").relaxed_text.rfind("shengrenmin", 0) == 0);
    }
    c.index.SetLexicon(Words("法律 1 n\n顾问 1 n\n人民 1 n\n法院 1 n\n政府 1 n\n一村 1 n\n解纷 1 n\n服务 1 n\n"));
    SUBCASE("with one") {
        for (const std::string q : {"一村一法律顾问", "一法律顾问", "yicunyifalvguwen"}) {
            CAPTURE(q);
            const core::SearchResult r = Find(c, q);
            CHECK(IdsOf(r) == Ids{"adviser", "adviser2"});
        }
        CHECK(Find(c, "一法律顾问").relaxed_text == "法律顾问");
        for (const std::string q : {"省人民法院在哪", "shengrenminfayuanzaina", "xianrenminfayuan"}) {
            CAPTURE(q);
            const core::SearchResult r = Find(c, q);
            CHECK(IdsOf(r) == Ids{"court", "court2"});
        }
        // 解纷 starts a word, but its run ends where 苏解纷's does: 苏解纷 stays whole.
        CHECK(Find(c, "苏解纷服务").relaxed_text == "苏解纷 服务");
    }
}

TEST_CASE("search with a lexicon: a syllable after others that reads a function character and starts no word "
          "is left out where the run from the next is held by more records") {
    // keyitiaojie: yi reads 以 (of 可以, held by no record), and yitiaojie reads 易调解, held by one
    // record's 简易调解, which 1 record against 调解's 3 outweighed.
    TestCorpus c({
        {RecordType::Task, "simple", "完善简易调解程序", {}},
        {RecordType::Task, "people", "人民调解", {}},
        {RecordType::ServicePoint, "room", "调解室", {}},
        {RecordType::Task, "rule", "以规则为准", {}},
    });
    SUBCASE("without a lexicon: the longest held run") {
        CHECK(Find(c, "keyitiaojie").relaxed_text == "yitiaojie");
        CHECK(IdsOf(Find(c, "keyitiaojie")) == Ids{"simple"});
    }
    c.index.SetLexicon(Words("调解 711 vn\n简易 1 a\n以 136106 p\n"));
    SUBCASE("with one") {
        for (const std::string q : {"keyitiaojie", "keyitiaojiema", "wokeyitiaojiezenmeban"}) {
            CAPTURE(q);
            const core::SearchResult r = Find(c, q);
            CHECK(r.relaxed_text == "tiaojie");
            CHECK(IdsOf(r) == Ids{"room", "people", "simple"});
        }
        // A query that starts with it keeps it: yitiaojie is what was typed first.
        CHECK(Find(c, "yitiaojiezenmeban").relaxed_text == "yitiaojie");
        // Not a syllable held with the one before it (jianyi of 简易): jianyitiaojie finds 简易调解.
        CHECK(IdsOf(Find(c, "jianyitiaojiezenmeban")) == Ids{"simple"});
    }
    SUBCASE("nor where a record holds the run from the syllable before") {
        // yizhi (一致, 2 records) + anguanli (1) outweighs zhianguanli (1); an reads 俺, and 安管理
        // is held by fewer than 管理, but zhianguanli is held: an is 治安's, and the part stays.
        TestCorpus t({
            {RecordType::Task, "keep", "保持一致", {}},
            {RecordType::Task, "agree", "一致同意", {}},
            {RecordType::Task, "order", "治安管理处罚", {}},
            {RecordType::Task, "manage", "加强管理", {}},
        });
        t.index.SetLexicon(Words("一致 1 a\n管理 1 vn\n俺 20000 r\n"));
        CHECK(Find(t, "yizhianguanli").word_texts == std::vector<std::string>{"yizhi", "anguanli"});
    }
}

TEST_CASE("search with a lexicon: pinyin reads a function word of two characters as the question, not a part") {
    // nalikeyitiaojie (哪里可以调解): li ke reads 理科, held by 管理科学化, and yi tiao jie 易调解;
    // ruhetiaojie (如何调解): he tiao jie reads 合调解 of 整合调解, 合调 a word; gongzhengshenme
    // (公证什么): zheng shen reads 政审 of 行政审批, a word too. Each is the question's.
    TestCorpus c({
        {RecordType::Task, "science", "推进管理科学化", {}},
        {RecordType::Task, "simple", "完善简易调解程序", {}},
        {RecordType::Task, "merge", "整合调解资源", {}},
        {RecordType::ServicePoint, "room", "调解室", {}},
        {RecordType::Task, "approve", "深化行政审批改革", {}},
        {RecordType::ServicePoint, "notary", "公证处", {}},
        {RecordType::Task, "contract", "合同管理", {}},
        {RecordType::ServicePoint, "firm", "律师事务所", {}},
    });
    c.index.SetLexicon(Words("调解 711 vn\n理科 1 n\n合调 3 v\n政审 1 n\n公证 226 n\n合同 3572 a\n律师 1 n\n"
                             "哪里 7571 r\n可以 70958 c\n如何 19871 r\n什么 59317 r\n接着 1000 c\n"));
    for (const std::string q : {"nalikeyitiaojie", "ruhetiaojie", "nalitiaojie", "ruhetiaojiene"}) {
        CAPTURE(q);
        const core::SearchResult r = Find(c, q);
        CHECK(r.relaxed_text == "tiaojie");
        CHECK(IdsOf(r) == Ids{"room", "merge", "simple"});
    }
    CHECK(Find(c, "gongzhengshenme").relaxed_text == "gongzheng");
    CHECK(IdsOf(Find(c, "gongzhengshenme")) == Ids{"notary"});
    // A run that is all there is to find stays (ruhetong: hetong, 合同); and only the function
    // word's common readings count: lvshima is no shenme (什 reads shi, 么 ma, rarely), and
    // tiaojiezhao no 接着 (着 reads zhao).
    CHECK(Find(c, "ruhetong").relaxed_text == "hetong");
    CHECK(Find(c, "lvshima").relaxed_text == "lvshi");
    CHECK(Find(c, "tiaojiezhao").relaxed_text == "tiaojie");
}

TEST_CASE("search with a lexicon: moving the boundary between two parts starts neither inside a word") {
    // 2024年度 (1 record) + 报告 (2): moving the boundary one character left gives 2024年 (3) + 度报告
    // (2), a larger product, but 度报告 starts inside 年度.
    TestCorpus c({
        {RecordType::Task, "plan", "完成2024年度计划", {}},
        {RecordType::Task, "summary", "2024年工作总结", {}},
        {RecordType::Task, "points", "2024年要点", {}},
        {RecordType::Task, "quarter", "季度报告制度", {}},
        {RecordType::Task, "build", "建立季度报告", {}},
    });
    SUBCASE("without a lexicon: the larger product") {
        CHECK(Find(c, "2024年度报告").word_texts == std::vector<std::string>{"2024年", "度报告"});
    }
    c.index.SetLexicon(Words("年度 3312 n\n报告 16715 n\n季度 1 n\n"));
    SUBCASE("with one") {
        const core::SearchResult r = Find(c, "2024年度报告");
        CHECK(r.word_texts == std::vector<std::string>{"2024年度", "报告"});
        CHECK(r.relaxed_text == "2024年度");  // (报告 is a common word)
        CHECK(IdsOf(r) == Ids{"plan"});
    }
}

TEST_CASE("search with a lexicon: a title match that reads as words ranks above one across words") {
    // fy: 复议 in one title, 府应 (市政府 | 应急办) in the other; the same tier, length and place.
    TestCorpus c({{RecordType::Unit, "office", "市政府应急办", {}}, {RecordType::Task, "review", "提升复议质效", {}}});
    CHECK(IdsOf(Find(c, "fy")) == Ids{"office", "review"});  // (record order breaks the tie)
    c.index.SetLexicon(Words("复议 1\n政府 1\n应急 1\n"));
    CHECK(IdsOf(Find(c, "fy")) == Ids{"review", "office"});
    CHECK(IdsOf(Find(c, "fuyi")) == Ids{"review", "office"});  // (yi may be ying still being typed: 府应)
    // Initials of two words: each aligned pair a word (政府 in 市政府: not at a pair boundary of
    // the match 市政, which is no word).
    CHECK(IdsOf(Find(c, "zfy")) == Ids{"office"});
}

TEST_CASE("search with a lexicon: a body match that reads as words ranks above one across words") {
    // fy in bodies: 府印 (政府 | 印发) under the shorter title, 复议 under the longer one.
    TestCorpus bodies({{RecordType::Task, "notice", "通知", {"省政府印发的方案"}},
                       {RecordType::Task, "review", "工作安排", {"开展复议工作"}}});
    CHECK(IdsOf(Find(bodies, "fy")) == Ids{"notice", "review"});  // (the shorter title breaks the tie)
    bodies.index.SetLexicon(Words("复议 1\n政府 1\n印发 1\n"));
    CHECK(IdsOf(Find(bodies, "fy")) == Ids{"review", "notice"});
    CHECK(IdsOf(Find(bodies, "fuyi")) == Ids{"review", "notice"});
    // Literal text is not read so: 府印 typed as characters finds what it finds, as typed.
    CHECK(IdsOf(Find(bodies, "府印")) == Ids{"notice"});
}

TEST_CASE("search with a lexicon: pinyin and initials highlight the matches that read as words") {
    TestCorpus c({{RecordType::Task, "t", "办理复议", {"市政府应急办和复议机构"}}});
    auto shown = [&](const char* text) {
        const core::SearchResult r = Find(c, text);
        REQUIRE(r.hits.size() == 1);
        std::vector<std::string> out;
        for (const core::ByteRange& b : r.hits[0].title_ranges) out.push_back("title " + Cut(r.hits[0].title, b));
        for (const core::ByteRange& b : r.hits[0].snippet_ranges) out.push_back(Cut(r.hits[0].snippet, b));
        return out;
    };
    // Without a lexicon every match: 府应 (市政府 | 应急办) as well as 复议.
    CHECK(shown("fy") == std::vector<std::string>{"title 复议", "府应", "复议"});
    c.index.SetLexicon(Words("复议 1\n政府 1\n应急 1\n"));
    CHECK(shown("fy") == std::vector<std::string>{"title 复议", "复议"});
    // A field whose matches are none of them words still shows them all; characters as typed too.
    c.index.SetLexicon(Words("政府 1\n"));
    CHECK(shown("fy") == std::vector<std::string>{"title 复议", "府应", "复议"});
    CHECK(shown("府应") == std::vector<std::string>{"府应"});
}

TEST_CASE("search with a lexicon: a synonym term of two characters is a part, word or not") {
    core::Synonyms synonyms;
    synonyms.AddGroup({"法援", "法律援助"});
    TestCorpus c = Elders(synonyms);
    c.index.SetLexicon(Words("保护 1\n"));  // 法援 is no word of this dictionary
    const core::SearchResult r = Find(c, "我要法援");
    CHECK(r.relaxed_text == "法援");
    CHECK(IdsOf(r) == Ids{"t4"});
}

TEST_CASE("search: a synonym term that finds nothing here is no part; the longest shorter one that does is") {
    // 法援中心 is a term (-> 法律援助中心) that no record holds, and the whole word of 法援中心: it
    // was read as the longest term at its start, so 法援 was never one, and 中心 stood alone.
    TestCorpus c({
        {RecordType::Task, "aid", "加大法律援助力度", {"建设服务中心"}},
        {RecordType::Task, "aid2", "法律援助", {}},
        {RecordType::Task, "hall", "政务服务中心", {}},
        {RecordType::Task, "data", "数据中心", {}},
    });
    core::Problems problems;
    c.index.SetSynonyms(core::Synonyms::Parse(
        "synonyms.json", R"({"groups": [["法律援助", "法援"]], "rules": [{"from": "法援中心", "to": ["法律援助中心"]}]})",
        problems));
    REQUIRE(problems.empty());
    for (const std::string q : {"法援中心", "法援中心在哪", "我找法援中心"}) {
        CAPTURE(q);
        const core::SearchResult r = Find(c, q);
        CHECK(r.word_texts == std::vector<std::string>{"法援", "中心"});
        CHECK(IdsOf(r) == Ids{"aid"});
    }
    for (const std::string q : {"fayuanzhongxin", "fayuanzhongxinzaina"}) {
        CAPTURE(q);
        CHECK(Find(c, q).word_texts == std::vector<std::string>{"fayuan", "zhongxin"});
    }
}

TEST_CASE("search with a lexicon: a part neither starts nor ends with a function word") {
    // 的法律 and 行政复议的 are held, but 的 is a particle beside the words 法律 and 行政复议 (and
    // 的法律 with 援助, held by three records, outweighs 法律援助, held by one).
    TestCorpus c({
        {RecordType::Task, "aid", "提供法律援助", {}},
        {RecordType::Task, "base", "完善基层的法律服务", {}},
        {RecordType::Task, "review", "行政复议的办理", {}},
        {RecordType::Task, "flow", "优化审批流程", {}},
        {RecordType::Task, "near", "附近村居", {}},
        {RecordType::Task, "station", "援助站建设", {}},
        {RecordType::Task, "hardship", "困难援助", {}},
    });
    SUBCASE("without a lexicon: the longest held runs") {
        CHECK(Find(c, "附近的法律援助").word_texts == std::vector<std::string>{"附近", "的法律", "援助"});
        CHECK(Find(c, "行政复议的流程").word_texts == std::vector<std::string>{"行政复议的", "流程"});
    }
    c.index.SetLexicon(Words("的 318825 uj\n附近 1 f\n法律 1 n\n援助 1 v\n复议 1 n\n流程 1 n\n基层 1 n\n"));
    SUBCASE("with one") {
        const core::SearchResult near = Find(c, "附近的法律援助");
        CHECK(near.word_texts == std::vector<std::string>{"附近", "法律援助"});
        CHECK(IdsOf(Find(c, "的法律援助")) == Ids{"aid"});
        const core::SearchResult review = Find(c, "行政复议的流程");
        CHECK(review.word_texts == std::vector<std::string>{"行政复议", "流程"});
        // Typed whole, a run with a function word is searched as typed.
        CHECK(IdsOf(Find(c, "基层的法律")) == Ids{"base"});
    }
}

TEST_CASE("search with a lexicon: a question's 有 and 没有 start no part") {
    // 有法律 is held (必须有法律依据), and from the left it is the longest run of 哪里有法律援助;
    // 没有法律 too (没有法律依据), the longest of 有没有法律顾问, whose 没有 is two function
    // characters.
    TestCorpus c({
        {RecordType::Task, "basis", "必须有法律依据", {}},
        {RecordType::Task, "none", "没有法律依据的一律取消", {}},
        {RecordType::Task, "aid", "加大法律援助力度", {}},
        {RecordType::Task, "counsel", "推行法律顾问制度", {}},
    });
    SUBCASE("without a lexicon: the longest held runs") {
        CHECK(Find(c, "哪里有法律援助").relaxed_text == "有法律");
        CHECK(Find(c, "有没有法律顾问").relaxed_text == "没有法律");
    }
    c.index.SetLexicon(Words("有 423765 v\n没 52407 v\n是 796991 v\n没有 87597 v\n法律 1 n\n援助 1 v\n顾问 1 n\n依据 1 n\n"));
    SUBCASE("with one") {
        CHECK(Find(c, "哪里有法律援助").relaxed_text == "法律援助");
        CHECK(IdsOf(Find(c, "哪里有法律援助")) == Ids{"aid"});
        CHECK(Find(c, "有没有法律顾问").relaxed_text == "法律顾问");
        CHECK(Find(c, "有没有法律顾问").word_texts.empty());  // (no 没有 listed beside it)
        CHECK(Find(c, "法律援助是什么").relaxed_text == "法律援助");
        // Typed whole, a run with them is searched as typed.
        CHECK(IdsOf(Find(c, "没有法律")) == Ids{"none"});
    }
    SUBCASE("with one, in pinyin") {
        CHECK(Find(c, "naliyoufalvyuanzhu").relaxed_text == "falvyuanzhu");
        CHECK(Find(c, "youmeiyoufalvguwen").relaxed_text == "falvguwen");
    }
}

TEST_CASE("search with a lexicon: a question's 要, 能 and 想 start no part") {
    // 要行政 is held (需要行政审批), and from the left it is the longest run of 我要行政复议: its count
    // times 复议's outweighed 行政复议 alone. 要 (and 能, 想) are what a request is built on.
    TestCorpus c({
        {RecordType::Task, "need", "需要行政审批的事项", {}},
        {RecordType::Task, "review", "提升行政复议质效", {}},
        {RecordType::Task, "review2", "行政复议体制改革", {}},
        {RecordType::Task, "fy", "复议", {"复议机关", "复议决定", "复议程序"}},
        {RecordType::Task, "able", "职能转变", {"提升履职能力"}},
    });
    SUBCASE("without a lexicon: the longest held runs") {
        CHECK(Find(c, "我要行政复议").relaxed_text == "要行政");
    }
    c.index.SetLexicon(Words("要 156581 v\n能 93096 v\n想 61904 v\n需要 1 v\n行政 1 n\n复议 1 v\n审批 1 v\n职能 1 n\n能力 1 n\n"));
    SUBCASE("with one") {
        for (const char* q : {"我要行政复议", "能行政复议吗", "我想行政复议"}) {
            CAPTURE(q);
            const core::SearchResult r = Find(c, q);
            CHECK(r.relaxed_text == "行政复议");
            CHECK(IdsOf(r) == Ids{"review2", "review"});  // (a title that starts with it first)
        }
        // Where they are a word with the character beside them, they are searched as ever.
        CHECK(IdsOf(Find(c, "需要行政")) == Ids{"need"});
        CHECK(IdsOf(Find(c, "职能")) == Ids{"able"});
    }
}

TEST_CASE("search with a lexicon: a question's 个 and 些 start no part") {
    // 个部门 is held (各个部门), and of 离婚找哪个部门 it was the longest part: nothing holding it
    // and 离婚, it stood for the query alone, 3 tasks about departments.
    TestCorpus c({
        {RecordType::Task, "all", "各个部门协同", {}},
        {RecordType::Task, "divorce", "离婚纠纷调解", {}},
        {RecordType::Task, "divorce2", "婚姻家庭", {"离婚登记"}},
        {RecordType::Task, "dept", "部门职责", {}},
        {RecordType::Task, "some", "这些问题", {"一些问题"}},
        {RecordType::Task, "person", "个人信息保护", {}},
    });
    SUBCASE("without a lexicon: the longest held runs") {
        CHECK(Find(c, "离婚找哪个部门").word_texts == std::vector<std::string>{"离婚", "个部门"});
        CHECK(Find(c, "离婚找哪个部门").relaxed_text == "个部门");
    }
    c.index.SetLexicon(Words("个 125538 q\n些 17919 q\n部门 16543 n\n离婚 886 v\n各个 1 r\n问题 55563 n\n个人 1 n\n"));
    SUBCASE("with one") {
        const core::SearchResult r = Find(c, "离婚找哪个部门");
        CHECK(r.word_texts == std::vector<std::string>{"离婚", "部门"});
        CHECK(r.relaxed_text == "离婚");  // (nothing holds both; 部门 is a common word)
        CHECK(IdsOf(r) == Ids{"divorce", "divorce2"});
        CHECK(Find(c, "哪些问题").relaxed_text == "问题");
        // Where they are a word with the character beside them, they are searched as ever.
        CHECK(IdsOf(Find(c, "个人信息")) == Ids{"person"});
        CHECK(IdsOf(Find(c, "一些问题")) == Ids{"some"});
    }
}

TEST_CASE("search with a lexicon: a synonym term from the next character is the better part") {
    // 办公 (12 bundled records) is held and a word; 公证书 is a synonym term, which finds 9 through
    // its synonyms: 我要办公证书 reads 公证书, not 办公 (leaving 证书, held nowhere, unread).
    TestCorpus c({
        {RecordType::Task, "office", "办公用房", {"办公设备", "办公场所"}},
        {RecordType::Task, "office2", "集中办公", {}},
        {RecordType::Task, "notary", "公证服务", {}},
    });
    core::Problems problems;
    c.index.SetSynonyms(core::Synonyms::Parse("synonyms.json", R"({"rules": [{"from": "公证书", "to": ["公证"]}]})", problems));
    REQUIRE(problems.empty());
    c.index.SetLexicon(Words("办公 1 v\n公证 1 n\n证书 1 n\n"));
    const core::SearchResult r = Find(c, "我要办公证书");
    CHECK(r.relaxed_text == "公证书");
    CHECK(IdsOf(r) == Ids{"notary"});
    CHECK(Find(c, "我要办公").relaxed_text == "办公");  // (no term from 公 reaches past it)
    // In pinyin, the term's reading: gongzhengshu, not bangong.
    CHECK(Find(c, "woyaobangongzhengshu").relaxed_text == "gongzhengshu");
    CHECK(IdsOf(Find(c, "woyaobangongzhengshu")) == Ids{"notary"});
}

TEST_CASE("search: a run ends before a synonym term it would cut") {
    // 立由法律 (li you fa lv) is held by 建立由法律顾问; from the left it is the longest run of
    // naliyoufalvyuanzhu (哪里有法律援助), and it would cut 法律援助, a synonym term, leaving 援助.
    TestCorpus c({
        {RecordType::Task, "counsel", "建立由法律顾问组成的委员会", {}},
        {RecordType::Task, "aid", "加大法律援助力度", {}},
        {RecordType::Task, "aid2", "援助", {"法律援助工作站"}},
    });
    SUBCASE("without synonyms: the longest held runs") {
        CHECK(Find(c, "naliyoufalvyuanzhu").relaxed_text == "liyoufalv");
        CHECK(Find(c, "建立由法律援助").relaxed_text == "建立由法律");
    }
    core::Problems problems;
    c.index.SetSynonyms(core::Synonyms::Parse("synonyms.json", R"({"groups": [["法律援助", "法援"]]})", problems));
    REQUIRE(problems.empty());
    SUBCASE("with the term") {
        const core::SearchResult r = Find(c, "naliyoufalvyuanzhu");
        CHECK(r.relaxed_text == "falvyuanzhu");
        CHECK(IdsOf(r) == Ids{"aid", "aid2"});
        CHECK(Find(c, "建立由法律援助").relaxed_text == "法律援助");
    }
}

TEST_CASE("search with a lexicon: a question's 在 (在哪) ends no part") {
    // 司法所在 is held (by 司法所在村设点), but in 司法所在哪 the 在 opens the question 在哪; and 所在
    // is a word, but in 派出所在哪 the part is 派出所, not 派出.
    TestCorpus c({
        {RecordType::Task, "s1", "完善司法所建设", {}},
        {RecordType::Task, "s2", "司法所规范化", {}},
        {RecordType::Task, "s3", "司法所在村设点", {}},
        {RecordType::Task, "police", "派出所调解室", {}},
        {RecordType::Task, "issue", "解决问题存在的困难", {}},
        {RecordType::Task, "lawyer", "律师在线服务", {}},
        {RecordType::Task, "bar", "公职律师", {}},
        {RecordType::Task, "disaster", "灾难救助", {}},
        {RecordType::Task, "contract", "合同审查", {}},
        {RecordType::Task, "contract2", "规范合同管理", {}},
    });
    SUBCASE("without a lexicon: the longest held runs") {
        CHECK(Find(c, "司法所在哪").relaxed_text == "司法所在");
        CHECK(Find(c, "派出所在哪").relaxed_text == "派出所");
    }
    c.index.SetLexicon(
        Words("在 100000 p\n哪 20000 r\n的 318825 uj\n和 100000 c\n同 20000 p\n所在 1 v\n司法 1 n\n派出 1 v\n存在 1 v\n问题 1 n\n"
              "律师 1 n\n灾难 1 n\n合同 1 n\n"));
    SUBCASE("with one") {
        for (const char* q : {"司法所在哪", "我附近的司法所在哪", "司法所在哪里"}) {
            CAPTURE(q);
            const core::SearchResult r = Find(c, q);
            CHECK(r.relaxed_text == "司法所");
            CHECK(IdsOf(r) == Ids{"s2", "s3", "s1"});  // (a title that starts with it first)
        }
        CHECK(Find(c, "派出所在哪").relaxed_text == "派出所");
        // Where every record holding the run holds the 在 too, it stays (问题存在, not 问题存).
        CHECK(Find(c, "问题存在的原因").relaxed_text == "问题存在");
    }
    SUBCASE("with one, in pinyin") {
        CHECK(Find(c, "sifasuozaina").relaxed_text == "sifasuo");  // (not sifasuozai)
        CHECK(IdsOf(Find(c, "sifasuozaina")) == Ids{"s2", "s3", "s1"});
        // A part whose every syllable reads a function character may be the question: zaina (在哪,
        // and 灾难 of one record) ranks below lvshi (律师 of two), nothing holding both.
        const core::SearchResult lawyer = Find(c, "lvshizaina");
        CHECK(lawyer.relaxed_text == "lvshi");
        CHECK(lawyer.word_texts == std::vector<std::string>{"lvshi", "zaina"});
        // Unless records hold it read as typed: hetong (合同 of two records; 和同 reads function
        // characters too) is what hetongzaina asks for; zaina finds 灾难 only as zai nan.
        const core::SearchResult contract = Find(c, "hetongzaina");
        CHECK(contract.relaxed_text == "hetong");
        CHECK(IdsOf(contract) == Ids{"contract", "contract2"});
        CHECK(contract.word_texts == std::vector<std::string>{"hetong", "zaina"});
        // Nor does a part of pinyin end with a function character that is no word with the one
        // before it, as one of characters does not (wenticunzaide: 的).
        CHECK(Find(c, "wenticunzaideyuanyin").relaxed_text == "wenticunzai");
        CHECK(Find(c, "问题存在的原因").relaxed_text == "问题存在");
    }
}

TEST_CASE("the bundled data with jieba's dictionary: 成年人保护 finds 保护, not 老年人") {
    core::LoadResult loaded = core::Load(FAZHITONG_SOURCE_DIR "/assets/data");
    core::Problems problems;
    core::SearchIndex index = core::SearchIndex::Build(*loaded.catalog, core::Synonyms::Load(FAZHITONG_SOURCE_DIR "/assets/data", problems));
    core::UseDictionary(index, core::PackInfo(), FAZHITONG_WORDS, problems);
    REQUIRE(problems.empty());
    core::Query q;
    q.text = "成年人保护";  // (年人 is held, by 老年人, and is no word)
    core::SearchResult r = index.Search(q);
    CHECK(r.relaxed_text == "保护");
    CHECK(r.total == 17);
    for (const core::Hit& h : r.hits) CHECK(std::string(h.snippet).find("老年人") == std::string::npos);
    // 未成年人 is a synonym term (-> 青少年), counted by what it finds: the part read.
    q.text = "未成年人保护";
    r = index.Search(q);
    CHECK(r.relaxed_text == "未成年人");
    CHECK(r.synonyms == std::vector<std::string>{"青少年"});
    CHECK(r.total == 1);
    // Parts that are words are read as before.
    q.text = "怎么申请法律援助";
    CHECK(index.Search(q).word_texts == std::vector<std::string>{"申请", "法律援助"});
    q.text = "昆明市法律援助";
    CHECK(index.Search(q).relaxed_text == "昆明市 法律援助");
    // A function word (的, tagged uj) starts and ends no part.
    q.text = "附近的法律援助";
    CHECK(index.Search(q).relaxed_text == "法律援助");
    q.text = "行政复议的流程";
    CHECK(index.Search(q).relaxed_text == "行政复议 流程");
    // No part starts inside a common word of the query (国法律 of 中国法律服务网).
    q.text = "中国法律服务网";
    CHECK(index.Search(q).relaxed_text == "法律服务");
    // Nor does moving a boundary between parts start one so (2024年 + 度报告 for 2024年度 + 报告).
    q.text = "2024年度报告";
    CHECK(index.Search(q).relaxed_text == "2024 年度报告");  // (the 2024 report: 年度报告 -> 情况报告)
    // 所 and 地 end nouns (jieba tags them a conjunction and a particle): 司法所 stays whole.
    for (const char* text : {"附近的司法所", "附近司法所", "的司法所"}) {
        CAPTURE(text);
        q.text = text;
        CHECK(index.Search(q).relaxed_text == "司法所");
    }
    // A question's 在 ends no part (司法所在, held once, is not what 司法所在哪 asks for).
    for (const char* text : {"我附近的司法所在哪", "司法所在哪里"}) {
        CAPTURE(text);
        q.text = text;
        CHECK(index.Search(q).relaxed_text == "司法所");
    }
    q.text = "派出所在哪";
    CHECK(index.Search(q).relaxed_text == "派出所");
    // Nor does a question's 有 or 没有 start one (有法律 of 哪里有法律援助 is held by 必须有法律法规).
    for (const auto& question : std::vector<std::pair<const char*, const char*>>{
             {"哪里有法律援助", "法律援助"}, {"村里有没有法律顾问", "法律顾问"}, {"请问有没有法律咨询", "法律咨询"},
             {"有法律问题找谁", "法律 问题"}, {"有没有人民调解", "人民调解"}}) {
        const char* const text = question.first;
        CAPTURE(text);
        q.text = text;
        const core::SearchResult r = index.Search(q);
        CHECK(r.relaxed_text == question.second);
        for (const std::string& w : r.word_texts) CHECK(w.find("有") == std::string::npos);
    }
    // Nor a question's 个 (个部门 of 离婚找哪个部门 is held by 各个部门): the parts are 离婚 and 部门.
    q.text = "离婚找哪个部门";
    CHECK(index.Search(q).word_texts == std::vector<std::string>{"离婚", "部门"});
    // Nor, in pinyin, yi of keyi (可以) before tiaojie (易调解 of 简易调解).
    q.text = "keyitiaojiema";
    CHECK(index.Search(q).relaxed_text == "tiaojie");
}
