// ImGuiScanf.h — the sscanf of Dear ImGui's sources in the web builds, force-included into
// imgui.cpp, imgui_tables.cpp and the OpenGL3 backend by scripts/cmake/App.cmake. ImGui calls
// sscanf in two places: the backend reads its GLSL version ("#version %d" of "#version 300 es"),
// and the .ini settings reader parses window and table lines, which the app never loads
// (io.IniFilename is null and nothing calls LoadIniSettingsFromMemory). This scanner knows
// literal text, spaces (any run of white space) and %d, what the backend needs; at any other
// conversion (%f, %i, %n, 0x%08X...) it stops, as libc's stops at text that does not match, and
// returns the fields read so far. libc's scanf and its long-double float parser are then not
// linked: 11 KB of the module, 5 KB of the download.
#pragma once
#include <stdarg.h>
#include <stdio.h>

static inline int fz_imgui_sscanf(const char* s, const char* format, ...) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    va_list args;
    va_start(args, format);
    int read = 0;
    for (const char* f = format; *f; ++f) {
        if (space(*f)) {
            while (space(*s)) ++s;
        } else if (f[0] == '%' && f[1] == 'd') {
            ++f;
            while (space(*s)) ++s;
            const bool negative = *s == '-';
            if (*s == '-' || *s == '+') ++s;
            if (*s < '0' || *s > '9') break;
            long long v = 0;
            for (; *s >= '0' && *s <= '9'; ++s)
                if (v < 0x7FFFFFFF) v = v * 10 + (*s - '0');
            if (v > 0x7FFFFFFF) v = 0x7FFFFFFF;
            *va_arg(args, int*) = int(negative ? -v : v);
            ++read;
        } else if (*f == '%' || *s != *f) {
            break;
        } else {
            ++s;
        }
    }
    va_end(args);
    return read;
}
#define sscanf fz_imgui_sscanf
