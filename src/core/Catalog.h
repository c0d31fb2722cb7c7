// Catalog.h — everything loaded from a data folder, immutable after load, with flat indexes
// (every task with its plan and section path; units across plans) and all the records' free text
// in one arena, in the order search reads it. Depends on Model.h (Text.h).
#pragma once
#include <functional>
#include <cstdint>
#include <string_view>
#include <string>
#include <vector>

#include "Model.h"
#include "Problem.h"

namespace core {

// The sections a task sits in, outermost first: a view into one array the Catalog keeps for all
// tasks (a vector per task cost 250,000 allocations at national scale).
class SectionPath {
public:
    SectionPath() = default;
    SectionPath(const Section* const* first, uint32_t count) : m_first(first), m_count(count) {}
    const Section* const* begin() const { return m_first; }
    const Section* const* end() const { return m_first + m_count; }
    size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    const Section* operator[](size_t i) const { return m_first[i]; }
    const Section* back() const { return m_first[m_count - 1]; }

private:
    const Section* const* m_first = nullptr;
    uint32_t m_count = 0;
};

// A task together with where it sits.
struct TaskRef {
    const Plan* plan = nullptr;
    SectionPath path;  // outermost first
    const Task* task = nullptr;
};

// A canonical unit and every task that names it, across plans.
struct UnitRef {
    Atom canonical;
    std::vector<Atom> printed;  // forms seen in the documents
    std::vector<size_t> lead_tasks;        // indexes into Catalog::Tasks()
    std::vector<size_t> responsible_tasks;
};

class Catalog {
public:
    Catalog() = default;
    // Every owned Text of the records moves into the Catalog's arena (each block freed as it goes,
    // so the peak stays low), in the order SearchIndex::ForEachRecord walks records and fields:
    // plans, tasks in Tasks() order, service points, channels; a record's title first, then its
    // body, then the rest; section text after the tasks. Texts that borrow from `text` (the
    // arena a pack reader filled) stay where they are; a Text may borrow from no other arena.
    Catalog(std::vector<Plan> plans, std::vector<ServicePoint> points, std::vector<Channel> channels,
            std::vector<Theme> themes, TextArena text = {});
    Catalog(const Catalog&) = delete;  // indexes point into the vectors
    Catalog& operator=(const Catalog&) = delete;
    Catalog(Catalog&&) = delete;

    const std::vector<Plan>& Plans() const { return m_plans; }
    const std::vector<ServicePoint>& Points() const { return m_points; }
    const std::vector<Channel>& Channels() const { return m_channels; }
    const std::vector<Theme>& Themes() const { return m_themes; }
    const std::vector<TaskRef>& Tasks() const { return m_tasks; }
    const std::vector<UnitRef>& Units() const { return m_units; }

    const Plan* FindPlan(const std::string& id) const;
    const TaskRef* FindTask(const std::string& id) const;
    const ServicePoint* FindPoint(const std::string& id) const;
    const UnitRef* FindUnit(const std::string& canonical) const;
    const Theme* FindTheme(const std::string& id) const;
    // The plan or report made from the document `file` (Source::file; the first such plan), so a
    // service point's source reads as that document's title; null when none or `file` is empty.
    const Plan* PlanOfSource(std::string_view file) const;
    // The units some plan printed as `printed` (UnitRef::printed), in Units() order (most tasks
    // first): a link made from a document's wording ("区司法局"), where a unit's page is under its
    // canonical name ("通州区司法局"); several where plans of different places print it alike.
    std::vector<const UnitRef*> UnitsPrintedAs(std::string_view printed) const;
    // Canonical name of a unit as printed in a plan (the plan's unit map, else the printed form).
    Atom CanonicalUnit(const Plan& plan, Atom printed) const;
    size_t TargetCount() const { return m_target_count; }
    size_t SectionPathEntries() const { return m_paths.size(); }  // for memory reports
    const TextArena& TextStore() const { return m_text; }  // where the records' free text lives
    // Calls `fn` with every string of every record (titles, text, units, regions, sources, ...):
    // what the views can show. Used to make sure the font has a glyph for each character.
    void ForEachText(const std::function<void(std::string_view)>& fn) const;

private:
    void BuildIndexes();
    void RehomeText();

    TextArena m_text;  // before the records: destroyed after them
    std::vector<Plan> m_plans;
    std::vector<ServicePoint> m_points;
    std::vector<Channel> m_channels;
    std::vector<Theme> m_themes;
    std::vector<TaskRef> m_tasks;
    std::vector<const Section*> m_paths;  // every task's SectionPath, one after another
    std::vector<UnitRef> m_units;
    // Id indexes: record positions sorted by id (ties in record order, so the first of a repeated
    // id wins), searched by bisection. 4 bytes a record and no copy of the id, where a std::map
    // cost a tree node and a string each (about 90 MB for a national catalog).
    std::vector<uint32_t> m_plan_by_id, m_point_by_id, m_theme_by_id, m_task_by_id, m_unit_by_name;
    std::vector<uint32_t> m_plan_by_source;  // plans sorted by Source::file
    size_t m_target_count = 0;
};

}  // namespace core
