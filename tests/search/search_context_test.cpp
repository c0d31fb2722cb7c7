// search_context_test.cpp — bigram contexts: a literal pattern of 3+ characters whose bigrams'
// neighbours chain it whole (共法 always between 公 and 律) is answered from one posting list,
// with no text verified, and finds exactly what verification finds; random corpora of a few
// words against a linear scan; field edges and spaces. (Packs: search_pack_test.) Depends on
// core/Search.h.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

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

// The same by a linear scan of the records' text.
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
        const std::vector<std::string> words = {"公共法律", "法律服务", "人民调解", "调解委员会", "法律援助",
                                                "服务中心", "公共", "援助", "中心", "人民"};
        const std::vector<std::string> chars = {"公", "共", "法", "律", "服", "务", "人", "民", "调", "解", "援", "助"};
        uint32_t s = 7;
        auto next = [&] { return s = s * 1103515245u + 12345u, (s >> 16) & 0x7FFF; };
        size_t decided = 0, verified = 0, patterns = 0, nowhere = 0;
        for (int corpus = 0; corpus < 12; ++corpus) {
            std::vector<TestRecord> rs;
            const size_t n = 20 + next() % 30;
            for (size_t i = 0; i < n; ++i) {
                auto text = [&](size_t parts) {
                    std::string t;
                    const bool loose = next() % 12 == 0;
                    for (size_t k = 0; k < parts; ++k) {
                        t += loose ? chars[next() % chars.size()] : words[next() % words.size()];
                        if (next() % 9 == 0) t += " ";
                    }
                    return t;
                };
                TestRecord r{RecordType(next() % 5), "r" + std::to_string(i), text(1 + next() % 3), {}};
                for (size_t f = next() % 3; f > 0; --f) r.body.push_back(text(1 + next() % 4));
                rs.push_back(std::move(r));
            }
            TestCorpus c(std::move(rs));
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
                const core::SearchResult r = Exact(c, q);
                const std::map<std::string, bool> truth = Scan(c, q);
                CHECK(Found(r) == truth);
                CHECK(r.total == truth.size());
                ++patterns;
                (r.texts_searched == 0 ? decided : verified) += 1;
                nowhere += truth.empty() && r.texts_searched == 0;
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
