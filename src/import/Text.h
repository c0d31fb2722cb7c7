// Text.h — the importer's text helpers: UTF-8 <-> UTF-32, the checks that turn bad input (empty,
// binary, GBK, too large) into clear messages, and width-folded matching. Standard library only.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace importer {

using U32 = std::u32string;

// Largest input the importer accepts; plan documents are well under 1 MB.
constexpr size_t kMaxInputBytes = 8u * 1024u * 1024u;

// Checks raw bytes and decodes them. Returns false with a message for input that is not a
// UTF-8 text document (empty, binary, GBK, invalid UTF-8, too large). A BOM is dropped.
bool DecodeDocument(const std::string& bytes, U32& out, std::string& error);

// True when invalid-UTF-8 bytes parse cleanly as GBK double-byte characters.
bool LooksLikeGbk(const std::string& bytes);

U32 FromUtf8(std::string_view s);  // lenient: invalid bytes become U+FFFD
std::string ToUtf8(const U32& s);
std::string ToUtf8(char32_t c);

// Full-width ASCII (！..～) to half-width, the ideographic space and NBSP to a space, and a few
// look-alike brackets to their ASCII forms, so half- and full-width text match alike.
char32_t Fold(char32_t c);
U32 Folded(const U32& s);

bool IsSpace(char32_t c);  // ASCII white space, NBSP, ideographic space, zero-width space
bool IsCjk(char32_t c);    // a Han character
bool IsDigit(char32_t c);  // ASCII or full-width digit
bool IsOpenBracket(char32_t c);   // ( （ [ ［ 【 〔 《 <
bool IsCloseBracket(char32_t c);  // ) ） ] ］ 】 〕 》 >
bool IsClauseBreak(char32_t c);   // ， , ； ; ： :
bool IsSentenceEnd(char32_t c);   // 。 ！ ？ ! ?

U32 Trim(const U32& s);
U32 RemoveSpaces(const U32& s);  // all spaces, e.g. the indentation inside signature lines

// Width-folded prefix/search: both sides are folded before comparing.
bool StartsWithF(const U32& s, const U32& prefix, size_t at = 0);
bool EndsWithF(const U32& s, const U32& suffix);
size_t FindF(const U32& s, const U32& needle, size_t from = 0);
bool ContainsF(const U32& s, const U32& needle);

// Value of a Chinese numeral 一..九十九 (also 〇 and 两); -1 when `s` is not one.
int ChineseNumber(const U32& s);
bool IsChineseDigit(char32_t c);  // 一二三四五六七八九十〇零两百

// Splits `s` on any of `seps` outside brackets, trimming parts and dropping empty ones.
std::vector<U32> SplitOutsideBrackets(const U32& s, const U32& seps);

// 64-bit FNV-1a of the UTF-8 bytes, as 8 lower-case hex digits (the low 32 bits).
std::string ShortHash(const std::string& s);

}  // namespace importer
