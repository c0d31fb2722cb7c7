// imgui_scanf_test.cpp — the sscanf that ImGui's sources get in the web builds
// (src/platform/ImGuiScanf.h): literal text, white space and %d, stopping at any other
// conversion. Depends on platform/ImGuiScanf.h alone (it replaces sscanf in this file too).
#include <doctest/doctest.h>

#include "platform/ImGuiScanf.h"

TEST_CASE("ImGui's sscanf in the web builds: text, spaces and %d") {
    int a = -1, b = -1;
    SUBCASE("the OpenGL3 backend's GLSL version, as libc reads it") {
        CHECK(sscanf("#version 300 es", "#version %d", &a) == 1);
        CHECK(a == 300);
        CHECK(sscanf("#version 100", "#version %d", &a) == 1);
        CHECK(a == 100);
        CHECK(sscanf("3.0 WebGL", "%d.%d", &a, &b) == 2);
        CHECK((a == 3 && b == 0));
        CHECK(sscanf("Collapsed=  -1", "Collapsed=%d", &a) == 1);  // (%d skips spaces; a sign)
        CHECK(a == -1);
        CHECK(sscanf("x   =7", "x =%d", &a) == 1);  // (a space matches any run of them)
        CHECK(a == 7);
    }
    SUBCASE("text that differs, no digits, or another conversion: the fields read so far") {
        a = b = -1;
        CHECK(sscanf("#verzion 300", "#version %d", &a) == 0);
        CHECK(sscanf("Pos=,5", "Pos=%d,%d", &a, &b) == 0);
        CHECK(sscanf("Size=10,x", "Size=%d,%d", &a, &b) == 1);
        CHECK((a == 10 && b == -1));
        float f = 0;
        CHECK(sscanf("RefScale=1.5", "RefScale=%f", &f) == 0);
        CHECK(sscanf("", "%d", &a) == 0);
        CHECK(sscanf("99999999999999", "%d", &a) == 1);  // (capped, not overflowed)
        CHECK(a == 0x7FFFFFFF);
    }
}
