// Load.h — reads a data folder (plans/*.json, service-points.json, channels.json, themes.json)
// into a Catalog, collecting every problem with file, line:column and JSON pointer.
// Depends on Catalog.h and nlohmann_json (in the .cpp only).
#pragma once
#include <memory>
#include <string>

#include "Catalog.h"
#include "Problem.h"

namespace core {

struct LoadResult {
    std::unique_ptr<Catalog> catalog;  // never null, possibly empty
    Problems problems;                 // sorted by file, then line
};

// Reads every data file below `dir`. Never throws on bad data: what is valid loads.
LoadResult Load(const std::string& dir);

// One file's text, for tests and for the check tool. `file` is the name used in messages and
// decides the kind (plans/..., service-points.json, channels.json, themes.json).
struct FileData {
    std::vector<Plan> plans;
    std::vector<ServicePoint> points;
    std::vector<Channel> channels;
    std::vector<Theme> themes;
};
void ParseFile(const std::string& file, const std::string& text, FileData& out, Problems& problems);

// Cross-reference checks over a whole catalog: duplicate ids, dangling theme ids, ...
void CheckReferences(const Catalog& catalog, Problems& problems);

}  // namespace core
