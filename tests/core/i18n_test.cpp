// i18n_test.cpp — UI strings: every locale has every key, every key the UI asks for exists, and
// lookups fall back instead of showing nothing. Depends on core/I18n, doctest.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/I18n.h"
#include "core/Model.h"

namespace {
const std::string kRoot = FAZHITONG_SOURCE_DIR;
}

TEST_CASE("ui strings") {
    core::Strings strings;
    core::Problems problems;
    strings.Load(kRoot + "/assets/i18n", problems);
    CHECK(problems.empty());
    const auto* zh = strings.Table("zh-CN");
    const auto* en = strings.Table("en");
    REQUIRE(zh != nullptr);
    REQUIRE(en != nullptr);

    SUBCASE("every locale has every key") {
        for (const auto& entry : *zh) CHECK_MESSAGE(en->count(entry.first) == 1, "en lacks ", entry.first);
        for (const auto& entry : *en) CHECK_MESSAGE(zh->count(entry.first) == 1, "zh-CN lacks ", entry.first);
    }
    SUBCASE("every key the UI sources ask for exists") {
        std::regex use(R"rx(\b(?:S|T)\("([a-z_]+\.[a-z_.]+)"\))rx");
        size_t found = 0;
        for (const auto& e : std::filesystem::directory_iterator(kRoot + "/src/ui")) {
            std::ifstream in(e.path());
            std::stringstream ss;
            ss << in.rdbuf();
            std::string text = ss.str();
            for (auto it = std::sregex_iterator(text.begin(), text.end(), use); it != std::sregex_iterator(); ++it) {
                ++found;
                CHECK_MESSAGE(zh->count((*it)[1]) == 1, e.path().filename().string(), " uses missing key ", (*it)[1]);
            }
        }
        CHECK(found > 40);
        // Keys built at run time from the model's enums.
        for (auto kind : {core::PlanKind::ImplementationPlan, core::PlanKind::WorkPoints, core::PlanKind::AnnualReport,
                          core::PlanKind::WorkPlan, core::PlanKind::Notice, core::PlanKind::Unknown})
            CHECK(zh->count(std::string("kind.") + core::ToString(kind)) == 1);
        for (const char* k : {"centre", "station", "room", "legal_aid", "mediation", "shared_court", "one_stop",
                              "dispute_platform", "notary", "arbitration", "robot", "other"})
            CHECK(zh->count(std::string("point.kind.") + k) == 1);
    }
    SUBCASE("falls back to Chinese, then to the key") {
        CHECK(strings.Get("fr", "nav.home") == "首页");
        CHECK(strings.Get("en", "no.such.key") == "no.such.key");
    }
    SUBCASE("a missing key's text outlives the key it was asked with (views keep the reference)") {
        const std::string* kept = nullptr;
        {
            const std::string key = "no.such.key.anywhere";
            const std::string& text = strings.Get("zh-CN", key);
            CHECK(&text != &key);  // it used to be the argument itself, gone with it
            kept = &text;
        }
        CHECK(*kept == "no.such.key.anywhere");
        CHECK(&strings.Get("en", "no.such.key.anywhere") == kept);  // one copy a key
        const core::Strings none;  // no strings folder at all
        CHECK(none.Get("zh-CN", std::string("app.name")) == "app.name");
    }
    SUBCASE("reports a bad string file with its place") {
        core::Strings s;
        core::Problems p;
        s.Add("xx", "i18n/xx.json", "{\n  \"a\": \"ok\",\n  \"b\": 3\n}", p);
        REQUIRE(p.size() == 1);
        CHECK(p[0].ToString() == "i18n/xx.json:3:8 /b: expected string");
        CHECK(s.Get("xx", "a") == "ok");
    }
}
