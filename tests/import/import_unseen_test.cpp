// import_unseen_test.cpp — the importer on a plan document written for the tests, unlike the
// seeds (full-width punctuation, 发布日期 header, units after 2. under a (一), signature at the end,
// 【打印本页】 footer): it must still give a sensible tree. Depends on fazhitong_import and
// tests/fixtures/import/unseen_county_2024.txt.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "import/PlanImporter.h"
#include "import/Services.h"

namespace {
using Strings = std::vector<std::string>;
std::string Fixture(const std::string& name) {
    std::ifstream in(std::string(FAZHITONG_SOURCE_DIR) + "/tests/fixtures/import/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing fixture tests/fixtures/import/" << name);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("import unseen document: a county's 2024 work points") {
    importer::ImportOptions o;
    o.file_name = "unseen_county_2024.txt";
    importer::ImportResult r = importer::ImportPlan(Fixture("unseen_county_2024.txt"), o);
    REQUIRE_MESSAGE(r.ok, r.error);
    const core::Plan& p = r.plan;
    SUBCASE("metadata") {
        CHECK(p.title == "青田县2024年法治政府建设工作要点");
        CHECK(p.kind == core::PlanKind::WorkPoints);
        CHECK(p.year == 2024);
        CHECK(p.region.name == "青田县");
        CHECK(p.region.level == core::RegionLevel::County);
        CHECK(p.issuers == Strings{"青田县人民政府办公室"});
        CHECK(p.published == "2024-03-28");
        CHECK(p.intro == "2024年是实施“八五”普法规划的关键之年。为深入推进依法行政，加快建设法治政府，结合我县实际，制定本工作要点。");
    }
    SUBCASE("tree") {
        REQUIRE(p.sections.size() == 3);
        CHECK(p.sections[0].title == "全面履行政府职能");
        REQUIRE(p.sections[0].tasks.size() == 2);
        CHECK(p.sections[0].tasks[0].number == "（一）");
        CHECK(p.sections[0].tasks[0].title == "深化“放管服”改革");
        CHECK(p.sections[0].tasks[0].lead_units == Strings{"县行政审批局"});
        CHECK(p.sections[0].tasks[0].responsible_units == Strings{"县直各部门"});
        CHECK(p.sections[0].tasks[1].lead_units == Strings{"县发改局", "县市场监管局"});
        REQUIRE(p.sections[1].sections.size() == 1);
        const core::Section& team = p.sections[1].sections[0];
        CHECK(team.title == "提升执法队伍素质");
        REQUIRE(team.tasks.size() == 2);
        CHECK(team.tasks[0].number == "1．");
        SUBCASE("the 责任单位 line after 2. covers 1. and 2.") {
            CHECK(team.tasks[0].responsible_units == Strings{"县司法局", "县直各行政执法部门"});
            CHECK(team.tasks[1].responsible_units == Strings{"县司法局", "县直各行政执法部门"});
        }
        REQUIRE(p.sections[1].tasks.size() == 1);
        CHECK(p.sections[1].tasks[0].responsible_units == Strings{"县直各行政执法部门", "各乡镇人民政府"});
        REQUIRE(p.sections[2].tasks.size() == 2);
        SUBCASE("the signature and the footer are not in the last task") {
            CHECK(p.sections[2].tasks[1].text == "加强矛盾纠纷化解。设立“老娘舅”调解工作室，完善诉调对接机制。");
        }
    }
    SUBCASE("targets") {
        REQUIRE(p.sections[0].tasks[0].targets.size() == 1);
        CHECK(p.sections[0].tasks[0].targets[0].metric == "政务服务事项网上可办率");
        CHECK(p.sections[0].tasks[0].targets[0].value == 95);
        REQUIRE(p.sections[0].tasks[1].targets.size() == 1);
        CHECK(p.sections[0].tasks[1].targets[0].metric == "涉企政策公平竞争审查覆盖");
        CHECK(p.sections[0].tasks[1].targets[0].due == "2024-12");
        CHECK(p.sections[1].sections[0].tasks[0].targets[0].unit == "学时");
    }
    SUBCASE("canonical units") {
        CHECK(p.units[0].printed == "县行政审批局");
        CHECK(p.units[0].canonical == "青田县行政审批局");
    }
    SUBCASE("service points and channels, with no location (not in the gazetteer)") {
        importer::Services s;
        importer::ExtractServices(p, r.body, s);
        Strings names;
        for (const auto& pt : s.points) names.push_back(pt.name + "/" + pt.kind + "/" + std::to_string(pt.count));
        CHECK(names == Strings{"县公共法律服务中心/centre/0", "乡镇公共法律服务工作站/station/12", "“老娘舅”调解工作室/mediation/0"});
        CHECK_FALSE(s.points[0].location.has_value());
        REQUIRE(s.channels.size() == 1);
        CHECK(s.channels[0].name == "12348热线");
        CHECK(s.channels[0].number == "12348");
        CHECK(s.channels[0].kind == "hotline");
    }
}

TEST_CASE("import unseen document: a county justice bureau's 2023 report") {
    importer::ImportOptions o;
    o.file_name = "unseen_report_2023.txt";
    importer::ImportResult r = importer::ImportPlan(Fixture("unseen_report_2023.txt"), o);
    REQUIRE_MESSAGE(r.ok, r.error);
    const core::Plan& p = r.plan;
    SUBCASE("metadata") {
        CHECK(p.title == "永嘉县司法局2023年法治政府建设工作报告");
        CHECK(p.kind == core::PlanKind::AnnualReport);
        CHECK(p.year == 2023);
        CHECK(p.region.name == "永嘉县");
        CHECK(p.issuers == Strings{"永嘉县司法局"});
        CHECK(p.published == "2024-01-15");
        SUBCASE("a preamble ending in 如下： is the intro, not an addressee line") {
            CHECK(p.intro == "2023年，县司法局在县委、县政府的坚强领导下，紧紧围绕法治政府建设目标任务，现将有关工作情况报告如下：");
        }
    }
    SUBCASE("tree") {
        REQUIRE(p.sections.size() == 3);
        REQUIRE(p.sections[0].sections.size() == 2);
        CHECK(p.sections[0].sections[1].title == "深化公共法律服务");
        CHECK(p.sections[0].sections[1].tasks.size() == 3);
        CHECK(p.sections[1].tasks.empty());
        CHECK(p.sections[1].text == "一是基层法治力量仍然薄弱。\n二是部分行政执法人员素质有待提高。");
        REQUIRE(p.sections[2].tasks.size() == 3);
        CHECK(p.sections[2].tasks[2].title == "加强法治宣传教育");
        CHECK(p.sections[2].tasks[2].text == "加强法治宣传教育。开展“法律进万家”活动不少于100场。");
    }
    SUBCASE("figures for the year reported, targets for the year ahead") {
        const core::Task& first = p.sections[0].sections[0].tasks[0];
        REQUIRE(first.figures.size() == 4);
        CHECK(first.figures[3].metric == "纠错率");
        CHECK(first.figures[3].value == doctest::Approx(12.5));
        CHECK(first.targets.empty());
        const core::Task& plan = p.sections[2].tasks[0];
        CHECK(plan.figures.empty());
        REQUIRE(plan.targets.size() == 1);
        CHECK(plan.targets[0].metric == "行政复议案件纠错率");
        CHECK(plan.targets[0].comparator == ">=");
        CHECK(plan.targets[0].value == 10);
    }
    SUBCASE("networks counted after their name") {
        importer::Services s;
        importer::ExtractServices(p, r.body, s);
        Strings names;
        for (const auto& pt : s.points) names.push_back(pt.name + "/" + pt.kind + "/" + std::to_string(pt.count));
        CHECK(names == Strings{"县公共法律服务中心/centre/0", "乡镇公共法律服务站/station/22", "村级法律服务室/room/356",
                               "“老杨”调解工作室/mediation/0"});
    }
}
