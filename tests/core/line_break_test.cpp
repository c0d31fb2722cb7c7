// line_break_test.cpp — core::BreakLines: Chinese breaks between characters, not before closing
// or after opening punctuation; Latin at spaces; a too-long word is cut; newlines; hostile input.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/LineBreak.h"

namespace {
// A monospaced measure: ASCII 1 unit, everything else 2 (a Chinese character is twice a letter).
float Advance(uint32_t cp) { return cp < 0x80 ? 1.0f : 2.0f; }

std::vector<std::string> Lines(const std::string& text, float width) {
    std::vector<std::string> out;
    for (const core::LineSpan& l : core::BreakLines(text, width, Advance)) {
        REQUIRE(l.begin <= l.end);
        REQUIRE(l.end <= text.size());
        out.push_back(text.substr(l.begin, l.end - l.begin));
    }
    return out;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("line break: Chinese fills each line, between any two characters") {
    // ImGui broke this at the ASCII comma only: "为深入推进依法行政," then the rest.
    CHECK(Lines("为深入推进依法行政,全面建设法治政府", 16) == V{"为深入推进依法行", "政,全面建设法治", "政府"});
    CHECK(Lines("法治政府", 8) == V{"法治政府"});
    CHECK(Lines("法治政府", 7) == V{"法治政", "府"});
}

TEST_CASE("line break: no line starts with closing punctuation or ends with opening punctuation") {
    // 。 does not fit after 府: 府 moves down with it.
    CHECK(Lines("建设法治政府。", 12) == V{"建设法治政", "府。"});
    CHECK(Lines("云发〔2022〕4号", 12) == V{"云发", "〔2022〕4号"});  // 〕 does not start a line: 〔 moves down
    CHECK(Lines("云发〔2022〕4号", 10) == V{"云发", "〔2022〕4", "号"});
    CHECK(Lines("坚持“两个确立”", 10) == V{"坚持“两个", "确立”"});
    CHECK(Lines("坚持“两个”", 6) == V{"坚持", "“两", "个”"});  // “ is not left at a line's end
    CHECK(Lines("一、二、三、四", 6) == V{"一、", "二、", "三、四"});
    CHECK(Lines("提高到95%以上", 8) == V{"提高到", "95%以上"});
}

TEST_CASE("line break: Latin breaks at spaces, which hang at the line's end") {
    CHECK(Lines("public legal services", 14) == V{"public legal", "services"});
    CHECK(Lines("public  legal", 8) == V{"public", "legal"});
    CHECK(Lines("12348 热线", 7) == V{"12348", "热线"});
    CHECK(Lines("法律援助hotline", 10) == V{"法律援助", "hotline"});  // a break between Chinese and Latin
    CHECK(Lines("2021-2025年", 6) == V{"2021-", "2025年"});
    CHECK(Lines("https://example.org/fazhitong/", 20) == V{"https://example.org/", "fazhitong/"});
}

TEST_CASE("line break: a word wider than the line is cut; one character always fits") {
    CHECK(Lines("002_979756853a958e69.txt", 10) == V{"002_979756", "853a958e69", ".txt"});
    CHECK(Lines("法律", 1) == V{"法", "律"});
    CHECK(Lines("ab", 0) == V{"a", "b"});
}

TEST_CASE("line break: with a most lines, it stops one line after them (enough to tell the text was cut)") {
    std::string long_text;
    for (int i = 0; i < 10000; ++i) long_text += "法";
    const auto lines = core::BreakLines(long_text, 20, Advance, 2);
    REQUIRE(lines.size() == 3);
    CHECK(lines[2].begin == 60);  // 10 characters of 3 bytes a line
    CHECK(lines[2].end == 90);
    CHECK(core::BreakLines(std::string("法治政府"), 4, Advance, 2).size() == 2);   // fits: not cut
    CHECK(core::BreakLines(std::string("法治政府建设"), 4, Advance, 2).size() == 3);  // cut
}

TEST_CASE("line break: newlines, empty text and what only spaces hold") {
    CHECK(Lines("", 10).empty());
    CHECK(Lines("第一行\n第二行", 20) == V{"第一行", "第二行"});
    CHECK(Lines("a\n\nb", 20) == V{"a", "", "b"});
    CHECK(Lines("a\r\nb", 20) == V{"a", "b"});
    CHECK(Lines("   ", 10) == V{""});
    CHECK(Lines("全面　推进", 4) == V{"全面", "　推", "进"});  // the ideographic space takes room
}

TEST_CASE("line break: classes") {
    using core::BreakClass;
    CHECK(core::ClassOf(U'法') == BreakClass::Ideograph);
    CHECK(core::ClassOf(0x20BB7) == BreakClass::Ideograph);  // 𠮷
    CHECK(core::ClassOf(0x1F600) == BreakClass::Ideograph);
    for (char32_t c : std::u32string(U"，。、；：？！）》」』】〕〉”’…%·,.;:!?)]}"))
        CHECK_MESSAGE(core::ClassOf(c) == BreakClass::Close, uint32_t(c));
    for (char32_t c : std::u32string(U"（《「『【〔〈“‘([{"))
        CHECK_MESSAGE(core::ClassOf(c) == BreakClass::Open, uint32_t(c));
    CHECK(core::ClassOf('a') == BreakClass::Other);
    CHECK(core::ClassOf('7') == BreakClass::Other);
}

TEST_CASE("line break: invalid UTF-8 and control characters are measured, never lost") {
    const std::string bad = std::string("法\xFF\xFE律") + '\0' + "援助";
    size_t covered = 0;
    for (const core::LineSpan& l : core::BreakLines(bad, 4, Advance)) covered += l.end - l.begin;
    CHECK(covered == bad.size());
    std::string mixed;
    for (int i = 0; i < 2000; ++i) mixed += i % 7 ? "法" : "\xE6 ";
    for (float w : {0.0f, 1.0f, 3.0f, 50.0f}) {
        size_t last_end = 0;
        for (const core::LineSpan& l : core::BreakLines(mixed, w, Advance)) {
            CHECK(l.begin >= last_end);
            last_end = l.end;
        }
    }
}
