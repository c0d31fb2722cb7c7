// AppState.h — the UI's own state (where the user is, language, what they typed), kept apart
// from the model data, which views only read. Depends on core/Route.h, Host.h (QrMatrix).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "Host.h"
#include "core/Route.h"
#include "core/Search.h"

namespace ui {

struct AppState {
    core::Route route;
    std::string locale = "zh-CN";
    char search[256] = {};       // the search box; mirrors route.query on the search screen
    const void* scroll_to = nullptr;  // plan view: section or task to bring into view next frame
    bool route_changed = false;
    // Search results for `results_query`: derived view state, recomputed only when the query
    // changes (never every frame).
    std::string results_query;  // the search text of `results`
    std::string results_key;    // kind, limit and text they were computed for
    bool results_valid = false;
    core::SearchResult results;  // set by Navigate; views reset scroll/selection on it
    std::vector<std::string> results_words;  // what letters typed found, in characters (core::CandidateWords)

    // Long lists are shown a page at a time (a national catalog has thousands of plans and
    // hundreds of thousands of service points: drawing them all would take seconds a frame).
    size_t page = 0;            // 0 on every new screen
    bool page_changed = false;  // the pager moved: back to the top of the page next frame
    // Derived once, never per frame: plans newest first (indexes into Catalog::Plans()), the
    // service point kinds present, and the points passing the current kind filter.
    std::vector<uint32_t> plans_newest;
    bool plans_newest_valid = false;
    std::vector<std::string> point_kinds;
    bool point_kinds_valid = false;
    std::vector<uint32_t> points_listed;
    std::string points_listed_filter;
    bool points_listed_valid = false;

    // The kiosk's on-screen keyboard (a kiosk has no physical keyboard): whether it is open, and
    // where last frame drew each key (its action and screen rectangle), so tests can tap a key
    // and check that every key is finger-sized.
    bool keyboard_open = false;
    struct DrawnKey {
        std::string action;  // what EditQuery does with it: "a".."z", "0".."9", "space", "backspace", "clear", "hide"
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    };
    std::vector<DrawnKey> keyboard_keys;

    // The hand-off to the visitor's phone (HandOff.cpp): whether its panel is open, the link it
    // shows and that link's QR code (made once when the panel opens, never per frame; cleared
    // when it closes, so the next visitor never sees it), and where last frame drew the button,
    // the code (its white square, quiet zone included) and the close button, for tests.
    bool handoff_open = false;
    std::string handoff_link;
    QrMatrix handoff_qr;
    struct Rect {
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        bool Empty() const { return x1 <= x0 || y1 <= y0; }
    };
    Rect handoff_button, handoff_code, handoff_close;
    float handoff_module_px = 0;  // the side of one module, in whole pixels
};

}  // namespace ui
