// model_test.cpp — core/Model.h beyond plain structs: a service point's OptionalLocation behaves
// as std::optional<Location> did, in Location's own size, with coordinates kept exactly.
// Depends on core/Model, doctest.
#include <doctest/doctest.h>

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
