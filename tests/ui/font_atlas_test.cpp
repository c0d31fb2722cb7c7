// font_atlas_test.cpp — the subset font covers what the app shows and its atlas fits the texture
// limits of small devices (<= 2048 px per side) at the default size and at 2x. Depends on ImGui.
#include <doctest/doctest.h>

#include <fstream>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

TEST_CASE("font atlas") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    static const ImWchar ranges[] = {0x0020, 0xFFFF, 0};
    for (float scale : {1.0f, 2.0f}) {
        CAPTURE(scale);
        io.Fonts->Clear();
        ImFont* font = io.Fonts->AddFontFromFileTTF(FAZHITONG_FONT, 18.0f * scale, &cfg, ranges);
        REQUIRE(font != nullptr);
        REQUIRE(io.Fonts->Build());
        CHECK(io.Fonts->TexWidth <= 2048);
        CHECK(io.Fonts->TexHeight <= 2048);
        MESSAGE("atlas at ", 18.0f * scale, " px: ", io.Fonts->TexWidth, " x ", io.Fonts->TexHeight, ", ",
                font->Glyphs.Size, " glyphs");
        // Every character of the UI strings and the bundled data is in the font.
        std::ifstream chars(std::string(FAZHITONG_FONT).substr(0, std::string(FAZHITONG_FONT).rfind('/')) + "/chars.txt");
        std::string text((std::istreambuf_iterator<char>(chars)), std::istreambuf_iterator<char>());
        REQUIRE(!text.empty());
        const char* s = text.c_str();
        const char* end = s + text.size();
        size_t missing = 0, total = 0;
        while (s < end) {
            unsigned int c = 0;
            s += ImTextCharFromUtf8(&c, s, end);
            if (c < 0x21 || c == 0x3000) continue;
            ++total;
            if (!font->FindGlyphNoFallback(ImWchar(c))) ++missing;
        }
        CHECK(total > 400);
        CHECK(missing == 0);
    }
    ImGui::DestroyContext();
}
