// search_view_test.cpp — the search screen: a chip per kind of result with its count, the best of
// every kind with a "show all" link under a group that has more, and one kind a page at a time
// (#/search/task?q=...), kept while typing. Read from the screen's text mirror. Depends on
// ui::App, ImGui, the bundled data (法律: 44 matches, 38 of them tasks).
#include <doctest/doctest.h>

#include <string>

#include "app_harness.h"

namespace {
bool Shows(const std::string& mirror, const std::string& text) { return mirror.find(text) != std::string::npos; }
}  // namespace

TEST_CASE("search view: kinds of result") {
    test::AppHarness site;
    SUBCASE("all kinds: chips with counts, the best of each, a link to the rest") {
        site.Open("#/search?q=%E6%B3%95%E5%BE%8B");
        std::string m = site.Mirror();
        CHECK(Shows(m, "[*全部 44] [任务 38] [服务网点 5] [热线与网上平台 1]"));
        CHECK(Shows(m, "## 任务 (38)"));
        CHECK(Shows(m, "[查看全部 (38) ›]"));  // 30 of 38 tasks are shown
        CHECK_FALSE(Shows(m, "[查看全部 (5) ›]"));  // all 5 points are
        CHECK_FALSE(Shows(m, "页码"));
    }
    SUBCASE("a pasted query with punctuation that matches nothing as typed says what it shows") {
        site.Open("#/search?q=%E3%80%8A%E6%B3%95%E5%BE%8B%E3%80%8B%E3%80%82");  // 《法律》。
        std::string m = site.Mirror();
        CHECK(Shows(m, "没有完全一致的结果，以下是忽略标点后的结果：“法律”"));
        CHECK(Shows(m, "[*全部 44] [任务 38]"));
        site.Open("#/search?q=%E6%B3%95%E5%BE%8B");  // 法律 as typed: no note
        CHECK_FALSE(Shows(site.Mirror(), "忽略标点"));
    }
    SUBCASE("nothing holds every word: each word alone, with its matches") {
        site.Open("#/search?q=%E5%A4%8D%E8%AE%AE%20%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9");  // 复议 法律援助
        std::string m = site.Mirror();
        CHECK(Shows(m, "没有找到相关内容。"));
        CHECK(Shows(m, "没有同时包含这些词的内容。每个词单独的结果："));
        CHECK(Shows(m, "[复议 18] [法律援助 4]"));
        site.Tap(ImVec2(208, 221));  // 法律援助 4: its search
        CHECK(site.app.State().route.query == "法律援助");
        CHECK(Shows(site.Mirror(), "[*全部 4] [任务 4]"));
        site.Open("#/search?q=%E8%88%AA%E5%A4%A9");  // one word: nothing to split
        CHECK_FALSE(Shows(site.Mirror(), "每个词单独"));
    }
    SUBCASE("a word no record holds, nor a part of it: left out, the rest shown, and said") {
        site.Open("#/search?q=%E8%88%AA%E5%A4%A9%20%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9");  // 航天 法律援助
        std::string m = site.Mirror();
        CHECK(Shows(m, "没有完全一致的结果，以下是拆开查找的结果：“法律援助”"));
        CHECK(Shows(m, "[*法律援助 4] [航天 0]"));
        CHECK(Shows(m, "[*全部 4] [任务 4]"));
        site.Tap(ImVec2(236, 215));  // 航天 0: nothing to open
        CHECK(site.app.State().route.query == "航天 法律援助");
    }
    SUBCASE("a word that matches nothing: its longest parts that match, each alone to choose") {
        // 怎么申请法律援助: 申请 and 法律援助 are held, never together: the longer is shown.
        const std::string link = "#/search?q=%E6%80%8E%E4%B9%88%E7%94%B3%E8%AF%B7%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9";
        site.Open(link);
        std::string m = site.Mirror();
        CHECK(Shows(m, "没有完全一致的结果，以下是拆开查找的结果：“法律援助”"));
        CHECK(Shows(m, "拆开后每个词单独的结果："));
        CHECK(Shows(m, "[申请 7] [*法律援助 4]"));
        CHECK(Shows(m, "[*全部 4] [任务 4]"));
        // The records of a part may not answer the question: the hotline follows them.
        const size_t record = m.find("加大法律援助力度"), hotline = m.find("可以拨打公共法律服务热线咨询：");
        REQUIRE(hotline != std::string::npos);
        CHECK(record < hotline);
        CHECK(Shows(m, "[热线] 12348 — 12348热线 · 昆明市 [拨打 ›]"));
        site.Tap(ImVec2(130, 215));  // 申请 7: its own search, as typed
        CHECK(site.app.State().route.query == "申请");
        m = site.Mirror();
        CHECK(Shows(m, "[*全部 7] [任务 7]"));
        CHECK_FALSE(Shows(m, "拆开"));
        CHECK_FALSE(Shows(m, "可以拨打"));  // found as typed
    }
    SUBCASE("letters typed: the words they found, in characters, to tap as an input method's") {
        site.Open("#/search?q=flyz");
        std::string m = site.Mirror();
        CHECK(Shows(m, "是不是要找：\n[法律援助] [法律意识] \n"));  // (4 records, then 1)
        site.Tap(ImVec2(130, 188));  // 法律援助: its search, in characters
        CHECK(site.app.State().route.query == "法律援助");
        m = site.Mirror();
        CHECK(Shows(m, "[*全部 4] [任务 4]"));
        CHECK_FALSE(Shows(m, "是不是要找"));  // (typed in characters: nothing to offer)
        site.Open("#/search?q=%E6%B3%95%E5%88%B6%E6%94%BF%E5%BA%9C");  // 法制政府: by its sound
        m = site.Mirror();
        CHECK(Shows(m, "以下是按同音字查找的结果：“法zhi政府”"));
        CHECK(Shows(m, "是不是要找：\n[法治政府] \n"));
        site.Open("#/search?q=fa%20lv%20yuan%20zhu");  // syllables apart, as a kiosk visitor taps them
        CHECK(Shows(site.Mirror(), "是不是要找：\n[法律援助] \n"));
        site.Open("#/search?q=fa3lv4yuan2zhu4");  // tone numbers
        m = site.Mirror();
        CHECK(Shows(m, "没有完全一致的结果，以下是忽略声调数字后的结果：“fa'lv'yuan'zhu”"));
        CHECK(Shows(m, "是不是要找：\n[法律援助] \n"));
    }
    SUBCASE("synonyms searched too are named") {
        site.Open("#/search?q=%E4%BA%A4%E9%80%9A%E4%BA%8B%E6%95%85");  // 交通事故
        std::string m = site.Mirror();
        CHECK(Shows(m, "同时查找了同义词：交通损害赔偿"));
        CHECK(Shows(m, "加强行政调解工作"));
        site.Open("#/search?q=%E6%B3%95%E5%BE%8B");  // 法律: none
        CHECK_FALSE(Shows(site.Mirror(), "同义词"));
    }
    SUBCASE("a word that names a region: the region's records hold it too, said") {
        site.Open("#/search?q=%E6%98%86%E6%98%8E%20%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9");  // 昆明 法律援助
        std::string m = site.Mirror();
        CHECK(Shows(m, "“昆明”也按地区查找：昆明市"));
        CHECK(Shows(m, "[*全部 1] [任务 1]"));
        CHECK(Shows(m, "提升公共法律服务能力"));  // a task of Kunming's plan, which never says 昆明
        CHECK_FALSE(Shows(m, "没有同时包含"));
        site.Open("#/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9");  // 法律援助: every region
        CHECK_FALSE(Shows(site.Mirror(), "按地区查找"));
    }
    SUBCASE("pinyin that matches nothing as typed: the syllables that sound alike, said") {
        site.Open("#/search?q=falvyuanzu");
        std::string m = site.Mirror();
        CHECK(Shows(m, "没有完全一致的结果，以下是按相近读音（z=zh、c=ch、s=sh、n=l、an=ang、en=eng、in=ing）查找的结果：“falvyuanzu”"));
        CHECK(Shows(m, "[*全部 4] [任务 4]"));
    }
    SUBCASE("nothing found: the 12348 hotline to ask instead") {
        site.Open("#/search?q=%E9%BE%98");  // 龘
        std::string m = site.Mirror();
        CHECK(Shows(m, "没有找到相关内容。"));
        CHECK(Shows(m, "没有找到需要的内容？可以拨打公共法律服务热线咨询："));
        CHECK(Shows(m, "[热线] 12348 — 12348热线 · 昆明市 [拨打 ›]"));
        // A tap on the card dials it (the website and the USB file open its tel: link).
        site.Tap(ImVec2(150, 200));  // above it: nothing
        CHECK(site.host.links.empty());
        site.Tap(ImVec2(150, 280));
        CHECK(site.host.links == std::vector<std::string>{"tel:12348"});
        site.Open("#/search?q=%E6%B3%95%E5%BE%8B");  // 法律: found, no hotline here
        CHECK_FALSE(Shows(site.Mirror(), "可以拨打"));
    }
    SUBCASE("one kind, a page at a time") {
        site.Open("#/search/task?q=%E6%B3%95%E5%BE%8B");
        std::string m = site.Mirror();
        CHECK(Shows(m, "[全部 44] [*任务 38] [服务网点 5] [热线与网上平台 1]"));
        CHECK(Shows(m, "## 任务 (38)"));
        CHECK_FALSE(Shows(m, "## 服务网点"));
        CHECK(Shows(m, "页码 1 / 2"));
        CHECK(site.app.State().results.total == 44);
    }
    SUBCASE("typing keeps the kind shown") {
        site.Open("#/search/task?q=%E6%B3%95%E5%BE%8B");
        ImGui::GetIO().AddInputCharactersUTF8("援助");  // the box opened focused, its text selected
        site.Frame();
        site.Frame();
        CHECK(site.app.State().route.id == "task");
        CHECK(site.app.State().route.query == "援助");
        CHECK(Shows(site.Mirror(), "[*任务 "));
    }
    SUBCASE("an unknown kind in a link shows all kinds") {
        site.Open("#/search/nonsense?q=%E6%B3%95%E5%BE%8B");
        CHECK(Shows(site.Mirror(), "[*全部 44]"));
    }
}

TEST_CASE("search view: a kiosk shows the hotline to call, without a link (it cannot dial)") {
    test::AppHarness kiosk(true);
    kiosk.Open("#/search?q=%E9%BE%98");  // 龘: nothing found
    CHECK(Shows(kiosk.Mirror(), "[热线] 12348 — 12348热线 · 昆明市\n"));
    CHECK_FALSE(Shows(kiosk.Mirror(), "拨打 ›"));
    for (float y = 150; y < 500; y += 10) kiosk.Tap(ImVec2(150, y));
    CHECK(kiosk.host.links.empty());
}

TEST_CASE("search view: in English, the words letters found are offered in Chinese characters") {
    test::AppHarness site(false, 0, "", "en");
    site.Open("#/search?q=flyz");
    CHECK(Shows(site.Mirror(), "In Chinese characters:\n[法律援助] [法律意识] \n"));
}
