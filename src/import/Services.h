// Services.h — the places and bodies serving the public (公共法律服务中心/工作站/工作室, 调解工作室,
// 共享法庭, 一站式中心, 纠纷平台, 法律援助) and the hotlines and online platforms that an imported
// document names, each with the sentence it was read from. Depends on core/Model.h.
#pragma once
#include <string>
#include <vector>

#include "core/Model.h"

namespace importer {

struct Services {
    std::vector<core::ServicePoint> points;
    std::vector<core::Channel> channels;
};

// Reads `body` (the plan's paragraphs, boilerplate removed) of `plan` and appends what it names
// to `out`. A place the same document names twice is kept once (its first sentence). Locations
// are the region seat's (precision district/city) from the gazetteer, never more precise.
void ExtractServices(const core::Plan& plan, const std::vector<std::string>& body, Services& out);

}  // namespace importer
