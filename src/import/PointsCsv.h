// PointsCsv.h — service points from a spreadsheet export (CSV, UTF-8 with or without BOM; GBK is
// detected and rejected with the iconv command that converts it). Depends on core/Model.h.
#pragma once
#include <string>
#include <vector>

#include "core/Model.h"

namespace importer {

struct CsvResult {
    bool ok = false;  // false when the file or any row has an error
    std::vector<core::ServicePoint> points;  // the valid rows
    std::vector<std::string> messages;       // "LINE: error: ..." (LINE 0 = the whole file)
};

// Columns (header row required, any order, unknown columns warned): id, name, kind, region,
// region_level, region_parent, level, address, lat, lon, precision, services (; or 、 between),
// hours, phone, count, source_file, source_quote. name, kind and region are required; id is
// derived from name and region when empty; source_file defaults to the CSV's own name.
CsvResult PointsFromCsv(const std::string& bytes, const std::string& file_name);

}  // namespace importer
