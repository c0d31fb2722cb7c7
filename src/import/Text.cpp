// Text.cpp — UTF-8 decoding with input checks, width folding and small string helpers for the
// importer. Depends on Text.h only.
#include "Text.h"

#include "core/TextNorm.h"

#include <cstdint>
#include <cstdio>

namespace importer {

namespace {
// Decodes one UTF-8 sequence at `i`; returns its length, 0 when invalid.
size_t DecodeOne(std::string_view s, size_t i, char32_t& cp) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    size_t len = 0;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}
}  // namespace

bool LooksLikeGbk(const std::string& bytes) {
    size_t pairs = 0, i = 0;
    while (i < bytes.size()) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c < 0x81 || c > 0xFE || i + 1 >= bytes.size()) return false;
        auto t = static_cast<unsigned char>(bytes[i + 1]);
        if (t < 0x40 || t == 0x7F || t > 0xFE) return false;
        ++pairs;
        i += 2;
    }
    return pairs > 0;
}

bool DecodeDocument(const std::string& bytes, U32& out, std::string& error) {
    out.clear();
    if (bytes.size() > kMaxInputBytes) {
        error = "file too large (" + std::to_string(bytes.size()) + " bytes; the importer reads plan documents of at most " +
                std::to_string(kMaxInputBytes / (1024 * 1024)) + " MB)";
        return false;
    }
    size_t start = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    size_t controls = 0;
    for (size_t i = start; i < bytes.size(); ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) {
            error = "binary data (a NUL byte at offset " + std::to_string(i) + "), not a text document";
            return false;
        }
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
    }
    if (controls > 16 && controls * 100 > bytes.size()) {
        error = "binary data (" + std::to_string(controls) + " control bytes), not a text document";
        return false;
    }
    out.reserve(bytes.size() / 2);
    for (size_t i = start; i < bytes.size();) {
        char32_t cp = 0;
        size_t len = DecodeOne(bytes, i, cp);
        if (len == 0) {
            out.clear();
            if (LooksLikeGbk(bytes.substr(start)))
                error = "not UTF-8: the file looks GBK-encoded; convert it first, e.g. "
                        "`iconv -f GBK -t UTF-8 IN.txt > OUT.txt`";
            else
                error = "not UTF-8: invalid byte sequence at offset " + std::to_string(i) +
                        " (binary data or an unsupported encoding)";
            return false;
        }
        out.push_back(cp);
        i += len;
    }
    bool any_text = false;
    for (char32_t c : out)
        if (!IsSpace(c)) {
            any_text = true;
            break;
        }
    if (!any_text) {
        error = "empty document (no text)";
        out.clear();
        return false;
    }
    return true;
}

U32 FromUtf8(std::string_view s) {
    U32 out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        size_t len = DecodeOne(s, i, cp);
        if (len == 0) {
            out.push_back(0xFFFD);
            ++i;
        } else {
            out.push_back(cp);
            i += len;
        }
    }
    return out;
}

std::string ToUtf8(char32_t c) {
    std::string out;
    core::AppendUtf8(out, uint32_t(c));
    return out;
}

std::string ToUtf8(const U32& s) {
    std::string out;
    out.reserve(s.size() * 3);
    for (char32_t c : s) core::AppendUtf8(out, uint32_t(c));
    return out;
}

char32_t Fold(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
    switch (c) {
        case 0x3000:
        case 0x00A0:
        case 0x200B: return U' ';
        case U'【':
        case U'〔': return U'[';
        case U'】':
        case U'〕': return U']';
        default: return c;
    }
}

U32 Folded(const U32& s) {
    U32 out(s);
    for (char32_t& c : out) c = Fold(c);
    return out;
}

bool IsSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\f' || c == 0x00A0 || c == 0x3000 ||
           c == 0x200B || c == 0xFEFF;
}
bool IsCjk(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }
bool IsDigit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19); }
bool IsOpenBracket(char32_t c) {
    c = Fold(c);
    return c == U'(' || c == U'[' || c == U'《' || c == U'<' || c == U'〈' || c == U'{';
}
bool IsCloseBracket(char32_t c) {
    c = Fold(c);
    return c == U')' || c == U']' || c == U'》' || c == U'>' || c == U'〉' || c == U'}';
}
bool IsClauseBreak(char32_t c) {
    c = Fold(c);
    return c == U',' || c == U';' || c == U':';
}
bool IsSentenceEnd(char32_t c) {
    c = Fold(c);
    return c == U'。' || c == U'!' || c == U'?';
}

U32 Trim(const U32& s) {
    size_t a = 0, b = s.size();
    while (a < b && IsSpace(s[a])) ++a;
    while (b > a && IsSpace(s[b - 1])) --b;
    return s.substr(a, b - a);
}

U32 RemoveSpaces(const U32& s) {
    U32 out;
    for (char32_t c : s)
        if (!IsSpace(c)) out.push_back(c);
    return out;
}

bool StartsWithF(const U32& s, const U32& prefix, size_t at) {
    if (at > s.size() || s.size() - at < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (Fold(s[at + i]) != Fold(prefix[i])) return false;
    return true;
}

bool EndsWithF(const U32& s, const U32& suffix) {
    return s.size() >= suffix.size() && StartsWithF(s, suffix, s.size() - suffix.size());
}

size_t FindF(const U32& s, const U32& needle, size_t from) {
    if (needle.empty()) return from <= s.size() ? from : U32::npos;
    for (size_t i = from; i + needle.size() <= s.size(); ++i)
        if (StartsWithF(s, needle, i)) return i;
    return U32::npos;
}

bool ContainsF(const U32& s, const U32& needle) { return FindF(s, needle) != U32::npos; }

bool IsChineseDigit(char32_t c) {
    return U32(U"一二三四五六七八九十〇零两百").find(c) != U32::npos;
}

int ChineseNumber(const U32& s) {
    if (s.empty() || s.size() > 4) return -1;
    auto digit = [](char32_t c) -> int {
        static const U32 digits = U"〇一二三四五六七八九";
        if (c == U'零') return 0;
        if (c == U'两') return 2;
        size_t p = digits.find(c);
        return p == U32::npos ? -1 : int(p);
    };
    size_t ten = s.find(U'十');
    if (ten == U32::npos) {
        if (s.size() != 1) return -1;
        return digit(s[0]);
    }
    int tens = 1, ones = 0;
    if (ten > 1) return -1;
    if (ten == 1) {
        tens = digit(s[0]);
        if (tens < 1) return -1;
    }
    if (ten + 1 < s.size()) {
        if (ten + 2 != s.size()) return -1;
        ones = digit(s[ten + 1]);
        if (ones < 1) return -1;
    }
    return tens * 10 + ones;
}

std::vector<U32> SplitOutsideBrackets(const U32& s, const U32& seps) {
    std::vector<U32> parts;
    int depth = 0;
    U32 cur;
    auto flush = [&] {
        U32 t = Trim(cur);
        if (!t.empty()) parts.push_back(t);
        cur.clear();
    };
    for (char32_t c : s) {
        if (IsOpenBracket(c)) ++depth;
        if (IsCloseBracket(c) && depth > 0) --depth;
        if (depth == 0 && seps.find(c) != U32::npos) {
            flush();
            continue;
        }
        cur.push_back(c);
    }
    flush();
    return parts;
}

std::string ShortHash(const std::string& s) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%08x", unsigned(h & 0xFFFFFFFFu) ^ unsigned(h >> 32));
    return buf;
}

}  // namespace importer
