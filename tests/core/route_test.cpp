// route_test.cpp — deep links: every screen round-trips, queries are percent-encoded, and any
// string from an address bar parses to something sensible. Depends on core/Route, doctest.
#include <doctest/doctest.h>

#include "core/Route.h"

TEST_CASE("routes") {
    using core::Screen;
    SUBCASE("parse the screens") {
        CHECK(core::ParseRoute("").screen == Screen::Home);
        CHECK(core::ParseRoute("#/").screen == Screen::Home);
        CHECK(core::ParseRoute("#/about").screen == Screen::About);
        CHECK(core::ParseRoute("#/plan/kunming-2021-2025").id == "kunming-2021-2025");
        CHECK(core::ParseRoute("#/task/a.b").screen == Screen::Task);
        CHECK(core::ParseRoute("#/points?q=centre").query == "centre");
    }
    SUBCASE("round-trip Chinese search text") {
        core::Route r{Screen::Search, "", "法律援助 12348"};
        std::string hash = core::ToHash(r);
        CHECK(hash == "#/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9%2012348");
        CHECK(core::ParseRoute(hash) == r);
    }
    SUBCASE("search results of one kind") {
        core::Route r{Screen::Search, "service_point", "法援"};
        CHECK(core::ToHash(r) == "#/search/service_point?q=%E6%B3%95%E6%8F%B4");
        CHECK(core::ParseRoute(core::ToHash(r)) == r);
        CHECK(core::ParseRoute("#/search/task").id == "task");
        CHECK(core::ParseRoute("#/search/").id == "");
        CHECK(core::ToHash(core::Route{Screen::Search, "", "x"}) == "#/search?q=x");
        CHECK(core::ToHash(core::Route{Screen::About, "task", ""}) == "#/about");
    }
    SUBCASE("unknown or broken links go somewhere sensible") {
        CHECK(core::ParseRoute("#/nonsense/1") == core::Route{});
        CHECK(core::ParseRoute("#/plan/").screen == Screen::Plans);
        CHECK(core::ParseRoute("#/search?q=%E6%").query == "%E6%");
        CHECK(core::ParseRoute("#/search?q=%zz").query == "%zz");
        CHECK(core::ParseRoute("#/about?q=x").query == "");
        CHECK(core::ParseRoute(std::string(100000, '/')).screen == Screen::Home);
    }
    SUBCASE("query parameters of the page address") {
        std::string v = "unset";
        CHECK(core::FindQueryParam("?kiosk&idle=30", "kiosk", &v));
        CHECK(v == "");
        CHECK(core::FindQueryParam("?kiosk&idle=30", "idle", &v));
        CHECK(v == "30");
        CHECK(!core::FindQueryParam("?kiosks=1", "kiosk", &v));
        CHECK(!core::FindQueryParam("", "kiosk", nullptr));
        CHECK(core::FindQueryParam("q=%E6%B3%95", "q", &v));
        CHECK(v == "法");
    }
    SUBCASE("a number of seconds (?idle=S): digits and one point, else 0 (not given)") {
        CHECK(core::ParseSeconds("30") == 30);
        CHECK(core::ParseSeconds("0.5") == doctest::Approx(0.5));
        CHECK(core::ParseSeconds("2.25") == doctest::Approx(2.25));
        CHECK(core::ParseSeconds("7.") == 7);
        for (const char* bad : {"", ".", "abc", "-5", "1e3", "1.2.3", " 30", "30s", "１２"}) CHECK(core::ParseSeconds(bad) == 0);
    }
}
