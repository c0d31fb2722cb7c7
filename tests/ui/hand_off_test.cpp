// hand_off_test.cpp — "扫码在手机上查看": the real app, drawn headless, offers the hand-off on detail
// and search screens only when it knows the public website's address; the panel shows the QR
// code of exactly that address + the deep link (made by the same generator as the native app,
// compared module by module with one made here), big and crisp; a tap outside, the close button,
// a new screen and the kiosk's idle reset close it. Depends on ui::App, platform/QrCode, ImGui.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app_harness.h"
#include "core/Route.h"

namespace {

constexpr const char* kBase = "https://example.org/fz/";

bool Shows(const std::string& mirror, const std::string& text) { return mirror.find(text) != std::string::npos; }
ImVec2 Centre(const ui::AppState::Rect& r) { return ImVec2((r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f); }

// The first plan, task, unit and service point of the bundled data, as deep links.
std::vector<std::string> DetailLinks(const ui::App& app) {
    const core::Catalog& cat = app.Catalog();
    REQUIRE(!cat.Plans().empty());
    REQUIRE(!cat.Tasks().empty());
    REQUIRE(!cat.Points().empty());
    const core::TaskRef* task = nullptr;
    for (const core::TaskRef& t : cat.Tasks())
        if (!t.task->lead_units.empty()) {
            task = &t;
            break;
        }
    REQUIRE(task != nullptr);
    return {core::ToHash({core::Screen::Plan, cat.Plans().front().id.str(), ""}),
            core::ToHash({core::Screen::Task, task->task->id.str(), ""}),
            core::ToHash({core::Screen::Unit, cat.CanonicalUnit(*task->plan, task->task->lead_units.front()), ""}),
            core::ToHash({core::Screen::Points, "", cat.Points().front().name.str()}),
            core::ToHash({core::Screen::Points, "", ""}),
            "#/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9"};
}

}  // namespace

TEST_CASE("hand-off to a phone: the button") {
    SUBCASE("on every detail screen and the search results, with a share address") {
        test::AppHarness kiosk(true, 120, kBase);
        for (const std::string& link : DetailLinks(kiosk.app)) {
            CAPTURE(link);
            kiosk.Open(link);
            const ui::AppState::Rect& b = kiosk.app.State().handoff_button;
            REQUIRE_FALSE(b.Empty());
            CHECK(b.y1 - b.y0 >= 44);  // a fingertip, like the keyboard's keys
            CHECK(b.x1 - b.x0 >= 44);
            CHECK(b.x0 >= 0);
            CHECK(b.x1 <= 1280);
            CHECK(b.y1 <= 800);
            // The text version names the button and gives the address itself.
            CHECK(Shows(kiosk.Mirror(), std::string("[扫码在手机上查看] ") + kBase + link));
        }
    }
    SUBCASE("on the kiosk's search screen it floats above the docked keyboard") {
        test::AppHarness kiosk(true, 120, kBase);
        kiosk.Open("#/search?q=12348");
        const ui::AppState& st = kiosk.app.State();
        REQUIRE(!st.keyboard_keys.empty());
        float keyboard_top = 800;
        for (const auto& k : st.keyboard_keys) keyboard_top = std::min(keyboard_top, k.y0);
        CHECK(st.handoff_button.y1 < keyboard_top);
        kiosk.Tap(Centre(st.handoff_button));
        CHECK(st.handoff_open);
        CHECK(st.handoff_link == std::string(kBase) + "#/search?q=12348");
    }
    SUBCASE("not on the home, plans, about and problems screens, nor on a page not found") {
        test::AppHarness kiosk(true, 120, kBase);
        for (const char* link : {"#/", "#/plans", "#/about", "#/problems", "#/plan/no-such-plan", "#/task/no-such-task",
                                 "#/unit/%E6%97%A0"}) {
            CAPTURE(link);
            kiosk.Open(link);
            CHECK(kiosk.app.State().handoff_button.Empty());
            CHECK_FALSE(Shows(kiosk.Mirror(), "扫码在手机上查看"));
        }
    }
    SUBCASE("nowhere without a usable share address") {
        for (const char* base : {"", "file:///media/usb/fazhitong.html", "http://127.0.0.1:8080/", "http://localhost/fz/"}) {
            CAPTURE(base);
            test::AppHarness kiosk(true, 120, base);
            for (const std::string& link : DetailLinks(kiosk.app)) {
                kiosk.Open(link);
                CHECK(kiosk.app.State().handoff_button.Empty());
                CHECK_FALSE(Shows(kiosk.Mirror(), "扫码在手机上查看"));
            }
            CHECK(kiosk.host.qr_texts.empty());
        }
    }
}

TEST_CASE("hand-off to a phone: the panel") {
    test::AppHarness kiosk(true, 120, kBase);
    const std::string link = DetailLinks(kiosk.app).front();  // a plan
    kiosk.Open(link);
    REQUIRE_FALSE(kiosk.app.State().handoff_button.Empty());
    CHECK_FALSE(kiosk.app.State().handoff_open);
    {
        // The decode tests tap here (tests/native/hand_off_decode.sh, tests/e2e/hand_off.test.mjs).
        const ui::AppState::Rect& b = kiosk.app.State().handoff_button;
        CHECK((b.x0 < 1165 && 1165 < b.x1 && b.y0 < 726 && 726 < b.y1));
    }
    kiosk.Tap(Centre(kiosk.app.State().handoff_button));
    const ui::AppState& st = kiosk.app.State();
    REQUIRE(st.handoff_open);
    const std::string expected = kBase + link;

    SUBCASE("shows the QR code of exactly the base address + the deep link") {
        CHECK(st.handoff_link == expected);
        REQUIRE(kiosk.host.qr_texts.size() == 1);  // made once when opened, not every frame
        CHECK(kiosk.host.qr_texts[0] == expected);
        const ui::QrMatrix reference = platform::EncodeQrCode(expected);
        REQUIRE(reference.size >= 21);
        CHECK(st.handoff_qr.size == reference.size);
        CHECK(st.handoff_qr.modules == reference.modules);
        // Finder patterns where the standard puts them: a dark 7x7 ring at three corners.
        for (auto [x, y] : {std::pair{0, 0}, std::pair{reference.size - 7, 0}, std::pair{0, reference.size - 7}}) {
            CHECK(st.handoff_qr.Dark(x, y));
            CHECK(st.handoff_qr.Dark(x + 6, y + 6));
            CHECK_FALSE(st.handoff_qr.Dark(x + 1, y + 1));
            CHECK(st.handoff_qr.Dark(x + 3, y + 3));
        }
    }
    SUBCASE("big, crisp, with its quiet zone, on screen") {
        const ui::AppState::Rect& c = st.handoff_code;
        const float side = c.x1 - c.x0;
        CHECK(side >= 240);
        CHECK(c.y1 - c.y0 == doctest::Approx(side));
        CHECK(st.handoff_module_px >= 2);
        CHECK(st.handoff_module_px == std::floor(st.handoff_module_px));  // whole pixels: no blurred edges
        CHECK(side == doctest::Approx(st.handoff_module_px * float(st.handoff_qr.size + 8)));  // 4 modules each side
        CHECK(c.x0 == std::floor(c.x0));
        CHECK(c.y0 == std::floor(c.y0));
        CHECK(c.x0 >= 0);
        CHECK(c.y0 >= 0);
        CHECK(c.x1 <= 1280);
        CHECK(c.y1 <= 800);
        const ui::AppState::Rect& x = st.handoff_close;
        CHECK(x.y1 - x.y0 >= 44);
        CHECK(x.y1 <= 800);
    }
    SUBCASE("the text version has the title, the instruction and the address") {
        const std::string m = kiosk.Mirror();
        CHECK(Shows(m, "## 扫码在手机上查看"));
        CHECK(Shows(m, "用手机相机或微信"));
        CHECK(Shows(m, "网址：" + expected));
        CHECK(Shows(m, "[关闭]"));
    }
    SUBCASE("is modal: a tap on the page under it opens nothing, a tap outside the panel closes it") {
        const core::Route before = st.route;
        kiosk.Tap(ImVec2(20, 400));  // left of the panel, over the page
        CHECK_FALSE(st.handoff_open);
        CHECK(st.route == before);
        CHECK(st.handoff_link.empty());
        CHECK(st.handoff_qr.size == 0);
    }
    SUBCASE("a tap on the code keeps it open; the close button closes it") {
        kiosk.Tap(Centre(st.handoff_code));
        CHECK(st.handoff_open);
        kiosk.Tap(Centre(st.handoff_close));
        CHECK_FALSE(st.handoff_open);
        CHECK_FALSE(Shows(kiosk.Mirror(), "网址："));
    }
    SUBCASE("another screen (the back button, a link) closes it") {
        kiosk.Open("#/about");
        CHECK_FALSE(st.handoff_open);
    }
    SUBCASE("the idle reset closes it: the next visitor never sees it") {
        kiosk.Frame(ImVec2(-1, -1), false, 121.0f);  // two minutes without a touch
        kiosk.Frame();
        CHECK_FALSE(st.handoff_open);
        CHECK(st.handoff_link.empty());
        CHECK(st.handoff_qr.size == 0);
        CHECK(st.route.screen == core::Screen::Home);
        CHECK_FALSE(Shows(kiosk.Mirror(), "扫码在手机上查看"));
        // Back on the same plan, the panel stays closed until the new visitor asks.
        kiosk.Open(link);
        CHECK_FALSE(st.handoff_open);
        CHECK(kiosk.host.qr_texts.size() == 1);
    }
}

TEST_CASE("hand-off to a phone: the website offers it too, for a search") {
    test::AppHarness site(false, 0, "https://example.org/fazhitong/index.html");
    site.Open("#/search?q=12348");
    REQUIRE_FALSE(site.app.State().handoff_button.Empty());
    site.Tap(Centre(site.app.State().handoff_button));
    CHECK(site.app.State().handoff_link == "https://example.org/fazhitong/index.html#/search?q=12348");
    CHECK(site.app.State().handoff_qr.size > 0);
}
