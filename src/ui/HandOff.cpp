// HandOff.cpp — "扫码在手机上查看": a visitor at a kiosk takes the page they found (a plan, a task,
// a unit, service points, a search) with them by scanning a QR code of the public website's
// address for it. A floating button on those screens opens a modal panel with the code, the
// address in readable text, a one-line instruction and a big close button. The code comes from
// the Host (Nayuki's generator on every platform); here it is only drawn: black modules on
// white, the 4-module quiet zone, each module a whole number of pixels so it stays crisp.
// Depends on ImGui, Views, Widgets, core/Share.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

#include "Views.h"
#include "Widgets.h"
#include "core/Share.h"

namespace ui {
namespace {

constexpr int kQuietZone = 4;        // light modules around the code, as the standard asks
constexpr float kButtonEm = 2.6f;    // the button's height: about 47 px at 18 px text
constexpr float kCodeEm = 18.0f;     // the code's side, quiet zone included (324 px at scale 1), when the screen allows
constexpr float kPhoneEm = 32.0f;    // narrower than this (a phone's 390 CSS px is ~24 em) is a phone
constexpr ImU32 kAccent = IM_COL32(0x1F, 0x4E, 0x8C, 255);

AppState::Rect ToRect(ImVec2 a, ImVec2 b) { return {a.x, a.y, b.x, b.y}; }

// A small QR-like mark (three finder squares and a few modules) for the button.
void QrGlyph(ImDrawList* dl, ImVec2 p, float side, ImU32 color) {
    const float m = std::max(1.0f, std::floor(side / 7));
    p = ImVec2(std::floor(p.x), std::floor(p.y));
    auto finder = [&](float x, float y) {
        dl->AddRect(ImVec2(p.x + x * m, p.y + y * m), ImVec2(p.x + (x + 3) * m, p.y + (y + 3) * m), color, 0, 0,
                    std::max(1.0f, m * 0.9f));
    };
    finder(0, 0);
    finder(4, 0);
    finder(0, 4);
    for (auto [x, y] : {std::pair{4, 4}, std::pair{6, 4}, std::pair{5, 5}, std::pair{4, 6}, std::pair{6, 6}})
        dl->AddRectFilled(ImVec2(p.x + x * m, p.y + y * m), ImVec2(p.x + (x + 1) * m, p.y + (y + 1) * m), color);
}

// An address broken into lines of at most `width` pixels at any character (ImGui's word wrap
// breaks at punctuation, which splits "example.org" oddly; an address has no words).
std::vector<std::string> AddressLines(const std::string& text, float width) {
    std::vector<std::string> lines(1);
    for (size_t i = 0; i < text.size();) {
        size_t n = 1;
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
        const std::string ch = text.substr(i, n);
        if (!lines.back().empty() && ImGui::CalcTextSize((lines.back() + ch).c_str()).x > width) lines.emplace_back();
        lines.back() += ch;
        i += n;
    }
    return lines;
}

void Open(ViewContext& ctx) {
    AppState& st = ctx.state;
    st.handoff_link = core::ShareLink(std::string(ctx.share_base), st.route);
    st.handoff_qr = ctx.host ? ctx.host->MakeQrCode(st.handoff_link) : QrMatrix{};
    st.handoff_open = true;
}

}  // namespace

bool HandOffOffered(const ViewContext& ctx) {
    if (ctx.share_base.empty()) return false;
    // Whoever reads the website on a phone already has the page on their phone; on a desktop or a
    // tablet it is "take this with me". A kiosk always offers it.
    if (!ctx.kiosk && ImGui::GetMainViewport()->Size.x < ctx.Em(kPhoneEm)) return false;
    const core::Route& r = ctx.state.route;
    switch (r.screen) {  // a link to a "not found" page is nothing to take along
        case core::Screen::Plan: return ctx.catalog.FindPlan(r.id) != nullptr;
        case core::Screen::Task: return ctx.catalog.FindTask(r.id) != nullptr;
        case core::Screen::Unit: return ctx.catalog.FindUnit(r.id) != nullptr;
        case core::Screen::Points:
        case core::Screen::Search: return true;
        default: return false;
    }
}

void CloseHandOff(AppState& st) {
    st.handoff_open = false;
    st.handoff_link.clear();
    st.handoff_qr = {};
    st.handoff_code = {};
    st.handoff_close = {};
    st.handoff_module_px = 0;
}

void DrawHandOffButton(ViewContext& ctx, float page_bottom) {
    AppState& st = ctx.state;
    const std::string& label = ctx.S("handoff.button");
    // The text version gets the address itself: a screen reader cannot scan a code.
    ctx.mirror.Line("[" + label + "] " + core::ShareLink(std::string(ctx.share_base), st.route));

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = std::round(ctx.Em(kButtonEm));
    const float icon = std::round(ImGui::GetFontSize() * 1.1f);
    const float pad = ctx.Em(0.9f);
    const float w = std::round(pad + icon + ctx.Em(0.5f) + ImGui::CalcTextSize(label.c_str()).x + pad);
    // Bottom right, clear of the page's scrollbar and of the web page's "text version" link.
    const float right = vp->WorkPos.x + vp->WorkSize.x - ImGui::GetStyle().ScrollbarSize - ctx.Em(1.0f);
    const float bottom = page_bottom - (page_bottom >= vp->WorkPos.y + vp->WorkSize.y - 1 ? ctx.Em(2.8f) : ctx.Em(1.0f));
    const ImVec2 p0(std::round(right - w), std::round(bottom - h));
    const ImVec2 p1(p0.x + w, p0.y + h);

    // A window of its own above the page, so the cards under it never take its tap (the page's
    // window never comes to the front: ImGuiWindowFlags_NoBringToFrontOnFocus, App.cpp).
    ImGui::SetNextWindowPos(p0);
    ImGui::SetNextWindowSize(ImVec2(w, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##handoff-button", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar(2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::SetCursorScreenPos(p0);
    const bool pressed = ImGui::InvisibleButton("handoff", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();
    const float rounding = h * 0.5f;
    dl->AddRectFilled(ImVec2(p0.x, p0.y + ctx.Em(0.12f)), ImVec2(p1.x, p1.y + ctx.Em(0.12f)), IM_COL32(0, 0, 0, 40),
                      rounding);  // a soft shadow: it floats above the page
    dl->AddRectFilled(p0, p1, held ? IM_COL32(0x17, 0x3C, 0x6C, 255) : hovered ? IM_COL32(0x2E, 0x64, 0xA8, 255) : kAccent,
                      rounding);
    QrGlyph(dl, ImVec2(p0.x + pad, p0.y + (h - icon) * 0.5f), icon, IM_COL32(255, 255, 255, 255));
    dl->AddText(ImVec2(p0.x + pad + icon + ctx.Em(0.5f), p0.y + (h - ImGui::GetTextLineHeight()) * 0.5f),
                IM_COL32(255, 255, 255, 255), label.c_str());
    ImGui::End();
    st.handoff_button = ToRect(p0, p1);
    if (pressed) Open(ctx);
}

void DrawHandOffPanel(ViewContext& ctx) {
    AppState& st = ctx.state;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const std::string& title = ctx.S("handoff.title");
    const std::string& instruction = ctx.S("handoff.instruction");
    const std::string& close = ctx.S("handoff.close");
    ctx.mirror.Heading(title, 2);
    ctx.mirror.Line(instruction);
    ctx.mirror.Line(ctx.Label(ctx.S("handoff.address")) + st.handoff_link);
    ctx.mirror.Line("[" + close + "]");

    // The whole screen, dimmed: a tap outside the panel closes it, and the page under it takes none.
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0x10, 0x18, 0x28, 150));
    ImGui::Begin("##handoff-panel", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // Sizes: the code as large as the screen allows up to kCodeEm, in whole-pixel modules.
    const float margin = ctx.Em(1.0f);
    const float pad = ctx.Em(1.4f);
    const float gap = ctx.Em(0.8f);
    const float close_h = std::round(ctx.Em(2.8f));
    const float max_panel_w = std::min(vp->WorkSize.x - 2 * margin, ctx.Em(28.0f));
    const float text_w = max_panel_w - 2 * pad;
    ImGui::PushFont(ctx.display_font);  // the title, large (its glyphs are in the display font: App::SetScale)
    const float title_h = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    const float instruction_h = ImGui::CalcTextSize(instruction.c_str(), nullptr, false, text_w).y;
    const std::vector<std::string> link_lines = AddressLines(st.handoff_link, text_w);
    const float link_h = float(link_lines.size()) * ImGui::GetTextLineHeight();
    const float fixed_h = 2 * pad + title_h + instruction_h + link_h + close_h + 4 * gap;
    const int modules = st.handoff_qr.size > 0 ? st.handoff_qr.size + 2 * kQuietZone : 0;
    float code_side = std::min({ctx.Em(kCodeEm), text_w, vp->WorkSize.y - 2 * margin - fixed_h});
    const float module_px = modules ? std::max(1.0f, std::floor(code_side / float(modules))) : 0.0f;
    code_side = modules ? module_px * float(modules) : code_side;
    const float panel_w = std::round(text_w + 2 * pad);
    const float panel_h = fixed_h + code_side;
    const ImVec2 p0(std::round(vp->WorkPos.x + std::max(margin, (vp->WorkSize.x - panel_w) * 0.5f)),
                    std::round(vp->WorkPos.y + std::max(margin, (vp->WorkSize.y - panel_h) * 0.5f)));
    const ImVec2 p1(p0.x + panel_w, p0.y + panel_h);
    const float inner_w = panel_w - 2 * pad;

    dl->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 255), ctx.Em(0.8f));
    dl->AddRectFilled(p0, ImVec2(p1.x, p0.y + ctx.Em(0.3f)), kAccent, ctx.Em(0.8f), ImDrawFlags_RoundCornersTop);
    float y = p0.y + pad;
    auto centred_text = [&](const std::string& s, ImU32 color, float height) {
        // One line centred (unwrapped: ImGui's wrap width counts from the shifted cursor), or wrapped.
        const float one_line = ImGui::CalcTextSize(s.c_str()).x;
        const bool fits = one_line <= inner_w;
        ImGui::SetCursorScreenPos(ImVec2(p0.x + pad + (fits ? std::floor((inner_w - one_line) * 0.5f) : 0.0f), y));
        ImGui::PushTextWrapPos(fits ? -1.0f : p0.x + pad + inner_w - ImGui::GetWindowPos().x);
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextUnformatted(s.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        y += height + gap;
    };
    ImGui::PushFont(ctx.display_font);
    centred_text(title, kAccent, title_h);
    ImGui::PopFont();

    // The code: a white square (quiet zone included), then each row's runs of dark modules.
    const ImVec2 c0(std::round(p0.x + (panel_w - code_side) * 0.5f), std::round(y));
    const ImVec2 c1(c0.x + code_side, c0.y + code_side);
    dl->AddRectFilled(c0, c1, IM_COL32(255, 255, 255, 255));
    if (modules) {
        const QrMatrix& qr = st.handoff_qr;
        const float o = kQuietZone * module_px;
        for (int row = 0; row < qr.size; ++row)
            for (int col = 0; col < qr.size;) {
                if (!qr.Dark(col, row)) {
                    ++col;
                    continue;
                }
                int end = col;
                while (end < qr.size && qr.Dark(end, row)) ++end;
                dl->AddRectFilled(ImVec2(c0.x + o + col * module_px, c0.y + o + row * module_px),
                                  ImVec2(c0.x + o + end * module_px, c0.y + o + (row + 1) * module_px),
                                  IM_COL32(0, 0, 0, 255));
                col = end;
            }
    }
    dl->AddRect(ImVec2(c0.x - 1, c0.y - 1), ImVec2(c1.x + 1, c1.y + 1), IM_COL32(0xD5, 0xDA, 0xE3, 255));
    st.handoff_code = ToRect(c0, c1);
    st.handoff_module_px = module_px;
    y = c1.y + gap;

    centred_text(instruction, IM_COL32(0x1E, 0x24, 0x30, 255), instruction_h);
    for (const std::string& line : link_lines) {
        centred_text(line, IM_COL32(0x5B, 0x64, 0x75, 255), ImGui::GetTextLineHeight());
        y -= gap;
    }
    y += gap;

    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, y));
    ImGui::PushStyleColor(ImGuiCol_Button, kAccent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(0x2E, 0x64, 0xA8, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(0x17, 0x3C, 0x6C, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, close_h * 0.5f);
    const bool closed = ImGui::Button((close + "##handoff-close").c_str(), ImVec2(inner_w, close_h));
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    st.handoff_close = ToRect(ImVec2(p0.x + pad, y), ImVec2(p0.x + pad + inner_w, y + close_h));
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p1.y + margin));  // the window's content ends below the panel
    ImGui::Dummy(ImVec2(0, 0));

    // A tap that starts and ends outside the panel closes it, as does Escape on a kiosk's staff keyboard.
    const ImGuiIO& io = ImGui::GetIO();
    auto outside = [&](ImVec2 m) { return m.x < p0.x || m.x >= p1.x || m.y < p0.y || m.y >= p1.y; };
    const bool tapped_outside = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::IsWindowHovered() &&
                                outside(io.MouseClickedPos[0]) && outside(io.MousePos);
    ImGui::End();
    if (closed || tapped_outside || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) CloseHandOff(st);
}

}  // namespace ui
