// import_targets_test.cpp — quantitative targets (comparators, units, due dates, 全覆盖, two
// metrics sharing one value) and annual-report figures. Depends on fazhitong_import.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "import/Extract.h"
#include "import/Text.h"

namespace {
std::vector<core::Target> Targets(const std::string& s) { return importer::ExtractTargets(importer::FromUtf8(s)); }
std::vector<core::Figure> Figures(const std::string& s, int year) {
    return importer::ExtractFigures(importer::FromUtf8(s), year);
}
}  // namespace

TEST_CASE("import targets: comparators and units") {
    SUBCASE("达到N%以上 with a due year") {
        auto t = Targets("到2025年，满意率达到90%以上。");
        REQUIRE(t.size() == 1);
        CHECK(t[0].metric == "满意率");
        CHECK(t[0].comparator == ">=");
        CHECK(t[0].value == 90);
        CHECK(t[0].unit == "%");
        CHECK(t[0].due == "2025");
        CHECK(t[0].quote == "到2025年，满意率达到90%以上。");
    }
    SUBCASE("不少于 with 学时, 件, 次, 期, 人次") {
        CHECK(Targets("每人每年接受不少于60学时的培训。")[0].unit == "学时");
        CHECK(Targets("每个部门评估不少于1件。")[0].unit == "件");
        CHECK(Targets("会前学法不少于6次。")[0].unit == "次");
        CHECK(Targets("至少举办2期讲座。")[0].unit == "期");
        auto t = Targets("年度培训人次至少为1000人次。");
        REQUIRE(t.size() == 1);
        CHECK(t[0].metric == "年度培训人次");
        CHECK(t[0].comparator == ">=");
        CHECK(t[0].value == 1000);
        CHECK(t[0].unit == "人次");
    }
    SUBCASE("upper bounds") {
        auto t = Targets("行政败诉率控制在5%以内。");
        REQUIRE(t.size() == 1);
        CHECK(t[0].comparator == "<=");
        CHECK(t[0].metric == "行政败诉率");
        CHECK(Targets("投诉办理时间不超过15天。")[0].comparator == "<=");
    }
    SUBCASE("全覆盖 is 100 percent") {
        auto t = Targets("2025年底前实现对各级政府督察全覆盖。");
        REQUIRE(t.size() == 1);
        CHECK(t[0].metric == "对各级政府督察覆盖");
        CHECK(t[0].comparator == ">=");
        CHECK(t[0].value == 100);
        CHECK(t[0].unit == "%");
        CHECK(t[0].due == "2025-12");
        SUBCASE("but not as an adjective or without a subject") {
            CHECK(Targets("基本建成全覆盖的行政执法协调监督工作体系。").empty());
            CHECK(Targets("并有序推进全覆盖。").empty());
        }
    }
    SUBCASE("two metrics sharing one value") {
        auto t = Targets("公共法律服务知晓率和首选率均达到100%、满意率达到90%以上。");
        REQUIRE(t.size() == 3);
        CHECK(t[0].metric == "公共法律服务知晓率");
        CHECK(t[1].metric == "首选率");
        CHECK(t[2].metric == "满意率");
        CHECK(t[2].value == 90);
    }
    SUBCASE("N%以上的 X: the metric follows the number") {
        auto t = Targets("确保80%以上的公共法律服务中心(站)配备机器人。");
        REQUIRE(t.size() == 1);
        CHECK(t[0].metric == "公共法律服务中心(站)配备机器人");
    }
    SUBCASE("a count is named after what it counts, as a noun phrase") {
        auto metric = [](const std::string& s) {
            auto t = Targets(s);
            REQUIRE(t.size() == 1);
            return t[0].metric;
        };
        CHECK(metric("各级政府领导班子每年应当举办2期以上法治专题讲座。") == "各级政府领导班子每年举办的法治专题讲座");
        CHECK(metric("确保每人每年接受不少于60学时的业务知识培训。") == "每人每年接受的业务知识培训");
        CHECK(metric("部门负责人任期内至少接受1次法治专题脱产培训。") == "部门负责人任期内接受的法治专题脱产培训");
        CHECK(metric("力争到2025年，创建1个以上全国示范县。") == "创建的全国示范县");
        CHECK(metric("全年办理行政复议案件不少于100件。") == "全年办理的行政复议案件");
        SUBCASE("a clause that only says how often counts what the clause before does") {
            CHECK(metric("组织执法人员开展法律知识培训，每人每年不少于40学时。") == "每人每年法律知识培训");
        }
        SUBCASE("but not a share, an amount or a duration") {
            CHECK(metric("投诉办理时间不超过15天。") == "投诉办理时间");
            CHECK(metric("行政规范性文件备案审查率达到100%。") == "行政规范性文件备案审查率");
        }
    }
    SUBCASE("numbers that are not targets") {
        CHECK(Targets("制定营商优化提升举措60条。").empty());
        CHECK(Targets("纪念“枫桥经验”60周年。").empty());
        CHECK(Targets("根据《实施纲要(2021—2025年)》制定。").empty());
    }
    SUBCASE("half-width and full-width digits and percent") {
        auto t = Targets("备案审查率达１００％。");
        REQUIRE(t.size() == 1);
        CHECK(t[0].value == 100);
        CHECK(t[0].unit == "%");
    }
}

TEST_CASE("import targets: due dates") {
    using importer::DueIn;
    using importer::FromUtf8;
    CHECK(DueIn(FromUtf8("力争到2025年实现")) == "2025");
    CHECK(DueIn(FromUtf8("2024年底前基本建成")) == "2024-12");
    CHECK(DueIn(FromUtf8("2023年3月底前制定")) == "2023-03");
    CHECK(DueIn(FromUtf8("2023年前完成")) == "2023");
    CHECK(DueIn(FromUtf8("2023年全区工作")) == "");
    CHECK(DueIn(FromUtf8("在年12月底前检查验收")) == "");
}

TEST_CASE("import targets: figures of an annual report") {
    auto f = Figures("今年以来，全区受理人民调解案件297起，成功调解271起，调解成功率达91.2%。", 2024);
    REQUIRE(f.size() == 3);
    CHECK(f[0].metric == "全区受理的人民调解案件");
    CHECK(f[0].value == 297);
    CHECK(f[0].unit == "起");
    CHECK(f[0].year == "2024");
    CHECK(f[2].metric == "调解成功率");
    CHECK(f[2].value == doctest::Approx(91.2));
    SUBCASE("a counted noun follows its classifier; 余 is kept out of the value") {
        auto g = Figures("依托2个法治文化广场、3个法治文化长廊，共解答法律咨询2000余人次。", 2024);
        REQUIRE(g.size() == 3);
        CHECK(g[0].metric == "法治文化广场");
        CHECK(g[0].value == 2);
        CHECK(g[1].metric == "法治文化长廊");
        CHECK(g[2].metric == "解答的法律咨询");
        CHECK(g[2].value == 2000);
        CHECK(g[2].unit == "人次");
    }
    SUBCASE("the thing counted, not the verb: X受理的Y; a light verb without subject adds nothing") {
        auto g = Figures("金融巡回法庭共受理民商事纠纷案件4225件，审结案件4046件。", 2024);
        REQUIRE(g.size() == 2);
        CHECK(g[0].metric == "金融巡回法庭受理的民商事纠纷案件");
        CHECK(g[1].metric == "审结的案件");
        CHECK(Figures("共举办了200余场普法宣传活动。", 2024)[0].metric == "普法宣传活动");
        CHECK(Figures("先后依次开展培训班6次。", 2024)[0].metric == "培训班");
        CHECK(Figures("其中联合部门检查事项94件。", 2024)[0].metric == "联合部门检查事项");
    }
    SUBCASE("a list ending in 等 names what is counted; people joining are counted as such") {
        CHECK(Figures("办公室对区应急管理局、区卫健委等6家单位进行专项督察。", 2024)[0].metric == "区应急管理局、区卫健委等单位");
        auto g = Figures("共计80余人参训，惠及群众达2000余人次。", 2024);
        REQUIRE(g.size() == 2);
        CHECK(g[0].metric == "参训人数");
        CHECK(g[0].value == 80);
        CHECK(g[1].metric == "惠及的群众");
    }
    SUBCASE("amounts") {
        auto g = Figures("为41户企业累计兑现金额1142.31万元。", 2024);
        REQUIRE(g.size() == 2);
        CHECK(g[1].metric == "兑现金额");
        CHECK(g[1].value == doctest::Approx(1142.31));
        CHECK(g[1].unit == "万元");
    }
}
