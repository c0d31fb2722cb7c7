// DataSet.cpp — sources folder -> generated data files (plans, service points, channels, themes).
// Depends on DataSet.h, PlanImporter.h, Services.h, Themes.h, JsonWriter.h.
#include "DataSet.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "JsonWriter.h"
#include "core/Files.h"
#include "PlanImporter.h"
#include "Services.h"
#include "Themes.h"

namespace importer {

DataSetResult GenerateData(const std::string& sources_dir) {
    namespace fs = std::filesystem;
    DataSetResult result;
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(sources_dir, ec))
        if (e.path().extension() == ".txt") names.push_back(e.path().filename().string());
    if (ec) {
        result.messages.push_back(sources_dir + ": cannot read folder (" + ec.message() + ")");
        return result;
    }
    std::sort(names.begin(), names.end());
    if (names.empty()) {
        result.messages.push_back(sources_dir + ": no *.txt source documents");
        return result;
    }
    Services services;
    std::set<std::string> plan_ids;
    result.ok = true;
    for (const std::string& name : names) {
        std::string bytes;
        core::ReadFile((fs::path(sources_dir) / name).string(), bytes);
        ImportOptions options;
        options.file_name = name;
        ImportResult r = ImportPlan(bytes, options);
        if (r.ok && !plan_ids.insert(r.plan.id.str()).second) {
            // Two documents of one region, year and kind: the first by file name keeps the
            // readable id, this one keeps its file-name id (task ids follow) rather than
            // overwriting the other's file.
            std::string taken = r.plan.id.str();
            options.id = PlanIdFromFileName(name);
            r = ImportPlan(bytes, options);
            r.warnings.push_back("plan id \"" + taken + "\" is taken by an earlier source; id is \"" + r.plan.id +
                                 "\" (give the region a distinct slug in gazetteer.json to tell them apart)");
            if (r.ok && !plan_ids.insert(r.plan.id.str()).second) {
                r.ok = false;
                r.error = "plan id \"" + r.plan.id + "\" is taken by an earlier source";
            }
        }
        for (const std::string& w : r.warnings) result.messages.push_back(name + ": warning: " + w);
        if (!r.ok) {
            result.messages.push_back(name + ": error: " + r.error);
            result.ok = false;
            continue;
        }
        result.files.push_back({"plans/" + r.plan.id + ".json", PlanToJson(r.plan)});
        ExtractServices(r.plan, r.body, services);
    }
    result.files.push_back({"service-points.json", PointsToJson(services.points)});
    result.files.push_back({"channels.json", ChannelsToJson(services.channels)});
    result.files.push_back({"themes.json", ThemesToJson(BuiltinThemes())});
    std::sort(result.files.begin(), result.files.end(),
              [](const GeneratedFile& a, const GeneratedFile& b) { return a.path < b.path; });
    return result;
}

}  // namespace importer
