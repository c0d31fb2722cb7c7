// Views.h — one draw function per screen, each in its own file (HomeView.cpp, PlanView.cpp, ...).
// A view reads the catalog, draws with ImGui, mirrors its text and changes only AppState.
// Depends on ViewContext.
#pragma once
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

}  // namespace ui
