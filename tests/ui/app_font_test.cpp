// app_font_test.cpp — data loaded at run time may use characters the bundled font subset lacks
// (a deployer's own data): the app takes exactly those from the fallback font, and says so in the
// problem list when it has no fallback, instead of drawing '?'. Depends on ui::App, ImGui.
#include <doctest/doctest.h>

#include <string>

#include <imgui.h>

#include "app_harness.h"
#include "ui/App.h"

namespace {
using NullHost = test::TestHost;

bool HasGlyphs(const char32_t* text) {
    for (const char32_t* c = text; *c; ++c)
        if (!ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(ImWchar(*c))) return false;
    return true;
}

ui::AppConfig Config() {
    ui::AppConfig config;
    config.data_dir = FAZHITONG_SOURCE_DIR "/tests/fixtures/data-rare-chars";
    config.load_data = core::LoadData;
    config.i18n_dir = FAZHITONG_SOURCE_DIR "/assets/i18n";
    config.load_strings = core::LoadStringsFolder;
    config.font_path = FAZHITONG_FONT;
    return config;
}
}  // namespace

TEST_CASE("app font: characters the subset lacks come from the fallback font") {
    ImGui::CreateContext();
    NullHost host;
    ui::App app(host);
    ui::AppConfig config = Config();
    config.fallback_font_path = FAZHITONG_FALLBACK_FONT;
    config.fallback_font_index = FAZHITONG_FALLBACK_FONT_INDEX;
    app.Load(config);
    app.SetScale(1.0f);
    CHECK(HasGlyphs(U"龘麤鱻村公共法律服务室"));
    for (const core::Problem& p : app.Problems()) CHECK(p.message.find("no glyph") == std::string::npos);
    ImGui::DestroyContext();
}

TEST_CASE("app font: without a fallback the missing characters are reported") {
    ImGui::CreateContext();
    NullHost host;
    ui::App app(host);
    app.Load(Config());
    app.SetScale(1.0f);
    CHECK_FALSE(HasGlyphs(U"龘麤鱻"));
    CHECK(HasGlyphs(U"村公共法律服务室"));
    bool reported = false;
    for (const core::Problem& p : app.Problems())
        if (p.message.find("3 characters of the data have no glyph") != std::string::npos &&
            p.message.find("龘") != std::string::npos)
            reported = true;
    CHECK(reported);
    ImGui::DestroyContext();
}

TEST_CASE("app font: a font subset from the data itself (the web builds) skips the scan of the data") {
    ImGui::CreateContext();
    NullHost host;
    ui::App app(host);
    ui::AppConfig config = Config();
    config.font_covers_data = true;  // here untrue on purpose: the scan is what would catch it
    app.Load(config);
    app.SetScale(1.0f);
    for (const core::Problem& p : app.Problems()) CHECK(p.message.find("no glyph") == std::string::npos);
    ImGui::DestroyContext();
}
