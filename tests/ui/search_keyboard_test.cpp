// search_keyboard_test.cpp — the kiosk's on-screen keyboard: how each key edits the query, and
// the app driven by taps on the keys it drew (a kiosk has no physical keyboard, so letters on the
// screen are the only way to search). Depends on ui::App, ImGui, the bundled data.
#include <doctest/doctest.h>

#include <string>

#include <imgui.h>

#include "ui/App.h"
#include "ui/Views.h"

namespace {
struct NullHost : ui::Host {
    void SetRoute(const std::string&, bool) override {}
    void SetMirrorText(const std::string&) override {}
    void SetTitle(const std::string&) override {}
    void SetTextInputActive(bool) override {}
};

// The app at 1280 x 800 on the bundled data, drawn frame by frame with a finger (the mouse).
struct Kiosk {
    NullHost host;
    ui::App app{host};

    explicit Kiosk(bool kiosk) {
        ImGui::CreateContext();
        ui::AppConfig config;
        config.data_dir = FAZHITONG_SOURCE_DIR "/assets/data";
        config.load_data = core::LoadData;
        config.i18n_dir = FAZHITONG_SOURCE_DIR "/assets/i18n";
        config.font_path = FAZHITONG_FONT;
        config.kiosk = kiosk;
        app.Load(config);
        app.SetScale(1.0f);
    }
    ~Kiosk() { ImGui::DestroyContext(); }

    void Frame(ImVec2 finger = ImVec2(-1, -1), bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60;
        io.MousePos = finger;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        app.Frame();
        ImGui::Render();
    }
    const ui::AppState::DrawnKey* Key(const std::string& action) const {
        for (const auto& k : app.State().keyboard_keys)
            if (k.action == action) return &k;
        return nullptr;
    }
    // Presses and releases a key the last frame drew, then lets the app draw what follows.
    void Tap(const std::string& action) {
        const ui::AppState::DrawnKey* key = Key(action);
        REQUIRE_MESSAGE(key != nullptr, "no key ", action, " on screen");
        ImVec2 centre((key->x0 + key->x1) * 0.5f, (key->y0 + key->y1) * 0.5f);
        Frame(centre, true);
        Frame(centre, false);
        Frame();
        Frame();
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
    kiosk.app.OnRouteChanged("#/");
    kiosk.Frame();
    CHECK(kiosk.app.State().keyboard_keys.empty());  // home: closed until the search box is tapped

    kiosk.app.OnRouteChanged("#/search?q=fa");
    kiosk.Frame();
    kiosk.Frame();
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
    site.app.OnRouteChanged("#/search?q=fa");
    site.Frame();
    site.Frame();
    CHECK(site.app.State().keyboard_keys.empty());
}
