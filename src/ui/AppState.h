// AppState.h — the UI's own state (where the user is, language, what they typed), kept apart
// from the model data, which views only read. Depends on core/Route.h.
#pragma once
#include <string>

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
    std::string results_query;
    bool results_valid = false;
    core::SearchResult results;  // set by Navigate; views reset scroll/selection on it
};

}  // namespace ui
