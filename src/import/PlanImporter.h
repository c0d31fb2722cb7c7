// PlanImporter.h — plan document text (a web copy of a Chinese government plan, work-points list,
// work plan or annual report) -> core::Plan: boilerplate stripped, section tree, tasks with
// units, targets and figures, metadata, themes, stable ids. Depends on core/Model.h.
#pragma once
#include <string>
#include <vector>

#include "core/Model.h"

namespace importer {

struct ImportOptions {
    std::string file_name;  // recorded as source.file; also gives the fallback plan id
    std::string id;         // plan id; when empty, ReadablePlanId, else derived from file_name
};

struct ImportResult {
    bool ok = false;
    std::string error;                  // why the document was rejected (when !ok)
    std::vector<std::string> warnings;  // what the importer guessed or could not read
    core::Plan plan;
    std::vector<std::string> body;  // the document's paragraphs after boilerplate removal
};

// Never throws and never returns an empty plan as a success: input that is not a UTF-8 text
// document, or has no recognisable structure, gives ok = false and a message.
ImportResult ImportPlan(const std::string& bytes, const ImportOptions& options);

// The id a plan gets from its data: the region's slug from assets/sources/gazetteer.json, the
// year (work points, reports) or period (plans), and the kind: "kunming-2021-2025-implementation-plan",
// "tongzhou-2023-work-points". "" when the gazetteer has no slug for the region (or `document`
// fails the entry's check), so the caller keeps the file-name id.
std::string ReadablePlanId(const core::Plan& plan, const std::string& document);

// "000_964b26ec53af686c.txt" -> "000_964b26ec53af686c"; characters outside [a-z0-9._-] become '-'.
std::string PlanIdFromFileName(const std::string& file_name);

}  // namespace importer
