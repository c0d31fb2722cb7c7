// ViewContext.h — what every view receives each frame: the model (read only), the UI strings,
// the load problems, the UI state, the text mirror and the scale. Views own no data.
// Depends on core (Catalog, I18n, Problem) and AppState/TextMirror/Host.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "AppState.h"
#include "Host.h"
#include "TextMirror.h"
#include "core/Catalog.h"
#include "core/I18n.h"
#include "core/Search.h"

struct ImFont;

namespace ui {

struct ViewContext {
    const core::Catalog& catalog;
    const core::SearchIndex& index;
    const core::Strings& strings;
    const core::Problems& problems;
    AppState& state;
    TextMirror& mirror;
    float scale;  // UI scale (device pixels per CSS pixel x user zoom)
    std::function<void(const core::Route&)> navigate;
    float column_width = 0;  // width of the page's text column, in pixels
    ImFont* display_font = nullptr;  // large size: digits, Latin, the app's name and the hand-off's title only
    bool kiosk = false;  // touch screen without a keyboard: the search box comes with an on-screen one
    // The public website's address for the hand-off to a phone (core::ShareBase), "" for none.
    std::string_view share_base;
    Host* host = nullptr;  // QR codes for the hand-off

    const char* T(const std::string& key) const { return strings.Get(state.locale, key).c_str(); }
    const std::string& S(const std::string& key) const { return strings.Get(state.locale, key); }
    // "label：" in Chinese, "label: " in English (the locale's colon, key label.colon).
    std::string Label(const std::string& text) const { return text + S("label.colon"); }
    float Em(float em) const;  // em units -> pixels at the current font size
};

}  // namespace ui
