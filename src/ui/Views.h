// Views.h — one draw function per screen, each in its own file (HomeView.cpp, PlanView.cpp, ...).
// A view reads the catalog, draws with ImGui, mirrors its text and changes only AppState.
// Depends on ViewContext.
#pragma once
#include <string_view>

#include "ViewContext.h"

namespace ui {

void DrawTopBar(ViewContext& ctx);
void DrawHomeView(ViewContext& ctx);
void DrawPlansView(ViewContext& ctx);  // every plan, newest first, a page at a time
void DrawPlanView(ViewContext& ctx);
void DrawPointsView(ViewContext& ctx);
void DrawUnitView(ViewContext& ctx);
void DrawSearchView(ViewContext& ctx);
void DrawProblemsView(ViewContext& ctx);
void DrawAboutView(ViewContext& ctx);

// Labels shared by views.
std::string PlanSummary(const ViewContext& ctx, const core::Plan& plan);  // "昆明市 · 2021—2025 · 97 项任务"
std::string PointSummary(const ViewContext& ctx, const core::ServicePoint& point);
size_t CountTasks(const core::Section& section);
// Plans newest first (the year a plan runs to or reports on, then the title), as indexes into
// Catalog::Plans(); computed once and kept in AppState.
const std::vector<uint32_t>& PlansNewest(ViewContext& ctx);
// A tappable card for a plan (opens it).
void PlanCard(ViewContext& ctx, const core::Plan& plan, float width);

// The kiosk's on-screen keyboard (SearchKeyboard.cpp), docked under the page on the home and
// search screens while open: letters and digits for pinyin, initials and hotline numbers. Its
// height is known before the page is drawn, so the page ends above it.
float SearchKeyboardHeight(const ViewContext& ctx);
void DrawSearchKeyboard(ViewContext& ctx, float height);
// The query after one key of that keyboard: a letter or digit is appended, "space" adds one
// space between words (none at the start, never two), "backspace" removes the last character
// (a whole UTF-8 character: the query may hold Chinese from a shared link), "clear" empties it.
// The result never exceeds max_bytes. Unknown actions leave the query as it is.
std::string EditQuery(std::string_view query, std::string_view action, size_t max_bytes);

// The hand-off to the visitor's phone (HandOff.cpp): on a plan, task, unit, service point or
// search screen, when the app knows the public website's address (ctx.share_base), a floating
// button opens a panel with the QR code of that address + the current deep link. Drawn after the
// page, each in a window of its own above it; the panel is modal (a tap outside closes it).
bool HandOffOffered(const ViewContext& ctx);
void DrawHandOffButton(ViewContext& ctx, float page_bottom);  // page_bottom: where the page ends (above a docked keyboard)
void DrawHandOffPanel(ViewContext& ctx);
void CloseHandOff(AppState& state);  // forgets the link and its code too

}  // namespace ui
