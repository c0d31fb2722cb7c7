// PlansView.cpp — every plan and report, newest first, a page of cards at a time (#/plans).
// Depends on ImGui, Views, Widgets.
#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {

namespace {
constexpr size_t kPlansPerPage = 24;
}

void DrawPlansView(ViewContext& ctx) {
    const core::Catalog& cat = ctx.catalog;
    const std::vector<uint32_t>& newest = PlansNewest(ctx);
    Heading(ctx, ctx.S("home.plans") + " (" + std::to_string(newest.size()) + ")", 1);
    if (newest.empty()) Meta(ctx, ctx.S("home.no_plans"));
    const std::pair<size_t, size_t> range = PageRange(ctx, newest.size(), kPlansPerPage);
    const size_t first = range.first, last = range.second;  // (lambdas cannot capture structured bindings in C++17)
    CardGrid(ctx, last - first, 22, [&](size_t i, float w) { PlanCard(ctx, cat.Plans()[newest[first + i]], w); });
    ImGui::Spacing();
    Pager(ctx, newest.size(), kPlansPerPage);
}

}  // namespace ui
