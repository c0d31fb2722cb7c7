// unit_view_test.cpp — a unit's page by its canonical name, by a document's wording of it (a link
// made from the text: 区司法局 is 通州区司法局 in the bundled data), and by a name the data does not
// have. Read from the screen's text mirror. Depends on ui::App, ImGui, the bundled data.
#include <doctest/doctest.h>

#include <string>

#include "app_harness.h"

namespace {
bool Shows(const std::string& mirror, const std::string& text) { return mirror.find(text) != std::string::npos; }
}  // namespace

TEST_CASE("unit view: canonical name, a document's wording, and a name the data does not have") {
    test::AppHarness site;
    SUBCASE("its canonical name") {
        site.Open("#/unit/%E9%80%9A%E5%B7%9E%E5%8C%BA%E5%8F%B8%E6%B3%95%E5%B1%80");  // 通州区司法局
        const std::string m = site.Mirror();
        CHECK(Shows(m, "# 通州区司法局"));
        CHECK(Shows(m, "文件中的写法：区司法局"));
        CHECK(Shows(m, "牵头任务 (19)"));
    }
    SUBCASE("the wording of the document: the unit that plan meant") {
        site.Open("#/unit/%E5%8C%BA%E5%8F%B8%E6%B3%95%E5%B1%80");  // 区司法局
        const std::string m = site.Mirror();
        CHECK(Shows(m, "# 通州区司法局"));
        CHECK(Shows(m, "牵头任务 (19)"));
        CHECK_FALSE(Shows(m, "没有找到这个单位"));
    }
    SUBCASE("a name no plan has: said so, with a search for it") {
        site.Open("#/unit/%E5%B8%82%E5%8F%B8%E6%B3%95%E5%B1%80");  // 市司法局
        const std::string m = site.Mirror();
        CHECK(Shows(m, "# 没有找到这个单位"));
        CHECK(Shows(m, "市司法局"));
        CHECK(Shows(m, "[搜索这个名称]"));
    }
}
