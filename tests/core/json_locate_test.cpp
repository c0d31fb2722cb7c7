// json_locate_test.cpp — finding where a JSON pointer points in the text, for precise messages.
// Depends on core/JsonLocate, doctest.
#include <doctest/doctest.h>

#include "core/JsonLocate.h"

TEST_CASE("json pointer location") {
    const std::string text = "{\n  \"a\": [1, {\"b/c\": \"法治\", \"d\": 2}],\n  \"e\": {}\n}";
    auto at = [&](const std::string& ptr) {
        core::TextPosition p = core::PositionOf(text, core::LocatePointer(text, ptr));
        return std::to_string(p.line) + ":" + std::to_string(p.column);
    };
    CHECK(at("") == "1:1");
    CHECK(at("/a") == "2:8");
    CHECK(at("/a/1") == "2:12");
    CHECK(at("/a/1/b~1c") == "2:20");
    CHECK(at("/a/1/d") == "2:31");  // columns count characters, not UTF-8 bytes
    CHECK(at("/e") == "3:8");
    SUBCASE("an absent member points at its nearest ancestor") {
        CHECK(at("/e/missing") == "3:8");
        CHECK(at("/a/9") == "2:8");
    }
}
