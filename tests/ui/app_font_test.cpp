// app_font_test.cpp — data loaded at run time may use characters the bundled font subset lacks
// (a deployer's own data): the app takes exactly those from the fallback font, and says so in the
// problem list when it has no fallback, instead of drawing '?'. Depends on ui::App, ImGui.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

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
// Config() with the system's Chinese font to fall back on, as the native app has.
ui::AppConfig WithFallback() {
    ui::AppConfig config = Config();
    config.fallback_font_path = FAZHITONG_FALLBACK_FONT;
    config.fallback_font_index = FAZHITONG_FALLBACK_FONT_INDEX;
    return config;
}
}  // namespace

TEST_CASE("app font: characters the subset lacks come from the fallback font") {
    ImGui::CreateContext();
    NullHost host;
    ui::App app(host);
    ui::AppConfig config = WithFallback();
    app.Load(config);
    app.SetScale(1.0f);
    CHECK(HasGlyphs(U"龘麤鱻村公共法律服务室"));
    CHECK(HasGlyphs(U"\U00020BB7家"));  // 𠮷, beyond the BMP (CJK Extension B): it drew as another glyph
    for (const core::Problem& p : app.Problems()) CHECK(p.message.find("no glyph") == std::string::npos);
    ImGui::DestroyContext();
}

TEST_CASE("app font: without a fallback the missing characters are reported") {
    ImGui::CreateContext();
    NullHost host;
    ui::App app(host);
    app.Load(Config());
    app.SetScale(1.0f);
    CHECK_FALSE(HasGlyphs(U"龘麤鱻\U00020BB7"));
    CHECK(HasGlyphs(U"村公共法律服务室"));
    bool reported = false;
    for (const core::Problem& p : app.Problems())
        if (p.message.find("4 characters of the data have no glyph") != std::string::npos &&
            p.message.find("龘") != std::string::npos && p.message.find("\U00020BB7") != std::string::npos)
            reported = true;
    CHECK(reported);
    // They show as a white square, the mark of a missing glyph, not as a '?' read as text.
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    CHECK(font->FallbackChar == 0x25A1);
    CHECK(font->FindGlyph(0x9F98) == font->FindGlyphNoFallback(0x25A1));
    ImGui::DestroyContext();
}

TEST_CASE("app font: a fallback path to a file that is no font is not merged into the app's font") {
    ImGui::CreateContext();
    NullHost host;
    ui::App app(host);
    ui::AppConfig config = Config();
    config.fallback_font_path = FAZHITONG_SOURCE_DIR "/README.md";  // readable, and no font
    app.Load(config);
    app.SetScale(1.0f);
    CHECK(HasGlyphs(U"村公共法律服务室"));  // the bundled font still draws the UI
    bool reported = false;
    for (const core::Problem& p : app.Problems())
        reported |= p.message.find("characters of the data have no glyph") != std::string::npos;
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

namespace {
// A host that draws every character as a full block and records what it was asked for.
struct DrawingHost : test::TestHost {
    float GlyphAdvance(unsigned int, float px) override { return px; }
    bool DrawGlyph(unsigned int cp, float px, int w, int h, float baseline, unsigned char* alpha, int stride) override {
        drawn.push_back(cp);
        draw_px = px, draw_w = w, draw_h = h, draw_baseline = baseline;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) alpha[y * stride + x] = 0xFF;
        return true;
    }
    std::vector<unsigned int> drawn;
    float draw_px = 0, draw_baseline = 0;
    int draw_w = 0, draw_h = 0;
};

void DrawFrame(ui::App& app) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    app.Frame();
    ImGui::Render();
}

// 彩礼 醉驾 fǎlǜ: characters no bundled data uses, in the address a citizen was sent.
const char* kRareQuery = "#/search?q=%E5%BD%A9%E7%A4%BC%20%E9%86%89%E9%A9%BE%20f%C7%8El%C7%9C";

// The bundled data at `scale` (with `config`'s fonts), kRareQuery opened and drawn, and the fonts
// rebuilt as the platform does before the next frame.
void OpenRareQuery(ui::App& app, ui::AppConfig config, float scale) {
    config.data_dir = FAZHITONG_SOURCE_DIR "/assets/data";
    app.Load(config);
    app.SetScale(scale);
    CHECK_FALSE(HasGlyphs(U"彩礼醉ǎǜ"));
    app.OnRouteChanged(kRareQuery);
    DrawFrame(app);
    CHECK(app.MissingGlyphs() == 5);
    REQUIRE(app.FontsStale());
    app.SetScale(app.Scale());
    CHECK_FALSE(app.FontsStale());
}
}  // namespace

TEST_CASE("app font: characters typed into the search box that the font lacks get glyphs") {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // frames are drawn: no imgui.ini left behind
    SUBCASE("from the fallback font (natively)") {
        test::TestHost host;
        ui::App app(host);
        ui::AppConfig config = WithFallback();
        OpenRareQuery(app, config, 1.0f);
        CHECK(HasGlyphs(U"彩礼醉驾fǎlǜ"));
        CHECK(app.MissingGlyphs() == 0);
        DrawFrame(app);
        CHECK_FALSE(app.FontsStale());
    }
    SUBCASE("drawn by the platform (the browser), at the font's em, on its baseline") {
        DrawingHost host;
        ui::App app(host);
        OpenRareQuery(app, Config(), 2.0f);
        CHECK(HasGlyphs(U"彩礼醉驾fǎlǜ"));
        std::sort(host.drawn.begin(), host.drawn.end());
        CHECK(host.drawn == std::vector<unsigned int>{0x1CE, 0x1DC, 0x5F69, 0x793C, 0x9189});
        ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
        // The em is an ideograph's advance in the bundled font (法), not ImGui's pixel size.
        CHECK(host.draw_px == doctest::Approx(font->FindGlyphNoFallback(0x6CD5)->AdvanceX));
        CHECK(host.draw_px < font->FontSize);
        CHECK(host.draw_h == int(std::ceil(font->FontSize)));
        CHECK(host.draw_baseline == std::round(font->Ascent));
        // The atlas holds what the host drew where the glyph's UVs point.
        const ImFontGlyph* g = font->FindGlyphNoFallback(0x5F69);
        ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        const int x = int(g->U0 * float(atlas->TexWidth) + 0.5f), y = int(g->V0 * float(atlas->TexHeight) + 0.5f);
        CHECK(atlas->TexPixelsAlpha8[size_t(y) * size_t(atlas->TexWidth) + size_t(x)] == 0xFF);
        // Typing them again asks for nothing more.
        host.drawn.clear();
        app.OnRouteChanged("#/search?q=%E5%BD%A9");
        DrawFrame(app);
        CHECK_FALSE(app.FontsStale());
    }
    SUBCASE("no fallback font and a platform that cannot draw: noted once, not retried every frame") {
        test::TestHost host;
        ui::App app(host);
        OpenRareQuery(app, Config(), 1.0f);
        CHECK_FALSE(HasGlyphs(U"彩"));
        CHECK(app.MissingGlyphs() == 5);
        DrawFrame(app);
        CHECK_FALSE(app.FontsStale());
    }
    ImGui::DestroyContext();
}

TEST_CASE("app font: characters beyond the BMP typed into the search box: a rare ideograph and an emoji") {
    // 𠮷 (CJK Extension B, in names) and 😀, in a shared link. With 16-bit ImWchar both were
    // U+FFFD and showed as '?', whatever the fonts had.
    const char* link = "#/search?q=%F0%A0%AE%B7%F0%9F%98%80";
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    SUBCASE("drawn by the platform (the browser's fonts have both)") {
        DrawingHost host;
        ui::App app(host);
        app.Load(Config());
        app.SetScale(1.0f);
        app.OnRouteChanged(link);
        DrawFrame(app);
        CHECK(app.MissingGlyphs() == 2);
        REQUIRE(app.FontsStale());
        app.SetScale(app.Scale());
        std::sort(host.drawn.begin(), host.drawn.end());
        CHECK(host.drawn == std::vector<unsigned int>{0x1F600, 0x20BB7});
        CHECK(HasGlyphs(U"\U00020BB7\U0001F600"));
        CHECK(app.MissingGlyphs() == 0);
    }
    SUBCASE("natively: the ideograph from the system's Chinese font; the emoji, which it lacks, as a square") {
        test::TestHost host;
        ui::App app(host);
        ui::AppConfig config = WithFallback();
        app.Load(config);
        app.SetScale(1.0f);
        app.OnRouteChanged(link);
        DrawFrame(app);
        REQUIRE(app.FontsStale());
        app.SetScale(app.Scale());
        CHECK(HasGlyphs(U"\U00020BB7"));
        CHECK(app.MissingGlyphs() == 1);
        const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
        REQUIRE(font->FindGlyphNoFallback(0x25A1) != nullptr);
        CHECK(font->FindGlyph(0x1F600) == font->FindGlyphNoFallback(0x25A1));
        DrawFrame(app);
        CHECK_FALSE(app.FontsStale());  // tried once, not every frame
    }
    ImGui::DestroyContext();
}

TEST_CASE("app font: a font path to a file that is no font, and an absurd scale, draw anyway") {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    NullHost host;
    ui::App app(host);
    ui::AppConfig config = Config();
    config.font_path = FAZHITONG_SOURCE_DIR "/README.md";  // --font pointing at the wrong file: it crashed
    SUBCASE("with the system's Chinese font to fall back on") {
        config.fallback_font_path = FAZHITONG_FALLBACK_FONT;
        config.fallback_font_index = FAZHITONG_FALLBACK_FONT_INDEX;
        app.Load(config);
        app.SetScale(1e9f);  // --scale 1e9: it crashed building glyphs a billion pixels high
        CHECK(app.Scale() == ui::App::kMaxScale);
        CHECK(HasGlyphs(U"法治通公共法律服务"));
        app.SetScale(std::nanf(""));
        CHECK(app.Scale() == 1.0f);
        size_t noted = 0;  // once, however often the atlas is rebuilt
        for (const core::Problem& p : app.Problems())
            noted += p.message == "not a font file (TrueType or OpenType): the system's Chinese font is used";
        CHECK(noted == 1);
    }
    SUBCASE("with none: ImGui's own font, and the problem says so") {
        app.Load(config);
        app.SetScale(-3.0f);
        CHECK(app.Scale() == ui::App::kMinScale);
        bool reported = false;
        for (const core::Problem& p : app.Problems())
            reported |= p.message == "not a font file (TrueType or OpenType); text may not render";
        CHECK(reported);
    }
    DrawFrame(app);  // either way a frame draws
    CHECK(ImGui::GetDrawData() != nullptr);
    ImGui::DestroyContext();
}
