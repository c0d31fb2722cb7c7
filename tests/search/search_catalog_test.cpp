// search_catalog_test.cpp — an index built from a loaded Catalog (tests/fixtures/search/data):
// which text of each record type is searchable, facets, and the data folder's synonyms.json.
// Depends on core/Search.h and core/Load.h.
#include <doctest/doctest.h>

#include "core/Load.h"
#include "search_fixture.h"

namespace {
const char* const kDir = FAZHITONG_SOURCE_DIR "/tests/fixtures/search/data";

std::vector<std::string> Found(const core::SearchIndex& index, const std::string& text) {
    core::Query q;
    q.text = text;
    std::vector<std::string> out;
    for (const core::Hit& h : index.Search(q).hits) out.push_back(std::string(core::ToString(h.type)) + ":" + std::string(h.id));
    return out;
}
}  // namespace

TEST_CASE("search over a catalog") {
    core::LoadResult loaded = core::Load(kDir);
    REQUIRE(loaded.problems.empty());
    core::Problems problems;
    core::SearchIndex index = core::SearchIndex::Build(*loaded.catalog, core::Synonyms::Load(kDir, problems));
    REQUIRE(problems.empty());
    SUBCASE("every record type is indexed") {
        CHECK(index.RecordCount() == 1 + 2 + 2 + 1 + 1);  // plan, tasks, units, point, channel
    }
    SUBCASE("grouped results name type and id; hits index into the catalog") {
        CHECK(Found(index, "法律援助") ==
              std::vector<std::string>{"task:demo-aid", "service_point:demo-centre"});
        core::Query q;
        q.text = "司法局";
        core::SearchResult r = index.Search(q);
        REQUIRE(r.hits.size() == 3);
        CHECK(r.hits[0].type == core::RecordType::Task);  // lead unit printed in the body
        CHECK(r.hits[2].type == core::RecordType::Unit);
        CHECK(loaded.catalog->Units()[r.hits[2].index].canonical == "示例县司法局");
        CHECK(r.hits[2].title == "示例县司法局");
    }
    SUBCASE("plans are found by title, region and issuer") {
        CHECK(Found(index, "工作要点") == std::vector<std::string>{"plan:demo-county-2024"});
        CHECK(Found(index, "人民政府办公室") == std::vector<std::string>{"plan:demo-county-2024"});
    }
    SUBCASE("synonyms from the data folder") {
        CHECK(Found(index, "法援") == std::vector<std::string>{"task:demo-aid", "service_point:demo-centre"});
    }
    SUBCASE("filters by region, parent region, theme and unit") {
        core::Query q;
        q.text = "法律";
        q.filter.region = "示例市";
        CHECK(index.Search(q).total == 3);  // task demo-aid, the centre (parent 示例市), the hotline
        q.filter.region.clear();
        q.filter.theme = "dispute";
        CHECK(index.Search(q).total == 1);
        q.filter.theme.clear();
        q.text = "行政";
        q.filter.unit = "示例县司法局";
        CHECK(index.Search(q).total == 1);
    }
}
