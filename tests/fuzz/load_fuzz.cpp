// load_fuzz.cpp — libFuzzer target for the data loader: any bytes as a plan file, a service-point
// file and a themes file must give problems, never a crash. Depends on fazhitong_core.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/Load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    core::Problems problems;
    core::FileData out;
    core::ParseFile("plans/fuzz.json", text, out, problems);
    core::ParseFile("service-points.json", text, out, problems);
    core::ParseFile("channels.json", text, out, problems);
    core::ParseFile("themes.json", text, out, problems);
    core::Catalog catalog(std::move(out.plans), std::move(out.points), std::move(out.channels),
                          std::move(out.themes));
    core::CheckReferences(catalog, problems);
    for (const core::Problem& p : problems) (void)p.ToString();
    return 0;
}
