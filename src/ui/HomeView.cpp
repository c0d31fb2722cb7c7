// HomeView.cpp — the first screen: search, hotlines, the plans and the service points in the
// bundled data, and a notice when some data could not be loaded. Depends on ImGui, Views, Widgets.
#include <algorithm>

#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {

size_t CountTasks(const core::Section& section) {
    size_t n = section.tasks.size();
    for (const core::Section& s : section.sections) n += CountTasks(s);
    return n;
}

std::string PlanSummary(const ViewContext& ctx, const core::Plan& plan) {
    std::string s = plan.region.name;
    if (plan.period_from && plan.period_to)
        s += " · " + std::to_string(plan.period_from) + "—" + std::to_string(plan.period_to);
    else if (plan.year)
        s += " · " + std::to_string(plan.year);
    else if (!plan.published.empty())
        s += " · " + plan.published;
    size_t tasks = 0;
    for (const core::Section& sec : plan.sections) tasks += CountTasks(sec);
    s += " · " + std::to_string(tasks) + " " + ctx.S("plan.tasks_unit");
    return s;
}

std::string PointSummary(const ViewContext& ctx, const core::ServicePoint& point) {
    std::string s = point.region.name;
    if (point.count > 0) s += " · " + ctx.S("point.network") + " " + std::to_string(point.count);
    if (!point.services.empty()) s += " · " + Join(point.services, "、");
    return s;
}

const std::vector<uint32_t>& PlansNewest(ViewContext& ctx) {
    AppState& st = ctx.state;
    if (st.plans_newest_valid) return st.plans_newest;
    const std::vector<core::Plan>& plans = ctx.catalog.Plans();
    st.plans_newest.resize(plans.size());
    for (size_t i = 0; i < plans.size(); ++i) st.plans_newest[i] = uint32_t(i);
    auto latest = [&](uint32_t i) { return std::max(plans[i].period_to, plans[i].year); };
    std::stable_sort(st.plans_newest.begin(), st.plans_newest.end(), [&](uint32_t a, uint32_t b) {
        return latest(a) != latest(b) ? latest(a) > latest(b) : plans[a].title < plans[b].title;
    });
    st.plans_newest_valid = true;
    return st.plans_newest;
}

void PlanCard(ViewContext& ctx, const core::Plan& plan, float width) {
    if (Card(ctx, plan.id.str(), plan.title.str(), PlanSummary(ctx, plan), ctx.S(std::string("kind.") + core::ToString(plan.kind)),
             width))
        ctx.navigate({core::Screen::Plan, plan.id.str(), ""});
}

namespace {
constexpr size_t kHomePlans = 6;     // newest plans on the home screen; the rest on #/plans
constexpr size_t kHomeChannels = 6;  // hotlines, online channels; all of them on #/points

}  // namespace

void DrawHomeView(ViewContext& ctx) {
    const core::Catalog& cat = ctx.catalog;
    SearchBox(ctx);

    if (!ctx.problems.empty()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0x8A, 0x3B, 0x12, 255));
        std::string notice = ctx.S("home.problems_notice") + " (" + std::to_string(ctx.problems.size()) + ")";
        Paragraph(ctx, notice);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton(ctx.T("home.problems_view"))) ctx.navigate({core::Screen::Problems, "", ""});
    }

    // Hotlines first: the quickest help there is; 12348 (public legal services) leads.
    std::vector<const core::Channel*> hotlines;
    for (bool first : {true, false})  // (12348 first, the others in data order)
        for (const core::Channel& c : cat.Channels())
            if (c.kind == "hotline" && (c.number == "12348") == first) hotlines.push_back(&c);
    if (hotlines.size() > kHomeChannels) hotlines.resize(kHomeChannels);
    if (!hotlines.empty()) {
        Heading(ctx, ctx.S("home.hotlines"));
        CardGrid(ctx, hotlines.size(), 14, [&](size_t i, float w) { HotlineCard(ctx, *hotlines[i], w); });
    }

    Heading(ctx, ctx.S("home.plans") + " (" + std::to_string(cat.Plans().size()) + ")");
    if (cat.Plans().empty()) Meta(ctx, ctx.S("home.no_plans"));
    // Newest first; a national catalog's thousands are on the plans screen, a page at a time.
    const std::vector<uint32_t>& newest = PlansNewest(ctx);
    const size_t plans_shown = std::min(newest.size(), kHomePlans);
    CardGrid(ctx, plans_shown, 22, [&](size_t i, float w) { PlanCard(ctx, cat.Plans()[newest[i]], w); });
    if (newest.size() > plans_shown &&
        BigButton(ctx, ctx.S("home.all_plans") + " (" + std::to_string(newest.size()) + ")"))
        ctx.navigate({core::Screen::Plans, "", ""});

    Heading(ctx, ctx.S("home.points") + " (" + std::to_string(cat.Points().size()) + ")");
    if (cat.Points().empty()) Meta(ctx, ctx.S("home.no_points"));
    const size_t shown = std::min<size_t>(cat.Points().size(), 8);
    CardGrid(ctx, shown, 22, [&](size_t i, float w) {
        const core::ServicePoint& p = cat.Points()[i];
        if (Card(ctx, p.id.str(), p.name.str(), PointSummary(ctx, p), ctx.S("point.kind." + p.kind), w))
            ctx.navigate({core::Screen::Points, "", p.name.str()});
    });
    if (cat.Points().size() > shown && BigButton(ctx, ctx.S("home.all_points")))
        ctx.navigate({core::Screen::Points, "", ""});

    std::vector<const core::Channel*> online;
    for (const core::Channel& c : cat.Channels())
        if (c.kind != "hotline") online.push_back(&c);
    if (online.size() > kHomeChannels) online.resize(kHomeChannels);
    if (!online.empty()) {
        Heading(ctx, ctx.S("home.online"));
        CardGrid(ctx, online.size(), 22, [&](size_t i, float w) {
            const core::Channel& c = *online[i];
            Card(ctx, "ch" + c.id, c.name.str(), c.url.empty() ? c.region.name.str() : c.url.str(), ctx.S("channel." + c.kind), w);
        });
    }
}

}  // namespace ui
