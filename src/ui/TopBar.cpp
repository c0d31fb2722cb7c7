// TopBar.cpp — the bar at the top of every screen: name, navigation, problem count, language.
// Depends on ImGui, Views, Widgets.
#include <imgui.h>

#include <cfloat>
#include <utility>

#include "Views.h"
#include "Widgets.h"

namespace ui {

void DrawTopBar(ViewContext& ctx) {
    const float bar_h = ctx.Em(3.6f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + bar_h), IM_COL32(0x1F, 0x4E, 0x8C, 255));
    dl->AddRectFilled(ImVec2(p.x, p.y + bar_h - ctx.Em(0.18f)), ImVec2(p.x + w, p.y + bar_h),
                      IM_COL32(0xB3, 0x26, 0x1E, 255));

    // The navigation's width, right-aligned below: the name takes the room left of it.
    struct Item {
        const char* key;
        core::Screen screen;
    };
    const Item items[] = {{"nav.home", core::Screen::Home},
                          {"nav.points", core::Screen::Points},
                          {"nav.about", core::Screen::About}};
    std::string problems_label;
    size_t errors = 0;
    for (const core::Problem& pr : ctx.problems) errors += pr.severity == core::Severity::Error;
    if (!ctx.problems.empty()) problems_label = ctx.S("nav.problems") + " " + std::to_string(ctx.problems.size());
    const std::string& lang = ctx.S("nav.language");
    ImGuiStyle& style = ImGui::GetStyle();
    auto button_w = [&](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x + style.FramePadding.x * 2; };
    float total = button_w(lang);
    for (const Item& it : items) total += button_w(ctx.S(it.key)) + style.ItemSpacing.x;
    if (!problems_label.empty()) total += button_w(problems_label) + style.ItemSpacing.x;

    // Name and tagline. On a narrow screen the name is the short one (法治通: the English name
    // beside the English navigation does not fit a phone), then in the body font, then none: it
    // never runs under the buttons.
    float pad = ctx.Em(1.0f);
    const float room = w - 2 * pad - total - ctx.Em(0.5f);
    const std::string& name = ctx.S("app.name");
    const std::string& short_name = ctx.S("app.short_name");
    const std::pair<ImFont*, const std::string*> choices[] = {
        {ctx.display_font, &name}, {ctx.display_font, &short_name}, {ImGui::GetFont(), &short_name}};
    for (const auto& [font, text] : choices) {
        if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text->c_str()).x > room) continue;
        ImGui::PushFont(font);
        ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + (bar_h - ImGui::GetTextLineHeight()) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        ImGui::TextUnformatted(text->c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        break;
    }
    if (w > ctx.Em(46)) {
        ImGui::SameLine(0, ctx.Em(0.8f));
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, p.y + (bar_h - ImGui::GetTextLineHeight()) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0xC9, 0xD8, 0xEE, 255));
        ImGui::TextUnformatted(ctx.T("app.tagline"));
        ImGui::PopStyleColor();
    }
    ctx.mirror.Heading(name + " — " + ctx.S("app.tagline"), 1);

    // Navigation, right-aligned.
    float bh = ctx.Em(2.3f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + w - pad - total, p.y + (bar_h - bh) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0x1F, 0x4E, 0x8C, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(0x2E, 0x64, 0xA8, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(0x3A, 0x74, 0xBE, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(0x5A, 0x80, 0xB8, 255));
    std::string nav_line;
    for (const Item& it : items) {
        const std::string& label = ctx.S(it.key);
        if (ImGui::Button(label.c_str(), ImVec2(0, bh))) ctx.navigate(core::Route{it.screen, "", ""});
        ImGui::SameLine();
        nav_line += "[" + label + "] ";
    }
    if (!problems_label.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Button, errors ? IM_COL32(0xB3, 0x26, 0x1E, 255) : IM_COL32(0x8A, 0x6D, 0x1A, 255));
        if (ImGui::Button(problems_label.c_str(), ImVec2(0, bh))) ctx.navigate(core::Route{core::Screen::Problems, "", ""});
        ImGui::PopStyleColor();
        ImGui::SameLine();
        nav_line += "[" + problems_label + "] ";
    }
    if (ImGui::Button(lang.c_str(), ImVec2(0, bh))) ctx.state.locale = ctx.state.locale == "en" ? "zh-CN" : "en";
    nav_line += "[" + lang + "]";
    ImGui::PopStyleColor(5);
    ctx.mirror.Line(nav_line);

    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + bar_h));
    ImGui::Dummy(ImVec2(w, 0));
}

}  // namespace ui
