// SearchView.cpp — search results for the query in the route: plans, tasks, units, service
// points and channels, grouped, ranked and highlighted by core::SearchIndex. The search runs
// once per query change, not every frame. Depends on ImGui, core/Search, Views, Widgets.
#include <cstdio>

#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {
namespace {

const char* GroupKey(core::RecordType t) {
    switch (t) {
        case core::RecordType::Plan: return "search.group.plan";
        case core::RecordType::Task: return "search.group.task";
        case core::RecordType::Unit: return "search.group.unit";
        case core::RecordType::ServicePoint: return "search.group.point";
        case core::RecordType::Channel: return "search.group.channel";
    }
    return "search.group.plan";
}

// Where a hit leads, and the line under its title.
core::Route Target(const ViewContext& ctx, const core::Hit& hit, std::string& detail) {
    const core::Catalog& cat = ctx.catalog;
    switch (hit.type) {
        case core::RecordType::Plan: {
            const core::Plan& p = cat.Plans()[hit.index];
            detail = PlanSummary(ctx, p);
            return {core::Screen::Plan, p.id, ""};
        }
        case core::RecordType::Task: {
            const core::TaskRef& t = cat.Tasks()[hit.index];
            detail = t.plan->title;
            return {core::Screen::Task, t.task->id, ""};
        }
        case core::RecordType::Unit: {
            const core::UnitRef& u = cat.Units()[hit.index];
            detail = ctx.S("unit.leads") + " " + std::to_string(u.lead_tasks.size()) + " · " + ctx.S("unit.responsible") +
                     " " + std::to_string(u.responsible_tasks.size());
            return {core::Screen::Unit, u.canonical, ""};
        }
        case core::RecordType::ServicePoint: {
            const core::ServicePoint& p = cat.Points()[hit.index];
            detail = PointSummary(ctx, p);
            return {core::Screen::Points, "", p.name};
        }
        case core::RecordType::Channel: {
            const core::Channel& c = cat.Channels()[hit.index];
            detail = c.region.name;
            return {core::Screen::Points, "", ""};
        }
    }
    return {};
}

}  // namespace

void DrawSearchView(ViewContext& ctx) {
    AppState& st = ctx.state;
    if (st.route_changed && st.route.query != st.search)
        std::snprintf(st.search, sizeof st.search, "%s", st.route.query.c_str());
    SearchBox(ctx);
    const std::string& q = st.route.query;
    if (!st.results_valid || st.results_query != q) {
        core::Query query;
        query.text = q;
        query.limit = 30;
        st.results = ctx.index.Search(query);
        st.results_query = q;
        st.results_valid = true;
    }
    const core::SearchResult& r = st.results;
    if (r.total == 0) {
        ImGui::Spacing();
        Paragraph(ctx, ctx.S("search.none"));
        Meta(ctx, ctx.S("search.tips"));
        return;
    }
    Meta(ctx, ctx.S("search.count") + " " + std::to_string(r.total));
    int last_type = -1;
    const float pad = ctx.Em(0.6f);
    for (size_t i = 0; i < r.hits.size(); ++i) {
        const core::Hit& hit = r.hits[i];
        if (int(hit.type) != last_type) {
            last_type = int(hit.type);
            uint32_t total = r.total_by_type[size_t(hit.type)];
            Heading(ctx, ctx.S(GroupKey(hit.type)) + " (" + std::to_string(total) + ")");
        }
        std::string detail;
        core::Route target = Target(ctx, hit, detail);
        ImGui::PushID(int(i));
        ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::Indent(pad);
        HighlightedText(ctx, hit.title, hit.title_ranges, ctx.column_width - 2 * pad, 0x1F4E8C, 2);
        if (!hit.snippet.empty())
            HighlightedText(ctx, hit.snippet, hit.snippet_ranges, ctx.column_width - 2 * pad, 0x1E2430, 2);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(detail.c_str());
        ImGui::PopStyleColor();
        ctx.mirror.Line(detail);
        ImGui::Unindent(pad);
        ImVec2 bottom = ImGui::GetCursorScreenPos();
        // The whole result is one tap target.
        ImGui::SetCursorScreenPos(top);
        if (ImGui::InvisibleButton("hit", ImVec2(ctx.column_width, bottom.y - top.y))) ctx.navigate(target);
        if (ImGui::IsItemHovered())
            ImGui::GetWindowDrawList()->AddRect(top, ImVec2(top.x + ctx.column_width, bottom.y), IM_COL32(0x1F, 0x4E, 0x8C, 120),
                                                ctx.Em(0.3f));
        Rule(ctx);
        ImGui::PopID();
    }
}

}  // namespace ui
