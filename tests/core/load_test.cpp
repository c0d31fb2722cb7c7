// load_test.cpp — the data loader: valid folders load completely; bad input is reported with file,
// line:column and JSON pointer, and everything valid still loads. Depends on core/Load, doctest.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/Load.h"

namespace {
const std::string kFixtures = std::string(FAZHITONG_SOURCE_DIR) + "/tests/fixtures/";

std::vector<std::string> Messages(const core::Problems& problems) {
    std::vector<std::string> out;
    for (const core::Problem& p : problems) out.push_back(p.ToString());
    return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// Parses `files` (name, text) and runs the cross-reference checks over what loaded.
std::vector<std::string> ReferenceProblems(const std::vector<std::pair<std::string, std::string>>& files) {
    core::FileData data;
    core::Problems problems;
    for (const auto& [name, text] : files) core::ParseFile(name, text, data, problems);
    core::Catalog catalog(std::move(data.plans), std::move(data.points), std::move(data.channels),
                          std::move(data.themes));
    core::CheckReferences(catalog, problems);
    return Messages(problems);
}

const char* kOneTheme = R"({"schema":1,"themes":[{"id":"functions","name":"政府职能"}]})";

core::Problems ParsePlan(const std::string& text, core::FileData& out) {
    core::Problems problems;
    core::ParseFile("plans/p.json", text, out, problems);
    return problems;
}
}  // namespace

TEST_CASE("loader") {
    SUBCASE("loads a valid folder completely and without problems") {
        core::LoadResult r = core::Load(kFixtures + "data-good");
        CHECK(Messages(r.problems) == std::vector<std::string>{});
        const core::Catalog& c = *r.catalog;
        REQUIRE(c.Plans().size() == 1);
        const core::Plan& plan = c.Plans()[0];
        CHECK(plan.id == "demo-2021-2025");
        CHECK(plan.kind == core::PlanKind::ImplementationPlan);
        CHECK(plan.region.level == core::RegionLevel::County);
        CHECK(plan.period_from == 2021);
        CHECK(plan.period_to == 2025);
        CHECK(plan.file == "plans/demo.json");
        REQUIRE(c.Tasks().size() == 2);
        CHECK(c.Tasks()[1].task->targets.size() == 1);
        CHECK(c.Tasks()[1].task->targets[0].value == 100);
        CHECK(c.Tasks()[1].path.size() == 1);
        CHECK(c.Tasks()[1].path[0]->title == "健全政府机构职能体系");
        CHECK(c.TargetCount() == 1);
        REQUIRE(c.Points().size() == 1);
        REQUIRE(c.Points()[0].location.has_value());
        CHECK(c.Points()[0].location->precision == core::Precision::District);
        CHECK(c.Channels().size() == 1);
        CHECK(c.Themes().size() == 1);
        SUBCASE("canonicalises units by the plan's unit map") {
            const core::UnitRef* justice = nullptr;
            for (const core::UnitRef& u : c.Units())
                if (u.canonical == "示范区司法局") justice = &u;
            REQUIRE(justice != nullptr);
            CHECK(justice->printed == std::vector<std::string>{"区司法局"});
            CHECK(justice->lead_tasks.size() == 1);
        }
        SUBCASE("finds tasks by id") {
            REQUIRE(c.FindTask("demo-2021-2025.t2") != nullptr);
            CHECK(c.FindTask("demo-2021-2025.t2")->plan == &plan);
            CHECK(c.FindTask("nope") == nullptr);
        }
    }

    SUBCASE("reports a malformed file precisely and loads everything else") {
        core::LoadResult r = core::Load(kFixtures + "data-bad");
        std::vector<std::string> m = Messages(r.problems);
        CHECK(Contains(m, "plans/kunming.json:56:25 /sections/1/tasks/3/lead_units: expected array of strings, got number"));
        CHECK(Contains(m, "plans/broken.json:5:3 invalid JSON: syntax error while parsing object - unexpected string "
                          "literal; expected '}'"));
        CHECK(r.problems.size() == 2);
        // The good plan and the three valid tasks of the bad plan are there, and so is the task
        // whose optional field was wrong (without that field).
        CHECK(r.catalog->Plans().size() == 2);
        REQUIRE(r.catalog->FindTask("kunming.t3") != nullptr);
        CHECK(r.catalog->FindTask("kunming.t3")->task->lead_units.empty());
        CHECK(r.catalog->Tasks().size() == 6);
        CHECK(r.catalog->Points().size() == 1);
    }

    SUBCASE("a missing data folder is one clear problem, not a crash") {
        core::LoadResult r = core::Load(kFixtures + "no-such-folder");
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].message == "data folder not found");
        CHECK(r.catalog->Plans().empty());
    }
}

TEST_CASE("plan parsing") {
    core::FileData out;
    SUBCASE("drops a task without id and names the pointer") {
        auto p = ParsePlan(R"({"schema":1,"id":"p","title":"t","kind":"notice","region":{"name":"r"},
            "source":{"file":"f"},"sections":[{"title":"s","tasks":[{"title":"x","text":"y"},
            {"id":"ok","title":"x","text":"y"}]}]})", out);
        REQUIRE(p.size() == 1);
        CHECK(p[0].pointer == "/sections/0/tasks/0");
        CHECK(p[0].message == "missing required field \"id\"");
        CHECK(p[0].line == 2);
        REQUIRE(out.plans.size() == 1);
        CHECK(out.plans[0].sections[0].tasks.size() == 1);
    }
    SUBCASE("warns about unknown fields and keeps the record") {
        auto p = ParsePlan(R"({"schema":1,"id":"p","title":"t","kind":"notice","region":{"name":"r"},
            "source":{"file":"f"},"colour":"red","sections":[]})", out);
        REQUIRE(p.size() == 1);
        CHECK(p[0].severity == core::Severity::Warning);
        CHECK(p[0].ToString() == "plans/p.json:2:44 /colour: warning: unknown field \"colour\" (ignored)");
        CHECK(out.plans.size() == 1);
    }
    SUBCASE("rejects a plan without its required fields") {
        auto p = ParsePlan(R"({"schema":1,"title":"t","kind":"notice","sections":[]})", out);
        CHECK(out.plans.empty());
        CHECK(p.size() == 4);
    }
    SUBCASE("checks dates, kinds, comparators and coordinates") {
        auto p = ParsePlan(R"({"schema":1,"id":"p","title":"t","kind":"memo","region":{"name":"r","level":"galaxy"},
            "published":"2023/1/1","source":{"file":"f"},"sections":[{"title":"s","tasks":[{"id":"a","title":"x",
            "text":"y","targets":[{"quote":"q","metric":"m","comparator":"about","value":1}]}]}]})", out);
        std::vector<std::string> m = Messages(p);
        CHECK(m.size() == 4);
        CHECK(m[0] == "plans/p.json:1:41 /kind: unknown plan kind \"memo\" (expected implementation_plan, "
                      "work_points, annual_report, work_plan or notice)");
        core::Problems pp;
        core::FileData points;
        core::ParseFile("service-points.json", R"({"schema":1,"points":[{"id":"x","name":"n","kind":"centre",
            "region":{"name":"r"},"source":{"file":"f"},"location":{"lat":123,"lon":0}}]})", points, pp);
        REQUIRE(pp.size() == 1);
        CHECK(pp[0].ToString() == "service-points.json:2:75 /points/0/location/lat: impossible latitude 123 (expected -90..90)");
        REQUIRE(points.points.size() == 1);  // the point stays, without a location
        CHECK(!points.points[0].location.has_value());
    }
    SUBCASE("never crashes on hostile input") {
        for (const char* text : {"", "\xff\xfe", "[", "null", "42", "{\"schema\":1,\"sections\":5}", "\"\\ud800\"",
                                 "{\"schema\":\"1\",\"id\":{}}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}) {
            core::Problems problems;
            core::ParseFile("plans/x.json", text, out, problems);
            CHECK(!problems.empty());
        }
    }
    SUBCASE("tolerates a UTF-8 byte order mark") {
        auto p = ParsePlan("\xEF\xBB\xBF{\"schema\":1,\"id\":\"p\",\"title\":\"t\",\"kind\":\"notice\",\"region\":{\"name\":\"r\"},"
                           "\"source\":{\"file\":\"f\"},\"sections\":[]}", out);
        CHECK(p.empty());
        CHECK(out.plans.size() == 1);
    }
}

TEST_CASE("cross references") {
    SUBCASE("duplicate ids across plans are reported") {
        core::FileData data;
        core::Problems problems;
        const char* plan = R"({"schema":1,"id":"p","title":"t","kind":"notice","region":{"name":"r"},"source":{"file":"f"},
            "sections":[{"title":"s","tasks":[{"id":"same","title":"x","text":"y"}]}]})";
        core::ParseFile("plans/a.json", plan, data, problems);
        core::ParseFile("plans/b.json", plan, data, problems);
        core::Catalog catalog(std::move(data.plans), {}, {}, {});
        core::CheckReferences(catalog, problems);
        std::vector<std::string> m = Messages(problems);
        CHECK(Contains(m, "plans/b.json /id: duplicate plan id \"p\" (also in plans/a.json)"));
        CHECK(Contains(m, "plans/b.json /sections/0/tasks/0/id: duplicate task id \"same\" (also in plans/a.json "
                          "/sections/0/tasks/0)"));
        CHECK(m.size() == 2);
    }
    SUBCASE("theme ids are checked on tasks, on sections and on whole plans") {
        const char* plan = R"({"schema":1,"id":"p","title":"t","kind":"notice","region":{"name":"r"},"source":{"file":"f"},
            "themes":["functions","nope"],
            "sections":[{"title":"s","themes":["gone"],"sections":[{"title":"c","themes":["functions"],
              "tasks":[{"id":"a","title":"x","text":"y","themes":["functions","x"]}]}]}]})";
        CHECK(ReferenceProblems({{"themes.json", kOneTheme}, {"plans/p.json", plan}}) ==
              std::vector<std::string>{
                  "plans/p.json /themes/1: unknown theme \"nope\" (not in themes.json)",
                  "plans/p.json /sections/0/themes/0: unknown theme \"gone\" (not in themes.json)",
                  "plans/p.json /sections/0/sections/0/tasks/0/themes/1: unknown theme \"x\" (not in themes.json)"});
        SUBCASE("without themes.json there is nothing to check them against") {
            CHECK(ReferenceProblems({{"plans/p.json", plan}}).empty());
        }
    }
    SUBCASE("every printed unit in a plan's unit map is named by a task of that plan") {
        const char* a = R"J({"schema":1,"id":"a","title":"t","kind":"notice","region":{"name":"r"},"source":{"file":"f"},
            "units":[{"printed":"区司法局","canonical":"r司法局"},{"printed":"区财政局","canonical":"r财政局"},
                     {"printed":"各镇(街道)","canonical":"各镇（街道）"}],
            "sections":[{"title":"s","tasks":[{"id":"a1","title":"x","text":"y","lead_units":["区司法局"],
                                               "responsible_units":["各镇(街道)"]}]}]})J";
        // Another plan naming the unit does not count: the map is per plan.
        const char* b = R"({"schema":1,"id":"b","title":"t","kind":"notice","region":{"name":"r"},"source":{"file":"f"},
            "sections":[{"title":"s","tasks":[{"id":"b1","title":"x","text":"y","lead_units":["区财政局"]}]}]})";
        CHECK(ReferenceProblems({{"plans/a.json", a}, {"plans/b.json", b}}) ==
              std::vector<std::string>{"plans/a.json /units/1/printed: unit \"区财政局\" is named by no task of this plan"});
    }
    SUBCASE("service point and channel ids are unique within their kind") {
        const char* points = R"({"schema":1,"points":[
            {"id":"x","name":"n","kind":"centre","region":{"name":"r"},"source":{"file":"f"}},
            {"id":"y","name":"n","kind":"centre","region":{"name":"r"},"source":{"file":"f"}},
            {"id":"x","name":"m","kind":"room","region":{"name":"r"},"source":{"file":"f"}}]})";
        const char* channels = R"({"schema":1,"channels":[
            {"id":"h","name":"n","kind":"hotline","source":{"file":"f"}},
            {"id":"x","name":"n","kind":"hotline","source":{"file":"f"}},
            {"id":"h","name":"m","kind":"website","source":{"file":"f"}}]})";
        CHECK(ReferenceProblems({{"service-points.json", points}, {"channels.json", channels}}) ==
              std::vector<std::string>{"service-points.json /points/2/id: duplicate service point id \"x\" (also /points/0)",
                                       "channels.json /channels/2/id: duplicate channel id \"h\" (also /channels/0)"});
    }
    SUBCASE("a target without a value is rejected by the loader; its task stays") {
        const char* plan = R"({"schema":1,"id":"p","title":"t","kind":"notice","region":{"name":"r"},"source":{"file":"f"},
            "sections":[{"title":"s","tasks":[{"id":"a","title":"x","text":"y","targets":[
              {"quote":"q","metric":"m","comparator":">="},
              {"quote":"q","metric":"m","comparator":">=","value":null},
              {"quote":"q","metric":"m","comparator":">=","value":"90%"},
              {"quote":"q","metric":"m","comparator":">=","value":90,"unit":"%"}]}]}]})";
        core::FileData data;
        core::Problems problems;
        core::ParseFile("plans/p.json", plan, data, problems);
        CHECK(Messages(problems) ==
              std::vector<std::string>{
                  "plans/p.json:3:15 /sections/0/tasks/0/targets/0: missing required field \"value\"",
                  "plans/p.json:4:15 /sections/0/tasks/0/targets/1: missing required field \"value\"",
                  "plans/p.json:5:67 /sections/0/tasks/0/targets/2/value: expected number, got string"});
        REQUIRE(data.plans.size() == 1);
        REQUIRE(data.plans[0].sections[0].tasks.size() == 1);
        CHECK(data.plans[0].sections[0].tasks[0].targets.size() == 1);
    }
}
