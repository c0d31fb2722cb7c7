// App.h — Fazhitong's application: loads data and strings once, then draws one frame at a
// time for whichever platform drives it (the web loop or the desktop loop).
// Depends on core (Load, I18n, Route), ImGui, Host, AppState, TextMirror.
#pragma once
#include <memory>
#include <cstdint>
#include <string>
#include <vector>

#include "AppState.h"
#include "Host.h"
#include "TextMirror.h"
#include "core/I18n.h"
#include "core/Load.h"
#include "core/Pack.h"
#include "core/Search.h"

struct ImFont;

namespace ui {

struct AppConfig {
    std::string data_dir = "assets/data";  // a JSON data folder or a pack made from one (.fzp)
    // How data_dir is read: core::LoadData (JSON folders and packs; the native app, tests) or
    // core::LoadPackData (packs only: the web app, whose download then carries no JSON loader).
    using DataLoader = core::LoadResult (*)(const std::string& path, core::SearchIndex* index, core::PackInfo* info);
    DataLoader load_data = core::LoadPackData;
    // A dictionary (jieba's dict.txt) for data that carries no words of its own (a JSON folder),
    // so that search never reads a query by fragments of words, and how it is read
    // (core::UseDictionary: the native app). Null: none read (the web builds, whose packs carry
    // their words, then link no dictionary reader).
    std::string words_path;
    using WordsLoader = void (*)(core::SearchIndex& index, const core::PackInfo& info, const std::string& path,
                                 core::Problems& problems);
    WordsLoader load_words = nullptr;
    // How the UI strings are read: from `i18n_dir`'s JSON files (core::LoadStringsFolder: the
    // native app, tests) or, when null, from the strings section of the data pack (the web app,
    // which then links no JSON parser at all).
    using StringsLoader = void (*)(const std::string& dir, core::Strings& out, core::Problems& problems);
    StringsLoader load_strings = nullptr;
    std::string i18n_dir = "assets/i18n";
    std::string font_path = "assets/font.ttf";
    // A font with more glyphs, for characters of the data that `font_path` lacks (a deployer's
    // data loaded at run time: the bundled subset only covers the data it was built with).
    // Only those characters are taken from it. Empty = none (the web build's subset always covers
    // its data). `fallback_font_index`: the face in a collection (.ttc).
    std::string fallback_font_path;
    int fallback_font_index = 0;
    // The font was subset from this very data at build time (the web builds: the subset step fails
    // when a character has no glyph), so the catalog's text need not be scanned for characters the
    // font lacks (at national scale that scan took 1.2 s of the browser's start-up). UI strings
    // and load problems are still checked.
    bool font_covers_data = false;
    std::string locale = "zh-CN";
    float font_px = 18.0f;  // body text size in CSS / logical pixels
    // Kiosk: after this many seconds without input the app wipes the visitor's traces (search
    // text, screen, language) and returns home. 0 = never (website, desktop); a kiosk always
    // resets: one given no positive number (?idle=abc, --idle-reset 0, nan) takes the default.
    double idle_reset_seconds = 0;
    static constexpr double kDefaultKioskIdleReset = 120;
    // Kiosk: a touch screen without a keyboard. Tapping the search box opens an on-screen
    // keyboard (the search screen opens with it), and navigation keeps one history entry.
    bool kiosk = false;
    // The public website's address, for the hand-off of the current page to a visitor's phone as a
    // QR code (base + deep link). Checked with core::ShareBase: "" or an address a phone cannot
    // open (a file, localhost) means no hand-off button at all.
    std::string share_url;
};

// How long start-up took, for the benchmarks and the start-up log.
struct LoadStats {
    double load_ms = 0;   // reading the data (JSON folder: parsing and validating; pack: decoding)
    double index_ms = 0;  // building the search index, or reading it from the pack
    bool index_from_pack = false;
    size_t index_bytes = 0;
    double warm_up_ms = -1;  // the search warm-up, the first time the app was idle (-1: not yet)
};

class App {
public:
    explicit App(Host& host) : m_host(host) {}

    // Reads the data folder and the UI strings (file I/O happens here, never in a frame).
    void Load(const AppConfig& config);
    // (Re)builds the font atlas and style for a UI scale (device pixel ratio x zoom). Call before
    // the first frame and whenever the scale changes; the renderer must then re-upload the atlas.
    void SetScale(float scale);  // clamped by ClampScale
    static constexpr float kMinScale = 0.5f, kMaxScale = 8.0f;
    static float ClampScale(float scale);  // into [kMinScale, kMaxScale]; NaN: 1
    float Scale() const { return m_scale; }
    // The search box holds characters the font has no glyph for (typed, pasted or linked): the
    // platform calls SetScale(Scale()) and re-uploads the atlas before the next frame.
    bool FontsStale() const { return m_fonts_stale; }
    // Characters in the search box the font has no glyph for (shown as '?'), for the tests.
    size_t MissingGlyphs() const;
    // Draws one frame (between ImGui::NewFrame and ImGui::Render, done by the platform).
    void Frame();
    // The browser's address changed (back button, shared link): show that route.
    void OnRouteChanged(const std::string& hash);
    void Navigate(const core::Route& route);
    // Seconds until the app needs a frame although nothing happened (the kiosk's idle reset), or
    // a negative number when it does not. The platform wakes up then.
    double SecondsUntilTimer() const;
    // Work for the time when nothing needs a frame, one slice a call, which the platform runs
    // with input handled between calls: the first time, the search warm-up for a big index
    // (core::WarmUpSearch: the search code optimised and its working memory reserved before the
    // first keystrokes; Stats().warm_up_ms); then the refinement of the last query's matches
    // (SearchIndex::Prepare), so that the next typed letter is answered from them. Returns
    // whether more remains.
    bool IdleWork();

    const core::Catalog& Catalog() const { return *m_data.catalog; }
    const core::Problems& Problems() const { return m_problems; }
    const core::SearchIndex& Index() const { return m_index; }
    const LoadStats& Stats() const { return m_stats; }
    const AppState& State() const { return m_state; }
    const TextMirror& Mirror() const { return m_mirror; }

private:
    void DragToScroll(const struct ViewContext& ctx);
    void ResetForNextVisitor();
    bool CheckGlyphs(ImFont* font);  // true: glyphs are missing and a fallback font is to be merged
    void NoteTypedGlyphs();          // the search box's characters the font lacks -> m_typed_glyphs
    std::vector<uint32_t> SearchCharsWithoutGlyph() const;  // in the search box, in order

    Host& m_host;
    AppConfig m_config;
    core::LoadResult m_data;
    core::SearchIndex m_index;  // built once after load; borrows the catalog's strings
    LoadStats m_stats;
    core::Problems m_problems;  // data + UI strings
    void NoteProblem(const std::string& file, const std::string& message);  // once, however often SetScale runs
    // The system's Chinese font (AppConfig::fallback_font_path) is given and is a font file: the
    // one test for both the main font's stand-in and the characters the main font lacks.
    bool FallbackFontUsable() const;
    core::Strings m_strings;
    AppState m_state;
    TextMirror m_mirror;
    float m_scale = 1.0f;
    ImFont* m_display_font = nullptr;  // large digits, the app's name and the hand-off's title
    // Glyph ranges and characters are ImWchar, 32 bits (IMGUI_USE_WCHAR32, App.cmake: the
    // ideographs beyond the BMP of some names, and emoji).
    std::vector<unsigned int> m_main_ranges;     // the main font's: the BMP and the data's characters beyond it
    std::vector<unsigned int> m_display_ranges;
    template <typename F>
    void ForEachShownChar(uint32_t from, F&& f) const;  // f(c) for each of m_shown_chars from `from` up
    std::vector<uint64_t> m_shown_chars;         // bitset over all of Unicode: every character the data and strings can show
    std::vector<unsigned int> m_fallback_ranges;  // those the main font lacks (ImGui glyph ranges)
    bool m_glyphs_checked = false;
    // Characters typed into the search box that the font lacks, sorted (at most kMaxTypedGlyphs:
    // a pasted page of rare characters must not grow the atlas without end), and the ranges
    // merged from the fallback font (the data's and these).
    static constexpr size_t kMaxTypedGlyphs = 256;
    std::vector<unsigned int> m_typed_glyphs;
    std::vector<unsigned int> m_merge_ranges;
    std::string m_glyphs_seen;    // the search text NoteTypedGlyphs last read
    bool m_fonts_stale = false;
    float m_em_per_px = 1000.0f / 1448.0f;  // the font's em / ImGui's pixel size (measured: SetScale)
    bool m_text_input_active = false;
    bool m_drag_scrolling = false;
    double m_last_input = 0;   // ImGui time of the last input
    bool m_visited = false;    // something was done since the last reset
    std::string m_title;
    std::string m_share_base;  // core::ShareBase(config.share_url)
};

}  // namespace ui
