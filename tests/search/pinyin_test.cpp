// pinyin_test.cpp — Unihan readings (polyphones included) and the segmentation of typed letters
// into syllables, initials and a final prefix. Depends on core/Pinyin.h.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/Pinyin.h"

namespace {
std::vector<std::string> Readings(uint32_t cp) {
    std::vector<std::string> out;
    uint16_t set = core::ReadingSetOf(cp);
    for (const uint16_t* s = core::ReadingSetBegin(set); s != core::ReadingSetEnd(set); ++s)
        out.emplace_back(core::SyllableName(*s));
    return out;
}
// A parse written as "fa|lv|f*" (a range of one is its name; a wider range is its prefix + "*").
std::string Show(const std::vector<core::SyllableRange>& parse) {
    std::string s;
    for (const core::SyllableRange& r : parse) {
        if (!s.empty()) s += '|';
        std::string_view a = core::SyllableName(r.first);
        if (r.last == r.first + 1) {
            s += a;
            continue;
        }
        std::string_view b = core::SyllableName(uint16_t(r.last - 1));
        size_t k = 0;
        while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
        s += std::string(a.substr(0, k)) + "*";
    }
    return s;
}
std::vector<std::string> Parses(std::vector<std::string> groups) {
    std::vector<std::string> out;
    for (const auto& p : core::SegmentPinyin(groups)) out.push_back(Show(p));
    return out;
}
}  // namespace

TEST_CASE("pinyin readings from Unihan") {
    SUBCASE("the common reading comes first, toneless, ü as v") {
        CHECK(Readings(0x6CD5) == std::vector<std::string>{"fa"});  // 法
        CHECK(Readings(0x6C11) == std::vector<std::string>{"min"});  // 民
    }
    SUBCASE("polyphones carry every dictionary reading") {
        CHECK(Readings(0x884C) == std::vector<std::string>{"xing", "hang"});   // 行
        CHECK(Readings(0x91CD) == std::vector<std::string>{"zhong", "chong"});  // 重
        CHECK(Readings(0x957F) == std::vector<std::string>{"zhang", "chang"});  // 长
    }
    SUBCASE("a second reading no other dictionary confirms is left out") {
        // kXHC1983 gives 市 the reading of its look-alike 巿 (fu), and 已 that of 巳 (si):
        // kHanyuPinyin and kTGHZ2013 list neither.
        CHECK(Readings(0x5E02) == std::vector<std::string>{"shi"});  // 市
        CHECK(Readings(0x5DF2) == std::vector<std::string>{"yi"});   // 已
        CHECK(Readings(0x5DFF) == std::vector<std::string>{"fu"});   // 巿 itself
    }
    SUBCASE("lü, lüe, nü are also typed lu, lue, nu") {
        CHECK(Readings(0x7565) == std::vector<std::string>{"lve", "lue"});  // 略
        CHECK(Readings(0x5F8B) == std::vector<std::string>{"lv", "lu"});    // 律
        CHECK(Readings(0x5973) == std::vector<std::string>{"nv", "nu"});    // 女
        CHECK(Readings(0x8DEF) == std::vector<std::string>{"lu"});          // 路: u stays u
    }
    SUBCASE("characters without a reading") {
        CHECK(core::ReadingSetOf('a') == 0);
        CHECK(core::ReadingSetOf(0x1F600) == 0);
    }
    SUBCASE("ToPinyin") {
        CHECK(core::ToPinyin("法律援助") == "fa lv yuan zhu");
        CHECK(core::ToPinyin("12348热线") == "12348 re xian");
    }
}

TEST_CASE("pinyin segmentation") {
    SUBCASE("full syllables, the last one may be unfinished") {
        CHECK(Parses({"falvyuanzhu"}) == std::vector<std::string>{"fa|lv|yuan|zhu*"});
        CHECK(Parses({"falvyuanz"}) == std::vector<std::string>{"fa|lv|yuan|z*"});
    }
    SUBCASE("initials") {
        CHECK(Parses({"flyz"}) == std::vector<std::string>{"f*|l*|y*|z*"});
        CHECK(Parses({"zhf"}) == std::vector<std::string>{"zh*|f*"});
    }
    SUBCASE("the fewest segments win; explicit separators split") {
        CHECK(Parses({"xian"}) == std::vector<std::string>{"xian*"});
        CHECK(Parses({"xi", "an"}) == std::vector<std::string>{"xi|an*"});
        CHECK(Parses({"fangan"}) == std::vector<std::string>{"fan|gan*", "fang|an*"});
    }
    SUBCASE("letters typed up to an apostrophe end in a whole syllable (an empty last group)") {
        CHECK(Parses({"xi"}) == std::vector<std::string>{"xi*"});  // (xi, xin, xing... still typed)
        CHECK(Parses({"xi", ""}) == std::vector<std::string>{"xi"});
        CHECK(Parses({"jiangxi", ""}) == std::vector<std::string>{"jiang|xi"});
        CHECK(Parses({"fal", ""}) == std::vector<std::string>{"fa|l*"});  // (an initial stays one)
        CHECK(Parses({"xia", ""}) == std::vector<std::string>{"xia"});  // (not xi|a)
    }
    SUBCASE("no parse") {
        CHECK(Parses({"iii"}).empty());
        CHECK(Parses({""}).empty());
        CHECK(Parses({"fa1"}).empty());
    }
}

TEST_CASE("pinyin: syllables that sound alike (模糊音)") {
    auto alike = [](core::SyllableRange r) {
        std::vector<std::string> out;
        for (const core::SyllableRange& f : core::FuzzySyllables(r)) out.push_back(Show({f}));
        return out;
    };
    using Names = std::vector<std::string>;
    SUBCASE("a full syllable: initials z/zh, c/ch, s/sh, n/l and finals an/ang, en/eng, in/ing") {
        CHECK(alike(core::SyllableExactly("zu")) == Names{"zu", "zhu"});
        CHECK(alike(core::SyllableExactly("shi")) == Names{"shi", "si"});
        CHECK(alike(core::SyllableExactly("xin")) == Names{"xin", "xing"});
        CHECK(alike(core::SyllableExactly("lv")) == Names{"lv", "nv"});
        CHECK(alike(core::SyllableExactly("zen")) == Names{"zen", "zeng", "zhen", "zheng"});
        CHECK(alike(core::SyllableExactly("chang")) == Names{"chang", "chan", "cang", "can"});
        CHECK(alike(core::SyllableExactly("an")) == Names{"an", "ang"});
        CHECK(alike(core::SyllableExactly("fa")) == Names{"fa"});  // nothing alike
        CHECK(alike(core::SyllableExactly("ning")) == Names{"ning", "nin", "ling", "lin"});
    }
    SUBCASE("a prefix still being typed, or an initial: the initial swapped") {
        CHECK(alike(core::SyllablesWithPrefix("zu")) == Names{"zu*", "zhu*"});
        CHECK(alike(core::SyllablesWithPrefix("n")) == Names{"n*", "l*"});
        CHECK(alike(core::SyllablesWithPrefix("zh")) == Names{"zh*", "z*"});
    }
    SUBCASE("nothing: nothing") {
        CHECK(core::FuzzySyllables(core::SyllableRange{}).size() == 1);
    }
}

TEST_CASE("pinyin: what a range's syllables have in common") {
    CHECK(core::RangePrefix(core::SyllablesWithPrefix("zu")) == "zu");
    CHECK(core::RangePrefix(core::SyllablesWithPrefix("h")) == "h");
    CHECK(core::RangePrefix(core::SyllableExactly("xiong")) == "xiong");
    CHECK(core::RangePrefix(core::SyllablesWithPrefix("xio")) == "xiong");  // the one syllable it starts
    CHECK(core::RangePrefix(core::SyllableRange{}).empty());
}
