// SearchView.cpp — search results for the query in the route, grouped by kind of record.
// Depends on ImGui, Views, Widgets.
#include <cstdio>

#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {

void DrawSearchView(ViewContext& ctx) {
    if (ctx.state.route_changed && ctx.state.route.query != ctx.state.search) {
        std::snprintf(ctx.state.search, sizeof ctx.state.search, "%s", ctx.state.route.query.c_str());
    }
    SearchBox(ctx);
    const std::string& q = ctx.state.route.query;
    // Interim: plain substring matching over titles until the search index (src/core/Search) lands.
    size_t shown = 0;
    Heading(ctx, ctx.S("home.plans"));
    for (const core::Plan& p : ctx.catalog.Plans())
        if (p.title.find(q) != std::string::npos) {
            if (Card(ctx, p.id, p.title, PlanSummary(ctx, p), "", ctx.column_width)) ctx.navigate({core::Screen::Plan, p.id, ""});
            ++shown;
        }
    Heading(ctx, ctx.S("search.tasks"));
    for (const core::TaskRef& t : ctx.catalog.Tasks()) {
        if (shown > 200) break;
        if (t.task->title.find(q) == std::string::npos && t.task->text.find(q) == std::string::npos) continue;
        if (Card(ctx, t.task->id, t.task->title, t.plan->title, "", ctx.column_width))
            ctx.navigate({core::Screen::Task, t.task->id, ""});
        ++shown;
    }
    if (!shown) Paragraph(ctx, ctx.S("search.none"));
}

}  // namespace ui
