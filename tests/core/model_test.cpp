// model_test.cpp — core/Model.h beyond plain structs: a service point's OptionalLocation behaves
// as std::optional<Location> did, in Location's own size, with coordinates kept exactly; the
// sizes of the structs there are hundreds of thousands of. Depends on core/Model, doctest.
#include <doctest/doctest.h>

#include <vector>

#include "core/Model.h"

TEST_CASE("a service point's location: std::optional's interface in Location's size") {
    static_assert(sizeof(core::OptionalLocation) == sizeof(core::Location), "no flag, no padding");
    core::ServicePoint sp;
    CHECK_FALSE(sp.location.has_value());
    CHECK_FALSE(sp.location);
    SUBCASE("set, read and reset") {
        sp.location = core::Location{29.123456789012345, -179.99999999999997, core::Precision::Unknown};
        REQUIRE(sp.location.has_value());
        CHECK(bool(sp.location));
        CHECK(sp.location->lat == 29.123456789012345);  // doubles, bit for bit
        CHECK(sp.location->lon == -179.99999999999997);
        CHECK(sp.location->precision == core::Precision::Unknown);  // a location of unknown precision is still one
        CHECK((*sp.location).lat == 29.123456789012345);
        core::ServicePoint copy = sp;
        CHECK(copy.location.has_value());
        sp.location.reset();
        CHECK_FALSE(sp.location.has_value());
        CHECK(copy.location.has_value());
        copy.location = std::nullopt;
        CHECK_FALSE(copy.location);
    }
    SUBCASE("every precision, and (0, 0), is a location") {
        for (core::Precision p : {core::Precision::Exact, core::Precision::District, core::Precision::City,
                                  core::Precision::Unknown}) {
            sp.location = core::Location{0, 0, p};
            CHECK(sp.location.has_value());
            CHECK(sp.location->precision == p);
        }
    }
}

// wasm32 sizes (the web build, where the heap is the limit). Before AtomList and the reordering:
// Task 92, Section 60, Plan 132, ServicePoint 120, Channel 80. A change here is a change in the
// national heap: 650,000 service points, 250,000 tasks.
static_assert(sizeof(core::PlanKind) == 1 && sizeof(core::RegionLevel) == 1 && sizeof(core::Precision) == 1,
              "the enums are a byte each");
static_assert(sizeof(void*) != 4 || sizeof(core::Region) == 12, "Region: two atoms and a level");
static_assert(sizeof(void*) != 4 || sizeof(core::Task) == 68, "Task: 4 Texts, 3 AtomLists, 2 vectors");
static_assert(sizeof(void*) != 4 || sizeof(core::Section) == 52, "Section: 3 Texts, an AtomList, 2 vectors");
static_assert(sizeof(void*) != 4 || sizeof(core::Plan) == 116, "Plan");
static_assert(sizeof(void*) != 4 || sizeof(core::ServicePoint) == 112, "ServicePoint: 105 bytes of fields, 8-aligned");
static_assert(sizeof(void*) != 4 || sizeof(core::Channel) == 72, "Channel: no padding");

TEST_CASE("a record's lists of vocabulary are one pointer each") {
    CHECK(sizeof(core::AtomList) == sizeof(void*));
    CHECK(sizeof(core::Task) == 4 * sizeof(core::Text) + 3 * sizeof(core::AtomList) +
                                    2 * sizeof(std::vector<core::Target>));  // no padding
}
