// search_keyboard_test.cpp — the kiosk's on-screen keyboard: how each key edits the query, and
// the app driven by taps on the keys it drew (a kiosk has no physical keyboard, so letters on the
// screen are the only way to search). Depends on ui::App, ImGui, the bundled data.
#include <doctest/doctest.h>

#include <string>

#include "app_harness.h"
#include "ui/Views.h"

namespace {
// The app with its keyboard, tapped key by key.
struct Kiosk : test::AppHarness {
    explicit Kiosk(bool kiosk) : AppHarness(kiosk) {}
    const ui::AppState::DrawnKey* Key(const std::string& action) const {
        for (const auto& k : app.State().keyboard_keys)
            if (k.action == action) return &k;
        return nullptr;
    }
    void Tap(const std::string& action) {
        const ui::AppState::DrawnKey* key = Key(action);
        REQUIRE_MESSAGE(key != nullptr, "no key ", action, " on screen");
        AppHarness::Tap(ImVec2((key->x0 + key->x1) * 0.5f, (key->y0 + key->y1) * 0.5f));
    }
    std::string Query() const { return app.State().search; }
};
}  // namespace

TEST_CASE("on-screen keyboard: what a key does to the query") {
    SUBCASE("letters and digits are appended") {
        CHECK(ui::EditQuery("fl", "y", 255) == "fly");
        CHECK(ui::EditQuery("", "1", 255) == "1");
        CHECK(ui::EditQuery("1234", "8", 255) == "12348");
    }
    SUBCASE("delete removes one whole character, Chinese included") {
        CHECK(ui::EditQuery("flyz", "backspace", 255) == "fly");
        CHECK(ui::EditQuery("法律援助", "backspace", 255) == "法律援");
        CHECK(ui::EditQuery("法律a", "backspace", 255) == "法律");
        CHECK(ui::EditQuery("𠀀", "backspace", 255) == "");  // four bytes
        CHECK(ui::EditQuery("", "backspace", 255) == "");
    }
    SUBCASE("a space separates words: none first, never two") {
        CHECK(ui::EditQuery("fa", "space", 255) == "fa ");
        CHECK(ui::EditQuery("fa ", "space", 255) == "fa ");
        CHECK(ui::EditQuery("", "space", 255) == "");
    }
    SUBCASE("clear empties; the length is capped; unknown keys change nothing") {
        CHECK(ui::EditQuery("法律援助", "clear", 255) == "");
        CHECK(ui::EditQuery("abc", "d", 3) == "abc");
        CHECK(ui::EditQuery("abc", "backspace", 3) == "ab");
        CHECK(ui::EditQuery("abc", "A", 255) == "abc");
        CHECK(ui::EditQuery("abc", "enter", 255) == "abc");
        CHECK(ui::EditQuery("abc", "", 255) == "abc");
    }
}

TEST_CASE("on-screen keyboard: a kiosk visitor searches by tapping keys") {
    Kiosk kiosk(true);
    kiosk.Open("#/");
    CHECK(kiosk.app.State().keyboard_keys.empty());  // home: closed until the search box is tapped

    kiosk.Open("#/search?q=fa");
    const auto& keys = kiosk.app.State().keyboard_keys;
    REQUIRE(keys.size() == 40);  // 10 digits, 26 letters, delete, hide, space, clear
    SUBCASE("every key is finger-sized and on screen") {
        for (const auto& k : keys) {
            CHECK_MESSAGE(k.y1 - k.y0 >= 44, k.action);
            CHECK_MESSAGE(k.x1 - k.x0 >= 44, k.action);
            CHECK(k.x0 >= 0);
            CHECK(k.x1 <= 1280);
            CHECK(k.y1 <= 800);
        }
    }
    SUBCASE("initials typed one tap at a time find legal aid") {
        kiosk.Tap("backspace");
        kiosk.Tap("backspace");
        CHECK(kiosk.Query() == "");
        CHECK(kiosk.app.State().route.screen == core::Screen::Home);
        REQUIRE(kiosk.Key("f") != nullptr);  // the keyboard stays open on the home screen
        for (const char* letter : {"f", "l", "y", "z"}) kiosk.Tap(letter);
        CHECK(kiosk.Query() == "flyz");
        CHECK(kiosk.app.State().route.screen == core::Screen::Search);
        CHECK(kiosk.app.State().route.query == "flyz");
        const core::SearchResult& r = kiosk.app.State().results;
        REQUIRE(kiosk.app.State().results_query == "flyz");
        REQUIRE(!r.hits.empty());
        CHECK(std::string(r.hits[0].title).find("法律援助") != std::string::npos);
    }
    SUBCASE("digits find the hotline; clear goes home; hide closes the keyboard") {
        kiosk.Tap("clear");
        CHECK(kiosk.Query() == "");
        CHECK(kiosk.app.State().route.screen == core::Screen::Home);
        for (const char* digit : {"1", "2", "3", "4", "8"}) kiosk.Tap(digit);
        CHECK(kiosk.app.State().route.query == "12348");
        CHECK(kiosk.app.State().results.total_by_type[size_t(core::RecordType::Channel)] > 0);
        kiosk.Tap("space");
        kiosk.Tap("f");
        CHECK(kiosk.Query() == "12348 f");
        kiosk.Tap("hide");
        CHECK_FALSE(kiosk.app.State().keyboard_open);
        CHECK(kiosk.app.State().keyboard_keys.empty());
        CHECK(kiosk.Query() == "12348 f");  // hiding the keyboard keeps the search
    }
}

TEST_CASE("on-screen keyboard: the website (no kiosk) shows none") {
    Kiosk site(false);
    site.Open("#/search?q=fa");
    CHECK(site.app.State().keyboard_keys.empty());
}
