// PointsView.cpp — every public legal service point and channel, filterable by kind, with what
// each offers and where its record comes from. Depends on ImGui, Views, Widgets.
#include <set>

#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {

void DrawPointsView(ViewContext& ctx) {
    const core::Catalog& cat = ctx.catalog;
    Heading(ctx, ctx.S("points.title") + " (" + std::to_string(cat.Points().size()) + ")", 1);

    // Kind filter: one touch-sized button per kind present, plus "all". The chosen kind lives in
    // the route's query so that a filtered list can be shared as a link.
    AppState& st = ctx.state;
    if (!st.point_kinds_valid) {
        std::set<std::string> kinds;
        for (const core::ServicePoint& p : cat.Points()) kinds.insert(p.kind);
        st.point_kinds.assign(kinds.begin(), kinds.end());
        st.point_kinds_valid = true;
    }
    const std::string& chosen = st.route.query;
    auto kind_button = [&](const std::string& kind, const std::string& label) {
        bool on = chosen == kind;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0xC2, 0xD4, 0xEE, 255));
        if (ImGui::Button(label.c_str(), ImVec2(0, ctx.Em(2.2f)))) ctx.navigate({core::Screen::Points, "", kind});
        if (on) ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ctx.Em(8)) ImGui::NewLine();
        ctx.mirror.Line(std::string(on ? "[x] " : "[ ] ") + label);
    };
    kind_button("", ctx.S("points.all"));
    for (const std::string& k : st.point_kinds) kind_button(k, ctx.S("point.kind." + k));
    ImGui::NewLine();

    // The points passing the filter (a kind, or a name from a home-screen card), once per filter.
    if (!st.points_listed_valid || st.points_listed_filter != chosen) {
        st.points_listed.clear();
        for (size_t i = 0; i < cat.Points().size(); ++i) {
            const core::ServicePoint& p = cat.Points()[i];
            if (chosen.empty() || p.kind == chosen || p.name == chosen) st.points_listed.push_back(uint32_t(i));
        }
        st.points_listed_filter = chosen;
        st.points_listed_valid = true;
    }
    // A link to a point or kind the data no longer has (a QR code printed before the data was
    // updated): say so, and offer them all, rather than an empty list under "(11)".
    if (!chosen.empty() && st.points_listed.empty()) {
        Heading(ctx, ctx.S("points.not_found"));
        Paragraph(ctx, chosen);
        if (BigButton(ctx, ctx.S("points.show_all"))) ctx.navigate({core::Screen::Points, "", ""});
    }
    constexpr size_t kPointsPerPage = 30;
    auto [first, last] = PageRange(ctx, st.points_listed.size(), kPointsPerPage);
    if (first > 0) Pager(ctx, st.points_listed.size(), kPointsPerPage);
    for (size_t k = first; k < last; ++k) {
        const core::ServicePoint& p = cat.Points()[st.points_listed[k]];
        ImGui::PushID(p.id.c_str());
        Rule(ctx);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0x1F, 0x4E, 0x8C, 255));
        Paragraph(ctx, p.name);
        ImGui::PopStyleColor();
        Badge(ctx.S("point.kind." + p.kind), 0x1F4E8C);
        ImGui::NewLine();
        Field(ctx, ctx.S("point.region"), p.region.name);
        if (p.count > 0) Field(ctx, ctx.S("point.network"), std::to_string(p.count));
        Field(ctx, ctx.S("point.services"), Join(p.services, "、"));
        Field(ctx, ctx.S("point.address"), p.address);
        Field(ctx, ctx.S("point.hours"), p.hours);
        Field(ctx, ctx.S("point.phone"), p.phone);
        if (p.location)
            Field(ctx, ctx.S("point.location"),
                  ctx.S(std::string("precision.") + core::ToString(p.location->precision)));
        SourceField(ctx, p.source);
        ImGui::PopID();
    }
    ImGui::Spacing();
    Pager(ctx, st.points_listed.size(), kPointsPerPage);

    // Hotlines and online channels follow the first page (a national catalog's last page is far).
    if (!cat.Channels().empty() && first == 0) {
        Heading(ctx, ctx.S("points.channels") + " (" + std::to_string(cat.Channels().size()) + ")");
        for (const core::Channel& c : cat.Channels()) {
            ImGui::PushID(c.id.c_str());
            Rule(ctx);
            Paragraph(ctx, (c.number.empty() ? "" : c.number + "  ") + c.name);
            Field(ctx, ctx.S("point.region"), c.region.name);
            Field(ctx, ctx.S("channel.url"), c.url);
            Field(ctx, ctx.S("point.services"), Join(c.services, "、"));
            SourceField(ctx, c.source);
            ImGui::PopID();
        }
    }
}

}  // namespace ui
