// catalog_test.cpp — the Catalog's id indexes: every id is found, the first of a repeated id wins,
// ids that share long prefixes or differ only past byte 16 (the sort compares 16-byte prefixes
// first) and ids with NUL bytes sort as strings do. Depends on core/Catalog, doctest.
#include <doctest/doctest.h>

#include <algorithm>
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
