// search_pack_test.cpp — SearchIndex::SaveTo / LoadFrom (build-time packs): a round trip over the
// fixture catalog answers every kind of query identically; truncated, corrupted or foreign blobs
// are rejected (or still give a working index), never crash. Depends on core/Search.h, core/Load.h.
#include <cstring>

#include <doctest/doctest.h>

#include "core/Files.h"
#include "core/Load.h"
#include "search_fixture.h"

namespace {
const char* const kDir = FAZHITONG_SOURCE_DIR "/tests/fixtures/search/data";

std::string Save(const core::SearchIndex& index, uint64_t catalog_id = 0) {
    std::string blob;
    index.SaveTo([&](const void* p, size_t n) { blob.append(static_cast<const char*>(p), n); }, catalog_id);
    return blob;
}

bool Load(const core::Catalog& catalog, const std::string& blob, core::SearchIndex& out, std::string& error,
          size_t* consumed = nullptr, uint64_t catalog_id = 0) {
    size_t pos = 0;
    bool ok = core::SearchIndex::LoadFrom(
        catalog,
        [&](void* p, size_t n) { return core::ReadBytes(blob, pos, p, n); },
        out, error, catalog_id);
    if (consumed) *consumed = pos;
    return ok;
}

// Everything a result shows, as one string.
std::string Describe(const core::SearchResult& r) {
    std::string s = std::to_string(r.total) + "|";
    for (uint32_t t : r.total_by_type) s += std::to_string(t) + ",";
    for (const core::Hit& h : r.hits) {
        s += "\n" + std::string(core::ToString(h.type)) + ":" + std::string(h.id) + " #" + std::to_string(h.index) +
             " " + std::to_string(h.score) + " [" + std::string(h.title) + "]";
        for (const core::ByteRange& b : h.title_ranges) s += " t" + std::to_string(b.begin) + "-" + std::to_string(b.end);
        s += " {" + std::string(h.snippet) + "}";
        for (const core::ByteRange& b : h.snippet_ranges) s += " s" + std::to_string(b.begin) + "-" + std::to_string(b.end);
    }
    return s;
}

std::vector<core::Query> Queries() {
    std::vector<core::Query> qs;
    for (const char* text : {"法律援助", "法援", "复议", "行政", "法", "司法局", "工作要点", "falvyuanzhu", "fa lv",
                             "flyz", "xzfy", "f", "x", "gongzuo", "行政fy", "人民政府办公室", "12348", "不存在的词"}) {
        core::Query q;
        q.text = text;
        qs.push_back(q);
        q.group_by_type = false;
        q.limit = 2;
        qs.push_back(q);
    }
    core::Query q;
    q.text = "法律";
    q.filter.region = "示例市";
    qs.push_back(q);
    q.filter.region.clear();
    q.filter.theme = "dispute";
    qs.push_back(q);
    q.filter.theme.clear();
    q.text = "行政";
    q.filter.unit = "示例县司法局";
    qs.push_back(q);
    q.filter.unit.clear();
    q.filter.types = 1u << unsigned(core::RecordType::Task);
    qs.push_back(q);
    return qs;
}
}  // namespace

TEST_CASE("search index packs") {
    core::LoadResult loaded = core::Load(kDir);
    REQUIRE(loaded.problems.empty());
    core::Problems problems;
    core::SearchIndex built = core::SearchIndex::Build(*loaded.catalog, core::Synonyms::Load(kDir, problems));
    REQUIRE(problems.empty());
    const std::string blob = Save(built);
    REQUIRE(blob.size() > 64);

    SUBCASE("a round trip answers every query identically") {
        core::SearchIndex loaded_index;
        std::string error;
        size_t consumed = 0;
        REQUIRE_MESSAGE(Load(*loaded.catalog, blob, loaded_index, error, &consumed), error);
        CHECK(error.empty());
        CHECK(consumed == blob.size());  // self-delimiting: reads exactly what was written
        CHECK(loaded_index.RecordCount() == built.RecordCount());
        CHECK(loaded_index.FacetValues("region") == built.FacetValues("region"));
        CHECK(loaded_index.FacetValues("unit") == built.FacetValues("unit"));
        size_t nonempty = 0, decided = 0;
        for (const core::Query& q : Queries()) {
            core::SearchResult a = built.Search(q), b = loaded_index.Search(q);
            nonempty += a.total > 0;
            CHECK_MESSAGE(Describe(a) == Describe(b), q.text);
            // The bigram contexts come through too: what they decide needs no text either way.
            CHECK_MESSAGE(a.texts_searched == b.texts_searched, q.text);
            decided += a.total > 0 && a.texts_searched == 0 && (q.text == "司法局" || q.text == "工作要点");
        }
        CHECK(nonempty > 20);  // the queries do find things (synonyms, pinyin, initials, filters)
        CHECK(decided > 0);
        CHECK(Save(loaded_index) == blob);
    }

    SUBCASE("with a catalog id (as in a pack): same answers; loads only with the same id") {
        const uint64_t id = 0x1234567890ABCDEFull;
        const std::string with_id = Save(built, id);
        core::SearchIndex out;
        std::string error;
        size_t consumed = 0;
        REQUIRE_MESSAGE(Load(*loaded.catalog, with_id, out, error, &consumed, id), error);
        CHECK(consumed == with_id.size());
        for (const core::Query& q : Queries()) CHECK_MESSAGE(Describe(built.Search(q)) == Describe(out.Search(q)), q.text);
        CHECK(Save(out, id) == with_id);
        CHECK_FALSE(Load(*loaded.catalog, with_id, out, error, nullptr, id + 1));
        CHECK(error.find("different catalog") != std::string::npos);
        CHECK_FALSE(Load(*loaded.catalog, with_id, out, error));  // saved with an id, loaded without
        CHECK(error.find("different catalog") != std::string::npos);
        CHECK_FALSE(Load(*loaded.catalog, blob, out, error, nullptr, id));  // and the other way round
        CHECK(error.find("different catalog") != std::string::npos);
        for (size_t len = 0; len < with_id.size(); len += 1 + len / 64)
            CHECK_FALSE(Load(*loaded.catalog, with_id.substr(0, len), out, error, nullptr, id));
    }

    SUBCASE("every truncation is rejected with a message") {
        for (size_t len = 0; len < blob.size(); ++len) {
            core::SearchIndex out;
            std::string error;
            CHECK_FALSE(Load(*loaded.catalog, blob.substr(0, len), out, error));
            CHECK(error.rfind("search index: ", 0) == 0);
        }
    }

    SUBCASE("byte flips are rejected or give a working index") {
        size_t rejected = 0, flips = 0;
        for (size_t pos = 0; pos < blob.size(); pos += 1 + pos / 50) {
            for (uint8_t mask : {uint8_t(0x01), uint8_t(0x80), uint8_t(0xFF)}) {
                std::string bad = blob;
                bad[pos] = char(bad[pos] ^ mask);
                core::SearchIndex out;
                std::string error;
                ++flips;
                if (!Load(*loaded.catalog, bad, out, error)) {
                    ++rejected;
                    CHECK(!error.empty());
                    continue;
                }
                for (const core::Query& q : Queries()) (void)out.Search(q);  // must not crash
            }
        }
        CHECK(rejected > flips / 2);
    }

    SUBCASE("clear errors") {
        core::SearchIndex out;
        std::string error;
        std::string bad = blob;
        bad[0] = 'X';
        CHECK_FALSE(Load(*loaded.catalog, bad, out, error));
        CHECK(error == "search index: not a search index (bad magic) (byte 0)");
        bad = blob;
        bad[8] ^= 1;  // the byte-order marker
        CHECK_FALSE(Load(*loaded.catalog, bad, out, error));
        CHECK(error.find("byte order") != std::string::npos);
        // A bigram context naming no character (it decides answers without the text): somewhere
        // in the blob, four bytes written over one of them give this message and no index.
        bool named = false;
        for (size_t at = 0; at + 4 <= blob.size() && !named; ++at) {
            bad = blob;
            const uint32_t beyond = 0xFFFEu << 16;
            std::memcpy(&bad[at], &beyond, 4);
            named = !Load(*loaded.catalog, bad, out, error) && error.rfind("search index: bigram context ", 0) == 0 &&
                    error.find(" names an unknown character (byte ") != std::string::npos;
        }
        CHECK(named);
        bad = blob;
        bad[4] = 99;  // version
        CHECK_FALSE(Load(*loaded.catalog, bad, out, error));
        CHECK(error.find("version 99") != std::string::npos);
        CHECK_FALSE(Load(*loaded.catalog, blob + "x", out, error) == false);  // trailing bytes are the caller's
    }

    SUBCASE("a blob built from a different catalog is rejected") {
        // The same data with one service point renamed to a name of the same length.
        std::vector<core::Plan> plans = loaded.catalog->Plans();
        std::vector<core::ServicePoint> points = loaded.catalog->Points();
        REQUIRE(!points.empty());
        REQUIRE(points[0].name.size() >= 3);
        std::string renamed = points[0].name.str();
        renamed.replace(0, 3, renamed.substr(0, 3) == "某" ? "另" : "某");
        points[0].name = renamed;
        core::Catalog edited(plans, points, loaded.catalog->Channels(), loaded.catalog->Themes());
        core::SearchIndex other = core::SearchIndex::Build(edited);
        REQUIRE(other.RecordCount() == built.RecordCount());
        core::SearchIndex out;
        std::string error;
        CHECK_FALSE(Load(*loaded.catalog, Save(other), out, error));
        CHECK(error.find("different catalog") != std::string::npos);
        CHECK_FALSE(Load(edited, blob, out, error));
        CHECK(error.find("different catalog") != std::string::npos);
        core::LoadResult empty = core::Load(FAZHITONG_SOURCE_DIR "/tests/fixtures/search/no-such-folder");
        CHECK_FALSE(Load(*empty.catalog, blob, out, error));
        CHECK(error.find("records") != std::string::npos);
    }
}

TEST_CASE("search index packs: majority neighbours") {
    // Eighteen service points, all with 共法 before 律 (and 律服) but two: the bigram keeps 律 as its
    // majority, 律服 as its pair, and those two as exceptions (SearchData::maj_of, maj_context2),
    // which a pack must carry and check.
    core::LoadResult loaded = core::Load(kDir);
    REQUIRE(!loaded.catalog->Points().empty());
    const core::ServicePoint base = loaded.catalog->Points()[0];
    std::vector<core::ServicePoint> points;
    for (int i = 0; i < 18; ++i) {
        core::ServicePoint p = base;
        p.id = "maj-" + std::to_string(i);
        p.name = "服务站" + std::to_string(i);
        p.address = i == 16 ? "公共法庭与法律咨询" : i == 17 ? "公共法庭和公共法律" : "提供公共法律服务";
        points.push_back(p);
    }
    core::Catalog catalog(loaded.catalog->Plans(), points, {}, loaded.catalog->Themes());
    core::SearchIndex built = core::SearchIndex::Build(catalog);
    const std::string blob = Save(built);
    core::Query q;
    q.relax = false;
    q.text = "共法律";
    REQUIRE(built.Search(q).total == 17);
    REQUIRE(built.Search(q).texts_searched <= 2);  // (the two exceptions alone: the majority holds)

    SUBCASE("a round trip answers alike, reading the same texts") {
        core::SearchIndex out;
        std::string error;
        REQUIRE_MESSAGE(Load(catalog, blob, out, error), error);
        for (const char* text : {"共法律", "公共法律", "共法律服务", "公共法庭", "法律咨询", "执法行政", "服务站1", "共法院"}) {
            q.text = text;
            const core::SearchResult a = built.Search(q), b = out.Search(q);
            CHECK_MESSAGE(Describe(a) == Describe(b), text);
            CHECK_MESSAGE(a.texts_searched == b.texts_searched, text);
        }
        CHECK(Save(out) == blob);
    }

    SUBCASE("byte flips are rejected or give a working index; a majority naming no character is named") {
        size_t rejected = 0, flips = 0;
        for (size_t pos = 0; pos < blob.size(); pos += 1 + pos / 200) {
            std::string bad = blob;
            bad[pos] = char(bad[pos] ^ 0xFF);
            core::SearchIndex out;
            std::string error;
            ++flips;
            if (!Load(catalog, bad, out, error)) {
                ++rejected;
                CHECK(!error.empty());
                continue;
            }
            for (const char* text : {"共法律", "公共法律服务", "执法行政"}) {
                q.text = text;
                (void)out.Search(q);  // must not crash
            }
        }
        CHECK(rejected > flips / 2);
        // A right neighbour (共法: 律 and 庭) naming no character, or out of order, is named too
        // (it rules patterns out: 共法院 is read nowhere).
        bool named_right = false;
        for (size_t at = 0; at + 2 <= blob.size() && !named_right; at += 2) {
            std::string bad = blob, error;
            bad[at] = bad[at + 1] = char(0xFF);
            core::SearchIndex out;
            named_right = !Load(catalog, bad, out, error) && error.rfind("search index: right neighbours: entry ", 0) == 0;
        }
        CHECK(named_right);
        // Both a majority's nearest neighbour and a pair's next one (共法: 律, then 服).
        bool named = false, named_pair = false;
        for (size_t at = 0; at + 4 <= blob.size() && !(named && named_pair); ++at) {
            std::string bad = blob;
            const uint32_t beyond = 0xFFFEu << 16;
            std::memcpy(&bad[at], &beyond, 4);
            core::SearchIndex out;
            std::string error;
            if (Load(catalog, bad, out, error) || error.find(" names an unknown character (byte ") == std::string::npos) continue;
            named |= error.rfind("search index: bigram majority ", 0) == 0 && error.find("majority pair") == std::string::npos;
            named_pair |= error.rfind("search index: bigram majority pair ", 0) == 0;
        }
        CHECK(named);
        CHECK(named_pair);
    }
}
