// CatalogDiff.cpp — see CatalogDiff.h.
#include "CatalogDiff.h"

#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace core {

namespace {
std::string Show(const std::string& s) { return "\"" + s + "\""; }
std::string Show(const core::Text& s) { return "\"" + s.str() + "\""; }
std::string Show(const core::Atom& s) { return "\"" + s.str() + "\""; }  // not its bytes as numbers
std::string Show(double v) { return std::to_string(v); }
std::string Show(bool v) { return v ? "true" : "false"; }
template <class T>
std::string Show(const T& v) {
    if constexpr (std::is_enum_v<T>) return std::to_string(static_cast<long long>(v));
    else if constexpr (std::is_arithmetic_v<T>) return std::to_string(v);
    else {
        std::string out = "[";
        for (const auto& x : v) out += (out.size() > 1 ? ", " : "") + Show(x);
        return out + "]";
    }
}

// Field by field over every member of Model.h; `first` is the first difference found.
class Diff {
public:
    std::string first;

    template <class T>
    void Eq(const std::string& where, const T& a, const T& b) {
        if (first.empty() && !(a == b)) first = where + ": " + Show(a) + " != " + Show(b);
    }
    void Num(const std::string& where, double a, double b) {  // bit for bit (a NaN equals itself)
        if (first.empty() && std::memcmp(&a, &b, sizeof a) != 0) first = where + ": " + Show(a) + " != " + Show(b);
    }
    void Region(const std::string& w, const core::Region& a, const core::Region& b) {
        Eq(w + ".name", a.name, b.name);
        Eq(w + ".level", a.level, b.level);
        Eq(w + ".parent", a.parent, b.parent);
    }
    void Source(const std::string& w, const core::Source& a, const core::Source& b) {
        Eq(w + ".file", a.file, b.file);
        Eq(w + ".url", a.url, b.url);
        Eq(w + ".title", a.title, b.title);
        Eq(w + ".quote", a.quote, b.quote);
    }
    template <class T, class F>
    void List(const std::string& w, const std::vector<T>& a, const std::vector<T>& b, F each) {
        Eq(w + " count", a.size(), b.size());
        for (size_t i = 0; i < a.size() && i < b.size() && first.empty(); ++i) each(w + "/" + std::to_string(i), a[i], b[i]);
    }
    void Task(const std::string& w, const core::Task& a, const core::Task& b) {
        Eq(w + ".id", a.id, b.id);
        Eq(w + ".number", a.number, b.number);
        Eq(w + ".title", a.title, b.title);
        Eq(w + ".text", a.text, b.text);
        Eq(w + ".lead_units", a.lead_units, b.lead_units);
        Eq(w + ".responsible_units", a.responsible_units, b.responsible_units);
        Eq(w + ".themes", a.themes, b.themes);
        List(w + ".targets", a.targets, b.targets, [&](const std::string& t, const core::Target& x, const core::Target& y) {
            Eq(t + ".quote", x.quote, y.quote);
            Eq(t + ".metric", x.metric, y.metric);
            Eq(t + ".comparator", x.comparator, y.comparator);
            Num(t + ".value", x.value, y.value);
            Eq(t + ".unit", x.unit, y.unit);
            Eq(t + ".due", x.due, y.due);
        });
        List(w + ".figures", a.figures, b.figures, [&](const std::string& t, const core::Figure& x, const core::Figure& y) {
            Eq(t + ".quote", x.quote, y.quote);
            Eq(t + ".metric", x.metric, y.metric);
            Num(t + ".value", x.value, y.value);
            Eq(t + ".unit", x.unit, y.unit);
            Eq(t + ".year", x.year, y.year);
        });
    }
    void Section(const std::string& w, const core::Section& a, const core::Section& b) {
        Eq(w + ".number", a.number, b.number);
        Eq(w + ".title", a.title, b.title);
        Eq(w + ".text", a.text, b.text);
        Eq(w + ".themes", a.themes, b.themes);
        List(w + ".sections", a.sections, b.sections,
             [&](const std::string& s, const core::Section& x, const core::Section& y) { Section(s, x, y); });
        List(w + ".tasks", a.tasks, b.tasks,
             [&](const std::string& s, const core::Task& x, const core::Task& y) { Task(s, x, y); });
    }
    void Catalogs(const core::Catalog& a, const core::Catalog& b) {
        List("plans", a.Plans(), b.Plans(), [&](const std::string& w, const core::Plan& x, const core::Plan& y) {
            Eq(w + ".id", x.id, y.id);
            Eq(w + ".title", x.title, y.title);
            Eq(w + ".kind", x.kind, y.kind);
            Region(w + ".region", x.region, y.region);
            Eq(w + ".issuers", x.issuers, y.issuers);
            Eq(w + ".published", x.published, y.published);
            Eq(w + ".period_from", x.period_from, y.period_from);
            Eq(w + ".period_to", x.period_to, y.period_to);
            Eq(w + ".year", x.year, y.year);
            Source(w + ".source", x.source, y.source);
            Eq(w + ".themes", x.themes, y.themes);
            List(w + ".units", x.units, y.units, [&](const std::string& u, const core::UnitName& p, const core::UnitName& q) {
                Eq(u + ".printed", p.printed, q.printed);
                Eq(u + ".canonical", p.canonical, q.canonical);
            });
            Eq(w + ".intro", x.intro, y.intro);
            List(w + ".sections", x.sections, y.sections,
                 [&](const std::string& s, const core::Section& p, const core::Section& q) { Section(s, p, q); });
            Eq(w + ".file", x.file, y.file);
        });
        List("points", a.Points(), b.Points(),
             [&](const std::string& w, const core::ServicePoint& x, const core::ServicePoint& y) {
                 Eq(w + ".id", x.id, y.id);
                 Eq(w + ".name", x.name, y.name);
                 Eq(w + ".kind", x.kind, y.kind);
                 Eq(w + ".level", x.level, y.level);
                 Region(w + ".region", x.region, y.region);
                 Eq(w + ".address", x.address, y.address);
                 Eq(w + ".location?", x.location.has_value(), y.location.has_value());
                 if (x.location && y.location) {
                     Num(w + ".location.lat", x.location->lat, y.location->lat);
                     Num(w + ".location.lon", x.location->lon, y.location->lon);
                     Eq(w + ".location.precision", x.location->precision, y.location->precision);
                 }
                 Eq(w + ".services", x.services, y.services);
                 Eq(w + ".hours", x.hours, y.hours);
                 Eq(w + ".phone", x.phone, y.phone);
                 Eq(w + ".count", x.count, y.count);
                 Source(w + ".source", x.source, y.source);
             });
        List("channels", a.Channels(), b.Channels(),
             [&](const std::string& w, const core::Channel& x, const core::Channel& y) {
                 Eq(w + ".id", x.id, y.id);
                 Eq(w + ".name", x.name, y.name);
                 Eq(w + ".kind", x.kind, y.kind);
                 Eq(w + ".number", x.number, y.number);
                 Eq(w + ".url", x.url, y.url);
                 Region(w + ".region", x.region, y.region);
                 Eq(w + ".services", x.services, y.services);
                 Source(w + ".source", x.source, y.source);
             });
        List("themes", a.Themes(), b.Themes(), [&](const std::string& w, const core::Theme& x, const core::Theme& y) {
            Eq(w + ".id", x.id, y.id);
            Eq(w + ".name", x.name, y.name);
            Eq(w + ".name_en", x.name_en, y.name_en);
            Eq(w + ".keywords", x.keywords, y.keywords);
        });
        // The derived indexes follow from the above; check them too.
        Eq("tasks", a.Tasks().size(), b.Tasks().size());
        Eq("targets", a.TargetCount(), b.TargetCount());
        List("units", a.Units(), b.Units(), [&](const std::string& w, const core::UnitRef& x, const core::UnitRef& y) {
            Eq(w + ".canonical", x.canonical, y.canonical);
            Eq(w + ".printed", x.printed, y.printed);
            Eq(w + ".lead_tasks", x.lead_tasks, y.lead_tasks);
            Eq(w + ".responsible_tasks", x.responsible_tasks, y.responsible_tasks);
        });
    }
    void ProblemLists(const core::Problems& a, const core::Problems& b) {
        List("problems", a, b, [&](const std::string& w, const core::Problem& x, const core::Problem& y) {
            Eq(w + ".severity", x.severity, y.severity);
            Eq(w + ".file", x.file, y.file);
            Eq(w + ".line", x.line, y.line);
            Eq(w + ".column", x.column, y.column);
            Eq(w + ".pointer", x.pointer, y.pointer);
            Eq(w + ".message", x.message, y.message);
        });
    }
};

}  // namespace

std::string FirstDifference(const core::Catalog& a, const core::Catalog& b) {
    Diff d;
    d.Catalogs(a, b);
    return d.first;
}

std::string FirstDifference(const core::Problems& a, const core::Problems& b) {
    Diff d;
    d.ProblemLists(a, b);
    return d.first;
}

}  // namespace core
