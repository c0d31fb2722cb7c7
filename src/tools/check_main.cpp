// check_main.cpp — `fazhitong-check DIR`: validates a data folder (schema and cross-references)
// and prints every problem as FILE:LINE:COL POINTER: MESSAGE. Exit 1 on errors, 0 otherwise.
// Depends on fazhitong_core.
#include <cstdio>
#include <string>

#include "core/Load.h"

int main(int argc, char** argv) {
    std::string dir = "assets/data";
    bool quiet = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::printf("usage: fazhitong-check [--quiet] [DATA_DIR]\n"
                        "Validates a Fazhitong data folder (default assets/data) and prints every problem\n"
                        "with file, line:column and JSON pointer. Exit status 1 if there are errors.\n");
            return 0;
        }
        if (a == "-q" || a == "--quiet") {
            quiet = true;
            continue;
        }
        dir = a;
    }
    core::LoadResult r = core::Load(dir);
    size_t errors = 0, warnings = 0;
    for (const core::Problem& p : r.problems) {
        (p.severity == core::Severity::Error ? errors : warnings)++;
        std::fprintf(stderr, "%s/%s\n", dir.c_str(), p.ToString().c_str());
    }
    const core::Catalog& c = *r.catalog;
    if (!quiet)
        std::printf("%s: %zu plans, %zu tasks, %zu targets, %zu units, %zu service points, %zu channels, "
                    "%zu themes; %zu errors, %zu warnings\n",
                    dir.c_str(), c.Plans().size(), c.Tasks().size(), c.TargetCount(), c.Units().size(),
                    c.Points().size(), c.Channels().size(), c.Themes().size(), errors, warnings);
    return errors ? 1 : 0;
}
