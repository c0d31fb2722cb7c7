// points_view_test.cpp — the service points screen: a kind, or one point by name (a hand-off
// link, #/points?q=<name>), and a link to one the data no longer has. Read from the screen's text
// mirror. Depends on ui::App, ImGui, the bundled data (11 service points).
#include <doctest/doctest.h>

#include <string>

#include "app_harness.h"

namespace {
bool Shows(const std::string& mirror, const std::string& text) { return mirror.find(text) != std::string::npos; }
}  // namespace

TEST_CASE("points view: a kind, a point by name, and a name the data does not have") {
    test::AppHarness site;
    SUBCASE("all of them") {
        site.Open("#/points");
        const std::string m = site.Mirror();
        CHECK(Shows(m, "# 公共法律服务网点 (11)"));
        CHECK(Shows(m, "[x] 全部"));
        CHECK(Shows(m, "金融纠纷司法服务一站式平台"));
        CHECK_FALSE(Shows(m, "没有找到这个网点或类别"));
        // A source reads as the document's title (the report made from it), not its file name.
        CHECK(Shows(m, "出处：《昌江区2024年法治政府建设情况报告》：“适应经济社会发展新变化"));
        CHECK_FALSE(Shows(m, "002_979756853a958e69.txt"));
    }
    SUBCASE("one point by its name, as a hand-off link names it") {
        site.Open("#/points?q=%E9%87%91%E8%9E%8D%E5%B7%A1%E5%9B%9E%E6%B3%95%E5%BA%AD");  // 金融巡回法庭
        const std::string m = site.Mirror();
        CHECK(Shows(m, "金融巡回法庭"));
        CHECK_FALSE(Shows(m, "锦芝调解工作室"));  // (another point; this one's source quote names the platform)
        CHECK_FALSE(Shows(m, "没有找到这个网点或类别"));
    }
    SUBCASE("one kind") {
        site.Open("#/points?q=mediation");
        const std::string m = site.Mirror();
        CHECK(Shows(m, "[x] 调解组织"));
        CHECK(Shows(m, "锦芝调解工作室"));
        CHECK_FALSE(Shows(m, "没有找到这个网点或类别"));
    }
    SUBCASE("a name the data does not have (a QR code printed before an update): said so, with a way to all") {
        site.Open("#/points?q=%E6%97%A7%E7%BD%91%E7%82%B9");  // 旧网点
        const std::string m = site.Mirror();
        CHECK(Shows(m, "没有找到这个网点或类别"));
        CHECK(Shows(m, "旧网点"));
        CHECK(Shows(m, "[查看全部网点]"));
        CHECK_FALSE(Shows(m, "金融纠纷司法服务一站式平台"));
        // The channels are still listed under it.
        CHECK(Shows(m, "热线与网上平台"));
    }
}

TEST_CASE("points view: in English a label ends in the English colon, not the Chinese one") {
    test::AppHarness site(false, 0, "", "en");
    site.Open("#/points");
    const std::string m = site.Mirror();
    CHECK(Shows(m, "Region: 昌江区"));
    CHECK(Shows(m, "Source: 《昌江区2024年法治政府建设情况报告》"));
    CHECK_FALSE(Shows(m, "Region："));
}
