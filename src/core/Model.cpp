// Model.cpp — names of the model's enums as they appear in the JSON data.
// Depends on Model.h only.
#include "Model.h"

namespace core {
namespace {
struct Named {
    const char* name;
    int value;
};
constexpr Named kPlanKinds[] = {{"implementation_plan", int(PlanKind::ImplementationPlan)},
                                {"work_points", int(PlanKind::WorkPoints)},
                                {"annual_report", int(PlanKind::AnnualReport)},
                                {"work_plan", int(PlanKind::WorkPlan)},
                                {"notice", int(PlanKind::Notice)}};
constexpr Named kLevels[] = {{"country", int(RegionLevel::Country)},
                             {"province", int(RegionLevel::Province)},
                             {"city", int(RegionLevel::City)},
                             {"county", int(RegionLevel::County)},
                             {"township", int(RegionLevel::Township)}};
constexpr Named kPrecisions[] = {
    {"exact", int(Precision::Exact)}, {"district", int(Precision::District)}, {"city", int(Precision::City)}};

template <size_t N>
const char* NameOf(const Named (&table)[N], int value) {
    for (const Named& n : table)
        if (n.value == value) return n.name;
    return "unknown";
}
template <size_t N>
int ValueOf(const Named (&table)[N], const std::string& s, int unknown) {
    for (const Named& n : table)
        if (s == n.name) return n.value;
    return unknown;
}
}  // namespace

const char* ToString(PlanKind kind) { return NameOf(kPlanKinds, int(kind)); }
const char* ToString(RegionLevel level) { return NameOf(kLevels, int(level)); }
const char* ToString(Precision precision) { return NameOf(kPrecisions, int(precision)); }
PlanKind PlanKindFromString(const std::string& s) {
    return PlanKind(ValueOf(kPlanKinds, s, int(PlanKind::Unknown)));
}
RegionLevel RegionLevelFromString(const std::string& s) {
    return RegionLevel(ValueOf(kLevels, s, int(RegionLevel::Unknown)));
}
Precision PrecisionFromString(const std::string& s) {
    return Precision(ValueOf(kPrecisions, s, int(Precision::Unknown)));
}

}  // namespace core
