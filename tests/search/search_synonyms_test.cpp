// search_synonyms_test.cpp — synonyms and abbreviations kept as data (synonyms.json): parsing,
// problems, expansion, and search through them; the bundled synonyms against the bundled data.
// Depends on core/Search.h, core/Load.h and assets/data.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/Load.h"
#include "core/TextNorm.h"
#include <nlohmann/json.hpp>
#include "search_fixture.h"

using core::RecordType;

namespace {
// The bundled data, indexed with the bundled synonyms and without them.
struct Bundled {
    core::LoadResult loaded = core::Load(FAZHITONG_SOURCE_DIR "/assets/data");
    core::Problems problems;
    core::Synonyms synonyms = core::Synonyms::Load(FAZHITONG_SOURCE_DIR "/assets/data", problems);
    core::SearchIndex with = loaded.catalog ? core::SearchIndex::Build(*loaded.catalog, synonyms) : core::SearchIndex();
    core::SearchIndex without = loaded.catalog ? core::SearchIndex::Build(*loaded.catalog, core::Synonyms{}) : core::SearchIndex();
};

// `text` searched as typed (no relaxation).
core::SearchResult AsTyped(const core::SearchIndex& index, const std::string& text) {
    core::Query q;
    q.text = text;
    q.relax = false;
    return index.Search(q);
}
}  // namespace

TEST_CASE("synonyms") {
    SUBCASE("parse groups and one-way rules") {
        core::Problems problems;
        core::Synonyms s = core::Synonyms::Parse("synonyms.json", R"({"schema": 1,
            "groups": [["法律援助", "法援"], ["12348", "公共法律服务热线"]],
            "rules": [{"from": "复议", "to": ["行政复议"]}]})", problems);
        CHECK(problems.empty());
        CHECK(s.Expand("法援") == std::vector<std::string>{"法律援助"});
        CHECK(s.Expand("法律援助") == std::vector<std::string>{"法援"});
        CHECK(s.Expand("12348") == std::vector<std::string>{"公共法律服务热线"});
        CHECK(s.Expand("复议") == std::vector<std::string>{"行政复议"});
        CHECK(s.Expand("行政复议").empty());
    }
    SUBCASE("an English plural with no rule of its own is read as its singular") {
        core::Synonyms s;
        s.AddRule("lawyer", {"律师"});
        s.AddRule("injury", {"工伤"});
        s.AddRule("tax", {"税务"});
        s.AddRule("law", {"法律"});
        s.AddRule("news", {"新闻"});
        s.AddRule("new", {"新"});
        CHECK(s.Singular("lawyers") == "lawyer");
        CHECK(s.Expand("lawyers") == std::vector<std::string>{"lawyer", "律师"});
        CHECK(s.Singular("injuries") == "injury");
        CHECK(s.Singular("taxes") == "tax");
        CHECK(s.Singular("laws") == "law");
        CHECK(s.Singular("news").empty());  // (a rule of its own)
        CHECK(s.Expand("news") == std::vector<std::string>{"新闻"});
        CHECK(s.Singular("lawyer").empty());
        CHECK(s.Singular("process").empty());  // (no rule for proces or proce)
        CHECK(s.Singular("法律s").empty());
        CHECK(s.Singular("ss").empty());
        CHECK(s.Expand("courts").empty());
    }
    SUBCASE("terms are folded: full-width and traditional forms match") {
        core::Problems problems;
        core::Synonyms s = core::Synonyms::Parse("synonyms.json", R"({"groups": [["ＡＰＰ", "復議"]]})", problems);
        CHECK(s.Expand("app") == std::vector<std::string>{"复议"});
    }
    SUBCASE("problems are located and the rest is kept") {
        core::Problems problems;
        core::Synonyms s = core::Synonyms::Parse("synonyms.json", R"({"schema": 2, "groups": [["a"], ["x", 3], ["法援", "法律援助"]], "extra": 1})", problems);
        REQUIRE(problems.size() == 4);
        // In member order (nlohmann sorts object members by name).
        CHECK(problems[0].ToString() == "synonyms.json /extra: warning: unknown field \"extra\" (ignored)");
        CHECK(problems[1].ToString() == "synonyms.json /groups/0: warning: a group needs two terms (ignored)");
        CHECK(problems[2].ToString() == "synonyms.json /groups/1/1: expected a non-empty string");
        CHECK(problems[3].ToString() == "synonyms.json /schema: expected 1");
        CHECK(s.Size() == 2);
    }
    SUBCASE("not JSON") {
        core::Problems problems;
        core::Synonyms s = core::Synonyms::Parse("synonyms.json", "{", problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].message == "not valid JSON (synonyms ignored)");
    }
    SUBCASE("the bundled synonyms.json parses without problems") {
        core::Problems problems;
        core::Synonyms s = core::Synonyms::Load(FAZHITONG_SOURCE_DIR "/assets/data", problems);
        CHECK(problems.empty());
        CHECK(s.Expand("法援") == std::vector<std::string>{"法律援助"});
        CHECK(s.Expand("公共法律服务热线") == std::vector<std::string>{"12348"});
    }
    SUBCASE("search finds records through synonyms, below direct matches") {
        core::Synonyms syn;
        syn.AddGroup({"法律援助", "法援"});
        syn.AddGroup({"12348", "公共法律服务热线"});
        TestCorpus c({{RecordType::Task, "full", "扩大法律援助范围", {}},
                      {RecordType::Task, "abbr", "法援中心建设", {}},
                      {RecordType::Channel, "hotline", "公共法律服务热线", {}},
                      {RecordType::Channel, "digits", "拨打12348", {}}},
                     syn);
        CHECK(c.Ids("法援") == Ids{"abbr", "full"});
        CHECK(c.Ids("法律援助") == Ids{"full", "abbr"});
        CHECK(c.Ids("12348") == Ids{"digits", "hotline"});
        CHECK(c.Ids("公共法律服务热线") == Ids{"hotline", "digits"});
    }
    SUBCASE("a synonym that holds the term (复议 -> 行政复议) changes nothing: the term finds it") {
        std::vector<TestRecord> records = {{RecordType::Task, "both", "推进行政复议", {}},
                                           {RecordType::Task, "term", "复议受理", {"行政复议"}},
                                           {RecordType::Task, "other", "行政诉讼", {}}};
        core::Synonyms syn;
        syn.AddRule("复议", {"行政复议"});
        TestCorpus with(records, syn), without(records);
        for (const char* q : {"复议", "fuyi", "fy", "復議"}) {
            CAPTURE(q);
            CHECK(with.Ids(q) == without.Ids(q));
        }
        CHECK(with.Ids("复议") == Ids{"term", "both"});
    }
    SUBCASE("pinyin that reads as a whole synonym term finds what it stands for") {
        core::Synonyms syn;
        syn.AddRule("离婚", {"婚姻家庭"});
        syn.AddRule("请律师", {"律师"});
        TestCorpus c({{RecordType::ServicePoint, "family", "婚姻家庭纠纷调解", {}},
                      {RecordType::ServicePoint, "lawyer", "律师事务所", {}},
                      {RecordType::Task, "theory", "理论学习", {}}},
                     syn);
        CHECK(c.Ids("离婚") == Ids{"family"});     // 离婚 occurs nowhere: its synonym does
        CHECK(c.Ids("lihun") == Ids{"family"});    // the same in pinyin, as a kiosk visitor types it
        CHECK(c.Ids("li hun") == Ids{"family"});   // as a phrase
        CHECK(c.Ids("li'hun") == Ids{"family"});
        CHECK(c.Ids("qinglvshi") == Ids{"lawyer"});
        // In full syllables only: not initials or a syllable still being typed (on the way to
        // other words, where a synonym's matches would cost every keystroke).
        CHECK(c.Ids("lh").empty());
        CHECK(c.Ids("lihu").empty());
        CHECK(c.Ids("qls").empty());
        // Only the whole term: one syllable of it, or more, or mixed with characters, is not it.
        CHECK(c.Ids("li") == Ids{"theory"});
        CHECK(c.Ids("lihunx").empty());
        CHECK(c.Ids("li婚").empty());
        // Without the rule, nothing.
        TestCorpus none({{RecordType::ServicePoint, "family", "婚姻家庭纠纷调解", {}}});
        CHECK(none.Ids("lihun").empty());
    }
}

TEST_CASE("the bundled synonyms lead a citizen's words for a problem to the bundled records") {
    // A citizen names the problem (医疗纠纷, 交通事故), the plans name the work (医患纠纷,
    // 交通损害赔偿): assets/data/synonyms.json joins the two. Each of these finds nothing without it.
    const Bundled b;
    REQUIRE(b.loaded.catalog);
    REQUIRE(b.problems.empty());
    const core::SearchIndex& with = b.with;
    const core::SearchIndex& without = b.without;
    auto ids = [](const core::SearchIndex& index, const std::string& text) {
        Ids out;
        for (const core::Hit& h : AsTyped(index, text).hits) out.push_back(std::string(h.id));
        return out;
    };
    const char* const mediation = "anon-city-work-plan-a0ce4f0b";  // 化解劳动争议纠纷、医患纠纷
    const char* const aid = "changjiang-2024-annual-report-e5d22679";  // 加大法律援助力度
    for (const char* q : {"医疗纠纷", "交通事故", "劳动仲裁", "消费纠纷", "免费律师", "拆迁", "家暴", "法律热线", "法律援助电话"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
    }
    CHECK(ids(with, "医疗纠纷") == Ids{mediation});
    CHECK(ids(with, "yiliaojiufen") == Ids{mediation});  // in pinyin, as a kiosk visitor types it
    CHECK(ids(with, "交通事故") == Ids{"kunming-2021-2025-implementation-plan-a45557cd"});  // 交通损害赔偿
    CHECK(ids(with, "消费纠纷") == Ids{"kunming-2021-2025-implementation-plan-a45557cd",
                                       "xingshan-2021-2025-work-plan-a45557cd", "tongzhou-2023-work-points-61b5fab3"});
    const Ids labour = ids(with, "劳动仲裁");  // 劳动争议, 仲裁, 法律援助
    CHECK(labour.size() == 7);
    CHECK(labour.front() == aid);
    CHECK(std::find(labour.begin(), labour.end(), mediation) != labour.end());
    CHECK(ids(with, "免费律师").front() == aid);
    // Free help: legal aid and the public legal services.
    CHECK(ids(without, "免费").empty());
    const Ids free = ids(with, "免费");
    for (const std::string& id : ids(with, "法律援助")) CHECK(std::find(free.begin(), free.end(), id) != free.end());
    for (const std::string& id : ids(with, "公共法律服务")) CHECK(std::find(free.begin(), free.end(), id) != free.end());
    CHECK(ids(with, "家暴").front() == aid);
    CHECK(ids(with, "拆迁").size() == 7);  // 征收
    CHECK(ids(with, "强拆") == ids(with, "拆迁"));
    // Wages owed, a family's dispute, money lent: named as a citizen names them.
    CHECK(ids(with, "工资") == ids(with, "欠薪"));
    CHECK(ids(with, "婚姻家庭") == ids(with, "人民调解"));
    CHECK(ids(with, "家庭纠纷") == ids(with, "人民调解"));
    CHECK(ids(with, "借钱不还") == ids(with, "人民调解"));
    CHECK(ids(with, "民间借贷") == ids(with, "人民调解"));
    for (const char* q : {"工资", "婚姻家庭", "家庭纠纷", "借钱不还", "民间借贷", "强拆"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK_FALSE(ids(with, q).empty());
    }
    // Migrant workers, and disputes named by what they are about.
    CHECK(ids(with, "农民工").front() == aid);
    for (const char* q : {"物业纠纷", "土地纠纷", "邻里矛盾"}) {
        CAPTURE(q);
        CHECK(ids(with, q) == ids(with, "人民调解"));
    }
    const Ids contract = ids(with, "合同纠纷");  // 人民调解 and 法律咨询
    CHECK(contract.size() > ids(with, "人民调解").size());
    for (const std::string q : {"农民工", "物业纠纷", "土地纠纷", "合同纠纷", "邻里矛盾"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK_FALSE(ids(with, q).empty());
    }
    // A quarrel with the neighbours, a dismissal: mediation, and the labour dispute's records.
    CHECK(ids(with, "邻居") == ids(with, "人民调解"));
    const Ids quarrel = ids(with, "吵架");  // 人民调解 and 矛盾纠纷
    CHECK(quarrel.size() > ids(with, "人民调解").size());
    CHECK(ids(with, "打架") == quarrel);
    CHECK(ids(with, "拖欠工资") == ids(with, "欠薪"));
    for (const char* q : {"辞退", "开除", "解雇", "裁员"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK(ids(with, q).front() == aid);
    }
    for (const char* q : {"邻居", "吵架", "打架", "拖欠工资"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
    }
    // Injured at work, a house pulled down, a parking ticket, unfair enforcement, a decision one
    // disputes (its remedies: 行政复议, 行政诉讼).
    for (const std::string q : {"受伤", "工地", "被拆", "房子", "违章停车", "违停", "执法不公", "不服"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK_FALSE(ids(with, q).empty());
    }
    CHECK(ids(with, "执法不公") == ids(with, "执法监督"));
    // A department by the short name people call it, or its old one: its unit is found.
    const std::pair<std::string, std::string> departments[] = {
        {"人社局", "市人力资源和社会保障局"}, {"住建局", "市住房和城乡规建局"}, {"环保局", "通州生态环境局"},
        {"文旅局", "通州区文广旅局"},         {"交通局", "通州区交运局"},     {"应急局", "通州区应急管理局"},
        {"工商局", "通州区市场监管局"},       {"城管局", "市城市管理行政执法局"}, {"国土局", "市国土资源局"},
        {"卫健委", "市卫生局"}};
    for (const auto& [typed, unit] : departments) {
        const std::string typed_text = typed;  // (clang 14: no structured binding in CAPTURE)
        CAPTURE(typed_text);
        const Ids found = ids(with, typed);
        CHECK(std::find(found.begin(), found.end(), unit) != found.end());
        const Ids before = ids(without, typed);
        CHECK(std::find(before.begin(), before.end(), unit) == before.end());
    }
    CHECK(ids(with, "工地 受伤").front() == aid);
    // In a sentence: the synonym terms are the parts read (老板不发工资 -> 老板 工资: the boss and
    // the wages both lead to the labour dispute's records and legal aid).
    core::Query sentence;
    sentence.text = "老板不发工资";
    const core::SearchResult owed = with.Search(sentence);
    CHECK(owed.relaxed_text == "老板 工资");
    CHECK(owed.total == 5);
    CHECK(owed.total == AsTyped(with, "工资").total);
    sentence.text = "老板跑路了";  // (no word for the wages at all)
    CHECK(with.Search(sentence).relaxed_text == "老板");
    CHECK(with.Search(sentence).total == 5);
    // Services the bundled records name by the system that offers them: notarization and judicial
    // expertise are public legal services (公共法律服务), land taken is 征收, petitioning in person is
    // 信访, a law firm is 律师. None of the words typed is in the bundled records.
    for (const char* q : {"公证", "公证处", "司法鉴定"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK(ids(with, q) == ids(with, "公共法律服务"));
    }
    CHECK(ids(without, "征地").empty());
    CHECK(ids(with, "征地") == ids(with, "拆迁"));  // 征收
    CHECK(ids(without, "上访").empty());
    CHECK(ids(with, "上访") == ids(with, "信访"));
    CHECK(ids(with, "律所") == ids(with, "律师"));
    // A will, typed in pinyin too: notarization's public legal services. A phone: the hotlines.
    for (const char* q : {"遗嘱", "yizhu"}) {
        CAPTURE(q);
        const Ids will = ids(with, q);
        for (const std::string& id : ids(with, "公共法律服务")) CHECK(std::find(will.begin(), will.end(), id) != will.end());
    }
    // English words, for the English screen (the records are Chinese): one word at a time.
    CHECK(ids(without, "legal aid").empty());
    CHECK(ids(with, "legal aid") == ids(with, "法律 援助"));
    CHECK(ids(with, "Legal Aid") == ids(with, "legal aid"));
    CHECK(ids(with, "lawyer") == ids(with, "找律师"));  // 律师, 法律援助
    CHECK(ids(with, "mediation") == ids(with, "人民调解"));
    CHECK(ids(with, "notary") == ids(with, "公共法律服务"));
    const Ids hotline_en = ids(with, "hotline");
    CHECK(std::find(hotline_en.begin(), hotline_en.end(), "kunming-2021-2025-implementation-plan-hotline-4191e293") != hotline_en.end());
    for (const char* q : {"lawyer", "mediation", "notary", "hotline", "court", "complaint", "divorce", "arbitration",
                          "wage", "arrears", "consumer", "traffic", "accident", "inheritance", "migrant", "disabled",
                          "elderly", "children", "village", "phone", "fraud", "appeal", "sue", "free"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK_FALSE(ids(with, q).empty());
    }
    CHECK(ids(with, "inheritance") == ids(with, "继承"));
    // Plurals, as their singular.
    const std::pair<std::string, std::string> plurals[] = {{"lawyers", "lawyer"}, {"complaints", "complaint"},
                                                           {"injuries", "injury"}, {"courts", "court"},
                                                           {"disputes", "dispute"}, {"hotlines", "hotline"}};
    for (const auto& plural : plurals) {
        CAPTURE(plural.first);
        CHECK(ids(without, plural.first).empty());
        CHECK_FALSE(ids(with, plural.first).empty());
        CHECK(ids(with, plural.first) == ids(with, plural.second));
    }
    CHECK(ids(with, "disabled") == ids(with, "残疾人"));
    CHECK(ids(with, "traffic accident") == ids(with, "交通事故"));
    // An English question: its function words are left out, where its parts would read them as
    // pinyin (to: 通 投 统, me: 门, a: 安 案).
    auto relaxed = [&](const char* text) {
        core::Query q;
        q.text = text;
        return with.Search(q);
    };
    for (const char* q : {"how to apply for legal aid", "How To Get Legal Aid", "where can I find legal aid"}) {
        CAPTURE(q);
        const core::SearchResult r = relaxed(q);
        CHECK(r.relaxation == core::SearchResult::Relaxation::Parts);
        CHECK(core::FoldText(r.relaxed_text) == "legal aid");
        CHECK(r.word_texts.empty());  // (no chip for "to 0": a function word is no word searched)
        Ids found;
        for (const core::Hit& h : r.hits) found.push_back(std::string(h.id));
        CHECK(found == ids(with, "legal aid"));
    }
    CHECK(relaxed("I need a lawyer near me").relaxed_text == "lawyer");
    CHECK(relaxed("lawyers near me").relaxed_text == "lawyers");  // (a plural is English too: me is no 门)
    const core::SearchResult office = relaxed("where can I find a notary office");  // (office: no synonym)
    CHECK(office.relaxed_text == "notary");
    CHECK(office.word_texts == Ids{"notary", "office"});
    CHECK(relaxed("where is the mediation centre").relaxed_text == "mediation centre");
    // Wages unpaid, told as it happened (did, not, has: function words too); a will (遗嘱,
    // never a function word here).
    CHECK(relaxed("my boss did not pay me").relaxed_text == "boss pay");
    CHECK(relaxed("my employer has not paid my salary").relaxed_text == "employer salary");
    CHECK(relaxed("my boss did not pay me").total == ids(with, "wage").size());
    CHECK(relaxed("I want to make a will").relaxed_text == "will");
    CHECK(ids(with, "will") == ids(with, "inheritance"));
    // Without an English word, a query's letters are pinyin: me of zenme is no function word.
    CHECK(relaxed("zenme shenqing falvyuanzhu").relaxed_text == "falvyuanzhu");
    // An annual report is titled 法治政府建设情况报告: 年度报告 and 年报 find the 2024 report.
    const Ids reports = ids(with, "年度报告");
    CHECK(std::find(reports.begin(), reports.end(), "changjiang-2024-annual-report") != reports.end());
    CHECK(ids(with, "年报") == reports);
    CHECK(ids(without, "年报").empty());
    // Money: a bank, a loan, a card, insurance -> the financial disputes' platform and court; a
    // loan between people, an IOU, a debt -> mediation too.
    for (const char* q : {"银行", "贷款", "信用卡", "理财", "daikuan"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK(ids(with, q) == ids(with, "金融纠纷"));
    }
    for (const char* q : {"借款", "借条", "欠款"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        Ids found = ids(with, q), both = ids(with, "人民调解");
        for (const std::string& id : ids(with, "金融纠纷"))
            if (std::find(both.begin(), both.end(), id) == both.end()) both.push_back(id);
        std::sort(found.begin(), found.end());
        std::sort(both.begin(), both.end());
        CHECK(found == both);
    }
    CHECK(ids(without, "电话").empty());
    CHECK(ids(with, "电话") == ids(with, "热线"));
    CHECK(ids(with, "律师事务所") == ids(with, "律师"));
    // A village or neighbourhood committee: the village (community) legal service rooms.
    for (const char* q : {"村委会", "居委会"}) {
        CAPTURE(q);
        CHECK(ids(without, q) != ids(with, q));  // (without: 委会 of 常委会, a part)
        CHECK(ids(with, q) == ids(with, "村(社区)"));
    }
    // Everyday disputes as a citizen names them: shopping online (consumer rights), renting
    // (mediation, legal advice), noise (a neighbours' dispute).
    for (const char* q : {"网购", "退货", "退款", "快递", "外卖", "假货"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK(ids(with, q) == ids(with, "消费纠纷"));
    }
    for (const char* q : {"租房", "房东", "房租", "押金"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK(ids(with, q) == ids(with, "合同纠纷"));
    }
    CHECK(ids(with, "噪音") == ids(with, "人民调解"));
    CHECK(ids(with, "噪声") == ids(with, "人民调解"));
    core::Query deposit;
    deposit.text = "房东不退押金";
    CHECK(with.Search(deposit).relaxed_text == "房东 押金");
    // Going to court, an estate, people the plans name otherwise (残障人士, 青少年, 困难群众), an
    // unlawful building (the city management bureau, combined enforcement), being cheated (the
    // police, legal advice): each found nothing.
    for (const char* q : {"起诉", "告状", "遗产", "残疾人", "老人", "未成年人", "孩子", "学生", "违章建筑", "违建", "诈骗",
                          "被骗", "低保", "贫困"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK_FALSE(ids(with, q).empty());
    }
    // Work: a contract, overtime, social insurance -> labour disputes, legal aid, 劳动保障 (the
    // enforcement field the plans name).
    for (const char* q : {"劳动合同", "加班", "加班费", "社保", "五险一金", "试用期", "经济补偿"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK(ids(with, q) == ids(with, "劳动合同"));
        CHECK(ids(with, q).size() > ids(with, "劳动争议").size());
    }
    CHECK(ids(with, "遗产") == ids(with, "继承"));
    CHECK(ids(with, "残疾人") == ids(with, "残疾"));
    CHECK(ids(with, "残疾人") == Ids{"xingshan-2021-2025-work-plan-62253173",  // 老年人、残障人士等特殊群体
                                     "kunming-2021-2025-implementation-plan-07083c4c",
                                     "xingshan-2021-2025-work-plan-8f865939"});  // 切实保障弱势群体合法权益
    CHECK(ids(with, "canjiren") == ids(with, "残疾人"));  // the whole reading, not 参加's can'ji
    CHECK(ids(with, "未成年人") == Ids{"changjiang-2024-annual-report-335a38e6"});  // 青少年法治教育基地
    CHECK(ids(with, "违建") == ids(with, "违章建筑"));
    const Ids building = ids(with, "违章建筑");
    CHECK(std::find(building.begin(), building.end(), "通州区城管局") != building.end());
    // Marriage and the family, parking, drink-driving, gambling, drugs, pyramid selling, the
    // household register and the identity card, a licence, buying a flat, a renovation: each
    // found nothing; now the records that answer it (mediation, the police, government services,
    // market regulation, housing, consumer rights).
    for (const char* q : {"婚姻", "家庭", "分家", "停车", "酒驾", "赌博", "毒品", "传销", "户口", "身份证", "办证",
                          "营业执照", "买房", "装修"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK_FALSE(ids(with, q).empty());
    }
    for (const char* q : {"婚姻", "家庭", "分家", "hunyin"}) {
        CAPTURE(q);
        CHECK(ids(with, q) == ids(with, "人民调解"));
    }
    CHECK(ids(with, "停车") == ids(with, "违停"));
    CHECK(ids(with, "赌博") == ids(with, "毒品"));
    CHECK(ids(with, "户口") == ids(with, "身份证"));
    auto finds_all_of = [&](const char* q, const char* term) {  // every record holding `term`
        const Ids found = ids(with, q), want = ids(without, term);
        return !want.empty() && std::all_of(want.begin(), want.end(), [&](const std::string& id) {
            return std::find(found.begin(), found.end(), id) != found.end();
        });
    };
    CHECK(finds_all_of("户口", "政务服务"));
    CHECK(finds_all_of("户口", "公安"));
    CHECK(finds_all_of("赌博", "治安管理"));
    CHECK(finds_all_of("酒驾", "公安"));
    CHECK(finds_all_of("传销", "市场监管"));
    CHECK(finds_all_of("营业执照", "证照"));
    CHECK(finds_all_of("买房", "房屋"));
    CHECK(finds_all_of("买房", "法律咨询"));
    CHECK(finds_all_of("装修", "消费维权"));
    // Cheated: the police first, then legal advice.
    CHECK(ids(with, "被骗") == ids(with, "诈骗"));
    CHECK(finds_all_of("被骗", "公安"));
    CHECK(finds_all_of("被骗", "法律咨询"));
    CHECK(ids(with, "被骗").size() == ids(without, "公安").size() + ids(without, "法律咨询").size());
    // Before and outside a marriage, a child's visits and adoption, a driving licence, theft and
    // robbery, a missing person, violence against a person, leaving a job and the boss, money
    // lent and online loans, copyright, seeds and pesticide, a dog, a leak, the estate one lives
    // on, a demolition: each found nothing.
    for (const char* q : {"婚前", "同居", "探视", "收养", "驾照", "扣分", "电动车", "被偷", "小偷", "抢劫", "失踪", "性骚扰",
                          "强奸", "虐待", "拐卖", "离职", "老板", "借钱", "欠钱", "高利贷", "网贷", "著作权", "农药", "种子",
                          "宠物", "狗咬人", "漏水", "小区", "拆除"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK_FALSE(ids(with, q).empty());
    }
    for (const char* q : {"婚前", "同居", "探视"}) {
        CAPTURE(q);
        CHECK(ids(with, q) == ids(with, "人民调解"));
    }
    CHECK(ids(with, "收养") == ids(with, "继承"));  // the notary's and mediation's records, as an estate's
    CHECK(ids(with, "驾照") == ids(with, "酒驾"));
    CHECK(ids(with, "被偷") == ids(with, "抢劫"));
    CHECK(finds_all_of("失踪", "派出所"));
    for (const char* q : {"性骚扰", "强奸", "虐待", "拐卖"}) {
        CAPTURE(q);
        CHECK(finds_all_of(q, "公安"));
        CHECK(finds_all_of(q, "法律援助"));
    }
    CHECK(ids(with, "离职") == ids(with, "辞退"));
    CHECK(finds_all_of("老板", "法律援助"));
    CHECK(ids(with, "借钱") == ids(with, "欠款"));
    CHECK(finds_all_of("网贷", "金融纠纷"));
    CHECK(ids(with, "著作权") == ids(without, "知识产权"));
    CHECK(ids(with, "农药") == ids(with, "种子"));
    CHECK(ids(with, "狗咬人") == ids(with, "宠物"));
    CHECK(finds_all_of("漏水", "物业"));
    CHECK(finds_all_of("拆除", "征收"));
    // Child support and support for a parent, asked for in a sentence: the payment is the part
    // read (孩子 alone led to the one record on young people).
    for (const char* text : {"孩子抚养费", "老人赡养费"}) {
        CAPTURE(text);
        core::Query q;
        q.text = text;
        const core::SearchResult r = with.Search(q);
        CHECK(r.relaxed_text == std::string(text).substr(6));
        CHECK(r.total == AsTyped(with, "抚养费").total);
        CHECK(finds_all_of(text + 6, "法律援助"));
    }
    // A lawyer's consultation: the two words ANDed found one record (律师 in one sentence, 咨询
    // in another); the consultations (法律咨询) and lawyers are what is asked for. A question
    // about its fee reads it, not 收费 (fees charged to enterprises).
    for (const char* q : {"律师咨询", "咨询律师"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        const Ids found = ids(with, q);
        for (const char* also : {"法律咨询", "律师"})
            for (const std::string& id : ids(with, also)) CHECK(std::find(found.begin(), found.end(), id) != found.end());
    }
    core::Query fee;
    fee.text = "律师咨询要收费吗";
    CHECK(with.Search(fee).relaxed_text == "律师咨询");
    const Ids suing = ids(with, "起诉");
    for (const std::string& id : ids(with, "诉讼")) CHECK(std::find(suing.begin(), suing.end(), id) != suing.end());
    core::Query sue;
    sue.text = "我要起诉";
    CHECK(with.Search(sue).relaxed_text == "起诉");
    // Being beaten (public-order mediation, the police station), a medical brawl, a company
    // closing (wages), a homestead or land contract (not 基地, a base, of 宅基地), a car crash,
    // women and children, bullying: each found nothing, or 基地's records alone.
    for (const char* q : {"被打", "被人打", "挨打", "打人", "殴打", "报警", "医闹", "倒闭", "宅基地", "车祸", "妇女", "儿童", "欺凌",
                          "霸凌", "assault", "bullying", "women"}) {
        CAPTURE(q);
        CHECK(ids(without, q).empty());
        CHECK_FALSE(ids(with, q).empty());
    }
    CHECK(ids(with, "被打") == ids(with, "殴打"));
    const Ids beaten = ids(with, "被打");
    for (const char* also : {"派出所", "人民调解"})
        for (const std::string& id : ids(with, also)) CHECK(std::find(beaten.begin(), beaten.end(), id) != beaten.end());
    for (const char* question : {"我被人打了", "被打了怎么办", "挨打了怎么办"}) {
        CAPTURE(question);
        core::Query q;
        q.text = question;
        const core::SearchResult r = with.Search(q);
        CHECK(r.relaxed_text.find("打") != std::string::npos);
        CHECK(r.total == beaten.size());
    }
    const Ids homestead = ids(with, "宅基地");
    for (const std::string& id : ids(with, "土地")) CHECK(std::find(homestead.begin(), homestead.end(), id) != homestead.end());
    CHECK(ids(with, "车祸") == ids(with, "交通事故"));
    // 一网通办 (online government services) found nothing, 市民热线 (the citizens' hotline) the
    // part 热线's every hotline.
    CHECK(ids(without, "一网通办").empty());
    const Ids online = ids(with, "一网通办");
    for (const char* also : {"政务服务", "网上办", "通办"})
        for (const std::string& id : ids(with, also)) CHECK(std::find(online.begin(), online.end(), id) != online.end());
    CHECK(ids(with, "市民热线") == ids(with, "12345"));
    CHECK(ids(with, "医闹") == ids(with, "医患纠纷"));
    // The number to call, asked for in words: the 12348 hotline.
    const char* const hotline = "kunming-2021-2025-implementation-plan-hotline-4191e293";  // 12348热线
    for (const char* q : {"法律热线", "法律服务热线", "法律咨询电话", "法律援助电话", "falvrexian"}) {
        CAPTURE(q);
        const Ids found = ids(with, q);
        CHECK(std::find(found.begin(), found.end(), hotline) != found.end());
    }
    // Each result names the synonyms it searched too, for the screen: only those that can match
    // (婚姻家庭, a rule's term no bundled record uses a character of, is not searched).
    auto synonyms = [&](const char* text) {
        core::Query q;
        q.text = text;
        return with.Search(q).synonyms;
    };
    CHECK(synonyms("交通事故") == Ids{"交通损害赔偿"});
    CHECK(synonyms("劳动仲裁") == Ids{"仲裁", "劳动争议", "法律援助"});
    CHECK(synonyms("lihun") == Ids{"人民调解"});
    CHECK(synonyms("复议").empty());  // 行政复议 holds it: not searched
    CHECK(synonyms("法援") == Ids{"法律援助"});
    CHECK(synonyms("法律援助").empty());  // 法援: no record holds its characters together
    CHECK(synonyms("法律").empty());
}

TEST_CASE("the bundled synonyms: every English word finds a bundled record") {
    // The English screen searches the same Chinese records, a word at a time through its
    // synonyms: a word whose terms no record holds finds nothing (family and marriage named only
    // 婚姻家庭, which the bundled plans never write; 人民调解 does the work there).
    const Bundled b;
    REQUIRE(b.loaded.catalog);
    REQUIRE(b.problems.empty());
    auto total = [](const core::SearchIndex& index, const std::string& text) { return AsTyped(index, text).total; };
    const core::SearchIndex& with = b.with;
    const core::SearchIndex& without = b.without;
    size_t words = 0;
    std::string last;
    for (const auto& pair : b.synonyms.Pairs()) {
        const std::string& from = pair.first;  // (not a structured binding: CAPTURE below)
        if (from == last || !std::all_of(from.begin(), from.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
        last = from;
        ++words;
        CAPTURE(from);
        CHECK(total(with, from) > 0);
    }
    CHECK(words >= 130);
    // Words a visitor to the English screen types for a problem, each of which found nothing.
    for (const char* q : {"administrative", "contract", "business", "certificate", "housing", "property", "injury",
                          "insurance", "hospital", "doctor", "environment", "pollution", "food", "safety", "school",
                          "student", "minor", "custody", "domestic", "violence", "fine", "penalty", "license", "permit",
                          "registration", "internet", "farmer", "worker", "overtime", "foreigner", "blind", "deaf",
                          "theft", "robbery", "stolen", "privacy", "counsel", "notarize", "parking", "drunk", "gambling",
                          "drugs", "identity", "renovation", "missing", "harassment", "rape", "abuse", "trafficking",
                          "resign", "borrow", "copyright", "seeds", "pesticide", "pet", "dog", "leak", "neighbourhood",
                          "neighborhood", "alimony", "child", "children", "cheat", "cheated", "scammed", "defrauded",
                          "owe", "owes", "money", "fired", "dismissed", "company", "evicted", "injured", "sued",
                          "arrested"}) {
        CAPTURE(q);
        CHECK(total(without, q) == 0);
        CHECK(total(with, q) > 0);
    }
    CHECK(total(with, "domestic violence") == total(with, "家暴"));
    // A query none of whose words was an English term read its English words as pinyin: "i was
    // fired" found the one record "i" matched, "company owes me money" the 88 of "me" (么 没 门).
    core::Query fired;
    fired.text = "i was fired";
    CHECK(with.Search(fired).relaxed_text == "fired");
    fired.text = "company owes me money";
    CHECK(with.Search(fired).relaxed_text == "company owes money");
    CHECK(total(with, "theft") == total(with, "robbery"));
    // The English screen's words for the problems the Chinese words above name: the same records
    // (searched as the screen does: two words that match nothing together are read by their parts).
    auto searched = [&](const char* text) {
        core::Query q;
        q.text = text;
        return with.Search(q).total;
    };
    for (const auto& [english, chinese] : std::vector<std::pair<const char*, const char*>>{
             {"parking", "停车"}, {"drunk driving", "酒驾"}, {"gambling", "赌博"}, {"drugs", "毒品"},
             {"identity card", "身份证"}, {"renovation", "装修"}, {"missing", "失踪"}, {"harassment", "性骚扰"},
             {"trafficking", "拐卖"}, {"resign", "离职"}, {"borrow", "借钱"}, {"copyright", "著作权"}, {"seeds", "种子"},
             {"dog", "狗咬人"}, {"leak", "漏水"}, {"neighbourhood", "小区"}, {"alimony", "抚养费"}, {"child", "儿童"},
             {"cheated", "被骗"}, {"scammed", "被骗"}, {"fraud", "诈骗"}, {"wages", "工资"}, {"unpaid wages", "拖欠工资"},
             {"i was fired", "辞退"}, {"evicted", "房东"}, {"arrested", "性骚扰"}, {"my phone was stolen", "被偷"}}) {
        const std::string e = english;  // (clang 14: no structured binding in CAPTURE)
        CAPTURE(e);
        CHECK(searched(english) == total(with, chinese));
    }
}

TEST_CASE("the bundled synonyms: each kind of service point, searched by the name the app gives it, finds one") {
    // The app names a point's kind (assets/i18n/zh-CN.json, point.kind.*: 公共法律服务室 for a
    // room, 调解组织 for mediation); a visitor who searches that name finds the points of that
    // kind, whose own names differ (村(社区)公共法律服务工作室, 锦芝调解工作室).
    core::LoadResult loaded = core::Load(FAZHITONG_SOURCE_DIR "/assets/data");
    REQUIRE(loaded.catalog);
    core::Problems problems;
    const core::SearchIndex index =
        core::SearchIndex::Build(*loaded.catalog, core::Synonyms::Load(FAZHITONG_SOURCE_DIR "/assets/data", problems));
    REQUIRE(problems.empty());
    for (const std::string language : {"zh-CN", "en"}) {  // (the English screen's names: Shared court)
        CAPTURE(language);
        std::ifstream file(FAZHITONG_SOURCE_DIR "/assets/i18n/" + language + ".json");
        const nlohmann::json strings = nlohmann::json::parse(file);
        size_t kinds = 0;
        for (const core::ServicePoint& point : loaded.catalog->Points()) {
            const std::string kind = point.kind.str();
            const auto label = strings.find("point.kind." + kind);
            if (kind == "other" || label == strings.end()) continue;
            CAPTURE(kind);
            CAPTURE(label->get<std::string>());
            core::Query q;
            q.text = label->get<std::string>();  // (searched as the app does: Public legal service
            q.limit = 50;                         // room reads its parts, room matching nothing)
            bool found = false;
            for (const core::Hit& h : index.Search(q).hits)
                found |= h.type == RecordType::ServicePoint && loaded.catalog->Points()[h.index].kind.str() == kind;
            CHECK(found);
            ++kinds;
        }
        CHECK(kinds >= 8);
    }
}

TEST_CASE("the bundled synonyms: the work a deployment's records name that the bundled ones do not") {
    // Rules for words no bundled record holds on either side (安置帮教, 社区矫正), checked on
    // records that do, as a deployer's data would.
    core::Problems problems;
    core::Synonyms bundled = core::Synonyms::Load(FAZHITONG_SOURCE_DIR "/assets/data", problems);
    REQUIRE(problems.empty());
    TestCorpus c({{RecordType::Task, "resettle", "做好安置帮教工作", {}},
                  {RecordType::Task, "community", "加强社区矫正", {}},
                  {RecordType::Task, "other", "释放活力", {}}},
                 std::move(bundled));
    CHECK(c.Ids("刑满释放") == Ids{"resettle"});  // people released from prison
    CHECK(c.Ids("社区服刑") == Ids{"community"});  // serving a sentence in the community
    TestCorpus none({{RecordType::Task, "resettle", "做好安置帮教工作", {}},
                     {RecordType::Task, "community", "加强社区矫正", {}}});
    CHECK(none.Ids("刑满释放").empty());
    CHECK(none.Ids("社区服刑").empty());
}
