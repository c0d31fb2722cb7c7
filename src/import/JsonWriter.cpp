// JsonWriter.cpp — serialises plans, service points, channels and themes with nlohmann's
// ordered_json (insertion order = schema order), two-space indent, UTF-8 kept as is, and a
// final newline. Optional fields that are empty are left out ("the source does not say").
// Depends on JsonWriter.h, nlohmann_json.
#include "JsonWriter.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace importer {

namespace {
using J = nlohmann::ordered_json;

void PutString(J& j, const char* key, std::string_view v) {
    if (!v.empty()) j[key] = std::string(v);
}
template <class S>  // std::string or core::Atom
void PutStrings(J& j, const char* key, const std::vector<S>& v) {
    if (!v.empty()) j[key] = v;
}
void PutStrings(J& j, const char* key, const core::AtomList& v) {
    if (!v.empty()) j[key] = v;
}
// Whole numbers are written as integers (100, not 100.0).
J Number(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e15) return J(static_cast<long long>(v));
    return J(v);
}

J RegionJson(const core::Region& r) {
    J j = J::object();
    j["name"] = r.name;
    if (r.level != core::RegionLevel::Unknown) j["level"] = core::ToString(r.level);
    PutString(j, "parent", r.parent);
    return j;
}

J SourceJson(const core::Source& s, bool with_quote) {
    J j = J::object();
    j["file"] = s.file;
    PutString(j, "url", s.url);
    if (!with_quote) PutString(j, "title", s.title);
    if (with_quote) PutString(j, "quote", s.quote);
    return j;
}

J TaskJson(const core::Task& t) {
    J j = J::object();
    j["id"] = t.id;
    PutString(j, "number", t.number);
    j["title"] = t.title;
    j["text"] = t.text;
    PutStrings(j, "lead_units", t.lead_units);
    PutStrings(j, "responsible_units", t.responsible_units);
    if (!t.targets.empty()) {
        J arr = J::array();
        for (const core::Target& x : t.targets) {
            J e = J::object();
            e["quote"] = x.quote;
            e["metric"] = x.metric;
            e["comparator"] = x.comparator;
            e["value"] = Number(x.value);
            PutString(e, "unit", x.unit);
            PutString(e, "due", x.due);
            arr.push_back(e);
        }
        j["targets"] = arr;
    }
    if (!t.figures.empty()) {
        J arr = J::array();
        for (const core::Figure& x : t.figures) {
            J e = J::object();
            e["quote"] = x.quote;
            e["metric"] = x.metric;
            e["value"] = Number(x.value);
            PutString(e, "unit", x.unit);
            PutString(e, "year", x.year);
            arr.push_back(e);
        }
        j["figures"] = arr;
    }
    PutStrings(j, "themes", t.themes);
    return j;
}

J SectionJson(const core::Section& s) {
    J j = J::object();
    PutString(j, "number", s.number);
    j["title"] = s.title;
    PutString(j, "text", s.text);
    PutStrings(j, "themes", s.themes);
    if (!s.sections.empty()) {
        J arr = J::array();
        for (const core::Section& c : s.sections) arr.push_back(SectionJson(c));
        j["sections"] = arr;
    }
    if (!s.tasks.empty()) {
        J arr = J::array();
        for (const core::Task& t : s.tasks) arr.push_back(TaskJson(t));
        j["tasks"] = arr;
    }
    return j;
}

std::string Dump(const J& j) { return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n"; }
}  // namespace

std::string PlanToJson(const core::Plan& p) {
    J j = J::object();
    j["schema"] = 1;
    j["id"] = p.id;
    j["title"] = p.title;
    j["kind"] = core::ToString(p.kind);
    j["region"] = RegionJson(p.region);
    PutStrings(j, "issuers", p.issuers);
    PutString(j, "published", p.published);
    if (p.period_from || p.period_to) {
        J period = J::object();
        if (p.period_from) period["from"] = p.period_from;
        if (p.period_to) period["to"] = p.period_to;
        j["period"] = period;
    }
    if (p.year) j["year"] = p.year;
    j["source"] = SourceJson(p.source, false);
    PutStrings(j, "themes", p.themes);
    if (!p.units.empty()) {
        J arr = J::array();
        for (const core::UnitName& u : p.units) arr.push_back(J{{"printed", u.printed}, {"canonical", u.canonical}});
        j["units"] = arr;
    }
    PutString(j, "intro", p.intro);
    J sections = J::array();
    for (const core::Section& s : p.sections) sections.push_back(SectionJson(s));
    j["sections"] = sections;
    return Dump(j);
}

std::string PointsToJson(const std::vector<core::ServicePoint>& points) {
    J arr = J::array();
    for (const core::ServicePoint& p : points) {
        J j = J::object();
        j["id"] = p.id;
        j["name"] = p.name;
        j["kind"] = p.kind;
        if (p.level != core::RegionLevel::Unknown) j["level"] = core::ToString(p.level);
        j["region"] = RegionJson(p.region);
        PutString(j, "address", p.address);
        if (p.location) {
            J l = J::object();
            l["lat"] = Number(p.location->lat);
            l["lon"] = Number(p.location->lon);
            if (p.location->precision != core::Precision::Unknown) l["precision"] = core::ToString(p.location->precision);
            j["location"] = l;
        }
        PutStrings(j, "services", p.services);
        PutString(j, "hours", p.hours);
        PutString(j, "phone", p.phone);
        if (p.count) j["count"] = p.count;
        j["source"] = SourceJson(p.source, true);
        arr.push_back(j);
    }
    J root = J::object();
    root["schema"] = 1;
    root["points"] = arr;
    return Dump(root);
}

std::string ChannelsToJson(const std::vector<core::Channel>& channels) {
    J arr = J::array();
    for (const core::Channel& c : channels) {
        J j = J::object();
        j["id"] = c.id;
        j["name"] = c.name;
        j["kind"] = c.kind;
        PutString(j, "number", c.number);
        PutString(j, "url", c.url);
        if (!c.region.name.empty()) j["region"] = RegionJson(c.region);
        PutStrings(j, "services", c.services);
        j["source"] = SourceJson(c.source, true);
        arr.push_back(j);
    }
    J root = J::object();
    root["schema"] = 1;
    root["channels"] = arr;
    return Dump(root);
}

std::string ThemesToJson(const std::vector<core::Theme>& themes) {
    J arr = J::array();
    for (const core::Theme& t : themes) {
        J j = J::object();
        j["id"] = t.id;
        j["name"] = t.name;
        PutString(j, "name_en", t.name_en);
        PutStrings(j, "keywords", t.keywords);
        arr.push_back(j);
    }
    J root = J::object();
    root["schema"] = 1;
    root["themes"] = arr;
    return Dump(root);
}

}  // namespace importer
