// search_keystrokes_test.cpp — typing a query one letter at a time: each query reuses the last
// query's exact matches (PatternMemo in Search.cpp) and must give exactly what a fresh index gives
// for the same text. Depends on core/Search.h.
#include <doctest/doctest.h>

#include <functional>

#include "search_fixture.h"

using core::RecordType;

namespace {
std::vector<TestRecord> Records() {
    return {
        {RecordType::Task, "svc", "公共法律服务中心", {"提供公共法律援助"}},
        {RecordType::Task, "aid", "法律援助", {"公共法律援助工作站"}},
        // The first 公共法律 is followed by 服务, the second by 援助: typing ggfly must look past
        // the first match of ggfl.
        {RecordType::Task, "multi", "工作站", {"公共法律服务和公共法律援助"}},
        {RecordType::Task, "deep", "法律", {"一二三四五六七八九十", "十一十二公共法律服务"}},
        // Traditional 復 folds to 复: the record is verified by decoding, not by a byte search.
        {RecordType::Task, "fy", "行政復議", {"公共法律服务"}},
        {RecordType::Task, "other", "行政执法", {"公共服务"}},
    };
}

// n tasks r0, r1... titled 工作, whose bodies take `bodies` in turn.
std::vector<TestRecord> Cycled(int n, const std::vector<const char*>& bodies) {
    std::vector<TestRecord> out;
    for (int i = 0; i < n; ++i) out.push_back({RecordType::Task, "r" + std::to_string(i), "工作", {bodies[i % bodies.size()]}});
    return out;
}

// `records` and one more, whose 中共法 and 中共服 (no pattern of g-g-f, no gg) give 共法 and 共服
// another character before them than 公, and 事务中 务中 another than 服: the bigram contexts
// then decide no match of ggf and the patterns it starts (SureMatches in Search.cpp), and the
// memos are what these tests watch.
std::vector<TestRecord> Unchained(std::vector<TestRecord> records) {
    records.push_back({RecordType::Task, "unchained", "工作", {"中共法，中共服，事务中"}});
    return records;
}

// Every prefix of `text`, as typed one character (or letter) at a time.
std::vector<std::string> Prefixes(const std::string& text) {
    std::vector<std::string> out;
    for (size_t i = 1; i <= text.size(); ++i)
        if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(text.substr(0, i));
    return out;
}

// Everything a result says, for comparing two results exactly.
std::string Describe(const core::SearchResult& r) {
    std::string s = std::to_string(r.total) + ":";
    for (uint32_t t : r.total_by_type) s += std::to_string(t) + ",";
    for (const core::Hit& h : r.hits) {
        s += " " + std::string(h.id) + "=" + std::to_string(h.score) + "[";
        for (const core::ByteRange& b : h.title_ranges) s += std::to_string(b.begin) + "-" + std::to_string(b.end) + ";";
        s += "|" + std::string(h.snippet) + "|";
        for (const core::ByteRange& b : h.snippet_ranges) s += std::to_string(b.begin) + "-" + std::to_string(b.end) + ";";
        s += "]";
    }
    s += " relaxed " + std::to_string(int(r.relaxation)) + " " + r.relaxed_text + " parts";
    for (const std::string& w : r.word_texts) s += " " + w;
    return s;
}

// The result of `q` on a fresh index (no earlier query), described while its records live.
std::string Fresh(const std::vector<TestRecord>& records, const core::Query& q) {
    TestCorpus fresh(records);
    return Describe(fresh.index.Search(q));
}

std::string Fresh(const std::vector<TestRecord>& records, const std::string& text) {
    core::Query q;
    q.text = text;
    return Fresh(records, q);
}

// Types each of `texts` a character at a time into a new index of `records` (keeping
// `memo_budget` bytes of matches between keystrokes), checking every prefix's result against a
// fresh index's; `pause` runs after each keystroke (the idle time).
void CheckTyped(const std::vector<TestRecord>& records, std::initializer_list<const char*> texts,
                const std::function<void(const core::SearchIndex&)>& pause = {},
                size_t memo_budget = core::SearchIndex::kDefaultMemoBudget) {
    TestCorpus c(records);
    c.index.SetMemoBudget(memo_budget);
    for (const char* text : texts)
        for (const std::string& prefix : Prefixes(text)) {
            CAPTURE(prefix);
            core::Query q;
            q.text = prefix;
            CHECK(Describe(c.index.Search(q)) == Fresh(records, prefix));
            if (pause) pause(c.index);
        }
}
}  // namespace

TEST_CASE("search: keystrokes give the results of fresh queries") {
    CheckTyped(Records(), {"gonggongfalvyuanzhu", "ggflyz", "ggflfw", "gonggongfalvfuwu", "公共法律援助", "公共法律服务",
                           "xingzhengfuyi", "行政复议", "xzfy", "flfw", "falv yuanzhu",
                           // Two terms that narrow the same memo (then neither may write over it).
                           "ggfl ggflyz", "gonggongfa gonggongfalv"});
    SUBCASE("exact results along the way") {
        TestCorpus c(Records());
        for (const std::string& prefix : Prefixes("ggflyz")) c.Ids(prefix);
        CHECK(c.Ids("ggflyz") == Ids{"multi", "aid", "svc"});  // all in the body; shorter titles first
        for (const std::string& prefix : Prefixes("ggflfw")) c.Ids(prefix);
        CHECK(c.Ids("ggflfw") == Ids{"svc", "deep", "multi", "fy"});  // svc in the title
        for (const std::string& prefix : Prefixes("公共法律援助")) c.Ids(prefix);
        CHECK(c.Ids("公共法律援助") == Ids{"multi", "aid", "svc"});
    }
}

TEST_CASE("search: initials typed on past a match give the results of fresh queries, whatever the options") {
    // Each keystroke past ggflyz (nothing holds ggflyzz) reads ggflyz's result, kept from the
    // last keystroke: it must be that of the same query (text, filter and options).
    CheckTyped(Records(), {"ggflyzzxq", "flyzgzzx", "xzfyflfwq", "ggflyz", "ggflyzz"});
    TestCorpus c(Records());
    struct Step {
        const char* text;
        uint32_t types;
        size_t limit;
        bool grouped;
    };
    const uint32_t tasks = 1u << int(RecordType::Task), points = 1u << int(RecordType::ServicePoint);
    for (const Step& step : {Step{"ggflyz", 0x1F, 50, true}, Step{"ggflyzz", 0x1F, 1, true}, Step{"ggflyzzx", 0x1F, 1, false},
                             Step{"ggflyzzxq", 0x1F, 50, false}, Step{"ggflyzzx", points, 50, false},
                             Step{"ggflyzzxq", tasks, 50, false}, Step{"ggflyzz", 0x1F, 50, false},
                             // Another word, its prefix not the one kept.
                             Step{"ggflyz", 0x1F, 50, false}, Step{"flyzzx", 0x1F, 50, false}}) {
        const std::string text = step.text;
        CAPTURE(text);
        CAPTURE(step.limit);
        core::Query q;
        q.text = step.text;
        q.filter.types = step.types;
        q.limit = step.limit;
        q.group_by_type = step.grouped;
        CHECK(Describe(c.index.Search(q)) == Fresh(Records(), q));
    }
}

TEST_CASE("search: a keystroke past initials that found nothing searches no text for the prefixes tried before") {
    // ggflyzz finds nothing and stands for ggflyz, verifying 6 texts (ggflyz's memo was narrowed
    // to ggflyzz's nothing); ggflyzzx and ggflyzzxq know that ggflyzz and ggflyzzx find nothing
    // and read ggflyz's memo kept by that search.
    TestCorpus c(Unchained(Records()));
    for (const std::string& prefix : Prefixes("ggflyzzxq")) {
        CAPTURE(prefix);
        core::Query q;
        q.text = prefix;
        const core::SearchResult r = c.index.Search(q);
        if (prefix.size() == 7) CHECK(r.texts_searched > 0);
        if (prefix.size() >= 8) {
            CHECK(r.relaxed_text == "ggflyz");
            CHECK(r.texts_searched == 0);
        }
    }
}

TEST_CASE("search: the first keystroke past initials that matched reads the prefix's refined matches") {
    // With the idle time between keystrokes, ggflyz's memo is refined; no bit says a z-character
    // follows one of its matches, so ggflyzz matches nothing without reading a text, and ggflyz,
    // standing for it, reads ggflyz's matches as they were kept rather than searching them again.
    // (Checked against a fresh index at every keystroke, either way.)
    auto typed = [](bool idle) {
        TestCorpus c(Unchained(Records()));
        uint32_t searched = 0;
        for (const std::string& prefix : Prefixes("ggflyzzx")) {
            CAPTURE(prefix);
            core::Query q;
            q.text = prefix;
            const core::SearchResult r = c.index.Search(q);
            CHECK(Describe(r) == Fresh(Unchained(Records()), prefix));
            if (prefix.size() >= 7) {
                CHECK(r.relaxed_text == "ggflyz");
                searched += r.texts_searched;
            }
            if (idle) c.index.Prepare(1e9);
        }
        return searched;
    };
    CHECK(typed(true) == 0);
    // Typed back to back (no idle work), ggflyzz narrows ggflyz's 3 matches in place, reading each
    // text, and finds nothing; nothing was written over them, so ggflyz reads them whole: 3 texts
    // in all (6 when ggflyz was searched again).
    CHECK(typed(false) == 3);
}

TEST_CASE("search: a typed letter searches only the texts its last match does not decide") {
    TestCorpus c(Unchained(Records()));  // (else the bigram contexts decide gong gong f* whole)
    core::Query q;
    q.text = "gonggongf";  // gong gong f*, three slots: every candidate's text is searched
    core::SearchResult r = c.index.Search(q);
    CHECK(r.total == 6);  // other: 公共服务 (fu)
    CHECK(r.texts_searched == 6);
    q.text = "gonggongfa";  // every record's first match of gong gong f* decides it but other's (服)
    r = c.index.Search(q);
    CHECK(r.total == 5);
    CHECK(r.texts_searched == 1);
    q.text = "gonggongfalvy";  // aid's first 公共法律 is followed by 援; svc (title: 服, body: 援),
    r = c.index.Search(q);     // multi (服, then 援), deep and fy (服) are searched on
    CHECK(c.Ids("gonggongfalvy") == Ids{"multi", "aid", "svc"});
    CHECK(r.total == 3);
    CHECK(r.texts_searched == 4);
    q.text = "gonggongfalvy";  // the same slots again: the kept matches as they are
    r = c.index.Search(q);
    CHECK(r.total == 3);
    CHECK(r.texts_searched == 0);
    q.text = "gonggongfalvyu";  // narrows the memo passed on by the repeat: no text searched
    r = c.index.Search(q);
    CHECK(r.total == 3);
    CHECK(r.texts_searched == 0);
    CHECK(c.Ids("gonggongfalvyu") == Ids{"multi", "aid", "svc"});
}

TEST_CASE("search: a first match past what a kept match position holds is searched for again") {
    // The kept first match packs its field (counted from the title) into 8 bits and its byte
    // offset into 24: a match in the 300th field, or 16 MB into one, is searched for from the
    // start of the record instead.
    std::vector<std::string> many(300, "其他内容");
    many.back() = "公共法律服务，公共法律援助";
    // Typing on from 公共法律 to 援助, the first match is not one of 公共法律援 and the search goes
    // on from it: a wrong position past it (say the next field) would lose the record.
    std::string far(size_t(1) << 24, 'a');
    far += "公共法律服务，公共法律援助";
    const std::vector<TestRecord> records = {
        {RecordType::Task, "many", "工作", many},
        {RecordType::Task, "far", "工作", {"其他内容", far, "其他内容"}},
        {RecordType::Task, "near", "工作", {"公共法律服务，公共法律援助"}},
    };
    TestCorpus c(records);
    core::Query q, other;
    other.text = "工作";  // a query that keeps no memo: the next one starts afresh
    q.highlights = false;  // (a snippet of the 16 MB field would be most of the time)
    for (const std::string& prefix : Prefixes("gonggongfalvyuanzhu")) {
        CAPTURE(prefix);
        q.text = prefix;
        const std::string typed = Describe(c.index.Search(q));  // from the last prefix's memo
        c.index.Search(other);
        CHECK(typed == Describe(c.index.Search(q)));  // afresh (and the memo for the next prefix)
    }
    CHECK(c.Ids("gonggongfalvyuanzhu") == Ids{"many", "far", "near"});  // body matches, record order
}

// Between keystrokes the app gives the index its idle time (SearchIndex::Prepare): the last
// query's matches are refined into per-match letter bits, from which one more typed letter is
// answered without searching any text. Results must not change, whether the refinement finished,
// was cut short, or never ran.
TEST_CASE("search: keystrokes with idle refinement between them give the results of fresh queries") {
    for (double budget : {1e9, 0.0}) {  // all of it; a slice of one chunk at a time
        CAPTURE(budget);
        CheckTyped(Records(),
                   {"ggflyz", "ggflfw", "gonggongfalvyuanzhu", "gonggongfalvfuwu", "xzfy", "xingzhengfuyi", "flfw",
                    "falv yuanzhu", "ggfl ggflyz", "公共flyz", "gongg法律", "xzzf", "gonggongfalvy"},
                   [budget](const core::SearchIndex& index) { index.Prepare(budget); });
    }
}

TEST_CASE("search: a letter typed after idle refinement reads no text") {
    TestCorpus c(Records());
    CHECK(c.index.Prepare(1e9) == false);  // no query yet: nothing to do
    CHECK(core::SearchIndex().Prepare(1e9) == false);  // an empty index
    core::Query q;
    q.text = "公共";  // Chinese: its postings are exact, nothing is kept to refine
    c.index.Search(q);
    CHECK(c.index.Prepare(1e9) == false);
    q.text = "gg";  // two slots: answered by the postings exactly
    CHECK(c.index.Search(q).total == 6);
    CHECK(c.index.Prepare(1e9) == false);  // all of it refined, nothing left
    q.text = "ggf";  // gg then a character read f*: from the bits, in the title for svc only
    core::SearchResult r = c.index.Search(q);
    CHECK(r.total == 6);
    CHECK(r.texts_searched == 0);
    CHECK(c.Ids("ggf").front() == "svc");
    CHECK(c.index.Prepare(1e9) == false);
    q.text = "ggfl";  // and again: ggf's matches were refined in turn
    r = c.index.Search(q);
    CHECK(r.total == 5);  // other: 公共服务 has no l* after 服
    CHECK(r.texts_searched == 0);
    c.index.Prepare(1e9);
    q.text = "ggfly";  // multi's first 公共法律 is followed by 服, its second by 援
    r = c.index.Search(q);
    CHECK(r.texts_searched == 0);
    CHECK(c.Ids("ggfly") == Ids{"multi", "aid", "svc"});
    SUBCASE("without the idle time the text is searched, with the same results") {
        TestCorpus fresh(Records());
        for (const std::string& prefix : Prefixes("ggfl")) fresh.Ids(prefix);
        q.text = "ggfly";
        CHECK(fresh.index.Search(q).texts_searched > 0);
        CHECK(fresh.Ids("ggfly") == Ids{"multi", "aid", "svc"});
    }
    SUBCASE("a budget of nothing still refines one chunk, and says more is left only when it is") {
        TestCorpus small(Records());
        q.text = "xz";
        small.index.Search(q);
        CHECK(small.index.Prepare(0) == false);  // 6 records: one chunk
    }
}

TEST_CASE("search: a new syllable after a whole one still being typed is read from refined bits") {
    // renmin is ren + (min or ming); renmint is ren + min + t: 人名推荐 (ren ming tui) is no match,
    // though t follows a match of renmin there. The letter bits of renmin are refined for min alone
    // (typed with a pause after every letter).
    const std::vector<TestRecord> records = {
        {RecordType::Task, "a", "人民调解", {"人民调解委员会"}},
        {RecordType::Task, "b", "人名推荐", {"人名登记"}},
        {RecordType::Task, "c", "人民法院", {"为人民服务"}},
        {RecordType::Task, "d", "工作", {"依靠人民推动"}},
        {RecordType::Task, "e", "米面", {"人迷"}},  // (mi: renmi is not renmin's characters)
    };
    TestCorpus c(records);
    core::Query q;
    for (const char* text : {"r", "re", "ren", "renm", "renmi", "renmin"}) {
        q.text = text;
        c.index.Search(q);
        c.index.Prepare(1e9);
    }
    q.text = "renmint";
    const core::SearchResult r = c.index.Search(q);
    CHECK(Describe(r) == Fresh(records, "renmint"));
    CHECK(c.Ids("renmint") == std::vector<std::string>{"a", "d"});
    CHECK(r.texts_searched == 0);
    CheckTyped(records, {"renmintiaojie", "renmingt", "renmingdengji", "renminf", "rmt"},
               [](const core::SearchIndex& index) { index.Prepare(1e9); });
}

TEST_CASE("search: a new syllable after a whole one ending three slots or more is read from refined bits") {
    // zhongguorenmin is zhong + guo + ren + (min or ming); zhongguorenmint ends with min + t. The
    // letter bits of the four-slot memo are refined for min alone; its first matches and windows
    // stay those of min or ming (中国人名 is a match of it, where 中国人民 follows).
    const std::vector<TestRecord> records = {
        {RecordType::Task, "a", "中国人民调解", {"中国人民调解委员会"}},
        {RecordType::Task, "b", "中国人名推荐", {"中国人名登记"}},
        {RecordType::Task, "c", "工作", {"中国人名推荐和中国人民团结"}},  // the first match is no min
        {RecordType::Task, "d", "工作", {"中国人民法院"}},
        {RecordType::Task, "e", "工作", {"中国人明天"}},  // 明 ming
        {RecordType::Task, "f", "米面", {"人迷"}},        // (mi: zhongguorenmi is not ...renmin's characters)
    };
    for (const char* typed : {"zhongguorenmin", "zhongguo renmin", "zgrenmin"}) {
        CAPTURE(typed);
        TestCorpus c(records);
        core::Query q;
        for (const std::string& prefix : Prefixes(typed)) {
            q.text = prefix;
            c.index.Search(q);
            c.index.Prepare(1e9);
        }
        q.text = std::string(typed) + "t";
        const core::SearchResult r = c.index.Search(q);
        CHECK(Describe(r) == Fresh(records, q.text));
        CHECK(r.total == 2);  // a (title), c
        CHECK(r.texts_searched == 0);
    }
    CheckTyped(records, {"zhongguorenmintuanjie", "zhongguorenmingt", "zhongguo renmin tuanjie", "zgrmt", "zgrenmingtian"},
               [](const core::SearchIndex& index) { index.Prepare(1e9); });
}

TEST_CASE("search: keystrokes after idle refinement cut short give the results of fresh queries") {
    // More records than one slice refines (Prepare with no budget refines one chunk of 64): the
    // next letter is read from the bits of the records refined so far, the rest are searched,
    // and a memo made from the bits (first matches only a lower bound, no windows) is narrowed
    // or refined in turn.
    const char* follow[] = {"法律服务", "法律援助", "服务中心", "事业", "法治宣传", "调解"};
    std::vector<TestRecord> records;
    for (int i = 0; i < 300; ++i) {
        std::string body = std::string("推进公共") + follow[i % 6];
        if (i % 4 == 0) body += std::string("和公共") + follow[(i / 4) % 6];  // a later match
        std::string title = i % 5 == 0 ? std::string("公共") + follow[(i / 5) % 6] + "站" : "工作站";
        records.push_back({RecordType::Task, "r" + std::to_string(i), title, {body}});
    }
    for (int slices = 0; slices <= 5; ++slices) {
        CAPTURE(slices);
        CheckTyped(records, {"ggflfw", "gonggongfalvy", "ggfz", "ggs"}, [slices](const core::SearchIndex& index) {
            for (int s = 0; s < slices; ++s) index.Prepare(0);
        });
    }
    // With less memory for memos (none; the matches alone; first matches but no letter bits)
    // some are kept leaner or not at all.
    for (size_t budget : {size_t(0), size_t(1200), size_t(4000), size_t(9000)})
        for (int slices : {0, 1, 3}) {
            CAPTURE(budget);
            CAPTURE(slices);
            CheckTyped(
                records, {"ggflfw", "gonggongfalvy", "ggfz"},
                [slices](const core::SearchIndex& index) {
                    for (int s = 0; s < slices; ++s) index.Prepare(0);
                },
                budget);
        }
}

// 20,000 records, enough for a memo's records searched in their text to be filtered by a
// pattern's own candidates (4,096 or more left: at once without windows, else once as many
// have been searched).
std::vector<TestRecord> ManyRecords() {
    const char* follow[] = {"法律服务", "事业发展", "服务中心", "工作", "法治宣传", "调解"};
    std::vector<TestRecord> records;
    for (int i = 0; i < 20000; ++i) {
        std::string body = std::string("推进公共") + follow[i % 6];
        if (i % 7 == 0) body += std::string("和公共") + follow[(i / 7) % 6];  // a later match
        records.push_back({RecordType::Task, "r" + std::to_string(i), i % 5 == 0 ? "公共服务站" : "工作站", {body}});
    }
    return Unchained(records);
}

// Types g, gg and gives half of gg's memo its refinement (157 slices of 64 records).
constexpr size_t kHalfRefined = 157 * 64;
void TypeGgHalfRefined(const core::SearchIndex& index) {
    core::Query q;
    for (const char* text : {"g", "gg"}) {
        q.text = text;
        index.Search(q);
    }
    for (size_t s = 0; s < kHalfRefined / 64; ++s) index.Prepare(0);
}

TEST_CASE("search: the records a partly refined memo leaves to search are filtered by the pattern's candidates") {
    // 9,952 of gg's records left, of which only those with 公共法 or 公共服 are ggf's candidates.
    const std::vector<TestRecord> records = ManyRecords();
    TestCorpus c(records);
    TypeGgHalfRefined(c.index);
    core::Query q;
    q.text = "ggf";
    core::SearchResult r = c.index.Search(q);
    CHECK(Describe(r) == Fresh(records, "ggf"));
    const size_t left = records.size() - kHalfRefined;
    size_t rest_matches = 0;  // (matches among those left)
    for (size_t i = kHalfRefined; i < records.size(); ++i) {
        const std::string text = records[i].title + "|" + records[i].body[0];
        rest_matches += text.find("公共法") != std::string::npos || text.find("公共服") != std::string::npos;
    }
    CHECK(r.texts_searched == rest_matches);  // (no windows: filtered from the first; the candidates are the matches here)
    CHECK(rest_matches < left - 1000);
    for (const char* text : {"ggfl", "ggfw"}) {
        q.text = text;
        CHECK(Describe(c.index.Search(q)) == Fresh(records, text));
    }
}

TEST_CASE("search: the rest of a partly refined memo reads no title its pattern's candidates rule out") {
    // Every body holds 公共法律服务, and 共法 always follows 公: ggf's records are sure matches by
    // the bigram contexts, none of them in the title. Half the titles are 公共事务站: gg's memo
    // says its pattern is in them, but no title holds a g-g-f chain (the candidates' marks say
    // so), so none is read for the records gg's refinement left.
    std::vector<TestRecord> records;
    for (int i = 0; i < 20000; ++i)
        records.push_back({RecordType::Task, "r" + std::to_string(i), i % 2 ? "工作站" : "公共事务站", {"推进公共法律服务"}});
    TestCorpus c(records);
    TypeGgHalfRefined(c.index);
    core::Query q;
    q.text = "ggf";
    const core::SearchResult r = c.index.Search(q);
    CHECK(Describe(r) == Fresh(records, "ggf"));
    CHECK(r.total == 20000);
    CHECK(r.texts_searched == 0);  // (it read the 4,976 titles of 公共事务站 left)
    for (const char* text : {"ggfl", "ggs", "ggsw"}) {
        q.text = text;
        CHECK(Describe(c.index.Search(q)) == Fresh(records, text));
    }
}

TEST_CASE("search: a memo kept without first matches is filtered by the next pattern's candidates") {
    // ggf read from the bits of half of gg: kept as its matches alone over gg's records (gg's memo,
    // 240,000 bytes, is alive meanwhile; with first matches and windows ggf's would not fit), then
    // refined with first matches and windows but no letter bits (12,000 matches, 20 bytes each).
    // ggfl's windows decide 公共法律; the other matches of ggf are searched, the candidates among
    // them once 4,096 have been.
    const std::vector<TestRecord> records = ManyRecords();
    TestCorpus c(records);
    c.index.SetMemoBudget(250000);
    TypeGgHalfRefined(c.index);
    core::Query q;
    q.text = "ggf";
    const core::SearchResult ggf = c.index.Search(q);
    c.index.Prepare(1e9);
    q.text = "ggfl";
    const core::SearchResult r = c.index.Search(q);
    CHECK(Describe(r) == Fresh(records, "ggfl"));
    CHECK(r.texts_searched < ggf.total - r.total - 1000);  // (of ggf's matches that are not ggfl's)
}

TEST_CASE("search: a pattern whose memo does not fit keeps its matches alone, to refine them") {
    // Kinds of body: 公共法律服务 (ggf, ggfl), 公共服务和法律 (ggf), 公共事务，高峰，法律 (neither).
    const std::vector<TestRecord> records = Unchained(Cycled(200, {"公共法律服务", "公共服务和法律", "公共事务，高峰，法律"}));
    // Texts searched by ggfl, typed after g, gg (two slices of refinement: 128 of its 200 records,
    // 2,400 bytes of memo) and ggf (read from gg's bits as far as they go: 157 records at most,
    // 20 bytes each with first matches and windows, or alone written over gg's records; gg's memo
    // is alive meanwhile) with `budget` bytes of memos, then a pause (refining ggf's 134 matches
    // takes 28 bytes each).
    auto typed = [&](size_t budget) {
        TestCorpus c(records);
        c.index.SetMemoBudget(budget);
        core::Query q;
        for (const char* text : {"g", "gg", "ggf"}) {
            q.text = text;
            c.index.Search(q);
            if (q.text == "gg") c.index.Prepare(0), c.index.Prepare(0);
        }
        c.index.Prepare(1e9);
        q.text = "ggfl";
        core::SearchResult r = c.index.Search(q);
        CHECK(Describe(r) == Fresh(records, "ggfl"));
        CHECK(r.total == 67);
        return r.texts_searched;
    };
    TestCorpus fresh(records);
    core::Query q;
    q.text = "ggfl";
    CHECK(fresh.index.Search(q).texts_searched == 67);  // its candidates: g-g-f and g-f-l through one f
    CHECK(typed(0) == 67);        // nothing kept: the same
    CHECK(typed(2500) == 134);    // ggf's matches kept alone over gg's records (2,400 bytes), no room to
                                  // refine them: searched from their start (few: not filtered, below)
    CHECK(typed(4000) == 0);      // ggf's matches kept alone, refined: no text
    CHECK(typed(6000) == 0);      // kept with first matches and windows (5,540 bytes), refined: the same
}

TEST_CASE("search: words typed apart keep the memo of their phrase first, the words' alone if need be") {
    // falv yuan is the words falv and yuan, ANDed, or the phrase falv'yuan. The phrase's matches
    // are verified in the text (3 slots); the words' come from their postings. A letter typed on
    // narrows the phrase's memo, which must not lose its place in the budget to the words': falv
    // (complete, refined while it was typed) keeps only its matches when both do not fit.
    // (纪律援引: 律援 not always after 法 and before 助, so the bigram contexts decide no match of
    // falv'yuan'zh: SureMatches in Search.cpp.)
    std::vector<TestRecord> records = Cycled(100, {"提供法律援助", "法律咨询和援助", "公共法律服务"});
    records.push_back({RecordType::Task, "unchained", "工作", {"纪律援引"}});
    // falv: 100 records (with refined bits, 12 bytes each); the phrase falv'yuan: 34 (20 bytes
    // each, with first matches and windows); yuan: 67. 2,000 bytes hold the phrase and falv's
    // records, not the phrase and falv refined.
    auto typed = [&](size_t budget) {
        TestCorpus c(records);
        c.index.SetMemoBudget(budget);
        core::Query q;
        for (const char* text : {"falv", "falv yuan"}) {
            q.text = text;
            c.index.Search(q);
            c.index.Prepare(1e9);
        }
        q.text = "falv yuanz";  // the phrase falv'yuan'z: from the phrase's windows
        core::SearchResult r = c.index.Search(q);
        CHECK(Describe(r) == Fresh(records, q.text));
        CHECK(r.total == 67);  // 34 records hold the phrase (法律援助), 33 more the words apart
        q.text = "falv yuanzh";
        r = c.index.Search(q);
        CHECK(Describe(r) == Fresh(records, q.text));
        return r.texts_searched;
    };
    CHECK(typed(0) == 34);  // nothing kept: every candidate of falv'yuan'zh searched
    CHECK(typed(2000) == 0);
    CHECK(typed(core::SearchIndex::kDefaultMemoBudget) == 0);
    // And every keystroke gives what a fresh index gives, with little room and with plenty.
    for (size_t budget : {size_t(0), size_t(700), size_t(2000), core::SearchIndex::kDefaultMemoBudget})
        CheckTyped(records, {"falv yuanzhu", "fa lv yuan zhu", "falv zixun yuanzhu", "gonggong falv fuwu"},
                   [](const core::SearchIndex& index) { index.Prepare(1e9); }, budget);
    CheckTyped(Records(), {"gonggong falv yuanzhu", "ggfl yuanzhu", "xingzheng fuyi", "gongg falv fw"}, {}, 300);
}

TEST_CASE("search: the words before the last are read from the last query only where they are its words") {
    // Typing the last word on, the AND of the words before it is the last query's (SearchData::
    // words_and): each query here gives what a fresh index gives, where those words are the
    // same, another word, one more or fewer, in another order, or the same typed another way.
    const std::vector<TestRecord> records = Unchained(Records());
    TestCorpus c(records);
    core::Query q;
    for (const char* text : {"gonggong falv f", "gonggong falv fu", "gonggong falv fuw", "gonggong fuwu fuw",
                             "falv gonggong fuw", "falv fuw", "falv falv fuw", "公共 falv fuw", "gongg falv fuw",
                             "gonggong falv yuan", "gonggong falv yuanz", "gongzuo falv fuw", "gongzuo falv fuwu",
                             "falv", "gonggong falv fuw", "xingzheng fuyi", "xingzheng fuyi gonggong",
                             "xingzheng fuyi gonggongf", "gonggong falv zzz", "gonggong falv zzzz"}) {
        CAPTURE(text);
        q.text = text;
        CHECK(Describe(c.index.Search(q)) == Fresh(records, text));
    }
    // And typed a letter at a time, with a word typed after words that match nothing together.
    CheckTyped(records, {"gonggong falv fuwu", "falv gonggong fuwu zhongxin", "gongzuo xingzheng falv"});
    CheckTyped(records, {"gonggong falv fuwu", "xingzheng fuyi gonggong"}, {}, 0);
}

TEST_CASE("search: a seventh slot, past what a window holds, searches only its own candidates") {
    // A memo's window holds 6 character ids: it decides nothing for a pattern of 7 slots, whose
    // records are filtered by its own candidates at once, as without windows.
    const std::vector<TestRecord> records = Unchained(Cycled(5000, {"公共法律服务", "公共法律服务中心"}));
    TestCorpus c(records);
    core::Query q;
    for (const std::string& prefix : Prefixes("gonggongfalvfuwu")) {
        q.text = prefix;
        c.index.Search(q);
    }
    q.text = "gonggongfalvfuwuz";
    const core::SearchResult r = c.index.Search(q);
    CHECK(r.total == 2500);
    CHECK(r.texts_searched == 2500);  // (5,000 when the first 4,096 were searched unfiltered)
    CHECK(Describe(r) == Fresh(records, q.text));
}

TEST_CASE("search: random phrases typed a letter at a time, idle work cut short anywhere, as fresh queries") {
    // 12,000 records of a few phrases with variants (majorities, sure matches by context), and
    // the full pinyin or the initials of pieces of them typed a letter at a time, with 0-199
    // slices of idle work after each letter: memos refined not at all, in part (the rest
    // searched, filtered by the next pattern's candidates) or whole.
    PhraseRecords g(777);
    const std::vector<TestRecord> records = g.Make(12000);
    TestCorpus typed(records);
    TestCorpus fresh(records);
    fresh.index.SetMemoBudget(0);  // (keeps nothing from one query to the next)
    for (int k = 0; k < 24; ++k) {
        const std::string text = PinyinTyped(g.Pattern(), k % 2 == 1);  // jiayibing..., or jyb...
        for (const std::string& prefix : Prefixes(text)) {
            CAPTURE(prefix);
            core::Query q;
            q.text = prefix;
            CHECK(Describe(typed.index.Search(q)) == Describe(fresh.index.Search(q)));
            for (uint32_t n = g.Next() % 200; n > 0; --n) typed.index.Prepare(0);
        }
    }
}
