// SearchKeyboard.cpp — the kiosk's on-screen keyboard: a kiosk in a public legal service centre
// has a touch screen and no keyboard, and pinyin (falvyuanzhu) or its initials (flyz) need only
// letters, so 26 letters, 10 digits (12348), space, delete, clear and hide are all it takes to
// search. Docked under the page; every key is a finger-sized button. Depends on ImGui, Views.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {

std::string EditQuery(std::string_view query, std::string_view action, size_t max_bytes) {
    std::string q(query);
    if (action == "clear") return {};
    if (action == "backspace") {
        // One whole character: its continuation bytes (at most three), then its lead byte.
        for (int i = 0; i < 3 && !q.empty() && (uint8_t(q.back()) & 0xC0) == 0x80; ++i) q.pop_back();
        if (!q.empty()) q.pop_back();
        return q;
    }
    if (q.size() >= max_bytes) return q;
    if (action == "space") {
        if (!q.empty() && q.back() != ' ') q += ' ';
        return q;
    }
    if (action.size() == 1 && ((action[0] >= 'a' && action[0] <= 'z') || (action[0] >= '0' && action[0] <= '9')))
        q += action;
    return q;
}

namespace {

// Digits, then three rows of letters in QWERTY order, as on every phone.
constexpr const char* kLetterRows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr float kKeyEm = 2.6f;   // key height: about 47 px at 18 px text, a fingertip and more
constexpr float kGapEm = 0.35f;  // between keys

}  // namespace

float SearchKeyboardHeight(const ViewContext& ctx) {
    const float pad = ctx.Em(0.6f);
    return pad + ImGui::GetTextLineHeight() + ctx.Em(0.4f) + 5 * ctx.Em(kKeyEm) + 4 * ctx.Em(kGapEm) + pad;
}

void DrawSearchKeyboard(ViewContext& ctx, float height) {
    AppState& st = ctx.state;
    st.keyboard_keys.clear();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 win_pos = ImGui::GetWindowPos();
    const ImVec2 win_size = ImGui::GetWindowSize();
    const ImVec2 top(win_pos.x, win_pos.y + win_size.y - height);
    dl->AddRectFilled(top, ImVec2(top.x + win_size.x, top.y + height), IM_COL32(0xE3, 0xE8, 0xF0, 255));
    dl->AddLine(top, ImVec2(top.x + win_size.x, top.y), IM_COL32(0xC3, 0xCA, 0xD6, 255), std::max(1.0f, ctx.scale));

    // The keys span the reading column (centred, at most 60 em), like the page above them.
    const float margin = ctx.Em(1.0f);
    const float width = std::min(win_size.x - 2 * margin, ctx.Em(60.0f));
    const float left = top.x + std::max(margin, (win_size.x - width) * 0.5f);
    const float pad = ctx.Em(0.6f);
    const float gap = ctx.Em(kGapEm);
    const float key_h = ctx.Em(kKeyEm);
    const float unit = (width - 9 * gap) / 10;  // ten keys to a row

    const std::string& label = ctx.S("keyboard.label");
    const std::string& hint = ctx.S("keyboard.hint");
    ctx.mirror.Line(ctx.Label(label) + hint);
    ImGui::SetCursorScreenPos(ImVec2(left, top.y + pad));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushClipRect(ImVec2(left, top.y), ImVec2(left + width, top.y + height), true);
    ImGui::TextUnformatted(hint.c_str());
    ImGui::PopClipRect();
    ImGui::PopStyleColor();

    // The letter rows, then the word keys.
    struct Key {
        std::string action, label;
        float units;
        bool big;  // drawn in the large font (letters, digits)
    };
    std::vector<std::vector<Key>> rows;
    for (const char* letters : kLetterRows) {
        rows.emplace_back();
        for (const char* c = letters; *c; ++c) rows.back().push_back({std::string(1, *c), std::string(1, *c), 1, true});
    }
    rows[3].push_back({"backspace", ctx.S("keyboard.backspace"), 2, false});
    rows.push_back({{"hide", ctx.S("keyboard.hide"), 2.5f, false},
                    {"space", ctx.S("keyboard.space"), 5, false},
                    {"clear", ctx.S("keyboard.clear"), 2.5f, false}});
    const float row_offset[] = {0.0f, 0.0f, 0.5f, 1.0f, 0.0f};  // in key units, as a keyboard staggers

    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, ctx.Em(0.35f));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(0xEE, 0xF3, 0xFA, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(0xC2, 0xD4, 0xEE, 255));
    std::string pressed;
    float y = top.y + pad + ImGui::GetTextLineHeight() + ctx.Em(0.4f);
    for (size_t r = 0; r < rows.size(); ++r) {
        float x = left + row_offset[r] * (unit + gap);
        for (const Key& key : rows[r]) {
            const float w = key.units * unit + (key.units - 1) * gap;
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (key.big) ImGui::PushFont(ctx.display_font);
            std::string id = key.label + "##key-" + key.action;
            if (ImGui::Button(id.c_str(), ImVec2(w, key_h))) pressed = key.action;
            if (key.big) ImGui::PopFont();
            st.keyboard_keys.push_back({key.action, x, y, x + w, y + key_h});
            x += w + gap;
        }
        y += key_h + gap;
    }
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();

    if (pressed.empty()) return;
    if (pressed == "hide") {
        st.keyboard_open = false;
        return;
    }
    std::string q = EditQuery(st.search, pressed, sizeof st.search - 1);
    if (q == st.search) return;
    std::snprintf(st.search, sizeof st.search, "%s", q.c_str());
    SearchFor(ctx, q);
}

}  // namespace ui
