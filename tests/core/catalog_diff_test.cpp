// catalog_diff_test.cpp — core::FirstDifference names the first field where two catalogs (or
// problem lists) differ, with both values, and is empty for equal ones. Depends on core.
#include <doctest/doctest.h>

#include "core/CatalogDiff.h"
#include "core/Load.h"

namespace {
const std::string kGood = std::string(FAZHITONG_SOURCE_DIR) + "/tests/fixtures/data-good";

core::FileData Copy(const core::Catalog& c) {
    return {c.Plans(), c.Points(), c.Channels(), c.Themes()};
}
}  // namespace

TEST_CASE("catalog diff: equal catalogs, then one changed field at a time") {
    core::LoadResult a = core::Load(kGood);
    REQUIRE(!a.catalog->Plans().empty());
    REQUIRE(!a.catalog->Points().empty());
    core::FileData same = Copy(*a.catalog);
    core::Catalog b(same.plans, same.points, same.channels, same.themes);
    CHECK(core::FirstDifference(*a.catalog, b) == "");

    core::FileData plan = Copy(*a.catalog);
    plan.plans[0].sections[0].title = "改过的标题";
    core::Catalog c(plan.plans, plan.points, plan.channels, plan.themes);
    std::string d = core::FirstDifference(*a.catalog, c);
    CHECK(d.rfind("plans/0.sections/0.title: \"", 0) == 0);
    CHECK(d.find("!= \"改过的标题\"") != std::string::npos);

    core::FileData point = Copy(*a.catalog);
    point.points[0].location.reset();
    core::Catalog e(point.plans, point.points, point.channels, point.themes);
    CHECK(core::FirstDifference(*a.catalog, e) == "points/0.location?: true != false");

    core::FileData services = Copy(*a.catalog);
    services.points[0].services = {"法律咨询", "律师"};
    core::Catalog g(services.plans, services.points, services.channels, services.themes);
    std::string s = core::FirstDifference(*a.catalog, g);
    CHECK(s.rfind("points/0.services: [\"", 0) == 0);
    CHECK(s.find(" != [\"法律咨询\", \"律师\"]") != std::string::npos);

    core::FileData kind = Copy(*a.catalog);
    kind.points[0].kind = "room";
    core::Catalog h(kind.plans, kind.points, kind.channels, kind.themes);
    CHECK(core::FirstDifference(*a.catalog, h) == "points/0.kind: \"" + a.catalog->Points()[0].kind.str() + "\" != \"room\"");

    core::FileData fewer = Copy(*a.catalog);
    fewer.themes.pop_back();
    core::Catalog f(fewer.plans, fewer.points, fewer.channels, fewer.themes);
    CHECK(core::FirstDifference(*a.catalog, f).rfind("themes count: ", 0) == 0);
}

TEST_CASE("catalog diff: problem lists") {
    core::Problems a{{core::Severity::Error, "plans/x.json", 3, 4, "/title", "expected string"}};
    core::Problems b = a;
    CHECK(core::FirstDifference(a, b) == "");
    b[0].line = 5;
    CHECK(core::FirstDifference(a, b) == "problems/0.line: 3 != 5");
}
