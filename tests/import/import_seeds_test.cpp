// import_seeds_test.cpp — the importer on the five bundled source documents: exact structure
// (chapters, sections, every task's number and title), chosen tasks' units and targets, metadata.
// Depends on fazhitong_import and the texts in assets/sources.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "import/PlanImporter.h"

namespace {

std::string ReadSeed(const std::string& name) {
    std::ifstream in(std::string(FAZHITONG_SOURCE_DIR) + "/assets/sources/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing seed assets/sources/" << name);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

importer::ImportResult ImportSeed(const std::string& name) {
    importer::ImportOptions o;
    o.file_name = name;
    importer::ImportResult r = importer::ImportPlan(ReadSeed(name), o);
    REQUIRE_MESSAGE(r.ok, r.error);
    return r;
}

void Collect(const std::vector<core::Section>& sections, std::vector<const core::Task*>& tasks, size_t& subsections,
             bool top) {
    for (const core::Section& s : sections) {
        if (!top) ++subsections;
        for (const core::Task& t : s.tasks) tasks.push_back(&t);
        Collect(s.sections, tasks, subsections, false);
    }
}

struct Shape {
    size_t chapters = 0, subsections = 0;
    std::vector<const core::Task*> tasks;
    std::string Listing() const {  // "1.深化政府机构改革|2.…"
        std::string out;
        for (const core::Task* t : tasks) out += (out.empty() ? "" : "|") + t->number + t->title;
        return out;
    }
};

Shape ShapeOf(const core::Plan& p) {
    Shape s;
    s.chapters = p.sections.size();
    Collect(p.sections, s.tasks, s.subsections, true);
    return s;
}

const core::Task& TaskTitled(const Shape& s, const std::string& title) {
    for (const core::Task* t : s.tasks)
        if (t->title == title) return *t;
    FAIL("no task titled " << title);
    return *s.tasks.front();
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("import seeds: 000 Tongzhou 2023 task list (units in brackets after every task)") {
    importer::ImportResult r = ImportSeed("000_964b26ec53af686c.txt");
    const core::Plan& p = r.plan;
    Shape s = ShapeOf(p);
    SUBCASE("metadata") {
        CHECK(p.id == "tongzhou-2023-work-points");
        SUBCASE("task ids are the plan id and a hash of the task's title") {
            CHECK(TaskTitled(s, "深化政府机构改革").id == "tongzhou-2023-work-points-27f76735");
        }
        CHECK(p.title == "关于做好2023年度法治政府建设情况报告公开工作的通知");
        CHECK(p.kind == core::PlanKind::WorkPoints);
        CHECK(p.year == 2023);
        CHECK(p.region.name == "通州区");
        CHECK(p.region.level == core::RegionLevel::County);
        SUBCASE("the parent city is not in the text, so it stays empty") { CHECK(p.region.parent == ""); }
        CHECK(p.issuers.empty());
        CHECK(p.published == "2024-03-19");
        CHECK(p.period_from == 0);
        CHECK(p.source.file == "000_964b26ec53af686c.txt");
        CHECK(p.intro.rfind("2023年全区法治政府建设工作,坚持以习近平", 0) == 0);
    }
    SUBCASE("structure: 8 chapters, 29 numbered tasks") {
        CHECK(s.chapters == 8);
        CHECK(s.subsections == 0);
        REQUIRE(s.tasks.size() == 29);
        CHECK(p.sections[0].number == "一、");
        CHECK(p.sections[0].title == "持续推进政府职能转变");
        CHECK(p.sections[7].title == "完善法治政府建设推进机制");
        CHECK(s.Listing() ==
              "1.深化政府机构改革|2.推进“放管服”改革|3.优化法治化营商环境|4.强化涉企行政合规指导|5.加强和规范备案审查工作|"
              "6.开展规范性文件清理工作|7.严格落实重大行政决策程序|8.完善重大行政决策目录管理|9.加强重大行政决策执行评估反馈|"
              "10.推进执法体制改革创新|11.推进基层综合执法规范化建设|12.加大重点领域执法力度|13.落实行政裁量权基准制度|"
              "14.优化改进行政执法方式|15.抓好重点领域风险排查化解|16.加强突发事件应急体系建设|17.依法分级分类施策处置突发事件|"
              "18.深入推进行政复议体制改革|19.加强和规范行政应诉工作|20.坚持和发展新时代“枫桥经验”|21.提升行政调解工作水平|"
              "22.推动多元监督形成合力|23.加强和规范政府督查工作|24.完善行政执法监督机制|25.全面推行政务公开|"
              "26.加强党对法治政府建设的领导|27.开展法治政府建设实施方案中期评估|28.深化法治政府建设督察|29.全面提升依法行政能力");
    }
    SUBCASE("units from the bracket, which is removed from the text") {
        const core::Task& t1 = *s.tasks[0];
        CHECK(t1.lead_units == Strings{"区委编办"});
        CHECK(t1.responsible_units == Strings{"区各有关部门", "各镇[街道]"});
        CHECK(t1.text.find("牵头单位") == std::string::npos);
        CHECK(t1.text.substr(t1.text.size() - 3) == "。");
        const core::Task& t12 = *s.tasks[11];
        CHECK(t12.lead_units == Strings{"区司法局", "区公安局", "区交运局"});
        CHECK(t12.responsible_units ==
              Strings{"区城管局", "通州生态环境局", "区文广旅局", "区各有关部门", "各镇[街道]"});
        SUBCASE("a task with only 责任单位") {
            const core::Task& t14 = *s.tasks[13];
            CHECK(t14.number == "14.");
            CHECK(t14.lead_units.empty());
            CHECK(t14.responsible_units == Strings{"区各有关部门", "各镇[街道]"});
        }
    }
    SUBCASE("canonical units carry the district's name") {
        auto canonical = [&](const std::string& printed) {
            for (const core::UnitName& u : p.units)
                if (u.printed == printed) return u.canonical.str();
            return std::string("?");
        };
        CHECK(p.units.size() == 23);
        CHECK(canonical("区司法局") == "通州区司法局");
        CHECK(canonical("区委编办") == "通州区委编办");
        CHECK(canonical("通州生态环境局") == "通州生态环境局");
        CHECK(canonical("各镇[街道]") == "各镇（街道）");
    }
    SUBCASE("themes") {
        CHECK(p.sections[0].themes == Strings{"functions"});
        CHECK(p.sections[4].themes == Strings{"emergencies"});
        CHECK(s.tasks[28]->themes == Strings{"capacity"});
    }
}

TEST_CASE("import seeds: 001 city work plan (责任单位 lines, numbering restarting per chapter)") {
    importer::ImportResult r = ImportSeed("001_f7120c8e8bada94e.txt");
    const core::Plan& p = r.plan;
    Shape s = ShapeOf(p);
    SUBCASE("metadata: the copy names no city, so none is invented") {
        CHECK(p.title == "市区促进依法行政工作打算");
        CHECK(p.id == "anon-city-work-plan");  // neither place nor years in the copy
        CHECK(p.kind == core::PlanKind::WorkPlan);
        CHECK(p.region.name == "某市");
        CHECK(p.region.level == core::RegionLevel::City);
        CHECK(p.region.parent == "四川省");
        SUBCASE("an essay site's upload date is not a publication date") { CHECK(p.published == ""); }
        CHECK(r.warnings == Strings{"the text names no region; region is \"某市\""});
    }
    SUBCASE("structure: 5 chapters, (四) holds 1. 2. 3., 18 tasks") {
        CHECK(s.chapters == 5);
        CHECK(s.subsections == 1);
        REQUIRE(s.tasks.size() == 18);
        CHECK(p.sections[0].sections[0].number == "(四)");
        CHECK(p.sections[0].sections[0].title == "扎实推进依法行政日常工作");
        CHECK(s.Listing() ==
              "(一)探索推行行政权力公开透明运行,规范行政执法行为|(二)全面深化法治政府创建活动|(三)全面开展深化行政执法责任制活动|"
              "1.提高应对突发事件能力,按照国务院要求加强基层应急队伍建设|2.深入推进政府信息公开工作|3.强化行政规范性文件的管理|"
              "(一)落实依法科学民主决策机制|(二)切实加强依法行政宣传|(一)落实学法制度|(二)加快推进网上审批大厅建设|"
              "(三)推进行政执法体制改革|(一)整合网络投诉反馈平台,公示投诉处理结果|(二)推动专项领域的行政调解工作不断深入|"
              "(三)开展行政复议规范化建设|(一)强化行政执法监督|"
              "(二)落实重大行政许可、行政处罚、行政合同和民事合同备案制度,开展行政执法案卷评查工作|(三)落实依法行政报告制度|"
              "(四)建立考核档案,扩大社会评估面,实施依法行政分类考核");
    }
    SUBCASE("a 责任单位 line belongs to the task above it; brackets inside names stay whole") {
        CHECK(s.tasks[1]->responsible_units == Strings{"市政府法制办", "市政府各部门", "县(市、区)政府"});
        CHECK(s.tasks[0]->lead_units.empty());
        SUBCASE("a continuation paragraph stays in the task's text") {
            const core::Task& t = TaskTitled(s, "开展行政复议规范化建设");
            CHECK(t.text.find("\n市政府进一步推动行政复议委员会试点工作") != std::string::npos);
            CHECK(t.responsible_units == Strings{"市政府法制办", "市政府目督办", "县(市、区)政府"});
        }
        SUBCASE("the last task has no unit line") { CHECK(s.tasks[17]->responsible_units.empty()); }
    }
    SUBCASE("targets of 3.强化行政规范性文件的管理") {
        const core::Task& t = *s.tasks[5];
        REQUIRE(t.targets.size() == 5);
        CHECK(t.targets[0].metric == "行政规范性文件制发的合法性审查率");
        CHECK(t.targets[0].comparator == ">=");
        CHECK(t.targets[0].value == 90);
        CHECK(t.targets[0].unit == "%");
        CHECK(t.targets[2].metric == "备案审查率");
        CHECK(t.targets[4].metric == "各县(市、区)政府评估");
        CHECK(t.targets[4].value == 2);
        CHECK(t.targets[4].unit == "件");
        CHECK(t.targets[4].due == "");
    }
    SUBCASE("至少为1000人次 reads as >= 1000") {
        const core::Task& t = TaskTitled(s, "落实学法制度");
        REQUIRE(t.targets.size() == 3);
        CHECK(t.targets[1].metric == "县(市、区)政府举办的领导干部法制讲座、专题研讨班");
        CHECK(t.targets[1].unit == "期");
        CHECK(t.targets[2].metric == "年度培训人次");
        CHECK(t.targets[2].comparator == ">=");
        CHECK(t.targets[2].value == 1000);
        CHECK(t.targets[2].unit == "人次");
    }
}

TEST_CASE("import seeds: 002 Changjiang 2024 annual report (一是…二是…, figures not targets)") {
    importer::ImportResult r = ImportSeed("002_979756853a958e69.txt");
    const core::Plan& p = r.plan;
    Shape s = ShapeOf(p);
    SUBCASE("metadata from the signature block at the end") {
        CHECK(p.id == "changjiang-2024-annual-report");
        CHECK(p.kind == core::PlanKind::AnnualReport);
        CHECK(p.year == 2024);
        CHECK(p.region.name == "昌江区");
        CHECK(p.region.level == core::RegionLevel::County);
        CHECK(p.region.parent == "");
        CHECK(p.issuers == Strings{"中共昌江区委", "昌江区人民政府"});
        CHECK(p.published == "2025-02-12");
        SUBCASE("no title line: a described title, with a warning") {
            CHECK(p.title == "昌江区2024年法治政府建设情况报告");
            CHECK(r.warnings == Strings{"no title line; title composed as \"昌江区2024年法治政府建设情况报告\""});
        }
    }
    SUBCASE("structure: 3 chapters, 7 sections, 30 tasks; problems are text") {
        CHECK(s.chapters == 3);
        CHECK(s.subsections == 7);
        REQUIRE(s.tasks.size() == 30);
        CHECK(s.tasks[0]->number == "一是");
        CHECK(s.tasks[0]->title == "强化任务部署");
        CHECK(s.tasks[25]->number == "四是");
        CHECK(s.tasks[25]->title == "壮大普法队伍");
        CHECK(s.tasks[26]->number == "(一)");
        CHECK(s.tasks[26]->title == "着力提升领导干部法治思维");
        CHECK(p.sections[1].title == "存在的主要问题");
        CHECK(p.sections[1].tasks.empty());
        CHECK(p.sections[1].text.rfind("一是部分领导干部依法行政的意识不强", 0) == 0);
        SUBCASE("the signature is not part of the last task") {
            CHECK(s.tasks[29]->text.find("昌江区人民政府") == std::string::npos);
        }
    }
    SUBCASE("statistics are figures of 2024") {
        const core::Task& t = TaskTitled(s, "强化人民调解力量");
        CHECK(t.targets.empty());
        REQUIRE(t.figures.size() == 4);
        CHECK(t.figures[0].metric == "全区各级人民调解组织开展的矛盾纠纷排查");
        CHECK(t.figures[1].metric == "受理的人民调解案件");
        CHECK(t.figures[1].value == 297);
        CHECK(t.figures[1].unit == "起");
        CHECK(t.figures[1].year == "2024");
        CHECK(t.figures[3].metric == "调解成功率");
        CHECK(t.figures[3].value == doctest::Approx(91.2));
        CHECK(t.figures[3].unit == "%");
        const core::Task& aid = TaskTitled(s, "加大法律援助力度");
        REQUIRE(aid.figures.size() >= 2);
        CHECK(aid.figures[0].metric == "全区乡镇(街道)公共法律服务工作站");
        CHECK(aid.figures[0].value == 6);
        CHECK(aid.figures[0].unit == "个");
    }
    SUBCASE("figure metrics read as noun phrases: what was counted, not the verb") {
        auto metrics = [&](const std::string& title) {
            Strings out;
            for (const core::Figure& f : TaskTitled(s, title).figures) out.push_back(f.metric + " " + f.unit);
            return out;
        };
        CHECK(metrics("开展执法专项监督") == Strings{"区应急管理局、区卫健委、区农村农业水利局等单位 家", "抽查的案卷 份"});
        CHECK(metrics("壮大普法队伍") == Strings{"参训人数 人", "乡镇(街道) 个", "“法律明白人”培训班 次", "参训人数 人"});
        CHECK(metrics("发展特色普法") == Strings{"普法宣传活动 场", "惠及的群众 人次", "解答的群众法律咨询 次"});
        CHECK(metrics("持续优化营商环境") == Strings{"执法检查 家(次)", "企业 家(次)", "个体户 家(次)"});
    }
}

TEST_CASE("import seeds: 003 Kunming 2021-2025 implementation plan (targets with due years)") {
    importer::ImportResult r = ImportSeed("003_7ec8b8f0e15b8f47.txt");
    const core::Plan& p = r.plan;
    Shape s = ShapeOf(p);
    SUBCASE("metadata from the cover letter and signature") {
        CHECK(p.title == "昆明市法治政府建设实施方案(2021—2025年)");
        CHECK(p.id == "kunming-2021-2025-implementation-plan");
        CHECK(p.kind == core::PlanKind::ImplementationPlan);
        CHECK(p.region.name == "昆明市");
        CHECK(p.region.level == core::RegionLevel::City);
        CHECK(p.region.parent == "云南省");
        CHECK(p.issuers == Strings{"中共昆明市委", "昆明市人民政府"});
        CHECK(p.published == "2023-01-11");
        CHECK(p.period_from == 2021);
        CHECK(p.period_to == 2025);
        CHECK(p.intro.rfind("为深入推进依法行政", 0) == 0);
        CHECK(r.warnings.empty());
    }
    SUBCASE("structure: 3 chapters, 8 sections, 41 tasks") {
        CHECK(s.chapters == 3);
        CHECK(s.subsections == 8);
        REQUIRE(s.tasks.size() == 41);
        CHECK(p.sections[0].title == "总体要求");
        CHECK(p.sections[0].tasks.empty());
        CHECK(p.sections[0].text.rfind("以习近平新时代中国特色社会主义思想为指导", 0) == 0);
        CHECK(p.sections[1].sections[7].title == "健全科技保障体系,建设数字法治政府");
        CHECK(s.tasks[6]->number == "7.");
        CHECK(s.tasks[6]->title == "提升公共法律服务能力");
        CHECK(s.tasks[40]->number == "(六)");
        CHECK(s.tasks[40]->title == "加强理论研究和舆论宣传");
        SUBCASE("the closing paragraph goes to its chapter, not to the last task") {
            CHECK(s.tasks[40]->text.find("根据本实施方案") == std::string::npos);
            CHECK(p.sections[2].text.find("根据本实施方案") != std::string::npos);
        }
    }
    SUBCASE("targets of 7.提升公共法律服务能力") {
        const core::Task& t = *s.tasks[6];
        REQUIRE(t.targets.size() == 9);
        CHECK(t.targets[1].metric == "平台规范化建设率");
        CHECK(t.targets[1].comparator == ">=");
        CHECK(t.targets[1].value == 80);
        CHECK(t.targets[1].due == "");
        CHECK(t.targets[3].metric == "接听率");
        CHECK(t.targets[3].value == 90);
        SUBCASE("知晓率和首选率均达到100% is two targets due 2025") {
            CHECK(t.targets[5].metric == "公共法律服务知晓率");
            CHECK(t.targets[6].metric == "首选率");
            CHECK(t.targets[6].value == 100);
            CHECK(t.targets[6].due == "2025");
        }
        CHECK(t.targets[8].metric == "村(社区)法律顾问覆盖");
        CHECK(t.targets[8].quote.rfind("到2025年,实体平台规范化建设率达100%", 0) == 0);
    }
    SUBCASE("年底前 dues and 学时") {
        const core::Task& sup = TaskTitled(s, "加强行政执法监督");
        REQUIRE(sup.targets.size() == 1);
        CHECK(sup.targets[0].metric == "行政执法案卷评查合格率");
        CHECK(sup.targets[0].value == 95);
        CHECK(sup.targets[0].due == "2025");
        const core::Task& team = TaskTitled(s, "加强队伍建设");
        REQUIRE(team.targets.size() == 3);
        CHECK(team.targets[0].metric == "每人每年接受的业务知识和法律法规培训");
        CHECK(team.targets[0].value == 60);
        CHECK(team.targets[0].unit == "学时");
        CHECK(team.targets[2].due == "2024-12");
    }
}

TEST_CASE("import seeds: 004 Xingshan 2021-2025 work plan (unnumbered title-led tasks)") {
    importer::ImportResult r = ImportSeed("004_92e9fcffad0b8ba4.txt");
    const core::Plan& p = r.plan;
    Shape s = ShapeOf(p);
    SUBCASE("metadata through the web page's header") {
        CHECK(p.title == "兴山区法治政府建设工作方案(2021-2025年)");
        CHECK(p.id == "xingshan-2021-2025-work-plan");
        CHECK(p.kind == core::PlanKind::WorkPlan);
        CHECK(p.region.name == "兴山区");
        CHECK(p.region.level == core::RegionLevel::County);
        CHECK(p.region.parent == "鹤岗市");
        CHECK(p.issuers == Strings{"中共鹤岗市兴山区委员会", "鹤岗市兴山区人民政府"});
        CHECK(p.published == "2022-08-11");
        CHECK(p.period_from == 2021);
        CHECK(p.period_to == 2025);
        CHECK(p.intro.rfind("法治政府建设是全面依法治国的重点任务", 0) == 0);
    }
    SUBCASE("structure: 10 chapters, 37 tasks") {
        CHECK(s.chapters == 10);
        REQUIRE(s.tasks.size() == 37);
        CHECK(s.tasks[0]->number == "");
        CHECK(s.tasks[0]->title == "优化政府组织结构");
        CHECK(s.tasks[0]->text.rfind("优化政府组织结构。完善经济调节", 0) == 0);
        CHECK(s.tasks[36]->title == "加强理论研究和舆论宣传");
        SUBCASE("指导思想/主要原则/实现目标 are sections, not tasks") {
            CHECK(s.subsections == 3);
            REQUIRE(p.sections[0].sections.size() == 3);
            CHECK(p.sections[0].sections[0].title == "指导思想");
            CHECK(p.sections[0].sections[2].title == "实现目标");
            CHECK(p.sections[0].tasks.empty());
        }
        SUBCASE("a chapter with one title-led paragraph still has its task") {
            REQUIRE(p.sections[2].tasks.size() == 1);
            CHECK(p.sections[2].tasks[0].title == "加强行政规范性文件管理");
        }
        SUBCASE("a paragraph without a title sentence is the chapter's text") {
            CHECK(p.sections[7].text.rfind("坚持将行政权力制约和监督体系纳入我区监督体系统筹谋划", 0) == 0);
            CHECK(p.sections[7].tasks.size() == 4);
        }
    }
    SUBCASE("targets") {
        const core::Task& t = TaskTitled(s, "加强政府法治队伍建设");
        REQUIRE(t.targets.size() == 1);
        CHECK(t.targets[0].comparator == ">=");
        CHECK(t.targets[0].value == 60);
        CHECK(t.targets[0].unit == "学时");
    }
}
