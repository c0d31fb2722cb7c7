// App.cpp — loading, fonts, routing and the frame: top bar + the current view.
// Depends on ImGui, core, the views.
#include "App.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: a drag cancels the tap it started on

#include "Views.h"
#include "core/Files.h"
#include "core/Share.h"
#include "core/TextNorm.h"
#include "Widgets.h"

namespace ui {

static_assert(sizeof(ImWchar) == sizeof(unsigned int) && IM_UNICODE_CODEPOINT_MAX == 0x10FFFF,
              "ImGui must be built with IMGUI_USE_WCHAR32 (App.cmake)");

namespace {

constexpr uint32_t kLastCodepoint = 0x10FFFF;
// What a character no font has shows as: a white square, the usual mark of a missing glyph
// (in the bundled font: scripts/subset-font.py adds it), where ImGui would show '?'.
constexpr ImWchar kNoGlyph = 0x25A1;

// Adds `c` to ImGui glyph ranges (pairs, no terminating 0 yet) as a range of its own, or to the
// last range when it follows it. Characters come in ascending order.
void AddToRanges(std::vector<unsigned int>& ranges, ImWchar c) {
    if (!ranges.empty() && ranges.back() + 1 == c) ranges.back() = c;
    else ranges.insert(ranges.end(), {c, c});
}

}  // namespace

template <typename F>
void App::ForEachShownChar(uint32_t from, F&& f) const {
    for (size_t w = from >> 6; w < m_shown_chars.size(); ++w)
        for (uint64_t bits = m_shown_chars[w]; bits; bits &= bits - 1) {
            const uint32_t cp = uint32_t(w << 6) + uint32_t(__builtin_ctzll(bits));
            if (cp >= from) f(ImWchar(cp));
        }
}

void App::Load(const AppConfig& config) {
    m_config = config;
    // The last visitor's search must not wait for the next: a mistyped ?idle= left a web kiosk
    // without any reset (the native app already fell back to 120 s).
    if (m_config.kiosk && !(m_config.idle_reset_seconds > 0)) m_config.idle_reset_seconds = AppConfig::kDefaultKioskIdleReset;
    m_state.locale = config.locale;
    m_share_base = core::ShareBase(config.share_url);
    using Clock = std::chrono::steady_clock;
    auto ms_since = [](Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); };
    auto t0 = Clock::now();
    core::PackInfo info;
    m_data = config.load_data(config.data_dir, &m_index, &info);
    m_problems = m_data.problems;
    if (config.load_words) config.load_words(m_index, info, config.words_path, m_problems);
    m_stats.index_ms = info.index_ms;
    m_stats.load_ms = ms_since(t0) - info.index_ms;
    m_stats.index_from_pack = info.index_from_pack;
    m_stats.index_bytes = m_index.MemoryBytes();
    if (config.load_strings) config.load_strings(config.i18n_dir, m_strings, m_problems);
    else if (info.has_strings) m_strings = std::move(info.strings);
    else m_problems.push_back({core::Severity::Error, config.data_dir, 0, 0, "",
                               "the pack carries no UI strings (make it with fazhitong-pack --strings assets/i18n)"});

    // Every character the views can show, so SetScale can check the font has them all.
    m_shown_chars.assign((kLastCodepoint + 1) / 64, 0);
    auto add = [this](std::string_view s) {
        for (size_t i = 0; i < s.size();) {
            uint32_t cp = uint8_t(s[i]) < 0x80 ? uint8_t(s[i++]) : core::DecodeUtf8(s, i);
            if (cp >= 0x20 && cp <= kLastCodepoint) m_shown_chars[cp >> 6] |= uint64_t(1) << (cp & 63);
        }
    };
    if (!config.font_covers_data) m_data.catalog->ForEachText(add);
    for (const core::Problem& p : m_problems) {
        add(p.file);
        add(p.message);
    }
    for (const std::string& locale : m_strings.Locales())
        if (const auto* table = m_strings.Table(locale))
            for (const auto& kv : *table) add(kv.second);
}

void App::NoteProblem(const std::string& file, const std::string& message) {
    for (const core::Problem& p : m_problems)
        if (p.file == file && p.message == message) return;
    m_problems.push_back({core::Severity::Error, file, 0, 0, "", message});
}

bool App::FallbackFontUsable() const {
    return !m_config.fallback_font_path.empty() && core::FontFile(m_config.fallback_font_path);
}

float App::ClampScale(float scale) {
    // A scale the atlas can be built at (--scale 1e9 asked for glyphs a billion pixels high).
    return std::isnan(scale) ? 1.0f : std::clamp(scale, kMinScale, kMaxScale);
}

void App::SetScale(float scale) {
    scale = ClampScale(scale);
    m_scale = scale;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // CJK glyphs are dense; 3x horizontal oversampling triples the atlas
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    // The font is already subset to what we show: the BMP whole, and the data's characters beyond
    // it one by one (a range to U+10FFFF would have ImGui look up a million code points).
    m_main_ranges = {0x0020, 0xFFFF};
    ForEachShownChar(0x10000, [this](ImWchar c) { AddToRanges(m_main_ranges, c); });
    m_main_ranges.push_back(0);
    // The app's font, or where that is no font file (a wrong --font), the fallback font whole.
    std::string font_path = m_config.font_path;
    const bool fallback_usable = FallbackFontUsable();
    if (!core::FontFile(font_path)) {
        const std::string what = core::ReadableFile(font_path) ? "not a font file (TrueType or OpenType)" : "font not found";
        NoteProblem(font_path, what + (fallback_usable ? ": the system's Chinese font is used" : "; text may not render"));
        font_path = fallback_usable ? m_config.fallback_font_path : "";
        cfg.FontNo = m_config.fallback_font_index;
    }
    ImFont* font = font_path.empty() ? nullptr
                                     : io.Fonts->AddFontFromFileTTF(font_path.c_str(), m_config.font_px * scale, &cfg,
                                                                     m_main_ranges.data());
    if (font) font->FallbackChar = kNoGlyph;  // a character no font can draw: □, not a '?' read as part of the text
    else io.Fonts->AddFontDefault();
    // Characters typed into the search box that the main font lacks (NoteTypedGlyphs): from the
    // fallback font where there is one (natively), else drawn by the platform (the browser's
    // fonts) into custom rectangles of the atlas, filled once it is built.
    const bool fallback_font = fallback_usable && font_path != m_config.fallback_font_path;
    m_merge_ranges.assign(m_fallback_ranges.begin(), m_fallback_ranges.end());
    if (!m_merge_ranges.empty()) m_merge_ranges.pop_back();  // (its terminating 0)
    struct Drawn {
        ImWchar cp;
        int rect;
    };
    std::vector<Drawn> drawn;
    const float px = m_config.font_px * scale;
    for (ImWchar c : m_typed_glyphs) {
        if (!font) break;
        if (fallback_font) {
            m_merge_ranges.insert(m_merge_ranges.end(), {c, c});
            continue;
        }
        const float advance = m_host.GlyphAdvance(c, px * m_em_per_px);
        if (advance <= 0) continue;
        const int w = int(std::ceil(advance)) + 1, h = int(std::ceil(px));
        drawn.push_back({c, io.Fonts->AddCustomRectFontGlyph(font, c, w, h, std::round(advance))});
    }
    if (font && !m_merge_ranges.empty()) {
        // Characters of the data the main font lacks, from the fallback font, into the same font.
        m_merge_ranges.push_back(0);
        ImFontConfig merge = cfg;
        merge.MergeMode = true;
        merge.FontNo = m_config.fallback_font_index;
        io.Fonts->AddFontFromFileTTF(m_config.fallback_font_path.c_str(), m_config.font_px * scale, &merge,
                                     m_merge_ranges.data());
    }
    // A second, larger size only for what is shown big (hotline numbers, the app's name): a few
    // dozen glyphs, so the atlas hardly grows.
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(std::array<ImWchar, 3>{0x0020, 0x007E, 0}.data());
    for (const std::string& locale : m_strings.Locales())
        for (const char* key : {"app.name", "handoff.title"}) builder.AddText(m_strings.Get(locale, key).c_str());
    ImVector<ImWchar> ranges_vec;
    builder.BuildRanges(&ranges_vec);
    m_display_ranges.assign(ranges_vec.begin(), ranges_vec.end());
    m_display_font = font ? io.Fonts->AddFontFromFileTTF(font_path.c_str(), m_config.font_px * 1.6f * scale, &cfg,
                                                         m_display_ranges.data())
                          : nullptr;
    if (!io.Fonts->Build()) {  // a file that starts as a font and is none: ImGui's own font, not none
        NoteProblem(font_path, "the font could not be read; text may not render");
        io.Fonts->Clear();
        io.Fonts->AddFontDefault();
        io.Fonts->Build();
        font = m_display_font = nullptr;
        drawn.clear();
    }
    if (font) {
        // The size the platform draws at: the font's em (an ideograph's advance), which ImGui's
        // pixel size (ascent to descent) exceeds (Noto Sans CJK: 1,448 units to the em's 1,000).
        for (ImWchar c : {ImWchar(0x6CD5), ImWchar(0x7684), ImWchar(0x4E00)})  // 法 的 一
            if (const ImFontGlyph* g = font->FindGlyphNoFallback(c)) {
                if (!drawn.empty() && std::abs(g->AdvanceX / px - m_em_per_px) > 0.01f) {
                    m_em_per_px = g->AdvanceX / px;  // measured now, drawn at the wrong size: again
                    return SetScale(scale);
                }
                m_em_per_px = g->AdvanceX / px;
                break;
            }
        for (const Drawn& d : drawn) {
            const ImFontAtlasCustomRect* r = io.Fonts->GetCustomRectByIndex(d.rect);
            m_host.DrawGlyph(d.cp, px * m_em_per_px, r->Width, r->Height, std::round(font->Ascent),
                             io.Fonts->TexPixelsAlpha8 + size_t(r->Y) * size_t(io.Fonts->TexWidth) + r->X,
                             io.Fonts->TexWidth);
        }
    }
    m_fonts_stale = false;
    if (font && !m_glyphs_checked) {
        m_glyphs_checked = true;
        if (CheckGlyphs(font)) return SetScale(scale);  // rebuilt once, with the fallback font
    }
    ApplyTheme(scale);
}

std::vector<uint32_t> App::SearchCharsWithoutGlyph() const {
    std::vector<uint32_t> out;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->Fonts.empty()) return out;
    const std::string_view s = m_state.search;
    for (size_t i = 0; i < s.size();) {
        const uint32_t cp = core::DecodeUtf8(s, i);
        if (cp >= 0x20 && !atlas->Fonts[0]->FindGlyphNoFallback(ImWchar(cp))) out.push_back(cp);
    }
    return out;
}

void App::NoteTypedGlyphs() {
    // The search box can hold characters the data never uses (typed, pasted or linked: 彩礼,
    // fǎlǜ), which the font, cut to the data's characters, lacks: ImGui would show '?'. Each is
    // noted once; the platform then rebuilds the atlas with them before the next frame.
    if (m_glyphs_seen == m_state.search) return;
    m_glyphs_seen = m_state.search;
    for (uint32_t cp : SearchCharsWithoutGlyph()) {
        if (m_typed_glyphs.size() >= kMaxTypedGlyphs) break;
        if (cp == core::kInvalidCodepoint || cp > kLastCodepoint) continue;  // invalid UTF-8: no glyph to add
        auto it = std::lower_bound(m_typed_glyphs.begin(), m_typed_glyphs.end(), ImWchar(cp));
        if (it != m_typed_glyphs.end() && *it == cp) continue;  // tried already (the platform may have none)
        m_typed_glyphs.insert(it, ImWchar(cp));
        m_fonts_stale = true;
    }
}

size_t App::MissingGlyphs() const { return SearchCharsWithoutGlyph().size(); }

bool App::CheckGlyphs(ImFont* font) {
    // Which shown characters have no glyph (a '?' on screen)?
    std::vector<ImWchar> missing;
    ForEachShownChar(0x21, [&](ImWchar cp) {
        if (!font->FindGlyphNoFallback(cp) && !(cp >= 0xD800 && cp < 0xE000) && cp != 0xFEFF && cp != 0x200B &&
            cp != 0x3000)
            missing.push_back(cp);
    });
    if (missing.empty()) return false;
    bool retry = m_fallback_ranges.empty() && FallbackFontUsable();
    if (retry) {
        for (ImWchar c : missing) AddToRanges(m_fallback_ranges, c);
        m_fallback_ranges.push_back(0);
        m_glyphs_checked = false;  // check again after the rebuild: the fallback may lack some too
        return true;
    }
    std::string sample;
    for (size_t i = 0; i < missing.size() && i < 12; ++i) core::AppendUtf8(sample, missing[i]);
    m_problems.push_back({core::Severity::Warning, m_config.font_path, 0, 0, "",
                          std::to_string(missing.size()) + " characters of the data have no glyph in the font and show as '?' (" +
                              sample + (missing.size() > 12 ? "…" : "") + ")"});
    return false;
}

void App::OnRouteChanged(const std::string& hash) {
    core::Route r = core::ParseRoute(hash);
    if (r != m_state.route) {
        m_state.route = r;
        m_state.route_changed = true;
    }
}

void App::Navigate(const core::Route& route) {
    if (route == m_state.route) return;
    bool replace = route.screen == core::Screen::Search && m_state.route.screen == core::Screen::Search;
    // A kiosk keeps one history entry: a back gesture must not lead to the last visitor's pages.
    if (m_config.idle_reset_seconds > 0 || m_config.kiosk) replace = true;
    m_state.route = route;
    m_state.route_changed = true;
    m_host.SetRoute(core::ToHash(route), replace);
}

// Phones and kiosks scroll by dragging the page with a finger. A drag that starts on a card or
// button scrolls too and cancels that tap; text fields keep their own dragging (selection), and
// the scrollbar keeps its own.
void App::DragToScroll(const ViewContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.MouseDown[0]) {
        m_drag_scrolling = false;
        return;
    }
    if (!m_drag_scrolling) {
        ImVec2 win_pos = ImGui::GetWindowPos();
        ImVec2 win_size = ImGui::GetWindowSize();
        ImVec2 press = io.MouseClickedPos[0];
        bool in_page = press.x >= win_pos.x && press.y >= win_pos.y && press.y < win_pos.y + win_size.y &&
                       press.x < win_pos.x + win_size.x - ImGui::GetStyle().ScrollbarSize;
        if (!in_page || io.WantTextInput || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, ctx.Em(0.5f))) return;
        m_drag_scrolling = true;
        ImGui::ClearActiveID();  // the press becomes a scroll, not a tap
        // The page follows the finger from where it was pressed: a flick (press, moves and release
        // between two frames, shown to ImGui one frame each) scrolls by its whole length.
        ImGui::SetScrollY(ImGui::GetScrollY() - (io.MousePos.y - press.y));
        return;
    }
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

bool App::IdleWork() {
    if (m_stats.warm_up_ms < 0) {
        m_stats.warm_up_ms = core::WarmUpSearch(m_index.RecordCount());
        return true;
    }
    return m_index.Prepare(core::SearchIndex::kPrepareSliceMs);
}

double App::SecondsUntilTimer() const {
    if (m_config.idle_reset_seconds <= 0 || !m_visited) return -1;
    return std::max(0.0, m_last_input + m_config.idle_reset_seconds - ImGui::GetTime());
}

void App::ResetForNextVisitor() {
    m_visited = false;
    m_state.search[0] = '\0';
    m_state.results_valid = false;
    m_state.locale = m_config.locale;
    m_state.keyboard_open = false;
    CloseHandOff(m_state);  // the last visitor's code must not greet the next one
    ImGui::ClearActiveID();  // closes the keyboard of a text field left open
    m_state.route = core::Route{};
    m_state.route_changed = true;
    m_host.SetRoute(core::ToHash(m_state.route), /*replace=*/true);
}

void App::Frame() {
    // Any touch, click or key restarts the kiosk's idle timer.
    ImGuiIO& io = ImGui::GetIO();
    bool input = io.MouseDown[0] || io.MouseWheel != 0 || !io.InputQueueCharacters.empty() ||
                 io.MouseDelta.x != 0 || io.MouseDelta.y != 0;
    for (bool down : io.KeysDown) input = input || down;
    if (input) {
        m_last_input = ImGui::GetTime();
        if (io.MouseDown[0] || !io.InputQueueCharacters.empty()) m_visited = true;
    }
    if (m_config.idle_reset_seconds > 0 && m_visited && ImGui::GetTime() - m_last_input >= m_config.idle_reset_seconds)
        ResetForNextVisitor();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##fazhitong", nullptr, flags);
    ImGui::PopStyleVar();

    m_mirror.BeginFrame();
    ViewContext ctx{*m_data.catalog, m_index, m_strings, m_problems, m_state, m_mirror, m_scale,
                    [this](const core::Route& r) { Navigate(r); }};
    ctx.display_font = m_display_font ? m_display_font : ImGui::GetFont();
    ctx.kiosk = m_config.kiosk;
    ctx.share_base = m_share_base;
    ctx.host = &m_host;
    // A new screen (a link, the back button) closes the hand-off: its code was for the last one.
    if (m_state.route_changed && m_state.handoff_open) CloseHandOff(m_state);
    const bool handoff = HandOffOffered(ctx);
    DrawTopBar(ctx);

    // The kiosk's keyboard opens with the search screen and stays docked under the page on the
    // home and search screens until hidden (tapping the search box opens it again).
    const core::Screen screen = m_state.route.screen;
    if (m_config.kiosk && m_state.route_changed && screen == core::Screen::Search) m_state.keyboard_open = true;
    const bool keyboard =
        m_config.kiosk && m_state.keyboard_open && (screen == core::Screen::Home || screen == core::Screen::Search);
    const float keyboard_h = keyboard ? SearchKeyboardHeight(ctx) : 0.0f;

    ImGui::BeginChild("##page", ImVec2(0, -keyboard_h), false, ImGuiWindowFlags_NoBackground);
    if (m_state.route_changed) m_state.page = 0;
    if (m_state.route_changed || m_state.page_changed) ImGui::SetScrollY(0);
    m_state.page_changed = false;
    if (!m_state.handoff_open) DragToScroll(ctx);
    // A centred reading column: long lines of Chinese text are hard to follow on wide screens.
    float avail = ImGui::GetContentRegionAvail().x;
    float margin = ctx.Em(1.0f);
    ctx.column_width = std::min(avail - 2 * margin, ctx.Em(60.0f));
    float indent = std::max(margin, (avail - ctx.column_width) * 0.5f);
    ImGui::Indent(indent);
    ImGui::PushTextWrapPos(indent + ctx.column_width);
    ImGui::Dummy(ImVec2(0, ctx.Em(0.3f)));
    switch (m_state.route.screen) {
        case core::Screen::Home: DrawHomeView(ctx); break;
        case core::Screen::Plans: DrawPlansView(ctx); break;
        case core::Screen::Plan:
        case core::Screen::Task: DrawPlanView(ctx); break;
        case core::Screen::Unit: DrawUnitView(ctx); break;
        case core::Screen::Points: DrawPointsView(ctx); break;
        case core::Screen::Search: DrawSearchView(ctx); break;
        case core::Screen::Problems: DrawProblemsView(ctx); break;
        case core::Screen::About: DrawAboutView(ctx); break;
    }
    ImGui::Dummy(ImVec2(0, ctx.Em(handoff ? 6.0f : 2.0f)));  // the end of the page clears the floating button
    ImGui::PopTextWrapPos();
    ImGui::Unindent(indent);
    ImGui::EndChild();
    if (keyboard) DrawSearchKeyboard(ctx, keyboard_h);
    else m_state.keyboard_keys.clear();
    const float page_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y - keyboard_h;
    ImGui::End();
    if (handoff) DrawHandOffButton(ctx, page_bottom);
    else m_state.handoff_button = {};
    if (m_state.handoff_open) DrawHandOffPanel(ctx);
    m_state.route_changed = false;
    NoteTypedGlyphs();

    if (m_mirror.EndFrame()) m_host.SetMirrorText(m_mirror.Text());
    std::string title = m_strings.Get(m_state.locale, "app.title");
    if (title != m_title) {
        m_title = title;
        m_host.SetTitle(title);
    }
    bool want_text = ImGui::GetIO().WantTextInput;
    if (want_text != m_text_input_active) {
        m_text_input_active = want_text;
        m_host.SetTextInputActive(want_text);
    }
}

}  // namespace ui
