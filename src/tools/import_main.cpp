// import_main.cpp — `fazhitong-import`: plan text -> plan JSON, a CSV of service points ->
// service-points JSON, or a whole sources folder -> the bundled data folder. Diagnostics go to
// stderr; exit status 1 on any error. Depends on fazhitong_import.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "import/DataSet.h"
#include "import/JsonWriter.h"
#include "core/Files.h"
#include "import/PlanImporter.h"
#include "import/PointsCsv.h"
#include "import/Text.h"

namespace {

const char* kUsage =
    "usage: fazhitong-import [-o OUT.json] [--id ID] PLAN.txt\n"
    "       fazhitong-import --points POINTS.csv [-o OUT.json]\n"
    "       fazhitong-import --data SOURCES_DIR DATA_DIR\n"
    "\n"
    "PLAN.txt     a plan document as UTF-8 text (web boilerplate is removed); prints the plan JSON\n"
    "             (assets/data/SCHEMA.md) to stdout or to OUT.json. The plan id is made from the\n"
    "             region's slug (assets/sources/gazetteer.json), year or period and kind, e.g.\n"
    "             kunming-2021-2025-implementation-plan; without a slug it is the file name\n"
    "             without extension.\n"
    "--points     service points from a CSV file (UTF-8, with or without BOM; GBK is rejected).\n"
    "             Columns (header row required, any order): id, name, kind, region, region_level,\n"
    "             region_parent, level, address, lat, lon, precision, services (separated by ; or 、),\n"
    "             hours, phone, count, source_file, source_quote. name, kind and region are required.\n"
    "--data       imports every SOURCES_DIR/*.txt and writes DATA_DIR/plans/*.json,\n"
    "             service-points.json, channels.json and themes.json (what `regen-data` runs).\n";

bool ReadFile(const std::string& path, std::string& out, std::string& error) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "is a folder, not a file";
        return false;
    }
    auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        error = "cannot open: " + ec.message();
        return false;
    }
    // Refuse before reading: a 50 MB file is not a plan document.
    if (size > importer::kMaxInputBytes) {
        error = "file too large (" + std::to_string(size) + " bytes; the importer reads documents of at most " +
                std::to_string(importer::kMaxInputBytes / (1024 * 1024)) + " MB)";
        return false;
    }
    if (!core::ReadFile(path, out)) {
        error = "cannot open";
        return false;
    }
    return true;
}

bool WriteFile(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    return bool(out);
}

int Emit(const std::string& json, const std::string& out_path) {
    if (out_path.empty()) {
        std::fwrite(json.data(), 1, json.size(), stdout);
        return 0;
    }
    if (!WriteFile(out_path, json)) {
        std::fprintf(stderr, "%s: cannot write\n", out_path.c_str());
        return 1;
    }
    return 0;
}

int RunData(const std::string& sources, const std::string& data) {
    namespace fs = std::filesystem;
    importer::DataSetResult r = importer::GenerateData(sources);
    for (const std::string& m : r.messages) std::fprintf(stderr, "%s\n", m.c_str());
    if (!r.ok) {
        std::fprintf(stderr, "fazhitong-import: nothing written (fix the errors above)\n");
        return 1;
    }
    std::error_code ec;
    fs::create_directories(fs::path(data) / "plans", ec);
    // Plans no longer produced by a source are removed, so the folder mirrors the sources.
    for (const auto& e : fs::directory_iterator(fs::path(data) / "plans", ec)) {
        if (e.path().extension() != ".json") continue;
        bool keep = false;
        for (const auto& f : r.files) keep = keep || f.path == "plans/" + e.path().filename().string();
        if (!keep) fs::remove(e.path(), ec);
    }
    for (const auto& f : r.files) {
        if (!WriteFile((fs::path(data) / f.path).string(), f.content)) {
            std::fprintf(stderr, "%s/%s: cannot write\n", data.c_str(), f.path.c_str());
            return 1;
        }
    }
    std::fprintf(stderr, "fazhitong-import: wrote %zu files to %s\n", r.files.size(), data.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string out_path, id, input, points, sources, data;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&](std::string& to) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "fazhitong-import: %s needs a value\n%s", a.c_str(), kUsage);
                return false;
            }
            to = argv[++i];
            return true;
        };
        if (a == "-h" || a == "--help") {
            std::printf("%s", kUsage);
            return 0;
        } else if (a == "-o") {
            if (!next(out_path)) return 2;
        } else if (a == "--id") {
            if (!next(id)) return 2;
        } else if (a == "--points") {
            if (!next(points)) return 2;
        } else if (a == "--data") {
            if (!next(sources)) return 2;
            if (i + 1 >= argc) {
                std::fprintf(stderr, "fazhitong-import: --data needs SOURCES_DIR and DATA_DIR\n");
                return 2;
            }
            data = argv[++i];
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            std::fprintf(stderr, "fazhitong-import: unknown option %s\n%s", a.c_str(), kUsage);
            return 2;
        } else if (input.empty()) {
            input = a;
        } else {
            std::fprintf(stderr, "fazhitong-import: one input file at a time\n%s", kUsage);
            return 2;
        }
    }
    if (!sources.empty()) return RunData(sources, data);

    std::string path = points.empty() ? input : points;
    if (path.empty()) {
        std::fprintf(stderr, "%s", kUsage);
        return 2;
    }
    std::string bytes, error;
    if (!ReadFile(path, bytes, error)) {
        std::fprintf(stderr, "%s: error: %s\n", path.c_str(), error.c_str());
        return 1;
    }
    std::string name = std::filesystem::path(path).filename().string();
    if (!points.empty()) {
        importer::CsvResult r = importer::PointsFromCsv(bytes, name);
        for (const std::string& m : r.messages) {
            // "0: …" is about the whole file, not a line.
            bool whole = m.rfind("0: ", 0) == 0;
            std::fprintf(stderr, "%s:%s\n", path.c_str(), (whole ? m.substr(2) : " " + m).c_str());
        }
        if (!r.ok) return 1;
        return Emit(importer::PointsToJson(r.points), out_path);
    }
    importer::ImportOptions options;
    options.file_name = name;
    options.id = id;
    importer::ImportResult r = importer::ImportPlan(bytes, options);
    for (const std::string& w : r.warnings) std::fprintf(stderr, "%s: warning: %s\n", path.c_str(), w.c_str());
    if (!r.ok) {
        std::fprintf(stderr, "%s: error: %s\n", path.c_str(), r.error.c_str());
        return 1;
    }
    return Emit(importer::PlanToJson(r.plan), out_path);
}
