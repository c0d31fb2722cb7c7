// Model.h — the entities of Fazhitong's data (plans, sections, tasks, targets, service points,
// channels, themes) as plain structs. Depends on Atom.h, AtomList.h and Text.h.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Atom.h"
#include "AtomList.h"
#include "Text.h"

namespace core {

enum class PlanKind : uint8_t { ImplementationPlan, WorkPoints, AnnualReport, WorkPlan, Notice, Unknown };
enum class RegionLevel : uint8_t { Country, Province, City, County, Township, Unknown };
enum class Precision : uint8_t { Exact, District, City, Unknown };

const char* ToString(PlanKind kind);          // "implementation_plan", ...
const char* ToString(RegionLevel level);      // "county", ...
const char* ToString(Precision precision);    // "district", ...
PlanKind PlanKindFromString(const std::string& s);
RegionLevel RegionLevelFromString(const std::string& s);
Precision PrecisionFromString(const std::string& s);

// Vocabulary fields (repeated across records) are Atoms, lists of them AtomLists (built whole:
// fill a std::vector<Atom>, assign it once); free text is Text (in the Catalog's arena once
// loaded); themes (a handful of records) keep std::string. The enums are a byte each, and the
// fields of the structs there are hundreds of thousands of are in an order that leaves little
// padding (sizes in wasm32: tests/core/model_test.cpp).
struct Region {
    Atom name;
    RegionLevel level = RegionLevel::Unknown;
    Atom parent;
};

struct Source {
    Atom file;   // document file name in assets/sources
    Atom url;    // when known
    Atom title;  // document title when known
    Text quote;  // the sentence a record was taken from
};

struct Target {
    Text quote;
    Atom metric;
    Atom comparator;  // ">=", "=", "<=", ">", "<"
    double value = 0;
    Atom unit;
    Atom due;  // "2025", "2024-12"
};

struct Figure {  // a statistic an annual report gives
    Text quote;
    Atom metric;
    double value = 0;
    Atom unit;
    Atom year;
};

struct Task {
    Text id;
    Text number;
    Text title;
    Text text;
    AtomList lead_units;
    AtomList responsible_units;
    std::vector<Target> targets;
    std::vector<Figure> figures;
    AtomList themes;
};

struct Section {
    Text number;
    Text title;
    Text text;
    AtomList themes;
    std::vector<Section> sections;
    std::vector<Task> tasks;
};

struct UnitName {
    Atom printed;
    Atom canonical;
};

struct Plan {
    Text id;
    Text title;
    PlanKind kind = PlanKind::Unknown;
    Region region;
    AtomList issuers;
    Text published;
    int period_from = 0;  // 0 = not given
    int period_to = 0;
    int year = 0;
    Source source;
    AtomList themes;
    std::vector<UnitName> units;
    Text intro;
    std::vector<Section> sections;
    Atom file;  // data file it was loaded from (relative to the data folder)
};

struct Location {
    double lat = 0;
    double lon = 0;
    Precision precision = Precision::Unknown;
};

// A service point's location when the source gives one, with std::optional<Location>'s interface
// in Location's own 24 bytes: "no location" is a precision no Location has. std::optional added a
// flag and padding (32 bytes in wasm32, 5 MB over 650,000 points). The coordinates stay doubles:
// JSON (any number) and packs (IEEE bits) round-trip them exactly, and floats or fixed point would
// not.
class OptionalLocation {
public:
    OptionalLocation() = default;
    OptionalLocation(std::nullopt_t) {}                   // NOLINT: as std::optional
    OptionalLocation(const Location& l) : m_l(l) {}       // NOLINT
    OptionalLocation& operator=(std::nullopt_t) {
        reset();
        return *this;
    }
    OptionalLocation& operator=(const Location& l) {
        m_l = l;
        return *this;
    }
    bool has_value() const { return m_l.precision != kNone; }
    explicit operator bool() const { return has_value(); }
    const Location* operator->() const { return &m_l; }
    Location* operator->() { return &m_l; }
    const Location& operator*() const { return m_l; }
    Location& operator*() { return m_l; }
    void reset() { m_l = Location{0, 0, kNone}; }

private:
    static constexpr Precision kNone = static_cast<Precision>(-1);
    Location m_l{0, 0, kNone};
};

struct ServicePoint {
    Text id;
    Text name;
    Atom kind;  // centre, station, room, legal_aid, mediation, shared_court, ...
    AtomList services;
    OptionalLocation location;  // 8-byte aligned: at 24 in wasm32, 48 natively, with no padding
    Region region;
    RegionLevel level = RegionLevel::Unknown;
    int count = 0;  // 0 = a single place; N = a network of N the source gives only as a number
    Text address;
    Atom hours;
    Text phone;
    Source source;
};

struct Channel {
    Text id;
    Text name;
    Atom kind;  // hotline, website, app, wechat, platform
    Text number;
    Text url;
    Region region;
    AtomList services;
    Source source;
};

struct Theme {
    std::string id;
    std::string name;
    std::string name_en;
    std::vector<std::string> keywords;
};

}  // namespace core
