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
        // The unit's title holds it: its group comes before the tasks, which name it as their
        // lead unit in the body.
        CHECK(r.hits[0].type == core::RecordType::Unit);
        CHECK(loaded.catalog->Units()[r.hits[0].index].canonical == "示例县司法局");
        CHECK(r.hits[0].title == "示例县司法局");
        CHECK(r.hits[1].type == core::RecordType::Task);
        CHECK(r.hits[2].type == core::RecordType::Task);
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

TEST_CASE("fields a catalog's record lacks") {
    // No address, no services, a task whose text is its title, a unit printed as its canonical
    // name: the fields after them are still searched, highlighted and shown as the snippet.
    core::Plan plan;
    plan.id = "plan";
    plan.title = "示例县2024年法治政府建设工作要点";
    plan.region = {"示例县", core::RegionLevel::County, "示例市"};
    core::Section sec;
    core::Task task;
    task.id = "task";
    task.title = "推进行政复议体制改革";
    task.text = task.title;
    task.lead_units = {"示例县司法局"};
    sec.tasks = {task};
    plan.sections = {sec};
    plan.units = {{"示例县司法局", "示例县司法局"}};
    core::ServicePoint room;
    room.id = "room";
    room.name = "示例村公共法律服务室";
    room.region = {"示例村", core::RegionLevel::Township, "示例县"};
    room.phone = "0719-1234567";
    core::ServicePoint station;
    station.id = "station";
    station.name = "示例镇公共法律服务站";
    station.address = "示例镇人民路1号";
    station.services = {"法律援助", "人民调解"};
    station.region = {"示例镇", core::RegionLevel::Township, "示例县"};
    core::Catalog catalog({plan}, {room, station}, {}, {});
    core::SearchIndex index = core::SearchIndex::Build(catalog);

    auto hit = [&](const std::string& text, const std::string& id) {
        core::Query q;
        q.text = text;
        q.relax = false;
        for (const core::Hit& h : index.Search(q).hits)
            if (h.id == id) return h;
        FAIL("no hit " << id << " for " << text);
        return core::Hit{};
    };
    // The room's phone, after an empty address and no services.
    core::Hit h = hit("1234567", "room");
    CHECK(h.snippet == "0719-1234567");
    CHECK(h.snippet_ranges == std::vector<core::ByteRange>{{5, 12}});
    CHECK(h.title_ranges.empty());
    // A title match: the snippet is the first body field that is not empty (the region).
    h = hit("服务室", "room");
    CHECK(h.snippet == "示例村");
    CHECK(h.title_ranges == std::vector<core::ByteRange>{{21, 30}});
    // The station's second service, and its region after the services.
    CHECK(hit("人民调解", "station").snippet == "人民调解");
    CHECK(hit("示例镇", "station").title_ranges == std::vector<core::ByteRange>{{0, 9}});
    // The task's text is its title: one field, a title match; its body is its lead unit.
    h = hit("复议", "task");
    CHECK(h.title_ranges == std::vector<core::ByteRange>{{12, 18}});
    CHECK(h.snippet == "示例县司法局");
    CHECK(h.snippet_ranges.empty());
    // Every record's text, pinyin and initials too, after the empty fields.
    core::Query q;
    q.text = "renminlu";
    q.relax = false;
    CHECK(index.Search(q).total == 1);
    q.text = "sfj";
    CHECK(index.Search(q).total == 2);  // the task's lead unit, the unit itself
}
