// ProblemsView.cpp — every problem found while loading the data and UI strings, with file,
// line:column and JSON pointer, so a maintainer can fix the data. Depends on ImGui, Widgets.
#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {

void DrawProblemsView(ViewContext& ctx) {
    Heading(ctx, ctx.S("problems.title") + " (" + std::to_string(ctx.problems.size()) + ")", 1);
    if (ctx.problems.empty()) {
        Paragraph(ctx, ctx.S("problems.none"));
        return;
    }
    Meta(ctx, ctx.S("problems.explain"));
    for (size_t i = 0; i < ctx.problems.size(); ++i) {
        const core::Problem& p = ctx.problems[i];
        ImGui::PushID(int(i));
        Rule(ctx);
        Badge(ctx.S(p.severity == core::Severity::Error ? "problems.error" : "problems.warning"),
              p.severity == core::Severity::Error ? 0xB3261E : 0x8A6D1A);
        ImGui::NewLine();
        Paragraph(ctx, p.ToString());
        ImGui::PopID();
    }
}

}  // namespace ui
