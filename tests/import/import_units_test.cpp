// import_units_test.cpp — 牵头单位/责任单位 in brackets and on lines, block-wide unit lines, only
// 责任单位, mixed punctuation, bracketed qualifiers, canonical names. Depends on fazhitong_import.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "import/Extract.h"
#include "import/PlanImporter.h"
#include "import/Text.h"

namespace {
using Strings = std::vector<std::string>;
Strings Utf8(const std::vector<importer::U32>& v) {
    Strings out;
    for (const auto& s : v) out.push_back(importer::ToUtf8(s));
    return out;
}
importer::ImportResult Import(const std::string& text) {
    importer::ImportOptions o;
    o.file_name = "units.txt";
    return importer::ImportPlan(text, o);
}
}  // namespace

TEST_CASE("import units: parsing labels") {
    using importer::FromUtf8;
    SUBCASE("half-width bracket, colon and comma") {
        importer::U32 text = FromUtf8("深化改革。按部署推进。(牵头单位:区委编办,责任单位:区各有关部门、各镇[街道])");
        importer::UnitSpec u;
        REQUIRE(importer::TakeUnitBracket(text, u));
        CHECK(Utf8(u.lead) == Strings{"区委编办"});
        CHECK(Utf8(u.responsible) == Strings{"区各有关部门", "各镇[街道]"});
        CHECK(importer::ToUtf8(text) == "深化改革。按部署推进。");
    }
    SUBCASE("full-width bracket, colon, comma and semicolon") {
        importer::U32 text = FromUtf8("推进公开。（牵头单位：区政府办；配合单位：区司法局，区财政局）。");
        importer::UnitSpec u;
        REQUIRE(importer::TakeUnitBracket(text, u));
        CHECK(Utf8(u.lead) == Strings{"区政府办"});
        CHECK(Utf8(u.responsible) == Strings{"区司法局", "区财政局"});
        CHECK(importer::ToUtf8(text) == "推进公开。");
    }
    SUBCASE("a bracket that is not a unit list stays in the text") {
        importer::U32 text = FromUtf8("开展评估(2021—2025年)");
        importer::UnitSpec u;
        CHECK_FALSE(importer::TakeUnitBracket(text, u));
        CHECK(importer::ToUtf8(text) == "开展评估(2021—2025年)");
    }
    SUBCASE("a line, with brackets inside a name kept whole") {
        importer::UnitSpec u;
        REQUIRE(importer::ParseUnitLabels(FromUtf8("责任单位:市政府法制办、市政府各部门,县(市、区)政府"), u));
        CHECK(u.lead.empty());
        CHECK(Utf8(u.responsible) == Strings{"市政府法制办", "市政府各部门", "县(市、区)政府"});
        CHECK_FALSE(importer::ParseUnitLabels(FromUtf8("各责任单位要按季度报送进展"), u));
    }
    SUBCASE("both labels on one line") {
        importer::UnitSpec u;
        REQUIRE(importer::ParseUnitLabels(FromUtf8("牵头单位：市司法局  责任单位：各县（市）区政府"), u));
        CHECK(Utf8(u.lead) == Strings{"市司法局"});
        CHECK(Utf8(u.responsible) == Strings{"各县（市）区政府"});
    }
}

TEST_CASE("import units: in documents") {
    SUBCASE("a 责任单位 line after a block covers every task of the block") {
        auto r = Import("某区工作要点\n一、执法\n1.规范程序。落实制度。\n2.加强培训。每年一次。\n责任单位:区司法局、区各执法部门\n"
                        "二、监督\n1.强化监督。定期检查。\n责任单位:区政府办\n2.推进公开。按要求公开。\n责任单位:区政务办\n");
        REQUIRE(r.ok);
        const auto& ch1 = r.plan.sections[0].tasks;
        REQUIRE(ch1.size() == 2);
        CHECK(ch1[0].responsible_units == Strings{"区司法局", "区各执法部门"});
        CHECK(ch1[1].responsible_units == Strings{"区司法局", "区各执法部门"});
        SUBCASE("but not when each task has its own line") {
            const auto& ch2 = r.plan.sections[1].tasks;
            CHECK(ch2[0].responsible_units == Strings{"区政府办"});
            CHECK(ch2[1].responsible_units == Strings{"区政务办"});
        }
    }
    SUBCASE("a unit line under a heading applies to the tasks below it") {
        auto r = Import("某区工作要点\n一、执法\n牵头单位：区司法局\n1.规范程序。落实制度。\n2.加强培训。每年一次。（责任单位：区人社局）\n");
        REQUIRE(r.ok);
        const auto& t = r.plan.sections[0].tasks;
        CHECK(t[0].lead_units == Strings{"区司法局"});
        CHECK(t[1].lead_units == Strings{"区司法局"});
        CHECK(t[1].responsible_units == Strings{"区人社局"});
        CHECK(t[0].responsible_units.empty());
    }
    SUBCASE("canonical names add the region to 区-relative names only") {
        auto r = Import("某某区工作要点\n1.规范程序。落实制度。(牵头单位:区司法局,责任单位:各镇(街道)、市公安局某某分局、某某区财政局)\n");
        REQUIRE(r.ok);
        REQUIRE(r.plan.region.name == "某某区");
        REQUIRE(r.plan.units.size() == 4);
        CHECK(r.plan.units[0].printed == "区司法局");
        CHECK(r.plan.units[0].canonical == "某某区司法局");
        CHECK(r.plan.units[1].canonical == "各镇（街道）");
        CHECK(r.plan.units[2].canonical == "市公安局某某分局");
        CHECK(r.plan.units[3].canonical == "某某区财政局");
    }
}
