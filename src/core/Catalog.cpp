// Catalog.cpp — builds the flat task and unit indexes once, after load.
// Depends on Catalog.h only.
#include "Catalog.h"

#include <algorithm>

namespace core {

Catalog::Catalog(std::vector<Plan> plans, std::vector<ServicePoint> points, std::vector<Channel> channels,
                 std::vector<Theme> themes)
    : m_plans(std::move(plans)), m_points(std::move(points)), m_channels(std::move(channels)),
      m_themes(std::move(themes)) {
    BuildIndexes();
}

namespace {
void CollectTasks(const Plan& plan, std::vector<const Section*>& path, const Section& section,
                  std::vector<TaskRef>& out) {
    path.push_back(&section);
    for (const Task& task : section.tasks) out.push_back({&plan, path, &task});
    for (const Section& child : section.sections) CollectTasks(plan, path, child, out);
    path.pop_back();
}
}  // namespace

void Catalog::BuildIndexes() {
    // First record wins on a duplicate id (CheckReferences reports the repeat).
    for (size_t i = 0; i < m_plans.size(); ++i) m_plan_by_id.emplace(m_plans[i].id, i);
    for (size_t i = 0; i < m_points.size(); ++i) m_point_by_id.emplace(m_points[i].id, i);
    for (size_t i = 0; i < m_themes.size(); ++i) m_theme_by_id.emplace(m_themes[i].id, i);
    for (const Plan& plan : m_plans) {
        std::vector<const Section*> path;
        for (const Section& s : plan.sections) CollectTasks(plan, path, s, m_tasks);
    }
    std::map<std::string, size_t> unit_index;
    auto add_unit = [&](const Plan& plan, const std::string& printed, size_t task, bool lead) {
        std::string canonical = CanonicalUnit(plan, printed);
        auto [it, fresh] = unit_index.emplace(canonical, m_units.size());
        if (fresh) m_units.push_back({canonical, {}, {}, {}});
        UnitRef& u = m_units[it->second];
        if (std::find(u.printed.begin(), u.printed.end(), printed) == u.printed.end()) u.printed.push_back(printed);
        (lead ? u.lead_tasks : u.responsible_tasks).push_back(task);
    };
    for (size_t i = 0; i < m_tasks.size(); ++i) {
        const TaskRef& ref = m_tasks[i];
        m_task_by_id.emplace(ref.task->id, i);
        m_target_count += ref.task->targets.size();
        for (const std::string& u : ref.task->lead_units) add_unit(*ref.plan, u, i, true);
        for (const std::string& u : ref.task->responsible_units) add_unit(*ref.plan, u, i, false);
    }
    std::sort(m_units.begin(), m_units.end(), [](const UnitRef& a, const UnitRef& b) {
        size_t na = a.lead_tasks.size() + a.responsible_tasks.size();
        size_t nb = b.lead_tasks.size() + b.responsible_tasks.size();
        return na != nb ? na > nb : a.canonical < b.canonical;
    });
    for (size_t i = 0; i < m_units.size(); ++i) m_unit_by_name.emplace(m_units[i].canonical, i);
}

namespace {
// The record at `key` in `items`, through an id index built once after load.
template <class T>
const T* Lookup(const std::map<std::string, size_t>& index, const std::vector<T>& items, const std::string& key) {
    auto it = index.find(key);
    return it == index.end() ? nullptr : &items[it->second];
}
}  // namespace

const Plan* Catalog::FindPlan(const std::string& id) const { return Lookup(m_plan_by_id, m_plans, id); }

const TaskRef* Catalog::FindTask(const std::string& id) const { return Lookup(m_task_by_id, m_tasks, id); }

const ServicePoint* Catalog::FindPoint(const std::string& id) const { return Lookup(m_point_by_id, m_points, id); }

const UnitRef* Catalog::FindUnit(const std::string& canonical) const {
    return Lookup(m_unit_by_name, m_units, canonical);
}

const Theme* Catalog::FindTheme(const std::string& id) const { return Lookup(m_theme_by_id, m_themes, id); }

std::string Catalog::CanonicalUnit(const Plan& plan, const std::string& printed) const {
    for (const UnitName& u : plan.units)
        if (u.printed == printed) return u.canonical;
    return printed;
}

}  // namespace core
