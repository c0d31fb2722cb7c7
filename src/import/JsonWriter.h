// JsonWriter.h — core model -> the JSON of assets/data/SCHEMA.md, with a fixed field order and
// formatting so the same input always gives the same bytes. Depends on core/Model.h.
#pragma once
#include <string>
#include <vector>

#include "core/Model.h"

namespace importer {

std::string PlanToJson(const core::Plan& plan);
std::string PointsToJson(const std::vector<core::ServicePoint>& points);
std::string ChannelsToJson(const std::vector<core::Channel>& channels);
std::string ThemesToJson(const std::vector<core::Theme>& themes);

}  // namespace importer
