// import_structure_test.cpp — small synthetic documents for each heading style and the tricky
// cases: numbering that restarts per section, 一是… inline items, title-led paragraphs,
// web boilerplate, mixed punctuation, documents without structure. Depends on fazhitong_import.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "import/PlanImporter.h"
#include "import/Text.h"

namespace {

importer::ImportResult Import(const std::string& text) {
    importer::ImportOptions o;
    o.file_name = "test.txt";
    return importer::ImportPlan(text, o);
}

std::vector<const core::Task*> Tasks(const core::Plan& p) {
    std::vector<const core::Task*> out;
    std::vector<const core::Section*> stack;
    for (auto it = p.sections.rbegin(); it != p.sections.rend(); ++it) stack.push_back(&*it);
    while (!stack.empty()) {
        const core::Section* s = stack.back();
        stack.pop_back();
        for (const core::Task& t : s->tasks) out.push_back(&t);
        for (auto it = s->sections.rbegin(); it != s->sections.rend(); ++it) stack.push_back(&*it);
    }
    return out;
}

std::string Listing(const core::Plan& p) {
    std::string out;
    for (const core::Task* t : Tasks(p)) out += (out.empty() ? "" : "|") + t->number + t->title;
    return out;
}

}  // namespace

TEST_CASE("import structure: heading styles") {
    SUBCASE("一、 chapters with 1. tasks, numbering restarting per chapter") {
        auto r = Import("某区2024年法治政府建设工作要点\n一、加强制度建设\n1.完善规范性文件管理。全面落实备案审查。\n"
                        "2.推进立法协商。开展立法调研。\n二、严格执法\n1.规范执法程序。落实三项制度。\n");
        REQUIRE(r.ok);
        REQUIRE(r.plan.sections.size() == 2);
        CHECK(r.plan.sections[1].number == "二、");
        CHECK(r.plan.sections[1].title == "严格执法");
        CHECK(Listing(r.plan) == "1.完善规范性文件管理|2.推进立法协商|1.规范执法程序");
        CHECK(Tasks(r.plan)[0]->text == "完善规范性文件管理。全面落实备案审查。");
        SUBCASE("ids differ although the numbers repeat") { CHECK(Tasks(r.plan)[0]->id != Tasks(r.plan)[2]->id); }
    }
    SUBCASE("（一） full-width and (一) half-width brackets are one level") {
        auto r = Import("工作方案\n一、总体安排\n（一）建立台账。逐项落实。\n(二)定期通报。每季度一次。\n");
        REQUIRE(r.ok);
        CHECK(Listing(r.plan) == "（一）建立台账|(二)定期通报");
    }
    SUBCASE("1、 and 1． and （1） under 一、/（一）") {
        auto r = Import("实施方案\n一、主要任务\n（一）政务服务\n1、推行一网通办。全面推行。\n2．推行一窗受理。\n"
                        "（1）设立综合窗口。按要求设立。\n（二）执法监督\n1、开展案卷评查。每年一次。\n");
        REQUIRE(r.ok);
        REQUIRE(r.plan.sections.size() == 1);
        REQUIRE(r.plan.sections[0].sections.size() == 2);
        const core::Section& s = r.plan.sections[0].sections[0];
        CHECK(s.title == "政务服务");
        REQUIRE(s.tasks.size() == 1);
        CHECK(s.tasks[0].number == "1、");
        REQUIRE(s.sections.size() == 1);
        CHECK(s.sections[0].number == "2．");
        REQUIRE(s.sections[0].tasks.size() == 1);
        CHECK(s.sections[0].tasks[0].number == "（1）");
        CHECK(s.sections[0].tasks[0].title == "设立综合窗口");
        CHECK(r.plan.sections[0].sections[1].tasks[0].title == "开展案卷评查");
    }
    SUBCASE("第一章 and 第一条") {
        auto r = Import("某市行政执法监督办法\n第一章 总则\n第一条 为了规范行政执法监督，制定本办法。\n"
                        "第二条 本办法适用于本市行政执法监督。\n第二章 监督内容\n第三条 监督行政执法主体资格。\n");
        REQUIRE(r.ok);
        REQUIRE(r.plan.sections.size() == 2);
        CHECK(r.plan.sections[0].number == "第一章");
        CHECK(r.plan.sections[0].title == "总则");
        CHECK(Listing(r.plan) == "第一条为了规范行政执法监督，制定本办法|第二条本办法适用于本市行政执法监督|第三条监督行政执法主体资格");
    }
    SUBCASE("一是…二是… inside one paragraph") {
        auto r = Import("情况报告\n一、主要成效\n（一）强化执法\n一是规范程序。落实制度。二是加强培训。举办培训班。三是推行柔性执法。\n");
        REQUIRE(r.ok);
        CHECK(Listing(r.plan) == "一是规范程序|二是加强培训|三是推行柔性执法");
        CHECK(Tasks(r.plan)[1]->text == "加强培训。举办培训班。");
    }
    SUBCASE("paragraphs led by a short title sentence are tasks") {
        auto r = Import("工作方案\n一、转变政府职能\n优化组织结构。完善职能体系。\n深化放管服改革。精简审批事项。\n"
                        "坚持问题导向，加强统筹，推动各项任务落实。\n");
        REQUIRE(r.ok);
        CHECK(Listing(r.plan) == "优化组织结构|深化放管服改革");
        SUBCASE("a paragraph after a task continues it") {
            CHECK(Tasks(r.plan)[1]->text == "深化放管服改革。精简审批事项。\n坚持问题导向，加强统筹，推动各项任务落实。");
        }
    }
    SUBCASE("1) and 1） number tasks too") {
        auto r = Import("工作要点\n一、制度\n1)完善制度。建立台账。\n2）加强监督。定期通报。\n");
        REQUIRE(r.ok);
        CHECK(Listing(r.plan) == "1)完善制度|2）加强监督");
    }
    SUBCASE("a task table pasted as text (tabs or runs of spaces)") {
        auto r = Import("某区任务分工\n一、推进职能转变\n序号\t工作任务\t牵头单位\t责任单位\t完成时限\n"
                        "1\t深化机构改革。按部署推进。\t区委编办\t区各有关部门、各镇(街道)\t2023年底前\n"
                        "2    推进放管服改革。    区行政审批局    区各有关部门    长期\n");
        REQUIRE(r.ok);
        auto t = Tasks(r.plan);
        REQUIRE(t.size() == 2);
        CHECK(t[0]->number == "1.");
        CHECK(t[0]->title == "深化机构改革");
        CHECK(t[0]->text == "深化机构改革。按部署推进。（完成时限：2023年底前）");
        CHECK(t[0]->lead_units == std::vector<std::string>{"区委编办"});
        CHECK(t[0]->responsible_units == std::vector<std::string>{"区各有关部门", "各镇(街道)"});
        CHECK(t[1]->lead_units == std::vector<std::string>{"区行政审批局"});
    }
    SUBCASE("a flat list of numbered tasks lands in one section") {
        auto r = Import("工作要点\n1.完善制度。建立台账。\n2.加强监督。定期通报。\n");
        REQUIRE(r.ok);
        REQUIRE(r.plan.sections.size() == 1);
        CHECK(r.plan.sections[0].title == "正文");
        CHECK(Listing(r.plan) == "1.完善制度|2.加强监督");
    }
}

TEST_CASE("import structure: web boilerplate") {
    std::string doc =
        "当前位置:首页 > 通知公告\n某区法治政府建设工作要点\n【发布时间:2022-08-11 16:13:00】 【阅读次数:\n"
        "\xC2\xA0\n\xE3\x80\x80\n来源: 某街道 发布时间:2024-03-19 14:16 累计次数: 字体:[ ]\n"
        "导语:本文来源于网友上传,不代表本站观点。\n一、加强领导\n1.健全机制。定期研究。\n"
        "- 上一篇:某某讲话\n- 下一篇:某某发言\n";
    auto r = Import(doc);
    REQUIRE(r.ok);
    CHECK(r.plan.title == "某区法治政府建设工作要点");
    SUBCASE("the body keeps only the document") {
        REQUIRE(Tasks(r.plan).size() == 1);
        CHECK(Tasks(r.plan)[0]->text == "健全机制。定期研究。");
    }
    SUBCASE("the page date is not used for a user-uploaded copy") { CHECK(r.plan.published == ""); }
    SUBCASE("the page date is used when the page is the issuer's") {
        auto r2 = Import("某区工作要点\n来源: 某街道 发布时间:2024-03-19 14:16\n一、加强领导\n1.健全机制。定期研究。\n");
        REQUIRE(r2.ok);
        CHECK(r2.plan.published == "2024-03-19");
    }
}

TEST_CASE("import structure: metadata") {
    SUBCASE("signature block with spaces and a glued pair of issuers") {
        auto r = Import("现将《某县法治政府建设实施方案（2021—2025年）》印发给你们，请认真贯彻落实。\n"
                        "    中共某某县委某某县人民政府\n      2022年 3月 8日\n一、任务\n1.完善机制。建立制度。\n");
        REQUIRE(r.ok);
        CHECK(r.plan.title == "某县法治政府建设实施方案（2021—2025年）");
        CHECK(r.plan.issuers == std::vector<std::string>{"中共某某县委", "某某县人民政府"});
        CHECK(r.plan.published == "2022-03-08");
        CHECK(r.plan.period_from == 2021);
        CHECK(r.plan.period_to == 2025);
        CHECK(r.plan.kind == core::PlanKind::ImplementationPlan);
        CHECK(r.plan.region.name == "某某县");
        CHECK(r.plan.region.level == core::RegionLevel::County);
    }
    SUBCASE("kinds") {
        auto kind = [](const std::string& title) {
            return Import(title + "\n一、任务\n1.完善机制。建立制度。\n").plan.kind;
        };
        CHECK(kind("某市2023年法治政府建设工作要点") == core::PlanKind::WorkPoints);
        CHECK(kind("某市法治政府建设工作方案") == core::PlanKind::WorkPlan);
        CHECK(kind("某市2023年法治政府建设年度报告") == core::PlanKind::AnnualReport);
        CHECK(kind("关于开展法治督察的通知") == core::PlanKind::Notice);
        CHECK(kind("某市法治政府建设实施方案") == core::PlanKind::ImplementationPlan);
    }
    SUBCASE("a readable id from the region's slug, year or period and kind; else --id; else the file name") {
        importer::ImportOptions o;
        o.file_name = "Some Plan 2024.txt";
        auto id_of = [&](const std::string& text) {
            auto r = importer::ImportPlan(text, o);
            REQUIRE(r.ok);
            return r.plan.id;
        };
        CHECK(id_of("昆明市2024年法治政府建设工作要点\n1.完善制度。建立台账。\n") == "kunming-2024-work-points");
        CHECK(id_of("昆明市法治政府建设实施方案（2021—2025年）\n1.完善制度。建立台账。\n") ==
              "kunming-2021-2025-implementation-plan");
        CHECK(id_of("昆明市法治政府建设工作方案\n1.完善制度。建立台账。\n") == "kunming-work-plan");
        SUBCASE("an unnamed region has a slug of its own") {
            CHECK(id_of("工作要点\n1.完善制度。建立台账。\n") == "anon-city-work-points");
        }
        SUBCASE("a region the gazetteer has no slug for keeps the file-name id") {
            CHECK(id_of("宜良县2024年法治政府建设工作要点\n1.完善制度。建立台账。\n") == "some-plan-2024");
        }
        SUBCASE("the gazetteer's check applies: 通州区 is the Jiangsu one only when the text says so") {
            CHECK(id_of("通州区2023年法治政府建设工作要点\n1.完善制度。建立台账。\n") == "some-plan-2024");
            CHECK(id_of("通州区2023年法治政府建设工作要点\n1.完善制度。落实江苏省规定。\n") ==
                  "tongzhou-2023-work-points");
        }
        CHECK(importer::PlanIdFromFileName("dir/000_ab.TXT") == "000_ab");
        o.id = "custom-id";
        CHECK(importer::ImportPlan("昆明市2024年法治政府建设工作要点\n1.完善制度。建立台账。\n", o).plan.id ==
              "custom-id");
    }
    SUBCASE("ReadablePlanId: year for annual kinds, period for plans, each falling back to the other") {
        core::Plan p;
        p.region.name = "昆明市";
        p.kind = core::PlanKind::AnnualReport;
        p.year = 2024;
        p.period_from = 2021;
        p.period_to = 2025;
        CHECK(importer::ReadablePlanId(p, "") == "kunming-2024-annual-report");
        p.kind = core::PlanKind::Notice;
        CHECK(importer::ReadablePlanId(p, "") == "kunming-2021-2025-notice");
        p.period_from = p.period_to = 2022;
        CHECK(importer::ReadablePlanId(p, "") == "kunming-2022-notice");
        p.period_from = p.period_to = 0;
        CHECK(importer::ReadablePlanId(p, "") == "kunming-2024-notice");
        p.region.name = "宜良县";
        CHECK(importer::ReadablePlanId(p, "") == "");
    }
}

TEST_CASE("import structure: stable, deterministic ids") {
    std::string base = "工作要点\n一、制度\n1.完善制度。建立台账。\n2.加强监督。定期通报。\n";
    std::string more = "工作要点\n一、新增\n1.新的任务。内容。\n一、制度\n1.完善制度。建立台账。\n2.加强监督。定期通报。\n";
    auto a = Import(base), b = Import(more);
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    SUBCASE("an unrelated task does not change the others' ids") {
        CHECK(Tasks(a.plan)[0]->id == Tasks(b.plan)[1]->id);
        CHECK(Tasks(a.plan)[1]->id == Tasks(b.plan)[2]->id);
    }
    SUBCASE("the id is the plan id and a hash of the title") {
        CHECK(a.plan.id == "anon-city-work-points");
        CHECK(Tasks(a.plan)[0]->id.rfind(a.plan.id + "-", 0) == 0);
        CHECK(Tasks(a.plan)[0]->id.size() == a.plan.id.size() + 1 + 8);
    }
    SUBCASE("the same title twice is told apart by its text, deterministically") {
        auto r = Import("工作要点\n一、甲\n1.加强培训。面向执法人员。\n二、乙\n1.加强培训。面向领导干部。\n");
        REQUIRE(r.ok);
        auto t = Tasks(r.plan);
        CHECK(t[0]->id != t[1]->id);
        CHECK(Import("工作要点\n一、甲\n1.加强培训。面向执法人员。\n二、乙\n1.加强培训。面向领导干部。\n").plan.sections[1].tasks[0].id ==
              t[1]->id);
    }
}

TEST_CASE("import structure: bad input gives a message, never an empty plan") {
    auto error_of = [](const std::string& bytes) {
        auto r = Import(bytes);
        CHECK_FALSE(r.ok);
        CHECK(r.plan.sections.empty());
        return r.error;
    };
    CHECK(error_of("") == "empty document (no text)");
    CHECK(error_of(" \n\xC2\xA0\n\xE3\x80\x80\n") == "empty document (no text)");
    CHECK(error_of(std::string("abc\0def", 7)) == "binary data (a NUL byte at offset 3), not a text document");
    SUBCASE("GBK is recognised") {
        // "一、加强法治政府建设" in GBK.
        std::string gbk = "\xD2\xBB\xA1\xA2\xBC\xD3\xC7\xBF\xB7\xA8\xD6\xCE\xD5\xFE\xB8\xAE\xBD\xA8\xC9\xE8\n";
        CHECK(error_of(gbk) ==
              "not UTF-8: the file looks GBK-encoded; convert it first, e.g. `iconv -f GBK -t UTF-8 IN.txt > OUT.txt`");
    }
    SUBCASE("too large") {
        std::string big(importer::kMaxInputBytes + 1, 'a');
        CHECK(error_of(big) == "file too large (8388609 bytes; the importer reads plan documents of at most 8 MB)");
    }
    SUBCASE("no structure") {
        CHECK(error_of("这是一段普通的文字，没有任何结构。\n只是两行而已\n") ==
              "no recognisable structure: no numbered headings (一、 (一) 1.) and no paragraphs led by a title "
              "sentence were found, so there are no tasks to import");
    }
    SUBCASE("a BOM is tolerated") {
        auto r = Import("\xEF\xBB\xBF工作要点\n1.完善制度。建立台账。\n");
        REQUIRE(r.ok);
        CHECK(r.plan.title == "工作要点");
    }
}
