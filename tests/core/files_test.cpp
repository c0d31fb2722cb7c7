// files_test.cpp — reading whole files, and telling a font file from any other (core/Files.h).
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "core/Files.h"

namespace {
std::string WriteTemp(const std::string& name, const std::string& bytes) {
    const std::string path = (std::filesystem::temp_directory_path() / ("fazhitong-files-test-" + name)).string();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
    return path;
}
}  // namespace

TEST_CASE("files: a whole file, and whether it is a font") {
    SUBCASE("reads a file whole, binary") {
        const std::string bytes("a\0b\r\nc", 6);
        const std::string path = WriteTemp("whole", bytes);
        std::string out;
        CHECK(core::ReadFile(path, out));
        CHECK(out == bytes);
        CHECK(core::ReadableFile(path));
        std::remove(path.c_str());
        CHECK_FALSE(core::ReadFile(path, out));
        CHECK(out.empty());
        CHECK_FALSE(core::ReadableFile(path));
    }
    SUBCASE("TrueType, OpenType and collections are fonts; text, short and missing files are not") {
        const std::pair<const char*, std::string> fonts[] = {{"ttf", std::string("\x00\x01\x00\x00rest", 8)},
                                                             {"otf", "OTTOrest"},
                                                             {"mac", "truerest"},
                                                             {"ttc", "ttcfrest"}};
        for (const auto& font : fonts) {  // (no structured bindings: clang 14 cannot use them in CHECK)
            const std::string path = WriteTemp(font.first, font.second);
            CHECK_MESSAGE(core::FontFile(path), font.first);
            std::remove(path.c_str());
        }
        const std::pair<const char*, std::string> others[] = {
            {"passwd", "root:x:0:0:root:/root:/bin/bash\n"}, {"short", "OT"}, {"empty", ""}, {"png", "\x89PNG\r\n"}};
        for (const auto& other : others) {
            const std::string path = WriteTemp(other.first, other.second);
            CHECK_FALSE_MESSAGE(core::FontFile(path), other.first);
            std::remove(path.c_str());
        }
        const std::string gone = WriteTemp("gone", "");
        std::remove(gone.c_str());
        CHECK_FALSE(core::FontFile(gone));
    }
}
