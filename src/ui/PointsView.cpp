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
    std::set<std::string> kinds;
    for (const core::ServicePoint& p : cat.Points()) kinds.insert(p.kind);
    const std::string& chosen = ctx.state.route.query;
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
    for (const std::string& k : kinds) kind_button(k, ctx.S("point.kind." + k));
    ImGui::NewLine();

    for (const core::ServicePoint& p : cat.Points()) {
        if (!chosen.empty() && p.kind != chosen && p.name != chosen) continue;
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
        Field(ctx, ctx.S("point.source"), p.source.file + (p.source.quote.empty() ? "" : "：“" + p.source.quote + "”"));
        ImGui::PopID();
    }

    if (!cat.Channels().empty()) {
        Heading(ctx, ctx.S("points.channels") + " (" + std::to_string(cat.Channels().size()) + ")");
        for (const core::Channel& c : cat.Channels()) {
            ImGui::PushID(c.id.c_str());
            Rule(ctx);
            Paragraph(ctx, (c.number.empty() ? "" : c.number + "  ") + c.name);
            Field(ctx, ctx.S("point.region"), c.region.name);
            Field(ctx, ctx.S("channel.url"), c.url);
            Field(ctx, ctx.S("point.services"), Join(c.services, "、"));
            Field(ctx, ctx.S("point.source"), c.source.file + (c.source.quote.empty() ? "" : "：“" + c.source.quote + "”"));
            ImGui::PopID();
        }
    }
}

}  // namespace ui
