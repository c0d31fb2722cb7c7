// AboutView.cpp — what Fazhitong is, where its data comes from (every plan's source document)
// and what is in the bundle. Depends on ImGui, Views, Widgets.
#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {

void DrawAboutView(ViewContext& ctx) {
    const core::Catalog& cat = ctx.catalog;
    Heading(ctx, ctx.S("about.title"), 1);
    Paragraph(ctx, ctx.S("about.body"));
    Heading(ctx, ctx.S("about.data"));
    Paragraph(ctx, ctx.Label(ctx.S("home.plans")) + std::to_string(cat.Plans().size()) + "  " + ctx.Label(ctx.S("about.tasks")) +
                       std::to_string(cat.Tasks().size()) + "  " + ctx.Label(ctx.S("about.targets")) +
                       std::to_string(cat.TargetCount()) + "  " + ctx.Label(ctx.S("about.units")) +
                       std::to_string(cat.Units().size()) + "  " + ctx.Label(ctx.S("home.points")) +
                       std::to_string(cat.Points().size()));
    Heading(ctx, ctx.S("about.sources"));
    for (const core::Plan& p : cat.Plans()) {
        ImGui::Bullet();
        Paragraph(ctx, p.title + " — " + p.source.file + (p.published.empty() ? "" : " (" + p.published + ")"));
    }
    Heading(ctx, ctx.S("about.offline"));
    Paragraph(ctx, ctx.S("about.offline_body"));
}

}  // namespace ui
