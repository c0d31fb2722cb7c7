// DataSet.h — the whole bundled data folder from a sources folder: every *.txt plan imported,
// service points and channels gathered, themes written. What `regen-data` runs and what the
// test compares byte for byte with assets/data. Depends on the standard library only.
#pragma once
#include <string>
#include <vector>

namespace importer {

struct GeneratedFile {
    std::string path;  // relative to the data folder, e.g. "plans/kunming-2021-2025-implementation-plan.json"
    std::string content;
};

struct DataSetResult {
    bool ok = false;
    std::vector<GeneratedFile> files;   // sorted by path
    std::vector<std::string> messages;  // "FILE: warning/error ..." lines for stderr
};

// Imports every *.txt in `sources_dir` (sorted by name). ok is false when a source fails. A plan
// whose readable id an earlier source already has keeps its file-name id, with a warning.
DataSetResult GenerateData(const std::string& sources_dir);

}  // namespace importer
