// ViewContext.h — what every view receives each frame: the model (read only), the UI strings,
// the load problems, the UI state, the text mirror and the scale. Views own no data.
// Depends on core (Catalog, I18n, Problem) and AppState/TextMirror.
#pragma once
#include <functional>
#include <string>

#include "AppState.h"
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
    ImFont* display_font = nullptr;  // large size: digits, Latin and the app's name only
    bool kiosk = false;  // touch screen without a keyboard: the search box comes with an on-screen one

    const char* T(const std::string& key) const { return strings.Get(state.locale, key).c_str(); }
    const std::string& S(const std::string& key) const { return strings.Get(state.locale, key); }
    float Em(float em) const;  // em units -> pixels at the current font size
};

}  // namespace ui
