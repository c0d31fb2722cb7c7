// kiosk_idle_test.cpp — a kiosk always resets for the next visitor: after its idle time without a
// touch the search and the screen are wiped, also when the deployer's idle time is no positive
// number (?kiosk&idle=abc read as 0 left a web kiosk with no reset at all). Depends on ui::App,
// ImGui, the bundled data.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "app_harness.h"

namespace {
bool Shows(const std::string& mirror, const std::string& text) { return mirror.find(text) != std::string::npos; }

// Searches, then waits `seconds` without a touch; returns whether the visitor's search is gone.
bool WipedAfter(test::AppHarness& kiosk, float seconds) {
    kiosk.Open("#/search?q=%E6%B3%95%E5%BE%8B");  // 法律
    REQUIRE(Shows(kiosk.Mirror(), "搜索：法律"));
    kiosk.Tap(ImVec2(5, 500));  // a visitor's touch (the margin: it does nothing else)
    REQUIRE(Shows(kiosk.Mirror(), "搜索：法律"));
    kiosk.Frame(ImVec2(-1, -1), false, seconds);
    kiosk.Frame();
    return kiosk.app.State().route.screen == core::Screen::Home && !Shows(kiosk.Mirror(), "法律援助力度");
}
}  // namespace

TEST_CASE("kiosk idle reset: always on, whatever idle time it was given") {
    SUBCASE("its own idle time") {
        test::AppHarness kiosk(true, 30);
        CHECK(kiosk.app.SecondsUntilTimer() < 0);  // nothing to protect before a visitor
        CHECK_FALSE(WipedAfter(kiosk, 20));
        kiosk.Frame(ImVec2(-1, -1), false, 11);
        kiosk.Frame();
        CHECK(kiosk.app.State().route.screen == core::Screen::Home);
    }
    for (const double given : {0.0, -5.0, double(std::nan(""))}) {
        CAPTURE(given);
        test::AppHarness kiosk(true, given);
        CHECK_FALSE(WipedAfter(kiosk, float(ui::AppConfig::kDefaultKioskIdleReset) - 10));
        kiosk.Frame(ImVec2(-1, -1), false, 11);
        kiosk.Frame();
        CHECK(kiosk.app.State().route.screen == core::Screen::Home);
    }
    SUBCASE("a website never resets") {
        test::AppHarness site(false, 0);
        CHECK_FALSE(WipedAfter(site, 100000));
    }
}
