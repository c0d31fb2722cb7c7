// import_services_test.cpp — service points and channels read from the seeds (kinds, counts,
// provenance, honest locations) and the CSV import of service points. Depends on fazhitong_import.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "import/PlanImporter.h"
#include "import/PointsCsv.h"
#include "import/Services.h"

namespace {
using Strings = std::vector<std::string>;

importer::Services ServicesOfSeed(const std::string& name) {
    std::ifstream in(std::string(FAZHITONG_SOURCE_DIR) + "/assets/sources/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing seed " << name);
    std::ostringstream ss;
    ss << in.rdbuf();
    importer::ImportOptions o;
    o.file_name = name;
    importer::ImportResult r = importer::ImportPlan(ss.str(), o);
    REQUIRE(r.ok);
    importer::Services s;
    importer::ExtractServices(r.plan, r.body, s);
    return s;
}

const core::ServicePoint* Point(const importer::Services& s, const std::string& name) {
    for (const auto& p : s.points)
        if (p.name == name) return &p;
    return nullptr;
}
}  // namespace

TEST_CASE("import services: places named in the Changjiang report") {
    importer::Services s = ServicesOfSeed("002_979756853a958e69.txt");
    Strings names;
    for (const auto& p : s.points) names.push_back(p.name + "/" + p.kind);
    CHECK(names == Strings{"金融纠纷司法服务一站式平台/dispute_platform", "金融巡回法庭/other", "锦芝调解工作室/mediation",
                           "陶博城矛盾纠纷多元化解中心共享法庭/shared_court", "区公共法律服务中心/centre",
                           "乡镇(街道)公共法律服务工作站/station", "村(社区)公共法律服务工作室/room",
                           "区“访调诉”一站式服务中心/one_stop"});
    SUBCASE("a network the text only counts") {
        const core::ServicePoint* st = Point(s, "乡镇(街道)公共法律服务工作站");
        REQUIRE(st);
        CHECK(st->count == 6);
        CHECK(Point(s, "村(社区)公共法律服务工作室")->count == 14);
    }
    SUBCASE("provenance, services and location at district precision, nothing invented") {
        const core::ServicePoint* p = Point(s, "区“访调诉”一站式服务中心");
        REQUIRE(p);
        CHECK(p->source.file == "002_979756853a958e69.txt");
        CHECK(p->source.quote ==
              "打造区“访调诉”一站式服务中心,为群众提供接访、咨询、调解、行政复议、行政诉讼、公共法律服务、心理咨询等一站式服务,"
              "满足群众对低成本、高效率解决纠纷需求。");
        CHECK(p->services == Strings{"法律咨询", "人民调解", "行政复议", "信访", "心理咨询", "行政诉讼"});
        CHECK(p->region.name == "昌江区");
        REQUIRE(p->location.has_value());
        CHECK(p->location->precision == core::Precision::District);
        CHECK(p->address.empty());
        CHECK(p->phone.empty());
        CHECK(p->hours.empty());
    }
    CHECK(s.channels.empty());
}

TEST_CASE("import services: channels named in the Kunming plan") {
    importer::Services s = ServicesOfSeed("003_7ec8b8f0e15b8f47.txt");
    Strings names;
    for (const auto& c : s.channels) names.push_back(c.name + "/" + c.kind + "/" + c.region.name);
    CHECK(names == Strings{"云南智慧公共法律服务云平台/platform/云南省", "云南掌上12348/wechat/云南省", "云南法网/website/云南省",
                           "12348热线/hotline/昆明市"});
    CHECK(s.channels[3].number == "12348");
    SUBCASE("a generic mention (80%以上的公共法律服务中心) is not a place") {
        CHECK(Point(s, "公共法律服务中心") == nullptr);
        REQUIRE(Point(s, "“云岭法务通”公共法律服务机器人"));
        CHECK(Point(s, "“云岭法务通”公共法律服务机器人")->kind == "robot");
    }
}

TEST_CASE("import services: hotlines listed after 热线") {
    importer::Services s = ServicesOfSeed("001_f7120c8e8bada94e.txt");
    Strings numbers;
    for (const auto& c : s.channels)
        if (c.kind == "hotline") numbers.push_back(c.number.str());
    CHECK(numbers == Strings{"12345", "12315", "12369"});
    CHECK(s.channels[1].services == Strings{"投诉举报"});
}

TEST_CASE("import services: CSV of service points") {
    const std::string header = "id,name,kind,region,region_level,lat,lon,precision,services,phone,count,source_quote\n";
    SUBCASE("UTF-8 with BOM, quoted fields, CRLF") {
        std::string csv = "\xEF\xBB\xBF" + header +
                          "xs-centre,兴山区公共法律服务中心,centre,兴山区,county,47.387,130.302,district,\"法律咨询;法律援助\",,,\r\n"
                          ",\"某街道工作站, 二楼\",station,兴山区,,,,,人民调解、法律咨询,12348,3,\"引用\"\"原文\"\"\"\r\n";
        importer::CsvResult r = importer::PointsFromCsv(csv, "points.csv");
        CHECK(r.messages.empty());
        REQUIRE(r.ok);
        REQUIRE(r.points.size() == 2);
        CHECK(r.points[0].id == "xs-centre");
        CHECK(r.points[0].services == Strings{"法律咨询", "法律援助"});
        REQUIRE(r.points[0].location.has_value());
        CHECK(r.points[0].location->precision == core::Precision::District);
        CHECK(r.points[1].name == "某街道工作站, 二楼");
        CHECK(r.points[1].id.rfind("csv-", 0) == 0);
        CHECK(r.points[1].count == 3);
        CHECK(r.points[1].phone == "12348");
        CHECK(r.points[1].source.file == "points.csv");
        CHECK(r.points[1].source.quote == "引用\"原文\"");
        CHECK_FALSE(r.points[1].location.has_value());
    }
    SUBCASE("GBK is rejected with the command that converts it") {
        std::string gbk = "name,kind,region\n\xD0\xCB\xC9\xBD\xC7\xF8,centre,\xD0\xCB\xC9\xBD\xC7\xF8\n";
        importer::CsvResult r = importer::PointsFromCsv(gbk, "points.csv");
        CHECK_FALSE(r.ok);
        CHECK(r.messages == Strings{"0: error: not UTF-8: the file looks GBK-encoded; convert it first, e.g. "
                                    "`iconv -f GBK -t UTF-8 IN.txt > OUT.txt`"});
    }
    SUBCASE("bad rows are named by line and skipped") {
        std::string csv = "name,kind,region,lat,lon,colour\n甲中心,centre,甲区,91,120\n乙中心,shop,乙区,,\n丙中心,room,丙区,,\n";
        importer::CsvResult r = importer::PointsFromCsv(csv, "p.csv");
        CHECK_FALSE(r.ok);
        CHECK(r.messages == Strings{"1: warning: unknown column \"colour\" (ignored)",
                                    "2: error: impossible coordinates 91, 120 (row skipped)",
                                    "3: error: unknown kind \"shop\" (expected centre, station, room, legal_aid, mediation, "
                                    "shared_court, one_stop, dispute_platform, notary, arbitration, robot or other) (row skipped)"});
        REQUIRE(r.points.size() == 1);
        CHECK(r.points[0].name == "丙中心");
    }
    SUBCASE("missing columns and empty files") {
        CHECK(importer::PointsFromCsv("name,region\n甲,乙\n", "p.csv").messages ==
              Strings{"1: error: missing required column \"kind\""});
        CHECK(importer::PointsFromCsv("", "p.csv").messages == Strings{"0: error: empty document (no text)"});
        CHECK(importer::PointsFromCsv("name,kind,region\n", "p.csv").messages ==
              Strings{"0: error: no data rows (a header row and at least one row are needed)"});
    }
}
