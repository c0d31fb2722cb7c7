// Model.h — the entities of Fazhitong's data (plans, sections, tasks, targets, service points,
// channels, themes) as plain structs. Depends on nothing but the standard library.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

struct Region {
    std::string name;
    RegionLevel level = RegionLevel::Unknown;
    std::string parent;
};

struct Source {
    std::string file;   // document file name in assets/sources
    std::string url;    // when known
    std::string title;  // document title when known
    std::string quote;  // the sentence a record was taken from
};

struct Target {
    std::string quote;
    std::string metric;
    std::string comparator;  // ">=", "=", "<=", ">", "<"
    double value = 0;
    std::string unit;
    std::string due;  // "2025", "2024-12"
};

struct Figure {  // a statistic an annual report gives
    std::string quote;
    std::string metric;
    double value = 0;
    std::string unit;
    std::string year;
};

struct Task {
    std::string id;
    std::string number;
    std::string title;
    std::string text;
    std::vector<std::string> lead_units;
    std::vector<std::string> responsible_units;
    std::vector<Target> targets;
    std::vector<Figure> figures;
    std::vector<std::string> themes;
};

struct Section {
    std::string number;
    std::string title;
    std::string text;
    std::vector<std::string> themes;
    std::vector<Section> sections;
    std::vector<Task> tasks;
};

struct UnitName {
    std::string printed;
    std::string canonical;
};

struct Plan {
    std::string id;
    std::string title;
    PlanKind kind = PlanKind::Unknown;
    Region region;
    std::vector<std::string> issuers;
    std::string published;
    int period_from = 0;  // 0 = not given
    int period_to = 0;
    int year = 0;
    Source source;
    std::vector<std::string> themes;
    std::vector<UnitName> units;
    std::string intro;
    std::vector<Section> sections;
    std::string file;  // data file it was loaded from (relative to the data folder)
};

struct Location {
    double lat = 0;
    double lon = 0;
    Precision precision = Precision::Unknown;
};

struct ServicePoint {
    std::string id;
    std::string name;
    std::string kind;  // centre, station, room, legal_aid, mediation, shared_court, ...
    RegionLevel level = RegionLevel::Unknown;
    Region region;
    std::string address;
    std::optional<Location> location;
    std::vector<std::string> services;
    std::string hours;
    std::string phone;
    int count = 0;  // 0 = a single place; N = a network of N the source gives only as a number
    Source source;
};

struct Channel {
    std::string id;
    std::string name;
    std::string kind;  // hotline, website, app, wechat, platform
    std::string number;
    std::string url;
    Region region;
    std::vector<std::string> services;
    Source source;
};

struct Theme {
    std::string id;
    std::string name;
    std::string name_en;
    std::vector<std::string> keywords;
};

}  // namespace core
