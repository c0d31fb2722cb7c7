// search_terms_test.cpp — the words in characters a query typed in letters found
// (core::CandidateWords, SearchTerms.cpp): what the search screen offers to tap, as an input
// method would. Depends on core/Search.h.
#include <doctest/doctest.h>

#include "search_fixture.h"

using core::RecordType;

namespace {
TestCorpus Corpus() {
    std::vector<TestRecord> records = SubstringRecords();
    // 法律依据 (flyj, and fly*): one record; 法律援助: t1 and p1.
    records.push_back({RecordType::Task, "t9", "明确法律依据", {}});
    return TestCorpus(std::move(records));
}

Ids Words(const TestCorpus& c, const std::string& typed, size_t max = 8) {
    return core::CandidateWords(Find(c, typed), typed, max);
}
}  // namespace

TEST_CASE("candidate words: what a query typed in letters found, in characters") {
    TestCorpus c = Corpus();
    SUBCASE("full pinyin, initials, mixed: the words matched, those of the most records first") {
        CHECK(Words(c, "falvyuanzhu") == Ids{"法律援助"});
        CHECK(Words(c, "flyz") == Ids{"法律援助"});
        CHECK(Words(c, "法律yz") == Ids{"法律援助"});
        // fly: 法律援 in t1 and p1, 法律依 in t9 only (each record counted once).
        CHECK(Words(c, "fly") == Ids{"法律援", "法律依"});
        CHECK(Words(c, "fly", 1) == Ids{"法律援"});
        // Syllables typed apart, as at a kiosk: one phrase.
        CHECK(Words(c, "fa lv yuan zhu") == Ids{"法律援助"});
        CHECK(Find(c, "fa lv yuan zh").phrase);  // (the last one still being typed)
        CHECK(Words(c, "fa lv yuan zh") == Ids{"法律援助"});
        CHECK(Words(c, "fa lü yi ju") == Ids{"法律依据"});
    }
    SUBCASE("not a synonym searched too: the result names those") {
        core::Synonyms synonyms;
        synonyms.AddRule("lihun", {"婚姻家庭"});
        TestCorpus family({{RecordType::Task, "f1", "婚姻家庭纠纷", {}}, {RecordType::Task, "f2", "离婚登记", {}}},
                          std::move(synonyms));
        const core::SearchResult r = Find(family, "lihun");
        CHECK(r.synonyms == Ids{"婚姻家庭"});
        CHECK(r.total == 2);
        CHECK(core::CandidateWords(r, "lihun", 8) == Ids{"离婚"});
    }
    SUBCASE("two matches side by side, one highlight, are no word of their own") {
        TestCorpus bank({{RecordType::Task, "b1", "银行行业", {}}, {RecordType::Task, "b2", "执行", {}}});
        const core::SearchResult r = Find(bank, "hang");
        REQUIRE(r.hits.size() == 2);
        CHECK(Words(bank, "hang") == Ids{"行"});
    }
    SUBCASE("with a dictionary, the texts that start with a word first, as an input method lists them") {
        // tj: 统建 (two records: 传统建筑) across words, 推进 (one) a word of the dictionary.
        TestCorpus built({{RecordType::Task, "w1", "推进工作", {}},
                          {RecordType::Task, "w2", "传统建筑", {}},
                          {RecordType::Task, "w3", "传统建筑风格", {}}});
        const core::SearchResult r = Find(built, "tj");
        CHECK(core::CandidateWords(r, "tj", 8) == Ids{"统建", "推进"});
        core::Problems problems;
        const core::Lexicon words = core::Lexicon::Parse("dict.txt", "推进 1\n传统 1\n建筑 1\n", problems);
        CHECK(core::CandidateWords(r, "tj", 8, &words) == Ids{"推进", "统建"});
        CHECK(core::CandidateWords(r, "tj", 1, &words) == Ids{"推进"});
    }
    SUBCASE("a word read by its sound: the words it found") {
        const core::SearchResult r = Find(c, "行政附议");
        REQUIRE(r.relaxation == core::SearchResult::Relaxation::SameReading);
        CHECK(core::CandidateWords(r, "行政附议", 8) == Ids{"行政复议"});
    }
    SUBCASE("none for characters, digits, several words, parts, or matches without characters") {
        CHECK(Words(c, "法律援助").empty());
        CHECK(Words(c, "12348").empty());
        CHECK(Words(c, "falv yuanzhu").empty());  // (two words, not one syllable each: a tap would drop one)
        CHECK(Words(c, "fa lv yuanzhu").empty());
        CHECK(Words(c, "wuguan").empty());        // (nothing found)
        TestCorpus latin({{RecordType::Channel, "w1", "APP下载", {}}});
        CHECK(Words(latin, "app").empty());  // (the match holds no character)
    }
}
