// UnitView.cpp — one unit (a government body) across all plans: every task it leads and every
// task it shares responsibility for, grouped by plan. Depends on ImGui, Views, Widgets.
#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {
namespace {

void TaskList(ViewContext& ctx, const std::vector<size_t>& tasks, const char* id) {
    const core::Plan* current = nullptr;
    for (size_t i : tasks) {
        const core::TaskRef& t = ctx.catalog.Tasks()[i];
        if (t.plan != current) {
            current = t.plan;
            ImGui::Spacing();
            Meta(ctx, t.plan->title);
        }
        std::string label = (t.task->number.empty() ? "" : t.task->number + " ") + t.task->title;
        ImGui::PushID(id);
        ImGui::PushID(int(i));
        ImGui::PushTextWrapPos(0);
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0, ctx.Em(1.8f)))) ctx.navigate({core::Screen::Task, t.task->id.str(), ""});
        ImGui::PopTextWrapPos();
        ImGui::PopID();
        ImGui::PopID();
        ctx.mirror.Line(label);
    }
}

}  // namespace

void DrawUnitView(ViewContext& ctx) {
    const std::string& name = ctx.state.route.id;
    const core::UnitRef* unit = ctx.catalog.FindUnit(name);
    if (ImGui::Button(ctx.T("nav.back_home"), ImVec2(0, ctx.Em(2.2f)))) ctx.navigate({});
    ctx.mirror.Line("[" + ctx.S("nav.back_home") + "]");
    if (!unit) {
        // A link made from a document's wording ("区司法局"): the unit that plan meant, or the
        // units it may mean; else say so, with a search for the name.
        const std::vector<const core::UnitRef*> meant = ctx.catalog.UnitsPrintedAs(name);
        if (meant.size() == 1) {
            unit = meant[0];
        } else {
            Heading(ctx, ctx.S(meant.empty() ? "unit.not_found" : "unit.several"), 1);
            Paragraph(ctx, name);
            for (const core::UnitRef* u : meant) {
                const std::string label = std::string(u->canonical) + " (" +
                                          std::to_string(u->lead_tasks.size() + u->responsible_tasks.size()) + ")";
                if (BigButton(ctx, label)) ctx.navigate({core::Screen::Unit, u->canonical, ""});
            }
            if (meant.empty() && !name.empty() && BigButton(ctx, ctx.S("unit.search"))) SearchFor(ctx, name);
            return;
        }
    }
    Heading(ctx, unit->canonical, 1);
    if (unit->printed.size() > 1 || (unit->printed.size() == 1 && unit->printed[0] != unit->canonical))
        Field(ctx, ctx.S("unit.printed"), Join(unit->printed, "、"));
    Heading(ctx, ctx.S("unit.leads") + " (" + std::to_string(unit->lead_tasks.size()) + ")");
    TaskList(ctx, unit->lead_tasks, "lead");
    Heading(ctx, ctx.S("unit.responsible") + " (" + std::to_string(unit->responsible_tasks.size()) + ")");
    TaskList(ctx, unit->responsible_tasks, "resp");
}

}  // namespace ui
