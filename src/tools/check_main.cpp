// check_main.cpp — `fazhitong-check [--sources DIR] DATA_DIR`: validates a data folder (schema,
// cross-references, and that every record's source.file is in the sources folder) and prints every
// problem as FILE:LINE:COL POINTER: MESSAGE. Exit 1 on errors, 0 otherwise. Depends on fazhitong_core.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "core/Files.h"
#include "core/JsonLocate.h"
#include "core/Load.h"

namespace {

namespace fs = std::filesystem;

// Cross-reference problems are found on the loaded catalog and carry only a JSON pointer; the
// tool has the files at hand, so it adds line:column the way the loader does for its own.
void AddPositions(const std::string& dir, core::Problems& problems) {
    std::map<std::string, std::string> texts;
    for (core::Problem& p : problems) {
        if (p.line > 0 || p.pointer.empty()) continue;
        auto it = texts.find(p.file);
        if (it == texts.end()) {
            std::string text;
            core::ReadFile((fs::path(dir) / p.file).string(), text);
            it = texts.emplace(p.file, std::move(text)).first;
        }
        if (it->second.empty()) continue;
        core::TextPosition pos = core::PositionOf(it->second, core::LocatePointer(it->second, p.pointer));
        p.line = pos.line;
        p.column = pos.column;
    }
}

// source.file names a document in the sources folder; the app ships without that folder, so
// only this tool can check it. `shown` is the folder as it appears in messages.
void CheckSources(const core::Catalog& c, const fs::path& sources, const std::string& shown,
                  core::Problems& problems) {
    auto check = [&](const std::string& file, const std::string& pointer, const std::string& name) {
        std::error_code ec;
        if (fs::is_regular_file(sources / name, ec)) return;
        core::Problem p;
        p.file = file;
        p.pointer = pointer;
        p.message = "source file \"" + name + "\" is not in " + shown;
        problems.push_back(p);
    };
    // Points and channels are indexed as loaded (see CheckReferences on what that means).
    for (const core::Plan& plan : c.Plans()) check(plan.file, "/source/file", plan.source.file);
    for (size_t i = 0; i < c.Points().size(); ++i)
        check("service-points.json", "/points/" + std::to_string(i) + "/source/file", c.Points()[i].source.file);
    for (size_t i = 0; i < c.Channels().size(); ++i)
        check("channels.json", "/channels/" + std::to_string(i) + "/source/file", c.Channels()[i].source.file);
}

constexpr const char* kUsage = "usage: fazhitong-check [--quiet] [--sources DIR] [DATA_DIR]";

}  // namespace

int main(int argc, char** argv) {
    std::string dir = "assets/data";
    std::string sources;
    bool quiet = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::printf("%s\n"
                        "Validates a Fazhitong data folder (default assets/data) and prints every problem\n"
                        "with file, line:column and JSON pointer. Exit status 1 if there are errors.\n"
                        "--sources DIR  the folder of source documents that source.file names (default\n"
                        "               DATA_DIR/../sources when it exists; otherwise not checked).\n",
                        kUsage);
            return 0;
        }
        if (a == "-q" || a == "--quiet") {
            quiet = true;
            continue;
        }
        if (a == "--sources") {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "fazhitong-check: --sources needs a folder\n");
                return 2;
            }
            sources = argv[++i];
            continue;
        }
        if (a == "--") {  // (a folder whose name starts with -)
            if (i + 1 < argc) dir = argv[++i];
            continue;
        }
        if (a.size() > 1 && a[0] == '-') {
            std::fprintf(stderr, "fazhitong-check: unknown option %s (%s)\n", a.c_str(), kUsage);
            return 2;
        }
        dir = a;
    }
    core::LoadResult r = core::Load(dir);
    const core::Catalog& c = *r.catalog;
    std::error_code ec;
    if (sources.empty()) {
        // The repository keeps assets/sources beside assets/data; a copied data folder without
        // its sources is still checkable, just not against them.
        fs::path beside = (fs::path(dir) / ".." / "sources").lexically_normal();
        if (fs::is_directory(beside, ec)) sources = beside.string();
    } else if (!fs::is_directory(sources, ec)) {
        std::fprintf(stderr, "fazhitong-check: %s: sources folder not found\n", sources.c_str());
        return 2;
    }
    if (!sources.empty()) CheckSources(c, sources, sources, r.problems);
    AddPositions(dir, r.problems);
    std::stable_sort(r.problems.begin(), r.problems.end(), [](const core::Problem& a, const core::Problem& b) {
        if (a.file != b.file) return a.file < b.file;
        return a.line < b.line;
    });
    size_t errors = 0, warnings = 0;
    for (const core::Problem& p : r.problems) {
        (p.severity == core::Severity::Error ? errors : warnings)++;
        std::fprintf(stderr, "%s/%s\n", dir.c_str(), p.ToString().c_str());
    }
    if (!quiet)
        std::printf("%s: %zu plans, %zu tasks, %zu targets, %zu units, %zu service points, %zu channels, "
                    "%zu themes; %zu errors, %zu warnings\n",
                    dir.c_str(), c.Plans().size(), c.Tasks().size(), c.TargetCount(), c.Units().size(),
                    c.Points().size(), c.Channels().size(), c.Themes().size(), errors, warnings);
    return errors ? 1 : 0;
}
