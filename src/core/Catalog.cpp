// Catalog.cpp — builds the flat task and unit indexes once, after load.
// Depends on Catalog.h only.
#include "Catalog.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace core {

Catalog::Catalog(std::vector<Plan> plans, std::vector<ServicePoint> points, std::vector<Channel> channels,
                 std::vector<Theme> themes, TextArena text)
    : m_text(std::move(text)), m_plans(std::move(plans)), m_points(std::move(points)),
      m_channels(std::move(channels)), m_themes(std::move(themes)) {
    RehomeText();  // first, so the id indexes sort ids already in the arena
    BuildIndexes();
}

namespace {
// The tasks under `s` in Catalog::Tasks() order (CollectTasks: a section's own tasks, then its
// subsections'), their title first, then their body, then the rest.
template <class Fn>
void EachTaskText(Section& s, Fn& fn) {
    for (Task& t : s.tasks) {
        fn(t.title);
        fn(t.text);
        fn(t.id);
        fn(t.number);
        for (Target& g : t.targets) fn(g.quote);
        for (Figure& f : t.figures) fn(f.quote);
    }
    for (Section& child : s.sections) EachTaskText(child, fn);
}
template <class Fn>
void EachSectionText(Section& s, Fn& fn) {
    fn(s.number);
    fn(s.title);
    fn(s.text);
    for (Section& child : s.sections) EachSectionText(child, fn);
}
}  // namespace

void Catalog::RehomeText() {
    auto walk = [&](auto&& fn) {
        for (Plan& p : m_plans) {
            fn(p.title);
            fn(p.intro);
            fn(p.id);
            fn(p.published);
            fn(p.source.quote);
        }
        for (Plan& p : m_plans)
            for (Section& s : p.sections) EachTaskText(s, fn);
        for (Plan& p : m_plans)
            for (Section& s : p.sections) EachSectionText(s, fn);
        for (ServicePoint& p : m_points) {
            fn(p.name);
            fn(p.address);
            fn(p.phone);
            fn(p.id);
            fn(p.source.quote);
        }
        for (Channel& c : m_channels) {
            fn(c.name);
            fn(c.number);
            fn(c.url);
            fn(c.id);
            fn(c.source.quote);
        }
    };
    size_t bytes = 0;
    walk([&](const Text& t) {
        if (t.Owned()) bytes += t.size() + 1;
    });
    if (bytes == 0) return;
    m_text.Reserve(bytes);  // one exact block for everything the records own
    walk([&](Text& t) {
        if (t.Owned()) t = m_text.Add(t);  // (the move frees the owned block)
    });
}

namespace {
// Entries the tasks under `section` (at `depth`) need in the path array; `tasks` counts them.
size_t PathEntries(const Section& section, size_t depth, size_t& tasks) {
    size_t n = section.tasks.size() * depth;
    tasks += section.tasks.size();
    for (const Section& child : section.sections) n += PathEntries(child, depth + 1, tasks);
    return n;
}
// Appends the tasks under `section`, each with its path copied into `paths` (reserved up front,
// so the views stay valid).
void CollectTasks(const Plan& plan, std::vector<const Section*>& path, const Section& section,
                  std::vector<TaskRef>& out, std::vector<const Section*>& paths) {
    path.push_back(&section);
    for (const Task& task : section.tasks) {
        const Section* const* first = paths.data() + paths.size();
        paths.insert(paths.end(), path.begin(), path.end());
        out.push_back({&plan, SectionPath(first, uint32_t(path.size())), &task});
    }
    for (const Section& child : section.sections) CollectTasks(plan, path, child, out, paths);
    path.pop_back();
}
}  // namespace

namespace {
std::string_view KeyOf(const Plan& p) { return p.id; }
std::string_view KeyOf(const ServicePoint& p) { return p.id; }
std::string_view KeyOf(const Theme& t) { return t.id; }
std::string_view KeyOf(const TaskRef& t) { return t.task->id; }
std::string_view KeyOf(const UnitRef& u) { return u.canonical; }

// A key for SortedBy: its first 16 bytes (big-endian, zero-padded: integer order is byte order),
// the whole key for ties (no trip through the record) and its record's position.
struct KeyEntry {
    uint64_t hi, lo;
    std::string_view key;
    uint32_t index;
};
KeyEntry EntryOf(std::string_view k, uint32_t index) {
    uint8_t b[16] = {};
    std::memcpy(b, k.data(), std::min<size_t>(k.size(), 16));
    uint64_t hi = 0, lo = 0;
    for (int j = 0; j < 8; ++j) hi = hi << 8 | b[j], lo = lo << 8 | b[8 + j];
    return {hi, lo, k, index};
}
// The positions of `entries` (made in record order) in key order; equal keys keep record order.
// The sort runs over the keys' first bytes next to the positions, so it rarely leaves that array:
// comparing through the records (a record, then its string) was two cache misses a comparison,
// 345 ms for 650,000 service points. Not a template: one sort for every kind of record (a sort
// of each kind's own cost 1.3 KB of wasm each).
std::vector<uint32_t> SortedEntries(std::vector<KeyEntry>& entries) {
    auto before = [](const KeyEntry& a, const KeyEntry& b) {
        if (a.hi != b.hi) return a.hi < b.hi;
        if (a.lo != b.lo) return a.lo < b.lo;
        int c = a.key.compare(b.key);  // same first 16 bytes (or padding): the whole keys
        return c < 0 || (c == 0 && a.index < b.index);
    };
    if (!std::is_sorted(entries.begin(), entries.end(), before)) std::sort(entries.begin(), entries.end(), before);
    std::vector<uint32_t> order(entries.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = entries[i].index;
    return order;
}
// Positions of `items` sorted by key_of(item); equal keys keep record order.
template <class T, class Key>
std::vector<uint32_t> SortedBy(const std::vector<T>& items, Key key_of) {
    std::vector<KeyEntry> entries(items.size());
    for (size_t i = 0; i < entries.size(); ++i) entries[i] = EntryOf(key_of(items[i]), uint32_t(i));
    return SortedEntries(entries);
}
template <class T>
std::vector<uint32_t> SortedByKey(const std::vector<T>& items) {
    return SortedBy(items, [](const T& item) { return KeyOf(item); });
}
std::string_view SourceOf(const Plan& plan) { return plan.source.file; }
}  // namespace

void Catalog::BuildIndexes() {
    // First record wins on a duplicate id (CheckReferences reports the repeat).
    m_plan_by_id = SortedByKey(m_plans);
    m_plan_by_source = SortedBy(m_plans, SourceOf);
    m_point_by_id = SortedByKey(m_points);
    m_theme_by_id = SortedByKey(m_themes);
    size_t entries = 0, tasks = 0;
    for (const Plan& plan : m_plans)
        for (const Section& s : plan.sections) entries += PathEntries(s, 1, tasks);
    m_paths.reserve(entries);
    m_tasks.reserve(tasks);
    std::vector<const Section*> path;
    for (const Plan& plan : m_plans)
        for (const Section& s : plan.sections) CollectTasks(plan, path, s, m_tasks, m_paths);
    std::unordered_map<Atom, size_t> unit_index;  // atoms hash and compare as pointers
    auto add_unit = [&](const Plan& plan, Atom printed, size_t task, bool lead) {
        Atom canonical = CanonicalUnit(plan, printed);
        auto it = unit_index.find(canonical);  // (emplace would allocate a node every time)
        if (it == unit_index.end()) {
            it = unit_index.emplace(canonical, m_units.size()).first;
            m_units.push_back({canonical, {}, {}, {}});
        }
        UnitRef& u = m_units[it->second];
        if (std::find(u.printed.begin(), u.printed.end(), printed) == u.printed.end()) u.printed.push_back(printed);
        (lead ? u.lead_tasks : u.responsible_tasks).push_back(task);
    };
    for (size_t i = 0; i < m_tasks.size(); ++i) {
        const TaskRef& ref = m_tasks[i];
        m_target_count += ref.task->targets.size();
        for (Atom u : ref.task->lead_units) add_unit(*ref.plan, u, i, true);
        for (Atom u : ref.task->responsible_units) add_unit(*ref.plan, u, i, false);
    }
    std::sort(m_units.begin(), m_units.end(), [](const UnitRef& a, const UnitRef& b) {
        size_t na = a.lead_tasks.size() + a.responsible_tasks.size();
        size_t nb = b.lead_tasks.size() + b.responsible_tasks.size();
        return na != nb ? na > nb : a.canonical < b.canonical;
    });
    m_task_by_id = SortedByKey(m_tasks);
    m_unit_by_name = SortedByKey(m_units);
}

namespace {
// The record at `key` in `items`, through an id index built once after load.
template <class T, class Key>
const T* LookupBy(const std::vector<uint32_t>& index, const std::vector<T>& items, std::string_view key, Key key_of) {
    auto it = std::lower_bound(index.begin(), index.end(), key,
                               [&](uint32_t i, std::string_view k) { return key_of(items[i]) < k; });
    return it != index.end() && key_of(items[*it]) == key ? &items[*it] : nullptr;
}
template <class T>
const T* Lookup(const std::vector<uint32_t>& index, const std::vector<T>& items, std::string_view key) {
    return LookupBy(index, items, key, [](const T& item) { return KeyOf(item); });
}
}  // namespace

const Plan* Catalog::PlanOfSource(std::string_view file) const {
    return file.empty() ? nullptr : LookupBy(m_plan_by_source, m_plans, file, SourceOf);
}

const Plan* Catalog::FindPlan(const std::string& id) const { return Lookup(m_plan_by_id, m_plans, id); }

const TaskRef* Catalog::FindTask(const std::string& id) const { return Lookup(m_task_by_id, m_tasks, id); }

const ServicePoint* Catalog::FindPoint(const std::string& id) const { return Lookup(m_point_by_id, m_points, id); }

const UnitRef* Catalog::FindUnit(const std::string& canonical) const {
    return Lookup(m_unit_by_name, m_units, canonical);
}

const Theme* Catalog::FindTheme(const std::string& id) const { return Lookup(m_theme_by_id, m_themes, id); }

std::vector<const UnitRef*> Catalog::UnitsPrintedAs(std::string_view printed) const {
    std::vector<const UnitRef*> out;
    if (printed.empty()) return out;
    for (const UnitRef& u : m_units)
        for (Atom p : u.printed)
            if (p == printed) {
                out.push_back(&u);
                break;
            }
    return out;
}

Atom Catalog::CanonicalUnit(const Plan& plan, Atom printed) const {
    for (const UnitName& u : plan.units)
        if (u.printed == printed) return u.canonical;
    return printed;
}

namespace {
using TextFn = std::function<void(std::string_view)>;
template <class List>  // a std::vector of strings, or an AtomList
void Each(const List& v, const TextFn& fn) {
    for (const auto& s : v) fn(s);
}
void EachRegion(const Region& r, const TextFn& fn) {
    fn(r.name);
    fn(r.parent);
}
void EachSource(const Source& s, const TextFn& fn) {
    fn(s.file);
    fn(s.url);
    fn(s.title);
    fn(s.quote);
}
void EachSection(const Section& sec, const TextFn& fn) {
    fn(sec.number);
    fn(sec.title);
    fn(sec.text);
    Each(sec.themes, fn);
    for (const Section& sub : sec.sections) EachSection(sub, fn);
    for (const Task& t : sec.tasks) {
        fn(t.id);
        fn(t.number);
        fn(t.title);
        fn(t.text);
        Each(t.lead_units, fn);
        Each(t.responsible_units, fn);
        Each(t.themes, fn);
        for (const Target& g : t.targets) {
            fn(g.quote);
            fn(g.metric);
            fn(g.comparator);
            fn(g.unit);
            fn(g.due);
        }
        for (const Figure& f : t.figures) {
            fn(f.quote);
            fn(f.metric);
            fn(f.unit);
            fn(f.year);
        }
    }
}
}  // namespace

void Catalog::ForEachText(const std::function<void(std::string_view)>& fn) const {
    for (const Plan& p : m_plans) {
        fn(p.id);
        fn(p.title);
        EachRegion(p.region, fn);
        Each(p.issuers, fn);
        fn(p.published);
        EachSource(p.source, fn);
        Each(p.themes, fn);
        for (const UnitName& u : p.units) {
            fn(u.printed);
            fn(u.canonical);
        }
        fn(p.intro);
        for (const Section& s : p.sections) EachSection(s, fn);
        fn(p.file);
    }
    for (const ServicePoint& p : m_points) {
        fn(p.id);
        fn(p.name);
        fn(p.kind);
        EachRegion(p.region, fn);
        fn(p.address);
        Each(p.services, fn);
        fn(p.hours);
        fn(p.phone);
        EachSource(p.source, fn);
    }
    for (const Channel& c : m_channels) {
        fn(c.id);
        fn(c.name);
        fn(c.kind);
        fn(c.number);
        fn(c.url);
        EachRegion(c.region, fn);
        Each(c.services, fn);
        EachSource(c.source, fn);
    }
    for (const Theme& t : m_themes) {
        fn(t.id);
        fn(t.name);
        fn(t.name_en);
        Each(t.keywords, fn);
    }
    for (const UnitRef& u : m_units) {
        fn(u.canonical);
        Each(u.printed, fn);
    }
}

}  // namespace core
