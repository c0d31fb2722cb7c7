// pack_test.cpp — binary packs (core/Pack.h): a pack of a data folder loads back into a Catalog
// equal to the JSON one field by field, keeps the loader's problems, and any truncation or byte
// flip of a pack gives located problems, never a crash. Depends on core/Pack, core/Load, doctest.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/Load.h"
#include "core/CatalogDiff.h"
#include "core/Pack.h"
#include "core/Search.h"

namespace {
const std::string kRoot = std::string(FAZHITONG_SOURCE_DIR);

// A folder's JSON load (with synonyms' problems, as the pack tool collects them) and its pack.
struct Packed {
    core::LoadResult json;
    core::Strings strings;  // assets/i18n, carried in the pack
    std::string bytes;
};
// jieba's dictionary, read once (the web builds' packs carry the words of it their data holds).
const core::Lexicon& Dictionary() {
    static const core::Lexicon words = [] {
        core::Problems problems;
        core::Lexicon w = core::Lexicon::Load(FAZHITONG_WORDS, problems);
        REQUIRE(problems.empty());
        return w;
    }();
    return words;
}

Packed PackFolder(const std::string& dir, bool with_index = false, bool string_table = false) {
    Packed p;
    p.json = core::Load(dir);
    core::Synonyms synonyms = core::Synonyms::Load(dir, p.json.problems);
    std::string error;
    core::SearchIndex index = core::SearchIndex::Build(*p.json.catalog, synonyms);
    index.SetLexicon(Dictionary());
    core::Problems strings_problems;
    p.strings.Load(kRoot + "/assets/i18n", strings_problems);
    REQUIRE(strings_problems.empty());
    core::PackWriteOptions options;
    options.string_table = string_table;
    options.strings = &p.strings;  // as the web builds make their packs
    options.words_of = &index;
    bool ok = core::WritePackToString(p.bytes, *p.json.catalog, p.json.problems, with_index ? &index : nullptr, error,
                                      synonyms, options);
    REQUIRE_MESSAGE(ok, error);
    return p;
}

bool HasErrorProblemsBeyond(const core::Problems& problems, size_t own) {
    for (size_t i = own; i < problems.size(); ++i)
        if (problems[i].severity == core::Severity::Error) return true;
    return false;
}

core::Problems Tail(const core::Problems& problems, size_t from) {
    return core::Problems(problems.begin() + std::min(from, problems.size()), problems.end());
}

}  // namespace

TEST_CASE("pack round trip: data-good and assets/data load back equal, field by field") {
    for (const std::string dir : {kRoot + "/tests/fixtures/data-good", kRoot + "/assets/data"}) {
        CAPTURE(dir);
        Packed p = PackFolder(dir);
        REQUIRE(p.json.catalog->Plans().size() > 0);
        core::PackInfo info;
        core::LoadResult back = core::LoadPackFromMemory("data.fzp", p.bytes, nullptr, &info);
        const std::string d = core::FirstDifference(*p.json.catalog, *back.catalog);
        CHECK_MESSAGE(d.empty(), d);
        const std::string dp = core::FirstDifference(p.json.problems, back.problems);
        CHECK_MESSAGE(dp.empty(), dp);
        CHECK_FALSE(info.has_index);
        CHECK(info.catalog_bytes > 0);
        CHECK(info.file_bytes == p.bytes.size());
    }
}

TEST_CASE("pack: the catalog's free text is read straight into the Catalog's arena") {
    for (bool string_table : {false, true}) {
        CAPTURE(string_table);
        Packed p = PackFolder(kRoot + "/assets/data", false, string_table);
        core::LoadResult back = core::LoadPackFromMemory("data.fzp", p.bytes, nullptr);
        const core::Catalog& c = *back.catalog;
        size_t texts = 0, bytes = 0;
        auto borrowed = [&](const core::Text& t) {
            CHECK_FALSE(t.Owned());
            if (t.empty()) return;
            CHECK(c.TextStore().Holds(t));
            ++texts, bytes += t.size() + 1;
        };
        for (const core::TaskRef& ref : c.Tasks()) {
            const core::Task& t = *ref.task;
            borrowed(t.id), borrowed(t.number), borrowed(t.title), borrowed(t.text);
            for (const core::Target& g : t.targets) borrowed(g.quote);
        }
        for (const core::Plan& p : c.Plans()) borrowed(p.id), borrowed(p.title), borrowed(p.intro);
        for (const core::ServicePoint& sp : c.Points()) borrowed(sp.name), borrowed(sp.address), borrowed(sp.phone);
        for (const core::Channel& ch : c.Channels()) borrowed(ch.name), borrowed(ch.number), borrowed(ch.url);
        CHECK(texts > 0);
        CHECK(c.TextStore().UsedBytes() >= bytes);
    }
}

TEST_CASE("pack round trip through a file, and LoadData takes a pack or a folder") {
    const std::string dir = kRoot + "/assets/data";
    core::LoadResult json = core::Load(dir);
    core::Problems problems = json.problems;
    core::Synonyms synonyms = core::Synonyms::Load(dir, problems);
    std::string path = "pack_test_assets.fzp";
    std::string error;
    REQUIRE_MESSAGE(core::WritePack(path, *json.catalog, problems, nullptr, error, synonyms), error);
    core::PackInfo info;
    core::LoadResult back = core::LoadPack(path, nullptr, &info);
    const std::string d = core::FirstDifference(*json.catalog, *back.catalog);
    CHECK_MESSAGE(d.empty(), d);
    CHECK(info.synonyms.Size() > 0);  // synonyms.json travels in the pack

    core::SearchIndex index;
    core::PackInfo data_info;
    core::LoadResult via = core::LoadData(path, &index, &data_info);
    CHECK(via.catalog->Plans().size() == json.catalog->Plans().size());
    CHECK(data_info.index_loaded);  // from the pack, or built by LoadData
    CHECK(index.RecordCount() > 0);
    core::SearchIndex index2;
    core::LoadResult folder = core::LoadData(dir, &index2, nullptr);
    CHECK(folder.catalog->Plans().size() == json.catalog->Plans().size());
    CHECK(index.RecordCount() == index2.RecordCount());
    std::remove(path.c_str());

    core::LoadResult missing = core::LoadPack("no/such/file.fzp", nullptr);
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].ToString() == "file.fzp cannot open pack file");
    CHECK(missing.catalog->Plans().empty());
    CHECK(core::IsPackPath("x/data.fzp"));
    CHECK_FALSE(core::IsPackPath("assets/data"));
}

TEST_CASE("pack keeps the JSON loader's problems of data-bad") {
    const std::string dir = kRoot + "/tests/fixtures/data-bad";
    Packed p = PackFolder(dir);
    REQUIRE(core::HasErrors(p.json.problems));
    core::LoadResult back = core::LoadPackFromMemory("bad.fzp", p.bytes, nullptr);
    const std::string d = core::FirstDifference(p.json.problems, back.problems);
    CHECK_MESSAGE(d.empty(), d);
    bool found = false;
    for (const core::Problem& pr : back.problems)
        found = found || pr.ToString() ==
                             "plans/kunming.json:56:25 /sections/1/tasks/3/lead_units: expected array of strings, got number";
    CHECK(found);
    const std::string dc = core::FirstDifference(*p.json.catalog, *back.catalog);
    CHECK_MESSAGE(dc.empty(), dc);
}

TEST_CASE("pack with an index: the catalog always loads; the index loads when the engine supports it") {
    const std::string dir = kRoot + "/tests/fixtures/data-good";
    Packed p = PackFolder(dir, true);
    core::SearchIndex index;
    core::PackInfo info;
    core::LoadResult back = core::LoadPackFromMemory("data.fzp", p.bytes, &index, &info);
    CHECK(info.has_index);
    const std::string d = core::FirstDifference(*p.json.catalog, *back.catalog);
    CHECK_MESSAGE(d.empty(), d);
    CHECK_FALSE(HasErrorProblemsBeyond(back.problems, p.json.problems.size()));
    if (info.index_loaded) {
        core::SearchIndex built = core::SearchIndex::Build(*back.catalog);
        CHECK(index.RecordCount() == built.RecordCount());
        for (const auto& task : back.catalog->Tasks()) {
            core::Query q;
            q.text = task.task->title.substr(0, 6);
            CHECK(index.Search(q).total == built.Search(q).total);
        }
    } else {
        // The index section is not loadable (e.g. SaveTo/LoadFrom not implemented): a warning
        // saying so, and the caller rebuilds the index.
        REQUIRE(back.problems.size() == p.json.problems.size() + 1);
        CHECK(back.problems.back().severity == core::Severity::Warning);
        CHECK(back.problems.back().message.find("(index)") != std::string::npos);
        CHECK(back.problems.back().message.find("rebuilt") != std::string::npos);
    }
}

TEST_CASE("pack: synonyms travel parsed and UI strings whole, so a web app parses no JSON") {
    Packed p = PackFolder(kRoot + "/assets/data");
    core::PackInfo info;
    core::LoadResult r = core::LoadPackFromMemory("data.fzp", p.bytes, nullptr, &info);
    CHECK(r.problems.size() == p.json.problems.size());
    core::Problems ignored;
    core::Synonyms json = core::Synonyms::Load(kRoot + "/assets/data", ignored);
    REQUIRE(json.Size() > 10);
    CHECK(info.synonyms.Pairs() == json.Pairs());
    CHECK(info.synonyms.Expand("法援") == std::vector<std::string>{"法律援助"});
    REQUIRE(info.has_strings);
    CHECK(info.strings.Locales() == p.strings.Locales());
    for (const std::string& locale : p.strings.Locales()) CHECK(*info.strings.Table(locale) == *p.strings.Table(locale));
    CHECK(info.strings.Get("zh-CN", "app.name") == p.strings.Get("zh-CN", "app.name"));

    // A pack made without strings says so (the app then reports it).
    std::string bytes, error;
    REQUIRE(core::WritePackToString(bytes, *p.json.catalog, p.json.problems, nullptr, error));
    core::PackInfo bare;
    core::LoadPackFromMemory("data.fzp", bytes, nullptr, &bare);
    CHECK_FALSE(bare.has_strings);
    CHECK(bare.synonyms.Size() == 0);
}

TEST_CASE("pack: a dictionary's words travel, those the data holds, and the index reads by them") {
    Packed p = PackFolder(kRoot + "/assets/data");
    const std::string path = "pack_test_words.fzp";  // read as the web app reads its pack
    std::ofstream(path, std::ios::binary) << p.bytes;
    core::PackInfo info;
    core::SearchIndex index;
    core::LoadResult r = core::LoadPackData(path, &index, &info);
    std::remove(path.c_str());
    CHECK(r.problems.size() == p.json.problems.size());
    REQUIRE(info.has_words);
    REQUIRE(index.Words() != nullptr);
    // Only the words some record holds: a few thousand of jieba's 100,000-odd, one bit for each
    // pair of characters the index holds.
    const core::Lexicon& words = *index.Words();
    CHECK(words.Size() > 1000);
    CHECK(words.Size() < Dictionary().Size() / 10);
    uint64_t pairs = 0, fingerprint = 0;
    CHECK(index.WordBits(pairs, fingerprint) == info.words_bits);  // (read back as written)
    CHECK(info.words_pairs == pairs);
    CHECK(info.words_fingerprint == fingerprint);
    CHECK(pairs > 5000);
    CHECK(info.words_bits.size() == (info.words_pairs + 7) / 8);
    CHECK(words.Holds(0x6CD5, 0x5F8B));        // 法律
    CHECK_FALSE(words.Holds(0x5E74, 0x4EBA));  // 年人 (of 老年人): no word
    // And the common words whose pairs records hold (the common words section).
    CHECK(words.Common("委员会"));
    CHECK(words.Common("工作"));
    CHECK_FALSE(words.Common("调解"));
    CHECK(info.common_positions.size() > 100);  // (those of two characters, a byte or so each)
    CHECK(info.common_words.size() + info.common_positions.size() == index.CommonWords().size());
    CHECK(words.CommonWords().size() > 100);
    CHECK(words.CommonWords().size() < 800);
    CHECK_FALSE(words.Holds(0x672A, 0x6210));  // 未成: no record holds it
    core::SearchIndex direct = core::SearchIndex::Build(*r.catalog);
    direct.SetLexicon(Dictionary());
    CHECK(direct.Words()->Words() == words.Words());  // the same as the dictionary itself gives
    CHECK(direct.Words()->CommonWords() == words.CommonWords());
    // And every function word of two characters, held or not (the same section, after them).
    CHECK(info.function_words == words.FunctionWords());
    CHECK(words.FunctionWords() == direct.Words()->FunctionWords());
    CHECK(std::binary_search(words.FunctionWords().begin(), words.FunctionWords().end(), "如何"));  // in no record
    CHECK(words.FunctionWords().size() > 100);
    CHECK(words.FunctionWords().size() < 400);
    core::Query q;
    q.text = "成年人保护";
    CHECK(index.Search(q).relaxed_text == "保护");
    // The pack's words come first: a dictionary given too is not read.
    core::Problems problems;
    core::UseDictionary(index, info, "no/such/dict.txt", problems);
    CHECK(problems.empty());
    CHECK(index.Search(q).relaxed_text == "保护");

    // A pack without words: no lexicon unless one is given, then read from the file.
    std::string bytes, error;
    REQUIRE(core::WritePackToString(bytes, *p.json.catalog, p.json.problems, nullptr, error));
    core::PackInfo bare;
    core::SearchIndex plain;
    core::LoadResult bare_data = core::LoadPackFromMemory("data.fzp", bytes, &plain, &bare);
    CHECK_FALSE(bare.has_words);
    plain = core::SearchIndex::Build(*bare_data.catalog);  // (as LoadPackData does: this pack has no index)
    CHECK(plain.Words() == nullptr);
    CHECK(plain.Search(q).relaxed_text != "保护");  // 年人 (老年人) is read as a part
    core::UseDictionary(plain, bare, "no/such/dict.txt", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].ToString() == "no/such/dict.txt warning: cannot read the dictionary (words are not told from fragments)");

    // Words made over other pairs (the index of other data, or another tool's folding) are left
    // out with a warning, never read over the wrong pairs.
    const core::LoadResult other = core::Load(kRoot + "/tests/fixtures/data-good");
    core::SearchIndex other_index = core::SearchIndex::Build(*other.catalog);
    other_index.SetLexicon(Dictionary());
    core::PackWriteOptions options;
    options.words_of = &other_index;
    std::string mixed;
    REQUIRE(core::WritePackToString(mixed, *p.json.catalog, p.json.problems, nullptr, error, {}, options));
    std::ofstream(path, std::ios::binary) << mixed;
    core::PackInfo mixed_info;
    core::SearchIndex mixed_index;
    core::LoadResult m = core::LoadPackData(path, &mixed_index, &mixed_info);
    std::remove(path.c_str());
    CHECK(mixed_info.has_words);
    CHECK(mixed_index.Words() == nullptr);
    REQUIRE(m.problems.size() == p.json.problems.size() + 1);
    CHECK(m.problems.back().severity == core::Severity::Warning);
    CHECK(m.problems.back().message.find("words left out") != std::string::npos);
}

TEST_CASE("pack: bad magic and a wrong version are rejected with a clear message") {
    Packed p = PackFolder(kRoot + "/tests/fixtures/data-good");
    std::string bytes = p.bytes;
    bytes[6] = 1;
    core::LoadResult r = core::LoadPackFromMemory("data.fzp", bytes, nullptr);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].ToString() ==
          "data.fzp byte 6 (header): unsupported pack format version 1 (this app reads version 6): rebuild the pack "
          "with fazhitong-pack");
    CHECK(r.catalog->Plans().empty());

    bytes = p.bytes;
    bytes[0] = '{';
    r = core::LoadPackFromMemory("data.fzp", bytes, nullptr);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].ToString() == "data.fzp byte 0 (header): not a Fazhitong pack (no FZPACK signature)");

    r = core::LoadPackFromMemory("data.fzp", "", nullptr);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("too short") != std::string::npos);
}

TEST_CASE("pack: every truncation gives problems naming the file and byte, never a crash") {
    Packed p = PackFolder(kRoot + "/tests/fixtures/data-bad");
    const size_t own = p.json.problems.size();
    for (size_t n = 0; n < p.bytes.size(); ++n) {
        CAPTURE(n);
        core::LoadResult r = core::LoadPackFromMemory("data.fzp", std::string_view(p.bytes).substr(0, n), nullptr);
        REQUIRE(r.catalog != nullptr);
        REQUIRE(!r.problems.empty());
        bool located = false;
        for (const core::Problem& pr : r.problems)
            located = located || (pr.file == "data.fzp" && pr.message.rfind("byte ", 0) == 0 &&
                                  pr.severity == core::Severity::Error);
        CHECK(located);
        // Truncation is caught by the section table before any section is decoded, so nothing
        // partial loads.
        CHECK(r.catalog->Plans().size() <= p.json.catalog->Plans().size());
    }
    // A truncated catalog section: the message names the section and the file size.
    core::LoadResult r = core::LoadPackFromMemory("data.fzp", std::string_view(p.bytes).substr(0, p.bytes.size() - 10), nullptr);
    bool named = false;
    for (const core::Problem& pr : Tail(r.problems, 0))
        named = named || pr.message.find("(truncated)") != std::string::npos;
    CHECK(named);
    (void)own;
}

TEST_CASE("pack: byte flips anywhere give problems, never a crash") {
    Packed p = PackFolder(kRoot + "/tests/fixtures/data-bad");
    const size_t own = p.json.problems.size();
    size_t flips = 0;
    for (size_t i = 0; i < p.bytes.size(); ++i) {
        for (uint8_t mask : {uint8_t(0x01), uint8_t(0x80), uint8_t(0xFF)}) {
            std::string bytes = p.bytes;
            bytes[i] = char(uint8_t(bytes[i]) ^ mask);
            CAPTURE(i);
            CAPTURE(int(mask));
            core::LoadResult r = core::LoadPackFromMemory("data.fzp", bytes, nullptr);
            REQUIRE(r.catalog != nullptr);
            // Every flip is caught (structure checks or the section checksums): at least one
            // error beyond the pack's own problems, located in data.fzp.
            bool caught = false;
            for (const core::Problem& pr : r.problems)
                caught = caught || (pr.file == "data.fzp" && pr.severity == core::Severity::Error);
            CHECK(caught);
            for (const core::Problem& pr : r.problems) (void)pr.ToString();
            ++flips;
        }
    }
    CHECK(flips == p.bytes.size() * 3);
    (void)own;
}

TEST_CASE("pack: a corrupt catalog count says where, and reserves nothing absurd") {
    // Hand-made pack: valid header and problems section, a catalog claiming 2^40 plans.
    core::Catalog empty;
    std::string bytes;
    std::string error;
    REQUIRE(core::WritePackToString(bytes, empty, {}, nullptr, error));
    core::LoadResult ok = core::LoadPackFromMemory("data.fzp", bytes, nullptr);
    CHECK(ok.problems.empty());
    // The last section is the catalog: 4 one-byte zero counts. Replace the first with a huge
    // varint (same section size kept by shortening nothing: rewrite header via a new pack would be
    // simpler, but the checksum is what catches it here).
    std::string bad = bytes;
    bad[bad.size() - 4] = char(0x7F);
    core::LoadResult r = core::LoadPackFromMemory("data.fzp", bad, nullptr);
    REQUIRE(!r.problems.empty());
    CHECK(r.problems[0].message.rfind("byte ", 0) == 0);
    CHECK(r.problems[0].message.find("(catalog") != std::string::npos);
    CHECK(r.catalog->Plans().empty());
}

TEST_CASE("a text that repeats is written once and loaded once") {
    // Two service points at one address, two tasks of one title and one quote (as the plans of
    // neighbouring counties copy their province's): the pack holds each text once, and the
    // loaded Catalog's records share its bytes.
    core::Plan plan;
    plan.id = "plan";
    plan.title = "示例县法治政府建设实施方案";
    core::Section section;
    core::Task a, b;
    a.id = "a", b.id = "b";
    a.title = b.title = "全面推进严格规范公正文明执法";
    a.text = "深化行政执法体制改革。";
    b.text = "推行行政执法公示制度。";
    core::Target target;
    target.quote = "行政执法人员持证上岗率达到100%";
    target.metric = "持证上岗率";
    a.targets = b.targets = {target};
    section.tasks = {a, b};
    plan.sections = {section};
    std::vector<core::ServicePoint> points(2);
    points[0].id = "p0", points[1].id = "p1";
    points[0].name = "示例村公共法律服务室", points[1].name = "示例村人民调解委员会";
    points[0].address = points[1].address = "示例县示例镇示例村村委会一楼";
    core::Catalog catalog({plan}, points, {}, {});
    std::string bytes, error;
    REQUIRE(core::WritePackToString(bytes, catalog, {}, nullptr, error));
    auto occurrences = [&](const std::string& text) {
        size_t n = 0;
        for (size_t at = bytes.find(text); at != std::string::npos; at = bytes.find(text, at + 1)) ++n;
        return n;
    };
    CHECK(occurrences("示例县示例镇示例村村委会一楼") == 1);
    CHECK(occurrences("全面推进严格规范公正文明执法") == 1);
    CHECK(occurrences("行政执法人员持证上岗率达到100%") == 1);
    CHECK(occurrences("深化行政执法体制改革。") == 1);

    core::LoadResult back = core::LoadPackFromMemory("data.fzp", bytes, nullptr);
    REQUIRE(back.problems.empty());
    const std::string d = core::FirstDifference(catalog, *back.catalog);
    CHECK_MESSAGE(d.empty(), d);
    const auto& p = back.catalog->Points();
    REQUIRE(p.size() == 2);
    CHECK(p[0].address.data() == p[1].address.data());
    CHECK(p[0].name.data() != p[1].name.data());
    const auto& t = back.catalog->Tasks();
    REQUIRE(t.size() == 2);
    CHECK(t[0].task->title.data() == t[1].task->title.data());
    CHECK(t[0].task->targets[0].quote.data() == t[1].task->targets[0].quote.data());
    CHECK(t[0].task->text == "深化行政执法体制改革。");
    CHECK(t[1].task->text == "推行行政执法公示制度。");
    // Every truncation is a located problem, never a crash (a reference cut off included).
    for (size_t n = 0; n < bytes.size(); ++n) {
        core::LoadResult r = core::LoadPackFromMemory("data.fzp", std::string_view(bytes).substr(0, n), nullptr);
        CHECK(!r.problems.empty());
    }
}

TEST_CASE("pack with a string table: round trip, truncations and flips") {
    for (const std::string dir : {kRoot + "/tests/fixtures/data-good", kRoot + "/assets/data"}) {
        CAPTURE(dir);
        Packed p = PackFolder(dir, false, true);
        Packed inline_pack = PackFolder(dir, false, false);
        // Atoms are in a table either way, and a free text that repeats is written once either
        // way (see "a text that repeats"): on real data the table only adds an id for every
        // other string, and is no smaller (as fazhitong-pack's help says).
        if (dir == kRoot + "/assets/data") CHECK(p.bytes.size() >= inline_pack.bytes.size());
        core::LoadResult back = core::LoadPackFromMemory("data.fzp", p.bytes, nullptr);
        const std::string d = core::FirstDifference(*p.json.catalog, *back.catalog);
        CHECK_MESSAGE(d.empty(), d);
        const std::string dp = core::FirstDifference(p.json.problems, back.problems);
        CHECK_MESSAGE(dp.empty(), dp);
    }
    Packed p = PackFolder(kRoot + "/tests/fixtures/data-bad", false, true);
    for (size_t n = 0; n < p.bytes.size(); ++n) {
        core::LoadResult r = core::LoadPackFromMemory("data.fzp", std::string_view(p.bytes).substr(0, n), nullptr);
        CHECK(core::HasErrors(Tail(r.problems, 0)));
    }
    for (size_t i = 0; i < p.bytes.size(); ++i) {
        std::string bytes = p.bytes;
        bytes[i] = char(uint8_t(bytes[i]) ^ 0x5A);
        CAPTURE(i);
        core::LoadResult r = core::LoadPackFromMemory("data.fzp", bytes, nullptr);
        bool caught = false;
        for (const core::Problem& pr : r.problems)
            caught = caught || (pr.file == "data.fzp" && pr.severity == core::Severity::Error);
        CHECK(caught);
    }
}
