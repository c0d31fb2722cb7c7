// Widgets.cpp — theme and drawing helpers shared by all views. Depends on ImGui.
#include "Widgets.h"

#include "core/LineBreak.h"
#include "core/Share.h"

#include <cfloat>
#include <cstring>

#include <imgui.h>
#include <imgui_internal.h>

namespace ui {

namespace {
ImVec4 Rgb(unsigned int rgb, float a = 1.0f) {
    return ImVec4(((rgb >> 16) & 255) / 255.0f, ((rgb >> 8) & 255) / 255.0f, (rgb & 255) / 255.0f, a);
}
constexpr unsigned int kAccent = 0x1F4E8C;  // official blue
constexpr unsigned int kText = 0x1E2430;
constexpr unsigned int kDim = 0x5B6475;

// The current font's lines of `text`, at most `width` pixels wide (<= 0: no limit), broken as
// Chinese is set (core::BreakLines); ImGui's own wrapping breaks at spaces and ASCII punctuation only.
std::vector<core::LineSpan> FontLines(std::string_view text, float width, size_t max_lines = 0) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    return core::BreakLines(
        text, width > 0 ? width : FLT_MAX, [font, scale](uint32_t cp) { return font->GetCharAdvance(ImWchar(cp)) * scale; },
        max_lines);
}

// Draws the lines at `pos`, one under the other as ImGui draws wrapped text, those out of the
// clip rectangle skipped (a plan's long sections).
void DrawLines(ImVec2 pos, ImU32 color, std::string_view text, const std::vector<core::LineSpan>& lines) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line_h = ImGui::GetTextLineHeight();
    const ImVec4 clip = dl->_ClipRectStack.back();
    for (const core::LineSpan& l : lines) {
        if (pos.y + line_h >= clip.y && pos.y <= clip.w && l.end > l.begin)
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, color, text.data() + l.begin, text.data() + l.end);
        pos.y += line_h;
    }
}

// Wrapped text at the cursor, as ImGui::TextUnformatted wraps at the view's wrap position
// (PushTextWrapPos), in the current text colour, as one item.
void WrappedText(std::string_view text) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float wrap = ImGui::CalcWrapWidthForPos(pos, window->DC.TextWrapPos);  // 0: no wrapping
    const std::vector<core::LineSpan> lines = FontLines(text, wrap);
    float w = 0;
    if (lines.size() == 1) w = ImGui::CalcTextSize(text.data() + lines[0].begin, text.data() + lines[0].end).x;
    else if (lines.size() > 1) w = wrap;
    ImGui::Dummy(ImVec2(w, float(std::max<size_t>(lines.size(), 1)) * ImGui::GetTextLineHeight()));
    if (ImGui::IsItemVisible()) DrawLines(pos, ImGui::GetColorU32(ImGuiCol_Text), text, lines);
}
}  // namespace

float ViewContext::Em(float em) const { return em * ImGui::GetFontSize(); }

void ApplyTheme(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 8;
    style.FrameRounding = 8;
    style.GrabRounding = 8;
    style.PopupRounding = 8;
    style.ScrollbarRounding = 8;
    style.TabRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 1;
    style.WindowPadding = ImVec2(16, 14);
    style.FramePadding = ImVec2(12, 9);
    style.ItemSpacing = ImVec2(10, 9);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 18;  // touch: a scrollbar a finger can hold
    style.TouchExtraPadding = ImVec2(2, 2);
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = Rgb(kText);
    c[ImGuiCol_TextDisabled] = Rgb(kDim);
    c[ImGuiCol_WindowBg] = Rgb(0xF4F6F9);
    c[ImGuiCol_ChildBg] = Rgb(0xFFFFFF);
    c[ImGuiCol_PopupBg] = Rgb(0xFFFFFF);
    c[ImGuiCol_Border] = Rgb(0xD5DAE3);
    c[ImGuiCol_FrameBg] = Rgb(0xFFFFFF);
    c[ImGuiCol_FrameBgHovered] = Rgb(0xEEF3FA);
    c[ImGuiCol_FrameBgActive] = Rgb(0xE3ECF8);
    c[ImGuiCol_Button] = Rgb(0xE8EEF7);
    c[ImGuiCol_ButtonHovered] = Rgb(0xD6E2F3);
    c[ImGuiCol_ButtonActive] = Rgb(0xC2D4EE);
    c[ImGuiCol_Header] = Rgb(0xE3ECF8);
    c[ImGuiCol_HeaderHovered] = Rgb(0xD6E2F3);
    c[ImGuiCol_HeaderActive] = Rgb(0xC2D4EE);
    c[ImGuiCol_ScrollbarBg] = Rgb(0xF4F6F9);
    c[ImGuiCol_ScrollbarGrab] = Rgb(0xC3CAD6);
    c[ImGuiCol_CheckMark] = Rgb(kAccent);
    c[ImGuiCol_TableHeaderBg] = Rgb(0xE8EEF7);
    c[ImGuiCol_TableRowBgAlt] = Rgb(0xF7F9FC);
    c[ImGuiCol_NavHighlight] = Rgb(kAccent);
}

void Heading(ViewContext& ctx, std::string_view text, int level) {
    ImGui::Spacing();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    dl->AddRectFilled(p, ImVec2(p.x + ctx.Em(0.25f), p.y + h), ImGui::GetColorU32(Rgb(level <= 2 ? 0xB3261E : kAccent)));
    ImGui::SetCursorScreenPos(ImVec2(p.x + ctx.Em(0.6f), p.y));
    ImGui::PushStyleColor(ImGuiCol_Text, Rgb(level <= 2 ? kText : kAccent));
    WrappedText(text);
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ctx.mirror.Heading(text, level);
}

void Paragraph(ViewContext& ctx, std::string_view text) {
    WrappedText(text);
    ctx.mirror.Line(text);
}

void Meta(ViewContext& ctx, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    Paragraph(ctx, text);
    ImGui::PopStyleColor();
}

std::string FieldLabel(ViewContext& ctx, const std::string& label) {
    std::string labelled = ctx.Label(label);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(labelled.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 0);
    return labelled;
}

void Field(ViewContext& ctx, const std::string& label, std::string_view value) {
    if (value.empty()) return;
    const std::string labelled = FieldLabel(ctx, label);
    WrappedText(value);
    ctx.mirror.Line(labelled + std::string(value));
}

void SourceField(ViewContext& ctx, const core::Source& source) {
    const core::Plan* plan = ctx.catalog.PlanOfSource(source.file);
    const std::string_view name = plan ? std::string_view(plan->title)
                                       : !source.title.empty() ? std::string_view(source.title) : std::string_view(source.file);
    if (name.empty() && source.quote.empty()) return;
    const std::string title = name.empty() ? "" : "《" + std::string(name) + "》";
    const std::string quote = source.quote.empty() ? "" : "“" + std::string(source.quote) + "”";
    const std::string label = FieldLabel(ctx, ctx.S("point.source"));
    ctx.mirror.Line(label + title + (title.empty() || quote.empty() ? "" : "：") + quote);
    ImGui::BeginGroup();
    if (!title.empty()) {
        if (plan) ImGui::PushStyleColor(ImGuiCol_Text, Rgb(kAccent));
        WrappedText(title);
        if (plan) ImGui::PopStyleColor();
    }
    if (!quote.empty()) WrappedText(quote);
    ImGui::EndGroup();
    if (!plan) return;
    // The whole field is the tap target (a finger is wider than a title's line), as a search hit is.
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax(), after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(min);
    ImGui::PushID(plan);
    if (ImGui::InvisibleButton("source", ImVec2(max.x - min.x, max.y - min.y)))
        ctx.navigate({core::Screen::Plan, plan->id.str(), ""});
    ImGui::PopID();
    if (ImGui::IsItemHovered())
        ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - ctx.Em(0.2f), min.y), ImVec2(max.x + ctx.Em(0.2f), max.y),
                                            ImGui::GetColorU32(Rgb(kAccent)), ctx.Em(0.3f));
    ImGui::SetCursorScreenPos(after);
}

bool BigButton(ViewContext& ctx, const std::string& label, float width) {
    ctx.mirror.Line("[" + label + "]");
    return ImGui::Button(label.c_str(), ImVec2(width, ctx.Em(2.4f)));
}

bool Card(ViewContext& ctx, const std::string& id, const std::string& title, const std::string& detail,
          const std::string& badge, float width) {
    ImGuiStyle& style = ImGui::GetStyle();
    float pad = ctx.Em(0.8f);
    float inner = width - 2 * pad;
    const std::vector<core::LineSpan> title_lines = FontLines(title, inner), detail_lines = FontLines(detail, inner);
    const float line_h = ImGui::GetTextLineHeight();
    float badge_h = badge.empty() ? 0 : line_h + style.ItemSpacing.y;
    float height = pad * 2 + badge_h + float(std::max<size_t>(title_lines.size(), 1) + detail_lines.size()) * line_h +
                   style.ItemSpacing.y;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.c_str());
    bool pressed = ImGui::InvisibleButton("card", ImVec2(width, height));
    bool hovered = ImGui::IsItemHovered();
    bool held = ImGui::IsItemActive();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = ImGui::GetColorU32(held ? Rgb(0xE3ECF8) : hovered ? Rgb(0xF3F7FC) : Rgb(0xFFFFFF));
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), bg, ctx.Em(0.5f));
    dl->AddRect(p, ImVec2(p.x + width, p.y + height), ImGui::GetColorU32(Rgb(hovered ? kAccent : 0xD5DAE3)),
                ctx.Em(0.5f));
    float y = p.y + pad;
    if (!badge.empty()) {
        ImVec2 bs = ImGui::CalcTextSize(badge.c_str());
        float bp = ctx.Em(0.35f);
        dl->AddRectFilled(ImVec2(p.x + pad, y), ImVec2(p.x + pad + bs.x + 2 * bp, y + bs.y),
                          ImGui::GetColorU32(Rgb(0xE8EEF7)), ctx.Em(0.3f));
        dl->AddText(ImVec2(p.x + pad + bp, y), ImGui::GetColorU32(Rgb(kAccent)), badge.c_str());
        y += badge_h;
    }
    DrawLines(ImVec2(p.x + pad, y), ImGui::GetColorU32(Rgb(kText)), title, title_lines);
    y += float(std::max<size_t>(title_lines.size(), 1)) * line_h + style.ItemSpacing.y;
    DrawLines(ImVec2(p.x + pad, y), ImGui::GetColorU32(Rgb(kDim)), detail, detail_lines);
    ctx.mirror.Line((badge.empty() ? "" : "[" + badge + "] ") + title + " — " + detail);
    return pressed;
}

void Rule(ViewContext& ctx) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float y = p.y + ImGui::GetStyle().ItemSpacing.y * 0.5f;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, y), ImVec2(p.x + ctx.column_width, y), ImGui::GetColorU32(Rgb(0xD5DAE3)),
                                        std::max(1.0f, ctx.scale));
    ImGui::Dummy(ImVec2(ctx.column_width, ImGui::GetStyle().ItemSpacing.y));
}

void Badge(const std::string& text, unsigned int color) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 s = ImGui::CalcTextSize(text.c_str());
    float pad = ImGui::GetFontSize() * 0.35f;
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + s.x + 2 * pad, p.y + s.y), ImGui::GetColorU32(Rgb(color, 0.15f)),
                                              pad);
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y));
    ImGui::PushStyleColor(ImGuiCol_Text, Rgb(color));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, pad * 2);
}


}  // namespace ui

namespace ui {
void SearchBox(ViewContext& ctx) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ctx.Em(0.8f), ctx.Em(0.7f)));
    ImGui::SetNextItemWidth(ctx.column_width);
    // Opening the search screen (a link, the back button) puts the cursor in the box, which on
    // the web also brings up the phone's keyboard. A kiosk has its own keyboard on screen instead.
    // A route that brings other text (the back button, a link) while the box is active: ImGui keeps
    // an active field's own text over the buffer's and would type the old query back into the
    // address, so the back button seemed to do nothing. The box lets go and takes the new text.
    const ImGuiID id = ImGui::GetID("##search");
    if (ctx.state.route_changed && ImGui::GetActiveID() == id)
        if (const ImGuiInputTextState* edit = ImGui::GetInputTextState(id);
            edit && edit->TextAIsValid && std::strcmp(edit->TextA.Data, ctx.state.search) != 0)
            ImGui::ClearActiveID();
    if (ctx.state.route.screen == core::Screen::Search && ctx.state.route_changed && !ImGui::IsAnyItemActive() &&
        !ctx.kiosk)
        ImGui::SetKeyboardFocusHere();
    bool changed = ImGui::InputTextWithHint("##search", ctx.T("search.hint"), ctx.state.search,
                                            sizeof(ctx.state.search));
    if (ctx.kiosk && ImGui::IsItemActivated()) ctx.state.keyboard_open = true;
    ImGui::PopStyleVar();
    ctx.mirror.Line(ctx.Label(ctx.S("search.label")) + std::string(ctx.state.search));
    if (changed) SearchFor(ctx, ctx.state.search);
}

void SearchFor(ViewContext& ctx, const std::string& text) {
    core::Route r{core::Screen::Search, ctx.state.route.screen == core::Screen::Search ? ctx.state.route.id : "", text};
    if (r.query.empty()) r.screen = core::Screen::Home;
    ctx.navigate(r);
}
}  // namespace ui

namespace ui {
void HighlightedText(ViewContext& ctx, std::string_view text, const std::vector<core::ByteRange>& ranges, float width,
                     unsigned int color, int max_lines) {
    // Lays the text out glyph by glyph so highlights and wrapping agree (ImGui's own wrapping
    // cannot colour parts of a line); lines break as Chinese is set (FontLines). A snippet's
    // newlines are spaces here: it is a line or two of a longer text.
    std::string flat;
    if (text.find('\n') != std::string_view::npos || text.find('\r') != std::string_view::npos) {
        flat.assign(text);
        for (char& c : flat)
            if (c == '\n' || c == '\r') c = ' ';
        text = flat;
    }
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float scale = size / font->FontSize;
    const float line_h = ImGui::GetTextLineHeight();
    const float gap = ImGui::GetStyle().ItemSpacing.y * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImU32 fg = ImGui::GetColorU32(Rgb(color));
    const ImU32 hl_bg = ImGui::GetColorU32(Rgb(0xFFE08A));
    std::vector<core::LineSpan> lines = FontLines(text, width, size_t(std::max(max_lines, 0)));
    const bool cut = max_lines > 0 && lines.size() > size_t(max_lines);
    if (cut) lines.resize(size_t(max_lines));
    const float ellipsis = cut ? font->GetCharAdvance(0x2026) * scale : 0;
    size_t range = 0, shown_end = text.size();
    float y = 0;
    for (size_t k = 0; k < lines.size(); ++k) {
        const bool last = k + 1 == lines.size();
        float x = 0;
        for (size_t i = lines[k].begin; i < lines[k].end;) {
            const size_t off = i;
            const uint32_t c = core::DecodeUtf8(text, i);
            const float adv = font->GetCharAdvance(ImWchar(c)) * scale;
            if (cut && last && x + adv + ellipsis > width && x > 0) {  // room for the "…"
                shown_end = off;
                break;
            }
            while (range < ranges.size() && ranges[range].end <= off) ++range;
            const bool lit = range < ranges.size() && ranges[range].begin <= off && off < ranges[range].end;
            const ImVec2 p(origin.x + x, origin.y + y);
            if (lit) dl->AddRectFilled(p, ImVec2(p.x + adv, p.y + line_h), hl_bg);
            font->RenderChar(dl, size, p, fg, ImWchar(c));
            x += adv;
            if (cut && last) shown_end = i;
        }
        if (cut && last) font->RenderChar(dl, size, ImVec2(origin.x + x, origin.y + y), fg, ImWchar(0x2026));
        if (!last) y += line_h + gap;
    }
    ImGui::Dummy(ImVec2(width, y + line_h));
    ctx.mirror.Line(std::string(text.substr(0, shown_end)) + (cut ? "…" : ""));
}
std::pair<size_t, size_t> PageRange(ViewContext& ctx, size_t total, size_t per_page) {
    size_t pages = per_page ? (total + per_page - 1) / per_page : 1;
    if (ctx.state.page >= pages) ctx.state.page = pages ? pages - 1 : 0;
    size_t first = ctx.state.page * per_page;
    return {first, std::min(total, first + per_page)};
}

void Pager(ViewContext& ctx, size_t total, size_t per_page) {
    if (per_page == 0 || total <= per_page) return;
    size_t pages = (total + per_page - 1) / per_page;
    size_t& page = ctx.state.page;
    ImGui::PushID("pager");
    ImGui::PushID(int(ImGui::GetCursorPosY()));  // a pager above and below the list
    float w = ctx.Em(7.5f);
    ImGui::BeginDisabled(page == 0);
    if (BigButton(ctx, "‹ " + ctx.S("pager.prev"), w)) {
        --page;
        ctx.state.page_changed = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    std::string where = std::to_string(page + 1) + " / " + std::to_string(pages);
    ImGui::AlignTextToFramePadding();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ctx.Em(2.4f) - ImGui::GetFrameHeight()) * 0.5f);
    ImGui::TextUnformatted(where.c_str());
    ctx.mirror.Line(ctx.S("pager.page") + " " + where);
    ImGui::SameLine();
    ImGui::BeginDisabled(page + 1 >= pages);
    if (BigButton(ctx, ctx.S("pager.next") + " ›", w)) {
        ++page;
        ctx.state.page_changed = true;
    }
    ImGui::EndDisabled();
    ImGui::PopID();
    ImGui::PopID();
}

void HotlineCard(ViewContext& ctx, const core::Channel& c, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float pad = ctx.Em(0.8f);
    const core::Text& number = c.number.empty() ? c.name : c.number;
    std::string detail = c.name == number ? "" : c.name.str();
    if (!c.region.name.empty()) detail += (detail.empty() ? "" : " · ") + c.region.name;
    ImFont* big = ctx.display_font;
    const float big_h = big->FontSize;
    const float height = pad * 2 + big_h + ImGui::GetStyle().ItemSpacing.y + ImGui::GetTextLineHeight();
    const bool legal = c.number == "12348";
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), legal ? IM_COL32(0x1F, 0x4E, 0x8C, 255) : IM_COL32(255, 255, 255, 255),
                      ctx.Em(0.5f));
    dl->AddRect(p, ImVec2(p.x + width, p.y + height), IM_COL32(0xD5, 0xDA, 0xE3, 255), ctx.Em(0.5f));
    const ImU32 fg = legal ? IM_COL32(255, 255, 255, 255) : IM_COL32(0x1F, 0x4E, 0x8C, 255);
    dl->AddText(big, big_h, ImVec2(p.x + pad, p.y + pad), fg, number.c_str());
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + pad, p.y + pad + big_h + ImGui::GetStyle().ItemSpacing.y),
                legal ? IM_COL32(0xDD, 0xE6, 0xF3, 255) : IM_COL32(0x5B, 0x64, 0x75, 255), detail.c_str(), nullptr, width - 2 * pad);
    // On a phone (the website, the USB file) a tap dials it; a kiosk cannot dial, and hands the
    // page to a phone instead (HandOff).
    const std::string tel = ctx.kiosk || !ctx.host ? "" : core::TelLink(number.str());
    if (tel.empty()) {
        ImGui::Dummy(ImVec2(width, height));
    } else {
        const std::string call = ctx.S("channel.call") + " ›";
        const ImVec2 size = ImGui::CalcTextSize(call.c_str());
        dl->AddText(ImVec2(p.x + width - pad - size.x, p.y + pad + (big_h - size.y) * 0.5f), fg, call.c_str());
        ImGui::PushID(&c);
        if (ImGui::InvisibleButton("call", ImVec2(width, height))) ctx.host->OpenLink(tel);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::PopID();
    }
    ctx.mirror.Line("[" + ctx.S("channel.hotline") + "] " + number + (detail.empty() ? "" : " — " + detail) +
                    (tel.empty() ? "" : " [" + ctx.S("channel.call") + " ›]"));
}

}  // namespace ui
