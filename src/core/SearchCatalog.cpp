// SearchCatalog.cpp — turns a Catalog into search records: which text of a plan, task, unit,
// service point or channel is its title, its body and its facets. Depends on Search.h, Catalog.h.
#include "Search.h"
#include "OutOfLine.h"

namespace core {

size_t SearchIndex::CatalogRecordCount(const Catalog& catalog) {
    return catalog.Plans().size() + catalog.Tasks().size() + catalog.Units().size() + catalog.Points().size() +
           catalog.Channels().size();
}

std::string_view SearchIndex::CatalogRecordId(const Catalog& catalog, RecordType type, size_t index) {
    switch (type) {
        case RecordType::Plan: return catalog.Plans()[index].id;
        case RecordType::Task: return catalog.Tasks()[index].task->id;
        case RecordType::Unit: return catalog.Units()[index].canonical;
        case RecordType::ServicePoint: return catalog.Points()[index].id;
        case RecordType::Channel: return catalog.Channels()[index].id;
    }
    return {};
}

namespace {
// One record of the walk at a time: its fields and facets into `r`.
struct RecordWalk {
    const Catalog& catalog;
    std::vector<std::vector<std::string_view>> task_units;  // canonical unit names, by task
    SearchRecord r;
    void Reset(RecordType type, size_t index) {
        r.type = type;
        r.index = uint32_t(index);
        r.id = SearchIndex::CatalogRecordId(catalog, type, index);
        r.body.clear();
        r.regions.clear();
        r.kind = {};
        r.themes.clear();
        r.units.clear();
        r.services.clear();
    }
    void Region(const core::Region& g) {
        r.regions.push_back(g.name);
        if (!g.parent.empty()) r.regions.push_back(g.parent);
    }
};

void PlanRecord(RecordWalk& w, size_t i) {
    const Plan& p = w.catalog.Plans()[i];
    SearchRecord& r = w.r;
    w.Reset(RecordType::Plan, i);
    r.title = p.title;
    r.body.push_back(p.region.name);
    for (const std::string& s : p.issuers) r.body.push_back(s);
    r.body.push_back(p.intro);
    w.Region(p.region);
    r.kind = ToString(p.kind);
    for (const std::string& t : p.themes) r.themes.push_back(t);
}

void TaskRecord(RecordWalk& w, size_t i) {
    const TaskRef& ref = w.catalog.Tasks()[i];
    const Task& t = *ref.task;
    SearchRecord& r = w.r;
    w.Reset(RecordType::Task, i);
    r.title = t.title;
    if (t.text != t.title) r.body.push_back(t.text);
    for (const std::string& s : t.lead_units) r.body.push_back(s);
    for (const std::string& s : t.responsible_units) r.body.push_back(s);
    w.Region(ref.plan->region);
    r.kind = ToString(ref.plan->kind);
    for (const std::string& s : t.themes) r.themes.push_back(s);
    for (const Section* s : ref.path)
        for (const std::string& th : s->themes) r.themes.push_back(th);
    r.units = w.task_units[i];
}

void UnitRecord(RecordWalk& w, size_t i) {
    const UnitRef& u = w.catalog.Units()[i];
    SearchRecord& r = w.r;
    w.Reset(RecordType::Unit, i);
    r.title = u.canonical;
    for (const std::string& s : u.printed)
        if (s != u.canonical) r.body.push_back(s);
    r.units.push_back(u.canonical);
}

// A service point's or a channel's record: `first`, its services, its region's name and `last`
// are its body; its services are facets too.
template <class Place>
void PlaceRecord(RecordWalk& w, RecordType type, size_t i, const Place& p, std::string_view first, std::string_view last) {
    SearchRecord& r = w.r;
    w.Reset(type, i);
    r.title = p.name;
    r.body.push_back(first);
    for (const std::string& s : p.services) r.body.push_back(s);
    r.body.push_back(p.region.name);
    r.body.push_back(last);
    w.Region(p.region);
    r.kind = p.kind;
    for (const std::string& s : p.services) r.services.push_back(s);
}

void PointRecord(RecordWalk& w, size_t i) {
    const ServicePoint& p = w.catalog.Points()[i];
    PlaceRecord(w, RecordType::ServicePoint, i, p, p.address, p.phone);
}

void ChannelRecord(RecordWalk& w, size_t i) {
    const Channel& c = w.catalog.Channels()[i];
    PlaceRecord(w, RecordType::Channel, i, c, c.number, c.url);
}
}  // namespace

// The records of a catalog in index order (plans, tasks, units, points, channels). Shared by Build
// and LoadFrom, which must see exactly the same records, fields and facets; decodes no text.
void SearchIndex::ForEachRecord(const Catalog& catalog, const std::function<void(const SearchRecord&)>& add) {
    RecordWalk w{catalog, {}, {}};
    // Canonical unit names live in the Catalog's UnitRefs, so tasks can point at them.
    w.task_units.resize(catalog.Tasks().size());
    for (const UnitRef& u : catalog.Units()) {
        for (size_t t : u.lead_tasks) w.task_units[t].push_back(u.canonical);
        for (size_t t : u.responsible_tasks) w.task_units[t].push_back(u.canonical);
    }
    // A record at a time, OutOfLine: the walk over a national catalog's 960,000 records is one
    // call of this function, which ran all of it in a browser's baseline code.
    const std::pair<void (*)(RecordWalk&, size_t), size_t> kinds[] = {
        {PlanRecord, catalog.Plans().size()}, {TaskRecord, catalog.Tasks().size()}, {UnitRecord, catalog.Units().size()},
        {PointRecord, catalog.Points().size()}, {ChannelRecord, catalog.Channels().size()}};
    for (const auto& [fill, count] : kinds) {
        auto* record = OutOfLine(fill);
        for (size_t i = 0; i < count; ++i) {
            record(w, i);
            add(w.r);
        }
    }
}

SearchIndex SearchIndex::Build(const Catalog& catalog, Synonyms synonyms) {
    Builder builder(&catalog);
    size_t records = CatalogRecordCount(catalog);
    builder.Reserve(records, records * 60);
    ForEachRecord(catalog, [&](const SearchRecord& r) { builder.Add(r); });
    return builder.Finish(std::move(synonyms));
}

}  // namespace core
