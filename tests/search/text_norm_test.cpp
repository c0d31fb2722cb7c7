// text_norm_test.cpp — UTF-8 decoding that never fails and the folding search compares with
// (case, full-width Latin, traditional -> simplified, breaks). Depends on core/TextNorm.h.
#include <doctest/doctest.h>

#include <string>

#include "core/TextNorm.h"

TEST_CASE("text normalisation") {
    SUBCASE("decoding advances one byte per malformed sequence") {
        std::string s = "a\xE6\xB3\x95\xFF\xE6\xB3";  // a 法 <bad> <truncated>
        size_t pos = 0;
        CHECK(core::DecodeUtf8(s, pos) == 'a');
        CHECK(core::DecodeUtf8(s, pos) == 0x6CD5);
        CHECK(pos == 4);
        CHECK(core::DecodeUtf8(s, pos) == core::kInvalidCodepoint);
        CHECK(pos == 5);
        CHECK(core::DecodeUtf8(s, pos) == core::kInvalidCodepoint);
        CHECK(core::DecodeUtf8(s, pos) == core::kInvalidCodepoint);
        CHECK(pos == s.size());
    }
    SUBCASE("overlong and surrogate encodings are invalid") {
        std::string overlong = "\xC0\xAF", surrogate = "\xED\xA0\x80";
        size_t pos = 0;
        CHECK(core::DecodeUtf8(overlong, pos) == core::kInvalidCodepoint);
        pos = 0;
        CHECK(core::DecodeUtf8(surrogate, pos) == core::kInvalidCodepoint);
    }
    SUBCASE("folding") {
        CHECK(core::FoldText("ＡＢＣ abc ABC") == "abc abc abc");
        CHECK(core::FoldText("復議") == "复议");
        CHECK(core::FoldText("行政復議申請") == "行政复议申请");
        CHECK(core::FoldText("法\t律\x01") == "法 律 ");
        CHECK(core::FoldText("法\xE3\x80\x80律") == "法 律");  // ideographic space
        CHECK(core::FoldText("😀") == "😀");
        CHECK(core::FoldText("fǎlǜ FǍLǛ Ü ü café ń") == "falü falü ü ü cafe n");  // accents, ü kept
        CHECK(core::FoldText("× ÷ ß ø") == "× ÷ ß ø");  // no decomposition: unchanged
        // Dashes and range marks: one hyphen (a year range typed with a hyphen finds 2021—2025).
        CHECK(core::FoldText("2021—2025 2021–2025 2021－2025 2021～2025 2021~2025 2021〜2025 −1 ‐") ==
              "2021-2025 2021-2025 2021-2025 2021-2025 2021-2025 2021-2025 -1 -");
    }
    SUBCASE("encoding round trip") {
        std::string out;
        for (uint32_t cp : {0x41u, 0xFCu, 0x6CD5u, 0x1F600u}) core::AppendUtf8(out, cp);
        CHECK(out == "Aü法😀");
    }
}
