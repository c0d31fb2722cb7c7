// search_context_test.cpp — bigram contexts: a literal pattern of 3+ characters whose bigrams'
// neighbours chain it whole (共法 always between 公 and 律) is answered from one posting list,
// with no text verified, and finds exactly what verification finds; random corpora of a few
// words against a linear scan; field edges and spaces. Pinyin patterns (ggf, gonggongf) are
// matched without their text in the records holding a bigram whose neighbours chain to both
// ends, against a scan of the readings. (Packs: search_pack_test.) Depends on core/Search.h,
// core/Pinyin.h, core/TextNorm.h.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/Pinyin.h"
#include "core/TextNorm.h"
#include "search_fixture.h"

using core::RecordType;

namespace {
core::SearchResult Exact(const TestCorpus& c, const std::string& text) {
    core::Query q;
    q.text = text;
    q.relax = false;
    q.group_by_type = false;
    q.limit = 1000;
    return c.index.Search(q);
}

// id -> in the title, for every hit.
std::map<std::string, bool> Found(const core::SearchResult& r) {
    std::map<std::string, bool> out;
    for (const core::Hit& h : r.hits) out[std::string(h.id)] = h.score >= 4000;
    return out;
}

// A query on an index of its own (no memo of another query): what it found, how many, and how
// many texts it read.
struct Answer {
    std::map<std::string, bool> found;
    uint32_t total, texts_searched;
};
Answer Fresh(const std::vector<TestRecord>& records, const std::string& text) {
    TestCorpus c(records);
    const core::SearchResult r = Exact(c, text);
    return Answer{Found(r), r.total, r.texts_searched};
}

// What a linear scan of the records' text finds (as Found says it).
std::map<std::string, bool> Scan(const TestCorpus& c, const std::string& text) {
    std::map<std::string, bool> out;
    for (const TestRecord& r : c.records) {
        const bool title = r.title.find(text) != std::string::npos;
        const bool body = std::any_of(r.body.begin(), r.body.end(),
                                      [&](const std::string& f) { return f.find(text) != std::string::npos; });
        if (title || body) out[r.id] = title;
    }
    return out;
}

// The same for initials typed (ggf): every run of characters with a reading starting with each
// letter in turn.
std::map<std::string, bool> ScanInitials(const TestCorpus& c, const std::string& letters) {
    auto has = [&](const std::string& f) {
        std::vector<uint32_t> cps;
        for (size_t pos = 0; pos < f.size();) cps.push_back(core::DecodeUtf8(f, pos));
        auto reads = [](uint32_t cp, char letter) {
            const uint16_t set = core::ReadingSetOf(cp);
            for (const uint16_t* s = core::ReadingSetBegin(set); set && s != core::ReadingSetEnd(set); ++s)
                if (core::SyllableName(*s)[0] == letter) return true;
            return false;
        };
        for (size_t i = 0; i + letters.size() <= cps.size(); ++i) {
            size_t k = 0;
            while (k < letters.size() && reads(cps[i + k], letters[k])) ++k;
            if (k == letters.size()) return true;
        }
        return false;
    };
    std::map<std::string, bool> out;
    for (const TestRecord& r : c.records) {
        const bool title = has(r.title);
        if (title || std::any_of(r.body.begin(), r.body.end(), has)) out[r.id] = title;
    }
    return out;
}

// The query exactly as typed, checked against a linear scan (Scan, or ScanInitials for
// initials): what it found and how many.
core::SearchResult AsScan(const TestCorpus& c, const std::string& text,
                          std::map<std::string, bool> (*scan)(const TestCorpus&, const std::string&) = Scan) {
    core::SearchResult r = Exact(c, text);
    const std::map<std::string, bool> truth = scan(c, text);
    CHECK(Found(r) == truth);
    CHECK(r.total == truth.size());
    return r;
}

// Random records of words strung together (most bigrams then have one neighbour each side): one
// text in `loose` is of loose characters instead, which breaks some chains, and a space follows a
// word one time in `space` (0: never). Titles of 1 to `title_parts` texts, up to two body fields.
struct WordRecords {
    std::vector<std::string> words, chars;
    uint32_t s, loose, space;
    uint32_t Next() { return s = s * 1103515245u + 12345u, (s >> 16) & 0x7FFF; }
    std::string Text(size_t parts) {
        std::string t;
        const bool loose_text = Next() % loose == 0;
        for (size_t k = 0; k < parts; ++k) {
            t += loose_text ? chars[Next() % chars.size()] : words[Next() % words.size()];
            if (space && Next() % space == 0) t += " ";
        }
        return t;
    }
    std::vector<TestRecord> Make(size_t n, uint32_t title_parts) {
        std::vector<TestRecord> rs;
        for (size_t i = 0; i < n; ++i) {
            TestRecord r{RecordType(Next() % 5), "r" + std::to_string(i), Text(1 + Next() % title_parts), {}};
            for (size_t f = Next() % 3; f > 0; --f) r.body.push_back(Text(1 + Next() % 4));
            rs.push_back(std::move(r));
        }
        return rs;
    }
};

std::vector<TestRecord> Service(std::vector<TestRecord> extra = {}) {
    std::vector<TestRecord> rs = {
        {RecordType::ServicePoint, "p1", "某县公共法律服务中心", {"某县人民路1号"}},
        {RecordType::ServicePoint, "p2", "某镇司法所", {"提供公共法律服务"}},
        {RecordType::Task, "t1", "公共法律", {}},  // the whole title
        {RecordType::Task, "t2", "推进法律援助", {"公共场所", "法律服务"}},  // both words, never together
    };
    for (TestRecord& r : extra) rs.push_back(std::move(r));
    return rs;
}
}  // namespace

TEST_CASE("search: bigram contexts") {
    SUBCASE("a pattern its contexts chain whole is answered from one list, exactly") {
        TestCorpus c(Service());
        for (const std::string text : {"公共法律", "公共法", "共法律"}) {
            CAPTURE(text);
            const core::SearchResult r = Exact(c, text);
            CHECK(r.texts_searched == 0);
            CHECK(Found(r) == Scan(c, text));
            CHECK(r.total == Scan(c, text).size());
        }
        // Ranked as verification ranks them: the whole title, then a title, then a body.
        CHECK(c.Ids("公共法律") == Ids{"t1", "p1", "p2"});
        CHECK(IdsOf(Exact(c, "公共法律")) == Ids{"t1", "p1", "p2"});
        // Not decided: 法律 is after 共 and after 进, and 服务 before 中 and at a field's end, so
        // no bigram of these chains to both ends (t2's body holds 法律服务 alone).
        for (const std::string text : {"共法律服", "公共法律服务中心"}) {
            CAPTURE(text);
            const core::SearchResult r = Exact(c, text);
            CHECK(r.texts_searched > 0);
            CHECK(Found(r) == Scan(c, text));
        }
        // A query split into its parts counts each run that grows (CountUpTo: 公共法, 公共法律...)
        // from the lists alone where they decide it: here the parts of 找公共法律 (找 is nowhere).
        const core::SearchResult parts = Find(c, "找公共法律");
        CHECK(parts.relaxation == core::SearchResult::Relaxation::Parts);
        CHECK(parts.relaxed_text == "公共法律");
        CHECK(IdsOf(parts) == Ids{"t1", "p1", "p2"});
        CHECK(parts.texts_searched == 0);
    }
    SUBCASE("one occurrence elsewhere breaks the chain: verified, the same answers") {
        // 共法 after 中 once: 公共法律 is no longer decided by 共法's neighbours.
        TestCorpus c(Service({{RecordType::Task, "t3", "集中共法治之力", {}}}));
        const core::SearchResult r = Exact(c, "公共法律");
        CHECK(r.texts_searched > 0);
        CHECK(Found(r) == Scan(c, "公共法律"));
        CHECK(IdsOf(r) == Ids{"t1", "p1", "p2"});
        // 共法 is no longer always followed by 律 either (共法治): 共法律 is verified too. 法律服
        // still is decided, by 律服 (always after 法, always before 务).
        CHECK(Exact(c, "共法律").texts_searched > 0);
        CHECK(Exact(c, "法律服").texts_searched == 0);
        CHECK(Found(Exact(c, "法律服")) == Scan(c, "法律服"));
    }
    SUBCASE("a neighbour that rules a pattern out: nothing, and no text searched") {
        // t1 holds 执法, 法行 and 行政, but 法行 is always after 依: 执法行政 is nowhere.
        TestCorpus c({{RecordType::Task, "t1", "严格执法，依法行政", {}},
                      {RecordType::Task, "t2", "行政执法", {"依法行政"}}});
        const core::SearchResult r = Exact(c, "执法行政");
        CHECK(r.total == 0);
        CHECK(r.texts_searched == 0);
        // 政执 is always before 法 and 执法 always after 政 or 格: 行政执法 is decided, found.
        CHECK(Found(Exact(c, "行政执法")) == std::map<std::string, bool>{{"t2", true}});
        CHECK(Exact(c, "格执法").texts_searched == 0);
        CHECK(Found(Exact(c, "格执法")) == std::map<std::string, bool>{{"t1", true}});
    }
    SUBCASE("a field's edge or a space is no neighbour") {
        // 甲乙 ends a title and 丙 begins the body; 乙丙 occurs elsewhere, after 某. Were the
        // edge read through, 甲乙 would always be followed by 丙 and t1 would match 甲乙丙.
        TestCorpus c({{RecordType::Task, "t1", "某甲乙", {"丙丁"}},
                      {RecordType::Task, "t2", "某乙丙", {}},
                      {RecordType::Task, "t3", "戊己 庚", {"辛戊己"}},
                      {RecordType::Task, "t4", "己庚", {}}});
        CHECK(Exact(c, "甲乙丙").total == 0);
        CHECK(Exact(c, "某甲乙").texts_searched == 0);  // (甲乙 always after 某: decided)
        CHECK(Found(Exact(c, "某甲乙")) == Scan(c, "某甲乙"));
        // 戊己 is followed by a space once, by nothing once: 戊己庚 is nowhere.
        CHECK(Exact(c, "戊己庚").total == 0);
        CHECK(Found(Exact(c, "辛戊己")) == Scan(c, "辛戊己"));
    }
    SUBCASE("random corpora of a few words: every pattern of 3-5 characters as a linear scan finds it") {
        // Records are words strung together, so most bigrams have one neighbour each side; a few
        // records of loose characters break some of the chains.
        WordRecords g{{"公共法律", "法律服务", "人民调解", "调解委员会", "法律援助", "服务中心", "公共", "援助", "中心", "人民"},
                      {"公", "共", "法", "律", "服", "务", "人", "民", "调", "解", "援", "助"},
                      7, 12, 9};
        const std::vector<std::string>& words = g.words;
        auto next = [&] { return g.Next(); };
        size_t decided = 0, verified = 0, patterns = 0, nowhere = 0;
        for (int corpus = 0; corpus < 12; ++corpus) {
            const size_t n = 20 + next() % 30;
            TestCorpus c(g.Make(n, 3));
            // Every substring of 3-5 characters of every record, and a few that span words.
            std::vector<std::string> queries;
            for (const TestRecord& r : c.records) {
                std::vector<std::string> fields = r.body;
                fields.push_back(r.title);
                for (const std::string& f : fields) {
                    std::vector<size_t> at;  // each character's offset (a space is one byte)
                    for (size_t i = 0; i < f.size(); i += f[i] == ' ' ? 1 : 3) at.push_back(i);
                    at.push_back(f.size());
                    for (size_t i = 0; i + 1 < at.size(); ++i)
                        for (size_t len = 3; len <= 5 && i + len < at.size(); ++len)
                            queries.push_back(f.substr(at[i], at[i + len] - at[i]));
                }
            }
            // And words joined where no record may join them (most match nothing).
            for (size_t k = 0; k < 40; ++k) {
                const std::string& a = words[next() % words.size()];
                const std::string& b = words[next() % words.size()];
                queries.push_back(a.substr(a.size() - 3 * (1 + next() % 2)) + b.substr(0, 3 * (1 + next() % 3)));
            }
            std::sort(queries.begin(), queries.end());
            queries.erase(std::unique(queries.begin(), queries.end()), queries.end());
            for (const std::string& q : queries) {
                if (q.find(' ') != std::string::npos) continue;
                CAPTURE(corpus);
                CAPTURE(q);
                const core::SearchResult r = AsScan(c, q);
                ++patterns;
                (r.texts_searched == 0 ? decided : verified) += 1;
                nowhere += r.total == 0 && r.texts_searched == 0;
            }
        }
        // Both ways are exercised, each many times.
        CHECK(patterns > 500);
        CHECK(decided > patterns / 10);
        CHECK(verified > patterns / 10);
        CHECK(nowhere > 50);
        MESSAGE(patterns << " patterns: " << decided << " decided by contexts (" << nowhere << " of them nowhere), "
                         << verified << " verified");
    }
}

TEST_CASE("search: pinyin patterns matched through a bigram their contexts chain whole") {
    // 共法 always follows 公 and precedes 律: a record holding it holds gong-gong-f... and g-g-f-l
    // around it, in its title when 共法 is there. 政复 always follows 行: x-z-f too.
    std::vector<TestRecord> rs;
    for (int i = 0; i < 80; ++i) {
        const std::string n = std::to_string(i);
        switch (i % 4) {
            case 0: rs.push_back({RecordType::ServicePoint, "p" + n, "公共法律服务站", {"村委会"}}); break;
            case 1: rs.push_back({RecordType::Task, "t" + n, "推进工作", {"提供公共法律服务"}}); break;
            case 2: rs.push_back({RecordType::Task, "x" + n, "加强行政复议", {"公共服务"}}); break;
            default: rs.push_back({RecordType::Task, "g" + n, "各个环节", {"提高效率"}}); break;  // g-g, no f after
        }
    }
    // Its title holds g-g-f through 共服 (not chained: 共服 follows 公 here, 中 below), its body
    // 共法: a sure match, and its title is read to find it is there too.
    rs.push_back({RecordType::Task, "both", "公共服务", {"公共法律"}});
    rs.push_back({RecordType::Task, "zhong", "中共服", {}});
    auto fresh = [&](const std::string& text) { return Fresh(rs, text); };
    const TestCorpus c(rs);
    for (const std::string text : {"ggf", "ggfl", "xzf"}) {
        CAPTURE(text);
        const Answer a = fresh(text);
        CHECK(a.found == ScanInitials(c, text));
        CHECK(a.total == ScanInitials(c, text).size());
    }
    // ggf: the 41 records with 共法 are sure (one of them, `both`, has its title read); the 20
    // with 公共服务 alone are searched.
    CHECK(fresh("ggf").total == 61);
    CHECK(fresh("ggf").texts_searched == 21);
    CHECK(fresh("ggf").found.at("both") == true);
    CHECK(fresh("ggf").found.at("t1") == false);
    CHECK(fresh("ggf").found.at("p0") == true);
    // Four slots: the title of `both` may hold g-g-f-l (公共 and 共服 there, not 服l), the
    // others' either hold it (p) or hold no pair of its slots (t): no title read.
    CHECK(fresh("ggfl").texts_searched == 0);
    CHECK(fresh("xzf").texts_searched == 0);
    CHECK(fresh("gonggongfalv").texts_searched == 0);
    CHECK(fresh("gonggongfalv").found == fresh("ggfl").found);
    CHECK(fresh("gonggongfalv").total == 41);

    SUBCASE("random corpora: initials as a scan of the readings finds them, typed and fresh") {
        WordRecords g{{"公共法律", "法律服务", "公共服务", "人民调解", "行政复议", "县政府", "服务中心", "法律援助", "工作",
                       "改革", "行政执法", "规范"},
                      {"公", "共", "法", "律", "服", "务", "行", "政", "复", "府", "工", "改"},
                      11, 10, 0};
        auto next = [&] { return g.Next(); };
        size_t queries = 0, sure = 0, matched = 0;
        for (int corpus = 0; corpus < 8; ++corpus) {
            const size_t n = 60 + next() % 60;
            const std::vector<TestRecord> records = g.Make(n, 2);
            TestCorpus typed(records);
            // The initials of runs of 3-4 characters of the records (many match), and random ones.
            const char letters[] = "ggflfwxzfyzjrmtjgzfx";
            for (size_t k = 0; k < 30; ++k) {
                std::string q;
                if (k % 2 == 0) {
                    const TestRecord& r = records[next() % records.size()];
                    const std::string initials = PinyinTyped(r.title, true);
                    const size_t len = 3 + next() % 2;
                    if (initials.size() < len) continue;
                    const size_t at = next() % (initials.size() - len + 1);
                    q.assign(initials.begin() + ptrdiff_t(at), initials.begin() + ptrdiff_t(at + len));
                } else {
                    for (size_t len = 3 + next() % 2; q.size() < len;) q += letters[next() % (sizeof letters - 1)];
                }
                CAPTURE(corpus);
                CAPTURE(q);
                TestCorpus c(records);
                const core::SearchResult r = AsScan(c, q, ScanInitials);
                // Typed a letter at a time (the memos keep sure matches without their place).
                for (size_t i = 1; i < q.size(); ++i) Exact(typed, q.substr(0, i));
                CHECK(Found(Exact(typed, q)) == ScanInitials(c, q));
                ++queries;
                sure += r.texts_searched < r.total;
                matched += r.total >= 16;
            }
        }
        CHECK(sure > queries / 4);
        MESSAGE(queries << " initials queries, " << matched << " with 16 matches or more, " << sure << " with sure matches");
    }
}

TEST_CASE("search: neighbours that agree beyond one character decide longer patterns") {
    // 共法 is always followed by 律服务 (公共法律服务站, 公共法律服务中心), while 法律 is followed by
    // 服, 援 or 咨: one character of context chains 共法 no further than 律. 解委 is always after
    // 人民调, while 调解 is after 民 or 法 and 民调 before 解 or 查: only 解委's three left neighbours
    // reach the start of 人民调解委.
    std::vector<TestRecord> rs;
    for (int i = 0; i < 60; ++i) {
        const std::string n = std::to_string(i);
        switch (i % 6) {
            case 0: rs.push_back({RecordType::ServicePoint, "p" + n, "公共法律服务站", {"村委会"}}); break;
            case 1: rs.push_back({RecordType::Task, "t" + n, "推进工作", {"建设公共法律服务中心"}}); break;
            case 2: rs.push_back({RecordType::Task, "a" + n, "法律援助", {"法律咨询"}}); break;
            case 3: rs.push_back({RecordType::Task, "m" + n, "人民调解委员会", {"依法调解"}}); break;
            case 4: rs.push_back({RecordType::Task, "c" + n, "人民调查", {"人民法院"}}); break;
            default: rs.push_back({RecordType::Task, "g" + n, "各个环节", {"提供法律服务"}}); break;
        }
    }
    const TestCorpus c(rs);
    // Decided whole: nothing read, the same answers as a scan (20 records hold 共法, 10 解委).
    // (Named fields, not structured bindings: CAPTURE's lambda may not name those in C++17.)
    struct Case {
        std::string text, initials;
        uint32_t total;
    };
    for (const Case& k : std::vector<Case>{
             {"公共法律服务", "", 20}, {"共法律服务", "", 20}, {"人民调解委", "", 10}, {"民调解委员", "", 10}}) {
        const std::string& text = k.text;
        const uint32_t total = k.total;
        CAPTURE(text);
        const Answer r = Fresh(rs, text);
        CHECK(r.texts_searched == 0);
        CHECK(r.found == Scan(c, text));
        CHECK(r.total == total);
    }
    // And in pinyin: 公共法律服务中心 (t) is decided by 务中, whose six left neighbours are 服律法共公设.
    for (const Case& k : std::vector<Case>{
             {"ggflf", "ggflf", 20}, {"ggflfw", "ggflfw", 20}, {"gonggongfalvfuwu", "ggflfw", 20},
             {"ggflfwzx", "ggflfwzx", 10}, {"rmtjw", "rmtjw", 10}, {"renmintiaojiewei", "rmtjw", 10}}) {
        const std::string &text = k.text, &initials = k.initials;
        const uint32_t total = k.total;
        CAPTURE(text);
        const Answer r = Fresh(rs, text);
        CHECK(r.texts_searched == 0);
        CHECK(r.found == ScanInitials(c, initials));
        CHECK(r.total == total);
    }
    // Typed a letter at a time: every keystroke from ggf on is decided, the memos keep no places.
    {
        TestCorpus typed(rs);
        const std::string q = "gonggongfalvfuwu";
        for (size_t i = 1; i < q.size(); ++i) Exact(typed, q.substr(0, i));
        const core::SearchResult r = Exact(typed, q);
        CHECK(r.texts_searched == 0);
        CHECK(Found(r) == ScanInitials(c, "ggflfw"));
    }

    SUBCASE("one occurrence that disagrees shortens them: verified, the same answers") {
        std::vector<TestRecord> more = rs;
        more.push_back({RecordType::Task, "break", "公共法律援助", {"人民调解员"}});  // 共法 then 律援; 解员 not 解委
        const TestCorpus b(more);
        for (const std::string text : {"公共法律服务", "ggflf", "gonggongfalvfuwu"}) {
            CAPTURE(text);
            const Answer r = Fresh(more, text);
            // The literal: 共法 is before 律服 in every record but `break` (a majority pair), which
            // lacks 律服 and is no candidate: nothing is read. Pinyin has no majorities.
            if (text == "公共法律服务") CHECK(r.texts_searched == 0);
            else CHECK(r.texts_searched > 0);
            CHECK(r.found == (text == "公共法律服务" ? Scan(b, text) : ScanInitials(b, "ggflf")));
        }
        CHECK(Fresh(more, "ggflf").total == 20);
        // 解委 is still always after 人民调 (the new record's 解 is before 员): still decided.
        CHECK(Fresh(more, "rmtjw").texts_searched == 0);
        CHECK(Fresh(more, "rmtjw").found == ScanInitials(b, "rmtjw"));
    }
}

TEST_CASE("search: random phrases with a few variants: every pattern as a linear scan finds it") {
    PhraseRecords g(12345);
    size_t patterns = 0, spared = 0;
    for (int corpus = 0; corpus < 24; ++corpus) {
        g.NewPhrases();
        TestCorpus c(g.Make(150 + g.Next() % 250));
        for (int k = 0; k < 120; ++k) {
            const std::string q = g.Pattern();
            CAPTURE(corpus);
            CAPTURE(q);
            const core::SearchResult r = AsScan(c, q);
            ++patterns;
            spared += r.texts_searched < r.total;
            if (k % 4) continue;
            // And its initials (sets of characters: 甲 and 己 are both j; sure matches by context).
            const std::string initials = PinyinTyped(q, true);
            CAPTURE(initials);
            AsScan(c, initials, ScanInitials);
        }
    }
    // Contexts and majorities answered many of them with fewer texts read than matches.
    CHECK(spared > patterns / 20);
    MESSAGE(patterns << " patterns, " << spared << " with fewer texts read than matches");
}

TEST_CASE("search: a bigram never followed by a pattern's next character rules the pattern out unread") {
    // 执法 is followed by 检 and 人, never 行; 法行 follows 违 and 依, never 执: no single
    // context or majority rules 执法行 out, and the 40 records holding both bigrams were each
    // read to find nothing. The right neighbours kept for 执法 (SearchData::nb_of) say so at once.
    std::vector<TestRecord> rs;
    for (int i = 0; i < 20; ++i) rs.push_back({RecordType::Task, "a" + std::to_string(i), "执法检查违法行为", {}});
    for (int i = 0; i < 20; ++i) rs.push_back({RecordType::Task, "b" + std::to_string(i), "执法人员", {"依法行政"}});
    TestCorpus c(rs);
    for (const char* q : {"执法行", "执法行为", "执法xing", "执法行wei", "zhifaxing", "zfx"}) {
        CAPTURE(q);
        const core::SearchResult r = Exact(c, q);
        CHECK(r.total == 0);
        CHECK(r.texts_searched == 0);
    }
    // Typed on letter by letter (each keystroke refining the last one's matches): the same.
    for (const char* q : {"zhifa", "zhifax", "zhifaxi", "zhifaxing"}) {
        CAPTURE(q);
        const core::SearchResult r = Exact(c, q);
        CHECK(r.total == (std::string(q) == "zhifa" ? 40u : 0u));
        if (std::string(q) != "zhifa") CHECK(r.texts_searched == 0);
    }
    // What it is followed by is found as before.
    CHECK(AsScan(c, "执法检").total == 20);
    CHECK(AsScan(c, "违法行为").total == 20);
    CHECK(Exact(c, "执法jian").total == 20);
    CHECK(Exact(c, "zhifaren").total == 20);
    CHECK(Exact(c, "依法xing").total == 20);
}

TEST_CASE("search: an exception of a chain that lacks the spanning bigram leaves the others to verify") {
    // 甲乙 spans 甲乙丙丁戊: always before 丙, then 乙丙 mostly before 丁戊 (a majority pair: its
    // exceptions the eight 甲乙丙辛, x and y; 甲乙's own pair is no majority, so the chain steps
    // through 乙丙). Of those, x and y hold every other bigram of the pattern and are verified;
    // x has no 甲乙 at all, so it is no candidate. y, later, has every bigram but no match.
    std::vector<TestRecord> rs;
    for (int i = 0; i < 40; ++i) rs.push_back({RecordType::Task, "m" + std::to_string(i), "甲乙丙丁戊", {}});
    for (int i = 0; i < 8; ++i) rs.push_back({RecordType::Task, "s" + std::to_string(i), "甲乙丙辛", {}});
    for (int i = 0; i < 60; ++i) rs.push_back({RecordType::Task, "b" + std::to_string(i), "乙丙丁戊", {}});
    rs.push_back({RecordType::Task, "x", "乙丙庚", {"丙丁戊"}});
    rs.push_back({RecordType::Task, "y", "甲乙丙丁己", {"乙丙丁戊"}});
    TestCorpus c(rs);
    const core::SearchResult r = Exact(c, "甲乙丙丁戊");
    CHECK(Found(r) == Scan(c, "甲乙丙丁戊"));
    CHECK(r.total == 40);
    CHECK(r.texts_searched == 1);  // y
}

TEST_CASE("search: majority neighbours decide all but their exceptions") {
    // 16 records hold 共法, always before 律 but in two (公共法庭); 法行 is after 依 in all but
    // two (执法行为, 严格执法行政). A bigram needs ExtendFrom(n) = 8 records for a majority, and
    // an eighth of them or fewer as exceptions.
    std::vector<TestRecord> rs;
    for (int i = 0; i < 16; ++i) {
        const std::string n = std::to_string(i);
        if (i % 3 == 0) rs.push_back({RecordType::Task, "f" + n, "公共法律服务" + n, {"依法行政"}});
        else rs.push_back({RecordType::ServicePoint, "f" + n, "服务站" + n, {"提供公共法律服务", "坚持依法行政"}});
    }
    rs.push_back({RecordType::Task, "x1", "公共法庭", {"法律咨询"}});                 // 共法 not before 律; no 共法律
    rs.push_back({RecordType::Task, "x2", "公共法庭与公共法律", {}});                  // an exception that matches
    rs.push_back({RecordType::Task, "y1", "执法行为", {"依法行政"}});                  // 执法, 法行, 行政: no 执法行政
    rs.push_back({RecordType::Task, "y2", "严格执法行政", {}});                        // the one 执法行政
    TestCorpus c(rs);
    SUBCASE("a pattern its majorities chain whole: only the exceptions' text is read") {
        const core::SearchResult r = Exact(c, "共法律");
        CHECK(Found(r) == Scan(c, "共法律"));
        CHECK(r.total == 17);
        // x1 alone: it holds 共法 and 法律 apart. x2 is an exception of 共法 but not of 法律,
        // whose every occurrence there follows 共 (法律's majority): sure through 法律.
        CHECK(r.texts_searched == 1);
        CHECK(Found(Exact(c, "公共法律服务")) == Scan(c, "公共法律服务"));
        // The sure matches' title bits are exact: f0, f3... in their titles, the rest in bodies.
        CHECK(Found(r).at("f0"));
        CHECK_FALSE(Found(r).at("f1"));
        CHECK(Found(r).at("x2"));
    }
    SUBCASE("a pattern against a majority can match only in the exceptions") {
        // 法行 is mostly after 依, not 执: of the 19 records holding 执法, 法行 and 行政, only the
        // two exceptions are read.
        const core::SearchResult r = Exact(c, "执法行政");
        CHECK(Found(r) == std::map<std::string, bool>{{"y2", true}});
        CHECK(r.texts_searched <= 2);
        CHECK(Found(Exact(c, "依法行政")) == Scan(c, "依法行政"));
    }
    SUBCASE("random corpora with majorities: every pattern as a linear scan finds it") {
        WordRecords g{{"公共法律", "法律服务", "人民调解", "调解委员会", "法律援助", "服务中心", "公共", "援助", "中心", "人民"},
                      {"公", "共", "法", "律", "服", "务", "人", "民", "调", "解", "援", "助"},
                      11, 40, 0};
        size_t patterns = 0, fewer = 0;
        for (int corpus = 0; corpus < 3; ++corpus) {
            TestCorpus rc(g.Make(300 + g.Next() % 200, 3));
            for (int k = 0; k < 400; ++k) {
                const TestRecord& r = rc.records[g.Next() % rc.records.size()];
                const std::string& f = r.body.empty() || g.Next() % 2 ? r.title : r.body[0];
                const size_t chars = f.size() / 3, len = 3 + g.Next() % 3;
                if (chars < len) continue;
                const std::string q = f.substr(3 * (g.Next() % (chars - len + 1)), 3 * len);
                CAPTURE(corpus);
                CAPTURE(q);
                const core::SearchResult res = AsScan(rc, q);
                ++patterns;
                fewer += res.texts_searched > 0 && res.texts_searched < res.total;
            }
        }
        // Majorities answered part of many patterns without their text.
        CHECK(fewer > patterns / 20);
        MESSAGE(patterns << " patterns, " << fewer << " with fewer texts read than matches");
    }
}

TEST_CASE("search: majority pairs of neighbours decide past a bigram whose neighbours differ") {
    // 共法 is before 律服 in all but one record (a pair: 律 alone is its context), where 法律's
    // right neighbours differ (服, 咨, 援): one character at a time, the chain stops at 法律.
    // 执法 is before 行为 in all but one record (执法行政), and 行政 follows 依法 elsewhere.
    std::vector<TestRecord> rs;
    for (int i = 0; i < 16; ++i) rs.push_back({RecordType::Task, "g" + std::to_string(i), "公共法律服务" + std::to_string(i), {}});
    for (int i = 0; i < 6; ++i) {
        rs.push_back({RecordType::Task, "c" + std::to_string(i), "法律咨询", {"法律援助"}});
        rs.push_back({RecordType::Task, "z" + std::to_string(i), "规范执法行为", {"坚持依法行政"}});
    }
    for (int i = 0; i < 4; ++i) rs.push_back({RecordType::Task, "y" + std::to_string(i), "执法行为监督", {}});
    rs.push_back({RecordType::Task, "x1", "公共法律顾问", {"法律服务"}});  // holds 共法, 法律, 律服, not 共法律服
    rs.push_back({RecordType::Task, "x2", "严格执法行政", {}});            // the one 执法行政
    TestCorpus c(rs);
    SUBCASE("a pair chains the pattern whole: only an exception's text is read") {
        const core::SearchResult r = Exact(c, "共法律服");
        CHECK(Found(r) == Scan(c, "共法律服"));
        CHECK(r.total == 16);
        CHECK(r.texts_searched == 1);  // x1
        CHECK(Found(Exact(c, "公共法律服务")) == Scan(c, "公共法律服务"));
    }
    SUBCASE("a pattern against a pair can match only in its exceptions") {
        const core::SearchResult r = Exact(c, "执法行政");
        CHECK(Found(r) == std::map<std::string, bool>{{"x2", true}});
        CHECK(r.texts_searched == 1);  // x2 alone, not the six with 执法行为 and 依法行政
        CHECK(Found(Exact(c, "执法行为")) == Scan(c, "执法行为"));
        CHECK(Found(Exact(c, "依法行政")) == Scan(c, "依法行政"));
    }
}
