// Model.h — the entities of Fazhitong's data (plans, sections, tasks, targets, service points,
// channels, themes) as plain structs. Depends on nothing but the standard library.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Atom.h"

namespace core {

enum class PlanKind { ImplementationPlan, WorkPoints, AnnualReport, WorkPlan, Notice, Unknown };
enum class RegionLevel { Country, Province, City, County, Township, Unknown };
enum class Precision { Exact, District, City, Unknown };

const char* ToString(PlanKind kind);          // "implementation_plan", ...
const char* ToString(RegionLevel level);      // "county", ...
const char* ToString(Precision precision);    // "district", ...
PlanKind PlanKindFromString(const std::string& s);
RegionLevel RegionLevelFromString(const std::string& s);
Precision PrecisionFromString(const std::string& s);

// Vocabulary fields (repeated across records) are Atoms; free text stays std::string.
struct Region {
    Atom name;
    RegionLevel level = RegionLevel::Unknown;
    Atom parent;
};

struct Source {
    Atom file;   // document file name in assets/sources
    Atom url;    // when known
    Atom title;  // document title when known
    std::string quote;  // the sentence a record was taken from
};

struct Target {
    std::string quote;
    Atom metric;
    Atom comparator;  // ">=", "=", "<=", ">", "<"
    double value = 0;
    Atom unit;
    Atom due;  // "2025", "2024-12"
};

struct Figure {  // a statistic an annual report gives
    std::string quote;
    Atom metric;
    double value = 0;
    Atom unit;
    Atom year;
};

struct Task {
    std::string id;
    std::string number;
    std::string title;
    std::string text;
    std::vector<Atom> lead_units;
    std::vector<Atom> responsible_units;
    std::vector<Target> targets;
    std::vector<Figure> figures;
    std::vector<Atom> themes;
};

struct Section {
    std::string number;
    std::string title;
    std::string text;
    std::vector<Atom> themes;
    std::vector<Section> sections;
    std::vector<Task> tasks;
};

struct UnitName {
    Atom printed;
    Atom canonical;
};

struct Plan {
    std::string id;
    std::string title;
    PlanKind kind = PlanKind::Unknown;
    Region region;
    std::vector<Atom> issuers;
    std::string published;
    int period_from = 0;  // 0 = not given
    int period_to = 0;
    int year = 0;
    Source source;
    std::vector<Atom> themes;
    std::vector<UnitName> units;
    std::string intro;
    std::vector<Section> sections;
    Atom file;  // data file it was loaded from (relative to the data folder)
};

struct Location {
    double lat = 0;
    double lon = 0;
    Precision precision = Precision::Unknown;
};

struct ServicePoint {
    std::string id;
    std::string name;
    Atom kind;  // centre, station, room, legal_aid, mediation, shared_court, ...
    RegionLevel level = RegionLevel::Unknown;
    Region region;
    std::string address;
    std::optional<Location> location;
    std::vector<Atom> services;
    Atom hours;
    std::string phone;
    int count = 0;  // 0 = a single place; N = a network of N the source gives only as a number
    Source source;
};

struct Channel {
    std::string id;
    std::string name;
    Atom kind;  // hotline, website, app, wechat, platform
    std::string number;
    std::string url;
    Region region;
    std::vector<Atom> services;
    Source source;
};

struct Theme {
    std::string id;
    std::string name;
    std::string name_en;
    std::vector<std::string> keywords;
};

}  // namespace core
