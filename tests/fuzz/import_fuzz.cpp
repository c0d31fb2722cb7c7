// import_fuzz.cpp — libFuzzer entry for the importer: any bytes through ImportPlan, the service
// extraction, the JSON writer (whose output must load again without crashing) and the CSV import.
// Depends on fazhitong_import and fazhitong_core.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/Load.h"
#include "import/JsonWriter.h"
#include "import/PlanImporter.h"
#include "import/PointsCsv.h"
#include "import/Services.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    importer::ImportOptions options;
    options.file_name = "fuzz.txt";
    importer::ImportResult r = importer::ImportPlan(bytes, options);
    if (r.ok) {
        // Success must never be an empty plan.
        if (r.plan.sections.empty()) __builtin_trap();
        importer::Services services;
        importer::ExtractServices(r.plan, r.body, services);
        std::string json = importer::PlanToJson(r.plan);
        core::FileData out;
        core::Problems problems;
        core::ParseFile("plans/fuzz.json", json, out, problems);
        // What the importer writes, the loader reads without an error.
        for (const core::Problem& p : problems)
            if (p.severity == core::Severity::Error) __builtin_trap();
        importer::PointsToJson(services.points);
        importer::ChannelsToJson(services.channels);
    }
    importer::CsvResult csv = importer::PointsFromCsv(bytes, "fuzz.csv");
    if (csv.ok) importer::PointsToJson(csv.points);
    return 0;
}
