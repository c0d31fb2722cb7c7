// import_regen_test.cpp — the checked-in data folder is exactly what the importer makes of
// assets/sources (byte for byte), and importing twice gives the same bytes.
// Depends on fazhitong_import, fazhitong_core, assets/sources and assets/data.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/Load.h"
#include "import/DataSet.h"

namespace {
std::string ReadAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("import regen: assets/data is a fresh import of assets/sources") {
    namespace fs = std::filesystem;
    const fs::path root(FAZHITONG_SOURCE_DIR);
    importer::DataSetResult r = importer::GenerateData((root / "assets/sources").string());
    REQUIRE(r.ok);
    REQUIRE(r.files.size() == 8);  // 5 plans, service points, channels, themes
    SUBCASE("every generated file is checked in unchanged (run the regen-data target if not)") {
        for (const importer::GeneratedFile& f : r.files) {
            fs::path p = root / "assets/data" / f.path;
            INFO("assets/data/" << f.path);
            REQUIRE(fs::exists(p));
            CHECK(ReadAll(p) == f.content);
        }
    }
    SUBCASE("and no plan is checked in that no source produces") {
        std::set<std::string> made;
        for (const importer::GeneratedFile& f : r.files) made.insert(f.path);
        for (const auto& e : fs::directory_iterator(root / "assets/data/plans")) {
            INFO(e.path().filename().string());
            CHECK(made.count("plans/" + e.path().filename().string()) == 1);
        }
    }
    SUBCASE("a second import gives the same bytes") {
        importer::DataSetResult again = importer::GenerateData((root / "assets/sources").string());
        REQUIRE(again.files.size() == r.files.size());
        for (size_t i = 0; i < r.files.size(); ++i) CHECK(again.files[i].content == r.files[i].content);
    }
    SUBCASE("the generated data loads without a single problem") {
        core::LoadResult loaded = core::Load((root / "assets/data").string());
        for (const core::Problem& p : loaded.problems) INFO(p.ToString());
        CHECK(loaded.problems.empty());
        CHECK(loaded.catalog->Plans().size() == 5);
        CHECK(loaded.catalog->Tasks().size() == 155);
        CHECK(loaded.catalog->Themes().size() == 10);
    }
    SUBCASE("the warnings are the known gaps of the sources") {
        CHECK(r.messages == std::vector<std::string>{
                                "000_964b26ec53af686c.txt: warning: no signature date; published is the web page's date 2024-03-19",
                                "001_f7120c8e8bada94e.txt: warning: the text names no region; region is \"某市\"",
                                "002_979756853a958e69.txt: warning: no title line; title composed as \"昌江区2024年法治政府建设情况报告\""});
    }
}

TEST_CASE("import regen: two sources with the same readable id do not overwrite each other") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "fazhitong_regen_collision_test";
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    for (const char* name : {"a.txt", "b.txt"}) {
        std::ofstream out(dir / name, std::ios::binary);
        out << "昆明市2024年法治政府建设工作要点\n1.完善制度。建立台账。\n";
    }
    importer::DataSetResult r = importer::GenerateData(dir.string());
    fs::remove_all(dir, ec);
    REQUIRE(r.ok);
    std::vector<std::string> paths;
    for (const importer::GeneratedFile& f : r.files) paths.push_back(f.path);
    SUBCASE("the first by file name keeps it, the second keeps its file-name id") {
        CHECK(paths == std::vector<std::string>{"channels.json", "plans/b.json", "plans/kunming-2024-work-points.json",
                                                "service-points.json", "themes.json"});
        CHECK(r.messages == std::vector<std::string>{
                                "b.txt: warning: plan id \"kunming-2024-work-points\" is taken by an earlier source; id "
                                "is \"b\" (give the region a distinct slug in gazetteer.json to tell them apart)"});
    }
    SUBCASE("and its task ids follow its own id") {
        CHECK(r.files[1].content.find("\"id\": \"b-") != std::string::npos);
    }
}
