// search_warm_up_test.cpp — core::WarmUpSearch: nothing for a small index, and for a big one it
// runs without changing what any other index finds (it shares their per-thread scratch).
#include <doctest/doctest.h>

#include "search_fixture.h"

using core::RecordType;

TEST_CASE("search warm-up: none below the threshold, and other indexes' results unchanged") {
    CHECK(core::WarmUpSearch(0) == 0);
    CHECK(core::WarmUpSearch(core::kWarmUpFrom - 1) == 0);

    TestCorpus c({{RecordType::Task, "t1", "加强法律援助工作", {"推进公共法律服务"}},
                  {RecordType::ServicePoint, "p1", "公共法律服务中心", {"法律援助 12348"}},
                  {RecordType::Task, "t2", "行政复议规范化", {"復議"}}});
    const char* queries[] = {"法律援助", "flyz", "gonggongfalv", "复议", "1"};
    std::vector<Ids> before;
    for (const char* q : queries) before.push_back(c.Ids(q, true));
    CHECK(core::WarmUpSearch(core::kWarmUpFrom) > 0);
    for (size_t i = 0; i < before.size(); ++i) CHECK(c.Ids(queries[i], true) == before[i]);
    CHECK(before[0] == Ids{"t1", "p1"});
}
