// SearchCatalog.cpp — turns a Catalog into search records: which text of a plan, task, unit,
// service point or channel is its title, its body and its facets. Depends on Search.h, Catalog.h.
#include "Search.h"

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

// The records of a catalog in index order (plans, tasks, units, points, channels). Shared by Build
// and LoadFrom, which must see exactly the same records, fields and facets; decodes no text.
void SearchIndex::ForEachRecord(const Catalog& catalog, const std::function<void(const SearchRecord&)>& add) {
    SearchRecord r;
    auto reset = [&](RecordType type, size_t index) {
        r.type = type;
        r.index = uint32_t(index);
        r.body.clear();
        r.regions.clear();
        r.kind = {};
        r.themes.clear();
        r.units.clear();
        r.services.clear();
    };
    auto region = [&](const Region& g) {
        r.regions.push_back(g.name);
        if (!g.parent.empty()) r.regions.push_back(g.parent);
    };
    for (size_t i = 0; i < catalog.Plans().size(); ++i) {
        const Plan& p = catalog.Plans()[i];
        reset(RecordType::Plan, i);
        r.id = CatalogRecordId(catalog, RecordType::Plan, i);
        r.title = p.title;
        r.body.push_back(p.region.name);
        for (const std::string& s : p.issuers) r.body.push_back(s);
        r.body.push_back(p.intro);
        region(p.region);
        r.kind = ToString(p.kind);
        for (const std::string& t : p.themes) r.themes.push_back(t);
        add(r);
    }
    // Canonical unit names live in the Catalog's UnitRefs, so tasks can point at them.
    std::vector<std::vector<std::string_view>> task_units(catalog.Tasks().size());
    for (const UnitRef& u : catalog.Units()) {
        for (size_t t : u.lead_tasks) task_units[t].push_back(u.canonical);
        for (size_t t : u.responsible_tasks) task_units[t].push_back(u.canonical);
    }
    for (size_t i = 0; i < catalog.Tasks().size(); ++i) {
        const TaskRef& ref = catalog.Tasks()[i];
        const Task& t = *ref.task;
        reset(RecordType::Task, i);
        r.id = CatalogRecordId(catalog, RecordType::Task, i);
        r.title = t.title;
        if (t.text != t.title) r.body.push_back(t.text);
        for (const std::string& s : t.lead_units) r.body.push_back(s);
        for (const std::string& s : t.responsible_units) r.body.push_back(s);
        region(ref.plan->region);
        r.kind = ToString(ref.plan->kind);
        for (const std::string& s : t.themes) r.themes.push_back(s);
        for (const Section* s : ref.path)
            for (const std::string& th : s->themes) r.themes.push_back(th);
        r.units = task_units[i];
        add(r);
    }
    for (size_t i = 0; i < catalog.Units().size(); ++i) {
        const UnitRef& u = catalog.Units()[i];
        reset(RecordType::Unit, i);
        r.id = CatalogRecordId(catalog, RecordType::Unit, i);
        r.title = u.canonical;
        for (const std::string& s : u.printed)
            if (s != u.canonical) r.body.push_back(s);
        r.units.push_back(u.canonical);
        add(r);
    }
    for (size_t i = 0; i < catalog.Points().size(); ++i) {
        const ServicePoint& p = catalog.Points()[i];
        reset(RecordType::ServicePoint, i);
        r.id = CatalogRecordId(catalog, RecordType::ServicePoint, i);
        r.title = p.name;
        r.body.push_back(p.address);
        for (const std::string& s : p.services) r.body.push_back(s);
        r.body.push_back(p.region.name);
        r.body.push_back(p.phone);
        region(p.region);
        r.kind = p.kind;
        for (const std::string& s : p.services) r.services.push_back(s);
        add(r);
    }
    for (size_t i = 0; i < catalog.Channels().size(); ++i) {
        const Channel& c = catalog.Channels()[i];
        reset(RecordType::Channel, i);
        r.id = CatalogRecordId(catalog, RecordType::Channel, i);
        r.title = c.name;
        r.body.push_back(c.number);
        for (const std::string& s : c.services) r.body.push_back(s);
        r.body.push_back(c.region.name);
        r.body.push_back(c.url);
        region(c.region);
        r.kind = c.kind;
        for (const std::string& s : c.services) r.services.push_back(s);
        add(r);
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
