// PlanView.cpp — one plan: its metadata and provenance, a table of contents, and every section
// and task with units and targets. `#/task/ID` opens the task's plan scrolled to that task.
// Depends on ImGui, Views, Widgets.
#include <cstdio>

#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {
namespace {

std::string FormatNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string TargetText(const core::Target& t) {
    std::string s = t.metric + " " + t.comparator + " " + FormatNumber(t.value) + t.unit;
    if (!t.due.empty()) s += " (" + t.due + ")";
    return s;
}

// Units as tappable chips leading to everything that unit does across plans.
void UnitChips(ViewContext& ctx, const core::Plan& plan, const std::string& label, const core::AtomList& units) {
    if (units.empty()) return;
    const float right = ImGui::GetCursorScreenPos().x + ctx.column_width;  // (the line's start: before the label)
    ctx.mirror.Line(FieldLabel(ctx, label) + Join(units, "、"));
    for (size_t i = 0; i < units.size(); ++i) {
        const std::string& u = units[i];
        float w = ImGui::CalcTextSize(u.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        ImGui::PushID(int(i));
        if (ImGui::Button(u.c_str())) ctx.navigate({core::Screen::Unit, ctx.catalog.CanonicalUnit(plan, u), ""});
        ImGui::PopID();
    }
}

void DrawTask(ViewContext& ctx, const core::Plan& plan, const core::Task& task, const core::Task* highlight) {
    ImGui::PushID(task.id.c_str());
    bool is_target = &task == highlight;
    if (is_target && ctx.state.scroll_to == &task) {
        ImGui::SetScrollHereY(0.1f);
        ctx.state.scroll_to = nullptr;
    }
    ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0x1F, 0x4E, 0x8C, 255));
    Paragraph(ctx, (task.number.empty() ? "" : task.number + " ") + task.title);
    ImGui::PopStyleColor();
    if (task.text != task.title) Paragraph(ctx, task.text);
    ImGui::PushID("lead");
    UnitChips(ctx, plan, ctx.S("task.lead_units"), task.lead_units);
    ImGui::PopID();
    ImGui::PushID("resp");
    UnitChips(ctx, plan, ctx.S("task.responsible_units"), task.responsible_units);
    ImGui::PopID();
    for (const core::Target& t : task.targets) Field(ctx, ctx.S("task.target"), TargetText(t));
    for (const core::Figure& f : task.figures)
        Field(ctx, ctx.S("task.figure"), f.metric + " " + FormatNumber(f.value) + f.unit + (f.year.empty() ? "" : " (" + f.year + ")"));
    if (is_target) {
        ImVec2 end = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(start.x - ctx.Em(0.6f), start.y),
                                                  ImVec2(start.x - ctx.Em(0.35f), end.y), IM_COL32(0xB3, 0x26, 0x1E, 255));
    }
    Rule(ctx);
    ImGui::PopID();
}

void DrawSection(ViewContext& ctx, const core::Plan& plan, const core::Section& section, int depth,
                 const core::Task* highlight) {
    if (ctx.state.scroll_to == &section) {
        ImGui::SetScrollHereY(0.0f);
        ctx.state.scroll_to = nullptr;
    }
    Heading(ctx, (section.number.empty() ? "" : section.number + " ") + section.title, depth + 2);
    if (!section.text.empty()) Paragraph(ctx, section.text);
    for (const core::Task& t : section.tasks) DrawTask(ctx, plan, t, highlight);
    for (const core::Section& s : section.sections) DrawSection(ctx, plan, s, depth + 1, highlight);
}

}  // namespace

void DrawPlanView(ViewContext& ctx) {
    const core::Plan* plan = nullptr;
    const core::Task* highlight = nullptr;
    if (ctx.state.route.screen == core::Screen::Task) {
        if (const core::TaskRef* ref = ctx.catalog.FindTask(ctx.state.route.id)) {
            plan = ref->plan;
            highlight = ref->task;
            if (ctx.state.route_changed) ctx.state.scroll_to = highlight;
        }
    } else {
        plan = ctx.catalog.FindPlan(ctx.state.route.id);
    }
    if (!plan) {
        Heading(ctx, ctx.S("plan.not_found"));
        Paragraph(ctx, ctx.state.route.id);
        if (BigButton(ctx, ctx.S("nav.home"))) ctx.navigate({});
        return;
    }
    if (ImGui::Button(ctx.T("nav.back_home"), ImVec2(0, ctx.Em(2.2f)))) ctx.navigate({});
    ctx.mirror.Line("[" + ctx.S("nav.back_home") + "]");

    Heading(ctx, plan->title, 1);
    Badge(ctx.S(std::string("kind.") + core::ToString(plan->kind)), 0x1F4E8C);
    ImGui::NewLine();
    Meta(ctx, PlanSummary(ctx, *plan));
    Field(ctx, ctx.S("plan.issuers"), Join(plan->issuers, "、"));
    Field(ctx, ctx.S("plan.published"), plan->published);
    Field(ctx, ctx.S("plan.source"), plan->source.file);

    if (!plan->sections.empty() && ImGui::CollapsingHeader(ctx.T("plan.contents"))) {
        for (const core::Section& s : plan->sections) {
            std::string label = (s.number.empty() ? "" : s.number + " ") + s.title;
            ImGui::PushID(&s);
            if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0, ctx.Em(1.8f)))) ctx.state.scroll_to = &s;
            ImGui::PopID();
            ctx.mirror.Line(label);
        }
    }
    if (!plan->intro.empty()) Paragraph(ctx, plan->intro);
    for (const core::Section& s : plan->sections) DrawSection(ctx, *plan, s, 0, highlight);
}

}  // namespace ui
