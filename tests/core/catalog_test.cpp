// catalog_test.cpp — the Catalog's id indexes: every id is found, the first of a repeated id wins,
// ids that share long prefixes or differ only past byte 16 (the sort compares 16-byte prefixes
// first) and ids with NUL bytes sort as strings do; the records' free text in the Catalog's arena in search
// order, and records copied out of a Catalog outliving it. Depends on core/Catalog, doctest.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/Catalog.h"

TEST_CASE("catalog id indexes: lookups, repeats and long shared prefixes") {
    const std::string nul("ab\0c", 4), nul2("ab\0", 3);
    std::vector<std::string> ids = {"syn-sp-10", "syn-sp-9",  "syn-sp-100", "aaaaaaaaaaaaaaaa-2", "aaaaaaaaaaaaaaaa-1",
                                    "aaaaaaaaaaaaaaaa", "b",     "",           "syn-sp-9",          nul,
                                    nul2,               "ab",    "aaaaaaaaaaaaaaaa-10"};
    std::vector<core::ServicePoint> points(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) points[i].id = ids[i], points[i].name = std::to_string(i);
    core::Catalog c({}, std::move(points), {}, {});
    for (size_t i = 0; i < ids.size(); ++i) {
        CAPTURE(i);
        const core::ServicePoint* p = c.FindPoint(ids[i]);
        REQUIRE(p != nullptr);
        // The first record with that id.
        size_t first = size_t(std::find(ids.begin(), ids.end(), ids[i]) - ids.begin());
        CHECK(p->name == std::to_string(first));
    }
    CHECK(c.FindPoint("syn-sp-1") == nullptr);
    CHECK(c.FindPoint("aaaaaaaaaaaaaaaa-3") == nullptr);
    CHECK(c.FindPoint(std::string("ab\0", 3) + "d") == nullptr);
    CHECK(c.FindPoint("zzz") == nullptr);
}

namespace {
// A plan with a nested section (tasks at two levels), two service points and a channel, every
// free-text field given (owned Texts, as a loader or importer builds them).
core::Task MakeTask(const std::string& id) {
    core::Task t;
    t.id = id;
    t.number = "（" + id + "）";
    t.title = "任务" + id;
    t.text = "任务" + id + "的全文";
    t.targets.resize(1);
    t.targets[0].quote = "目标" + id;
    t.figures.resize(1);
    t.figures[0].quote = "数字" + id;
    return t;
}
core::Catalog* MakeCatalog(std::unique_ptr<core::Catalog>& out) {
    std::vector<core::Plan> plans(2);
    for (size_t i = 0; i < plans.size(); ++i) {
        core::Plan& p = plans[i];
        std::string n = std::to_string(i);
        p.id = "plan-" + n, p.title = "方案" + n, p.published = "2024-0" + n, p.intro = "引言" + n;
        p.source.quote = "出处" + n;
        core::Section outer, inner;
        outer.number = "一、", outer.title = "章" + n, outer.text = "章文" + n;
        inner.number = "（一）", inner.title = "节" + n, inner.text = "节文" + n;
        inner.tasks.push_back(MakeTask(n + "-inner"));
        outer.sections.push_back(std::move(inner));
        outer.tasks.push_back(MakeTask(n + "-outer"));  // listed before the inner section's task
        p.sections.push_back(std::move(outer));
    }
    std::vector<core::ServicePoint> points(2);
    for (size_t i = 0; i < points.size(); ++i) {
        std::string n = std::to_string(i);
        points[i].id = "sp-" + n, points[i].name = "网点" + n, points[i].address = "地址" + n;
        points[i].phone = "0871-" + n, points[i].source.quote = "网点出处" + n;
    }
    std::vector<core::Channel> channels(1);
    channels[0].id = "ch-0", channels[0].name = "热线", channels[0].number = "12348";
    channels[0].url = "https://example.org/", channels[0].source.quote = "热线出处";
    out = std::make_unique<core::Catalog>(std::move(plans), std::move(points), std::move(channels),
                                          std::vector<core::Theme>());
    return out.get();
}
}  // namespace

TEST_CASE("catalog text lives in the Catalog's arena, in the order search reads it") {
    std::unique_ptr<core::Catalog> owner;
    const core::Catalog& c = *MakeCatalog(owner);
    // Search order (SearchIndex::ForEachRecord): plans, tasks, points, channels; title, then body.
    std::vector<const core::Text*> order;
    for (const core::Plan& p : c.Plans())
        for (const core::Text* t : {&p.title, &p.intro, &p.id, &p.published, &p.source.quote}) order.push_back(t);
    for (const core::TaskRef& ref : c.Tasks()) {
        const core::Task& t = *ref.task;
        for (const core::Text* x : {&t.title, &t.text, &t.id, &t.number, &t.targets[0].quote, &t.figures[0].quote})
            order.push_back(x);
    }
    for (const core::Plan& p : c.Plans()) {
        const core::Section& outer = p.sections[0];
        const core::Section& inner = outer.sections[0];
        for (const core::Text* t : {&outer.number, &outer.title, &outer.text, &inner.number, &inner.title, &inner.text})
            order.push_back(t);
    }
    for (const core::ServicePoint& p : c.Points())
        for (const core::Text* t : {&p.name, &p.address, &p.phone, &p.id, &p.source.quote}) order.push_back(t);
    for (const core::Channel& ch : c.Channels())
        for (const core::Text* t : {&ch.name, &ch.number, &ch.url, &ch.id, &ch.source.quote}) order.push_back(t);
    REQUIRE(c.Tasks().size() == 4);
    CHECK(c.Tasks()[0].task->id == "0-outer");  // a section's own tasks come before its subsections'
    size_t used = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        CAPTURE(i);
        CAPTURE(*order[i]);
        CHECK_FALSE(order[i]->Owned());
        CHECK(c.TextStore().Holds(*order[i]));
        if (i > 0) CHECK(order[i]->data() == order[i - 1]->data() + order[i - 1]->size() + 1);
        used += order[i]->size() + 1;
    }
    CHECK(c.TextStore().UsedBytes() == used);
    CHECK(c.TextStore().MemoryBytes() == used);  // one exact block
    CHECK(c.FindPlan("plan-1")->title == "方案1");
    CHECK(c.FindTask("1-inner")->task->text == "任务1-inner的全文");
    CHECK(c.FindPoint("sp-1")->address == "地址1");
}

TEST_CASE("records copied out of a Catalog survive it") {
    std::vector<core::Plan> plans;
    std::vector<core::ServicePoint> points;
    std::vector<core::Channel> channels;
    {
        std::unique_ptr<core::Catalog> owner;
        const core::Catalog& c = *MakeCatalog(owner);
        plans = c.Plans();
        points = c.Points();
        channels = c.Channels();
    }
    REQUIRE(plans.size() == 2);
    CHECK(plans[1].title.Owned());
    CHECK(plans[1].title == "方案1");
    CHECK(plans[1].sections[0].sections[0].tasks[0].text == "任务1-inner的全文");
    CHECK(plans[0].sections[0].tasks[0].targets[0].quote == "目标0-outer");
    CHECK(points[1].phone == "0871-1");
    CHECK(channels[0].url == "https://example.org/");
    // And a Catalog made from them keeps its own arena.
    core::Catalog again(std::move(plans), std::move(points), std::move(channels), {});
    CHECK(again.TextStore().Holds(again.Plans()[1].title));
    CHECK(again.FindPlan("plan-1")->title == "方案1");
}

TEST_CASE("catalog: the plan made from a source document, for a service point's source") {
    std::vector<core::Plan> plans(3);
    const char* files[] = {"002_b.txt", "001_a.txt", "002_b.txt"};
    for (size_t i = 0; i < plans.size(); ++i) {
        plans[i].id = "plan-" + std::to_string(i);
        plans[i].title = "方案" + std::to_string(i);
        plans[i].source.file = files[i];
    }
    plans.push_back(core::Plan());  // one with no source file
    plans.back().id = "no-source";
    core::Catalog c(std::move(plans), {}, {}, {});
    REQUIRE(c.PlanOfSource("001_a.txt") != nullptr);
    CHECK(c.PlanOfSource("001_a.txt")->id == "plan-1");
    CHECK(c.PlanOfSource("002_b.txt")->id == "plan-0");  // the first of two made from one document
    CHECK(c.PlanOfSource("003_c.txt") == nullptr);
    CHECK(c.PlanOfSource("") == nullptr);  // a source without a file is no plan's
}

TEST_CASE("catalog: the units a document's wording may mean") {
    // Two districts' plans both print 区司法局; each plan's unit map names its own bureau.
    std::vector<core::Plan> plans(2);
    const char* district[] = {"通州区", "昌江区"};
    for (size_t i = 0; i < plans.size(); ++i) {
        plans[i].id = "plan-" + std::to_string(i);
        plans[i].units.push_back({core::Atom("区司法局"), core::Atom(std::string(district[i]) + "司法局")});
        core::Section s;
        for (int k = 0; k <= int(i); ++k) {  // the second plan's bureau has more tasks
            core::Task t = MakeTask(std::to_string(i) + "-" + std::to_string(k));
            t.lead_units = std::vector<std::string>{"区司法局"};
            s.tasks.push_back(std::move(t));
        }
        plans[i].sections.push_back(std::move(s));
    }
    core::Catalog c(std::move(plans), {}, {}, {});
    const std::vector<const core::UnitRef*> both = c.UnitsPrintedAs("区司法局");
    REQUIRE(both.size() == 2);
    CHECK(both[0]->canonical == "昌江区司法局");  // most tasks first
    CHECK(both[1]->canonical == "通州区司法局");
    CHECK(c.FindUnit("区司法局") == nullptr);  // not a canonical name itself
    const std::vector<const core::UnitRef*> one = c.UnitsPrintedAs("通州区司法局");
    CHECK(one.empty());  // printed by no plan: its page is found by FindUnit instead
    CHECK(c.UnitsPrintedAs("").empty());
    CHECK(c.UnitsPrintedAs("市司法局").empty());
}
