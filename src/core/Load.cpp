// Load.cpp — JSON data folder -> Catalog. Every problem is collected with file, line:column and
// JSON pointer; what is valid loads. Depends on nlohmann_json, JsonLocate, Model, Catalog.
// No exceptions are thrown or needed (the web build runs without them): parsing goes through
// the SAX interface and every access checks the type first.
#include "Load.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "Files.h"
#include "JsonLocate.h"

namespace core {

using nlohmann::json;
using Ptr = json::json_pointer;

namespace {

// Builds a DOM but reports a syntax error instead of throwing.
struct DomParser : nlohmann::detail::json_sax_dom_parser<json> {
    explicit DomParser(json& root) : json_sax_dom_parser<json>(root, false) {}
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& last_token, const Exception& ex) {
        // `position` is just past the offending token; point at its start instead.
        error_position = position >= last_token.size() ? position - last_token.size() : 0;
        error_message = ex.what();
        return false;
    }
    size_t error_position = 0;
    std::string error_message;
};

// "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..." ->
// "syntax error ..."
std::string CleanParseMessage(const std::string& what) {
    std::string m = what;
    auto colon = m.find(": ");
    if (m.rfind("[json.exception", 0) == 0 && colon != std::string::npos) m = m.substr(colon + 2);
    return m;
}

const char* Describe(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "object";
        case json::value_t::array: return "array";
        case json::value_t::string: return "string";
        case json::value_t::boolean: return "boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "number";
        default: return "value";
    }
}

bool IsId(std::string_view s) {
    if (s.empty()) return false;
    auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!ok_first(s[0])) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) { return ok_first(c) || c == '.' || c == '_' || c == '-'; });
}

// YYYY, YYYY-MM or YYYY-MM-DD, checked by hand: std::regex cost 31 KB of wasm (13 KB gzip).
bool IsDate(const std::string& s) {
    auto digits = [&](size_t from, size_t n) {
        for (size_t i = from; i < from + n; ++i)
            if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
    if (!digits(0, 4)) return false;
    if (s.size() >= 7 && (s[4] != '-' || !digits(5, 2))) return false;
    if (s.size() == 10 && (s[7] != '-' || !digits(8, 2))) return false;
    return true;
}

// Reads fields of one JSON document, recording problems with their pointers.
class Reader {
public:
    Reader(const std::string& file, const std::string& text, Problems& problems)
        : m_file(file), m_text(text), m_problems(problems) {}

    void Error(const Ptr& p, const std::string& msg) { Add(Severity::Error, p, msg); }
    void Warn(const Ptr& p, const std::string& msg) { Add(Severity::Warning, p, msg); }

    // Warns about members of `obj` not in `known`.
    void CheckKnown(const json& obj, const Ptr& p, std::initializer_list<const char*> known) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool found = std::any_of(known.begin(), known.end(), [&](const char* k) { return it.key() == k; });
            if (!found) Warn(p / it.key(), "unknown field \"" + it.key() + "\" (ignored)");
        }
    }

    bool IsObject(const json& j, const Ptr& p, const char* what = "object") {
        if (j.is_object()) return true;
        Error(p, std::string("expected ") + what + ", got " + Describe(j));
        return false;
    }

    // Required string: false (and an error) when missing, of the wrong type or empty.
    template <class S>  // std::string, Text or Atom
    bool ReqString(const json& obj, const Ptr& p, const char* key, S& out) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            Error(p, std::string("missing required field \"") + key + "\"");
            return false;
        }
        return String(*it, p / key, out, true);
    }
    // Optional string: an error when of the wrong type, but the record stays.
    template <class S>
    void OptString(const json& obj, const Ptr& p, const char* key, S& out) {
        auto it = obj.find(key);
        if (it != obj.end() && !it->is_null()) String(*it, p / key, out, false);
    }
    template <class S>
    bool String(const json& j, const Ptr& p, S& out, bool required) {
        if (!j.is_string()) {
            Error(p, std::string("expected string, got ") + Describe(j));
            return false;
        }
        const std::string& text = j.get_ref<const std::string&>();
        out = text;
        if (required && Trimmed(text).empty()) {
            Error(p, "must not be empty");
            return false;
        }
        return true;
    }
    template <class S>
    void OptStrings(const json& obj, const Ptr& p, const char* key, std::vector<S>& out) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return;
        if (!it->is_array()) {
            Error(p / key, std::string("expected array of strings, got ") + Describe(*it));
            return;
        }
        for (size_t i = 0; i < it->size(); ++i) {
            const json& e = (*it)[i];
            if (!e.is_string()) {
                Error(p / key / i, std::string("expected string, got ") + Describe(e));
                continue;
            }
            std::string s = e.get<std::string>();
            if (Trimmed(s).empty()) {
                Error(p / key / i, "must not be empty");
                continue;
            }
            out.push_back(std::move(s));
        }
    }
    // A list of atoms is built whole: read into a vector, then interned once.
    void OptStrings(const json& obj, const Ptr& p, const char* key, AtomList& out) {
        std::vector<Atom> atoms(out.begin(), out.end());
        OptStrings(obj, p, key, atoms);
        out = atoms;
    }
    bool OptInt(const json& obj, const Ptr& p, const char* key, int& out, int lo, int hi) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return false;
        if (!it->is_number_integer()) {
            Error(p / key, std::string("expected integer, got ") + Describe(*it));
            return false;
        }
        auto v = it->get<long long>();
        if (v < lo || v > hi) {
            Error(p / key, "out of range: " + std::to_string(v) + " (expected " + std::to_string(lo) + ".." +
                               std::to_string(hi) + ")");
            return false;
        }
        out = int(v);
        return true;
    }
    bool Number(const json& obj, const Ptr& p, const char* key, double& out, bool required) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) Error(p, std::string("missing required field \"") + key + "\"");
            return false;
        }
        if (!it->is_number()) {
            Error(p / key, std::string("expected number, got ") + Describe(*it));
            return false;
        }
        out = it->get<double>();
        return true;
    }
    template <class S>
    void OptDate(const json& obj, const Ptr& p, const char* key, S& out) {
        std::string s;
        OptString(obj, p, key, s);
        if (s.empty()) return;
        if (!IsDate(s)) {
            Error(p / key, "expected a date YYYY, YYYY-MM or YYYY-MM-DD, got \"" + s + "\"");
            return;
        }
        out = s;
    }
    template <class S>  // std::string or Text
    bool ReqId(const json& obj, const Ptr& p, S& out) {
        if (!ReqString(obj, p, "id", out)) return false;
        if (!IsId(out)) {
            Error(p / "id", "invalid id \"" + out + "\" (use a-z, 0-9, '.', '_', '-')");
            return false;
        }
        return true;
    }
    bool ReadRegion(const json& obj, const Ptr& p, Region& out, bool required) {
        auto it = obj.find("region");
        if (it == obj.end()) {
            if (required) Error(p, "missing required field \"region\"");
            return !required;
        }
        Ptr rp = p / "region";
        if (!IsObject(*it, rp)) return false;
        CheckKnown(*it, rp, {"name", "level", "parent"});
        if (!ReqString(*it, rp, "name", out.name)) return false;
        std::string level;
        OptString(*it, rp, "level", level);
        if (!level.empty()) {
            out.level = RegionLevelFromString(level);
            if (out.level == RegionLevel::Unknown)
                Error(rp / "level", "unknown region level \"" + level +
                                        "\" (expected country, province, city, county or township)");
        }
        OptString(*it, rp, "parent", out.parent);
        return true;
    }
    bool ReadSource(const json& obj, const Ptr& p, Source& out, bool required) {
        auto it = obj.find("source");
        if (it == obj.end()) {
            if (required) Error(p, "missing required field \"source\"");
            return !required;
        }
        Ptr sp = p / "source";
        if (!IsObject(*it, sp)) return false;
        CheckKnown(*it, sp, {"file", "url", "title", "quote"});
        if (!ReqString(*it, sp, "file", out.file)) return false;
        OptString(*it, sp, "url", out.url);
        OptString(*it, sp, "title", out.title);
        OptString(*it, sp, "quote", out.quote);
        return true;
    }

    static std::string Trimmed(std::string_view s) {
        size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
        return a == std::string::npos ? std::string() : std::string(s.substr(a, b - a + 1));
    }

private:
    void Add(Severity sev, const Ptr& p, const std::string& msg) {
        Problem pr;
        pr.severity = sev;
        pr.file = m_file;
        pr.pointer = p.to_string();
        TextPosition pos = PositionOf(m_text, LocatePointer(m_text, pr.pointer));
        pr.line = pos.line;
        pr.column = pos.column;
        pr.message = msg;
        m_problems.push_back(std::move(pr));
    }

    const std::string& m_file;
    const std::string& m_text;
    Problems& m_problems;
};

bool ReadTarget(Reader& r, const json& j, const Ptr& p, Target& t) {
    if (!r.IsObject(j, p)) return false;
    r.CheckKnown(j, p, {"quote", "metric", "comparator", "value", "unit", "due"});
    if (!r.ReqString(j, p, "quote", t.quote)) return false;
    if (!r.ReqString(j, p, "metric", t.metric)) return false;
    if (!r.ReqString(j, p, "comparator", t.comparator)) return false;
    static const std::set<std::string> comparators{">=", "=", "<=", ">", "<"};
    if (!comparators.count(t.comparator)) {
        r.Error(p / "comparator", "unknown comparator \"" + t.comparator + "\" (expected >=, =, <=, > or <)");
        return false;
    }
    if (!r.Number(j, p, "value", t.value, true)) return false;
    r.OptString(j, p, "unit", t.unit);
    r.OptDate(j, p, "due", t.due);
    return true;
}

bool ReadFigure(Reader& r, const json& j, const Ptr& p, Figure& f) {
    if (!r.IsObject(j, p)) return false;
    r.CheckKnown(j, p, {"quote", "metric", "value", "unit", "year"});
    if (!r.ReqString(j, p, "quote", f.quote)) return false;
    if (!r.ReqString(j, p, "metric", f.metric)) return false;
    if (!r.Number(j, p, "value", f.value, true)) return false;
    r.OptString(j, p, "unit", f.unit);
    r.OptDate(j, p, "year", f.year);
    return true;
}

template <class T, class F>
void ReadArray(Reader& r, const json& obj, const Ptr& p, const char* key, std::vector<T>& out, F read_one) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return;
    if (!it->is_array()) {
        r.Error(p / key, std::string("expected array, got ") + Describe(*it));
        return;
    }
    for (size_t i = 0; i < it->size(); ++i) {
        T item;
        if (read_one(r, (*it)[i], p / key / i, item)) out.push_back(std::move(item));
    }
}

bool ReadTask(Reader& r, const json& j, const Ptr& p, Task& t) {
    if (!r.IsObject(j, p)) return false;
    r.CheckKnown(j, p, {"id", "number", "title", "text", "lead_units", "responsible_units", "targets", "figures",
                        "themes"});
    if (!r.ReqId(j, p, t.id)) return false;
    if (!r.ReqString(j, p, "title", t.title)) return false;
    if (!r.ReqString(j, p, "text", t.text)) return false;
    r.OptString(j, p, "number", t.number);
    r.OptStrings(j, p, "lead_units", t.lead_units);
    r.OptStrings(j, p, "responsible_units", t.responsible_units);
    r.OptStrings(j, p, "themes", t.themes);
    ReadArray(r, j, p, "targets", t.targets, ReadTarget);
    ReadArray(r, j, p, "figures", t.figures, ReadFigure);
    return true;
}

bool ReadSection(Reader& r, const json& j, const Ptr& p, Section& s) {
    if (!r.IsObject(j, p)) return false;
    r.CheckKnown(j, p, {"number", "title", "text", "themes", "sections", "tasks"});
    if (!r.ReqString(j, p, "title", s.title)) return false;
    r.OptString(j, p, "number", s.number);
    r.OptString(j, p, "text", s.text);
    r.OptStrings(j, p, "themes", s.themes);
    ReadArray(r, j, p, "sections", s.sections, ReadSection);
    ReadArray(r, j, p, "tasks", s.tasks, ReadTask);
    return true;
}

bool ReadUnitName(Reader& r, const json& j, const Ptr& p, UnitName& u) {
    if (!r.IsObject(j, p)) return false;
    r.CheckKnown(j, p, {"printed", "canonical"});
    return r.ReqString(j, p, "printed", u.printed) && r.ReqString(j, p, "canonical", u.canonical);
}

void CheckSchema(Reader& r, const json& root) {
    auto it = root.find("schema");
    if (it == root.end()) {
        r.Error(Ptr(), "missing required field \"schema\"");
    } else if (!it->is_number_integer() || it->get<long long>() != 1) {
        r.Error(Ptr("/schema"), "unsupported schema " + it->dump() + " (this app reads schema 1)");
    }
}

void ReadPlanFile(Reader& r, const json& root, const std::string& file, FileData& out) {
    Ptr p;
    if (!r.IsObject(root, p, "a plan object")) return;
    r.CheckKnown(root, p, {"schema", "id", "title", "kind", "region", "issuers", "published", "period", "year",
                           "source", "themes", "units", "intro", "sections"});
    CheckSchema(r, root);
    Plan plan;
    plan.file = file;
    bool ok = r.ReqId(root, p, plan.id);
    ok = r.ReqString(root, p, "title", plan.title) && ok;
    std::string kind;
    if (r.ReqString(root, p, "kind", kind)) {
        plan.kind = PlanKindFromString(kind);
        if (plan.kind == PlanKind::Unknown)
            r.Error(p / "kind", "unknown plan kind \"" + kind +
                                    "\" (expected implementation_plan, work_points, annual_report, work_plan or notice)");
    }
    ok = r.ReadRegion(root, p, plan.region, true) && ok;
    ok = r.ReadSource(root, p, plan.source, true) && ok;
    if (!ok) {
        r.Error(p, "plan skipped: its id, title, region and source are required");
        return;
    }
    r.OptStrings(root, p, "issuers", plan.issuers);
    r.OptDate(root, p, "published", plan.published);
    auto period = root.find("period");
    if (period != root.end() && r.IsObject(*period, p / "period")) {
        r.CheckKnown(*period, p / "period", {"from", "to"});
        r.OptInt(*period, p / "period", "from", plan.period_from, 1949, 2100);
        r.OptInt(*period, p / "period", "to", plan.period_to, 1949, 2100);
        if (plan.period_from && plan.period_to && plan.period_from > plan.period_to)
            r.Error(p / "period", "period ends before it starts");
    }
    r.OptInt(root, p, "year", plan.year, 1949, 2100);
    r.OptStrings(root, p, "themes", plan.themes);
    ReadArray(r, root, p, "units", plan.units, ReadUnitName);
    r.OptString(root, p, "intro", plan.intro);
    if (root.find("sections") == root.end()) r.Error(p, "missing required field \"sections\"");
    ReadArray(r, root, p, "sections", plan.sections, ReadSection);
    out.plans.push_back(std::move(plan));
}

bool ReadPoint(Reader& r, const json& j, const Ptr& p, ServicePoint& sp) {
    if (!r.IsObject(j, p)) return false;
    r.CheckKnown(j, p, {"id", "name", "kind", "level", "region", "address", "location", "services", "hours", "phone",
                        "count", "source"});
    bool ok = r.ReqId(j, p, sp.id);
    ok = ok && r.ReqString(j, p, "name", sp.name);
    ok = ok && r.ReqString(j, p, "kind", sp.kind);
    ok = ok && r.ReadRegion(j, p, sp.region, true);
    ok = ok && r.ReadSource(j, p, sp.source, true);
    if (!ok) return false;
    std::string level;
    r.OptString(j, p, "level", level);
    if (!level.empty()) {
        sp.level = RegionLevelFromString(level);
        if (sp.level == RegionLevel::Unknown) r.Error(p / "level", "unknown level \"" + level + "\"");
    }
    r.OptString(j, p, "address", sp.address);
    r.OptStrings(j, p, "services", sp.services);
    r.OptString(j, p, "hours", sp.hours);
    r.OptString(j, p, "phone", sp.phone);
    r.OptInt(j, p, "count", sp.count, 0, 10000000);
    auto loc = j.find("location");
    if (loc != j.end() && !loc->is_null()) {
        Ptr lp = p / "location";
        if (r.IsObject(*loc, lp)) {
            r.CheckKnown(*loc, lp, {"lat", "lon", "precision"});
            Location l;
            bool lok = r.Number(*loc, lp, "lat", l.lat, true);
            lok = r.Number(*loc, lp, "lon", l.lon, true) && lok;
            if (lok && (l.lat < -90 || l.lat > 90)) {
                r.Error(lp / "lat", "impossible latitude " + loc->find("lat")->dump() + " (expected -90..90)");
                lok = false;
            }
            if (lok && (l.lon < -180 || l.lon > 180)) {
                r.Error(lp / "lon", "impossible longitude " + loc->find("lon")->dump() + " (expected -180..180)");
                lok = false;
            }
            std::string prec;
            r.OptString(*loc, lp, "precision", prec);
            l.precision = PrecisionFromString(prec);
            if (!prec.empty() && l.precision == Precision::Unknown)
                r.Error(lp / "precision", "unknown precision \"" + prec + "\" (expected exact, district or city)");
            if (lok) sp.location = l;
        }
    }
    return true;
}

bool ReadChannel(Reader& r, const json& j, const Ptr& p, Channel& c) {
    if (!r.IsObject(j, p)) return false;
    r.CheckKnown(j, p, {"id", "name", "kind", "number", "url", "region", "services", "source"});
    bool ok = r.ReqId(j, p, c.id);
    ok = ok && r.ReqString(j, p, "name", c.name);
    ok = ok && r.ReqString(j, p, "kind", c.kind);
    ok = ok && r.ReadRegion(j, p, c.region, false);
    ok = ok && r.ReadSource(j, p, c.source, true);
    if (!ok) return false;
    r.OptString(j, p, "number", c.number);
    r.OptString(j, p, "url", c.url);
    r.OptStrings(j, p, "services", c.services);
    return true;
}

bool ReadTheme(Reader& r, const json& j, const Ptr& p, Theme& t) {
    if (!r.IsObject(j, p)) return false;
    r.CheckKnown(j, p, {"id", "name", "name_en", "keywords"});
    if (!r.ReqId(j, p, t.id) || !r.ReqString(j, p, "name", t.name)) return false;
    r.OptString(j, p, "name_en", t.name_en);
    r.OptStrings(j, p, "keywords", t.keywords);
    return true;
}

template <class T, class F>
void ReadListFile(Reader& r, const json& root, const char* key, std::vector<T>& out, F read_one) {
    Ptr p;
    if (!r.IsObject(root, p)) return;
    r.CheckKnown(root, p, {"schema", key});
    CheckSchema(r, root);
    if (root.find(key) == root.end()) r.Error(p, std::string("missing required field \"") + key + "\"");
    ReadArray(r, root, p, key, out, read_one);
}

}  // namespace

void ParseFile(const std::string& file, const std::string& text, FileData& out, Problems& problems) {
    Reader r(file, text, problems);
    json root;
    DomParser parser(root);
    json::sax_parse(text, &parser, json::input_format_t::json, /*strict=*/true);
    if (!parser.error_message.empty()) {
        Problem pr;
        pr.file = file;
        TextPosition pos = PositionOf(text, parser.error_position);
        pr.line = pos.line;
        pr.column = pos.column;
        pr.message = "invalid JSON: " + CleanParseMessage(parser.error_message);
        problems.push_back(std::move(pr));
        return;
    }
    std::string name = std::filesystem::path(file).filename().string();
    if (file.rfind("plans/", 0) == 0) {
        ReadPlanFile(r, root, file, out);
    } else if (name == "service-points.json") {
        ReadListFile(r, root, "points", out.points, ReadPoint);
    } else if (name == "channels.json") {
        ReadListFile(r, root, "channels", out.channels, ReadChannel);
    } else if (name == "themes.json") {
        ReadListFile(r, root, "themes", out.themes, ReadTheme);
    } else {
        r.Warn(Ptr(), "not a known data file (ignored)");
    }
}

namespace {
// Cross-reference problems are found on the catalog, not on the text, so they carry a file and a
// JSON pointer; the check tool adds line:column from the file. Indexes in the pointers count the
// records that loaded: they are the file's own unless an earlier sibling was dropped for an error,
// which is then reported too. Messages name the id as well, so the record is found either way.
Problem ReferenceProblem(const std::string& file, const std::string& pointer, const std::string& message) {
    Problem pr;
    pr.file = file;
    pr.pointer = pointer;
    pr.message = message;
    return pr;
}

template <class T>
void CheckDuplicateIds(const std::vector<T>& items, const char* what, const char* file, const char* list,
                       Problems& problems) {
    std::map<std::string, size_t> seen;
    std::string base = std::string("/") + list + "/";
    for (size_t i = 0; i < items.size(); ++i) {
        auto [it, fresh] = seen.emplace(items[i].id, i);
        if (!fresh)
            problems.push_back(ReferenceProblem(file, base + std::to_string(i) + "/id",
                                                std::string("duplicate ") + what + " id \"" + items[i].id +
                                                    "\" (also " + base + std::to_string(it->second) + ")"));
    }
}

// The checks inside one plan file: task ids across the folder, theme ids at every level, and the
// plan's unit map against the units its tasks name.
class PlanReferences {
public:
    PlanReferences(const Catalog& catalog, Problems& problems) : m_catalog(catalog), m_problems(problems) {}

    void Check(const Plan& plan) {
        m_plan = &plan;
        m_named_units.clear();
        CheckThemes(plan.themes, "");
        for (size_t i = 0; i < plan.sections.size(); ++i)
            CheckSection(plan.sections[i], "/sections/" + std::to_string(i));
        for (size_t i = 0; i < plan.units.size(); ++i)
            if (!m_named_units.count(plan.units[i].printed))
                Add("/units/" + std::to_string(i) + "/printed",
                    "unit \"" + plan.units[i].printed + "\" is named by no task of this plan");
    }

private:
    void CheckSection(const Section& s, const std::string& pointer) {
        CheckThemes(s.themes, pointer);
        for (size_t i = 0; i < s.tasks.size(); ++i) CheckTask(s.tasks[i], pointer + "/tasks/" + std::to_string(i));
        for (size_t i = 0; i < s.sections.size(); ++i)
            CheckSection(s.sections[i], pointer + "/sections/" + std::to_string(i));
    }

    void CheckTask(const Task& t, const std::string& pointer) {
        auto [it, fresh] = m_task_ids.emplace(t.id, m_plan->file + " " + pointer);
        if (!fresh) Add(pointer + "/id", "duplicate task id \"" + t.id + "\" (also in " + it->second + ")");
        CheckThemes(t.themes, pointer);
        for (const std::string& u : t.lead_units) m_named_units.insert(u);
        for (const std::string& u : t.responsible_units) m_named_units.insert(u);
    }

    void CheckThemes(const AtomList& themes, const std::string& pointer) {
        // Without a themes.json every id would be unknown: that is one missing file, not many
        // dangling references.
        if (m_catalog.Themes().empty()) return;
        for (size_t i = 0; i < themes.size(); ++i)
            if (!m_catalog.FindTheme(themes[i]))
                Add(pointer + "/themes/" + std::to_string(i), "unknown theme \"" + themes[i] + "\" (not in themes.json)");
    }

    void Add(const std::string& pointer, const std::string& message) {
        m_problems.push_back(ReferenceProblem(m_plan->file, pointer, message));
    }

    const Catalog& m_catalog;
    Problems& m_problems;
    const Plan* m_plan = nullptr;
    std::map<std::string, std::string> m_task_ids;  // id -> "file pointer" of its first use
    std::set<std::string> m_named_units;            // printed units the current plan's tasks name
};
}  // namespace

void CheckReferences(const Catalog& catalog, Problems& problems) {
    std::map<std::string, const Plan*> plan_ids;
    for (const Plan& plan : catalog.Plans()) {
        auto [it, fresh] = plan_ids.emplace(plan.id, &plan);
        if (!fresh)
            problems.push_back(ReferenceProblem(plan.file, "/id",
                                                "duplicate plan id \"" + plan.id + "\" (also in " + it->second->file + ")"));
    }
    PlanReferences plans(catalog, problems);
    for (const Plan& plan : catalog.Plans()) plans.Check(plan);
    CheckDuplicateIds(catalog.Points(), "service point", "service-points.json", "points", problems);
    CheckDuplicateIds(catalog.Channels(), "channel", "channels.json", "channels", problems);
    CheckDuplicateIds(catalog.Themes(), "theme", "themes.json", "themes", problems);
}

LoadResult Load(const std::string& dir) {
    namespace fs = std::filesystem;
    LoadResult result;
    FileData data;
    std::error_code ec;
    fs::path root(dir);
    if (!fs::is_directory(root, ec)) {
        result.problems.push_back({Severity::Error, dir, 0, 0, "", "data folder not found"});
        result.catalog = std::make_unique<Catalog>();
        return result;
    }
    std::vector<std::string> files;
    for (const char* name : {"themes.json", "service-points.json", "channels.json"})
        if (fs::exists(root / name, ec)) files.push_back(name);
    std::vector<std::string> plan_files;
    if (fs::is_directory(root / "plans", ec))
        for (const auto& e : fs::directory_iterator(root / "plans", ec))
            if (e.path().extension() == ".json") plan_files.push_back("plans/" + e.path().filename().string());
    std::sort(plan_files.begin(), plan_files.end());
    files.insert(files.end(), plan_files.begin(), plan_files.end());

    for (const std::string& file : files) {
        std::string text;
        if (!ReadFile((root / file).string(), text)) {
            result.problems.push_back({Severity::Error, file, 0, 0, "", "cannot read file"});
            continue;
        }
        ParseFile(file, text, data, result.problems);
    }
    result.catalog = std::make_unique<Catalog>(std::move(data.plans), std::move(data.points),
                                               std::move(data.channels), std::move(data.themes));
    CheckReferences(*result.catalog, result.problems);
    std::stable_sort(result.problems.begin(), result.problems.end(), [](const Problem& a, const Problem& b) {
        if (a.file != b.file) return a.file < b.file;
        return a.line < b.line;
    });
    return result;
}

}  // namespace core
