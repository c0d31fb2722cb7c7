// JsonLocate.cpp — a small JSON skimmer that walks a valid JSON text along a JSON pointer.
// Depends on JsonLocate.h only.
#include "JsonLocate.h"

#include <vector>

namespace core {
namespace {

std::vector<std::string> SplitPointer(const std::string& pointer) {
    std::vector<std::string> tokens;
    if (pointer.empty()) return tokens;
    size_t i = 1;  // skip leading '/'
    std::string cur;
    for (; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(cur);
            cur.clear();
        } else if (pointer[i] == '~' && i + 1 < pointer.size()) {
            cur += pointer[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            cur += pointer[i];
        }
    }
    return tokens;
}

class Skimmer {
public:
    explicit Skimmer(std::string_view s) : m_s(s) {}

    void SkipWs() {
        while (m_p < m_s.size() && (m_s[m_p] == ' ' || m_s[m_p] == '\n' || m_s[m_p] == '\r' || m_s[m_p] == '\t'))
            ++m_p;
    }
    // Reads a string at m_p (which is '"'), returns it with simple escapes resolved.
    std::string ReadString() {
        std::string out;
        ++m_p;
        while (m_p < m_s.size() && m_s[m_p] != '"') {
            if (m_s[m_p] == '\\' && m_p + 1 < m_s.size()) {
                char e = m_s[m_p + 1];
                if (e == 'u') {  // keep \uXXXX undecoded; keys here are ASCII
                    out.append(m_s.substr(m_p, 6 < m_s.size() - m_p ? 6 : m_s.size() - m_p));
                    m_p += 6;
                    continue;
                }
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                m_p += 2;
                continue;
            }
            out += m_s[m_p++];
        }
        ++m_p;
        return out;
    }
    void SkipValue() {
        SkipWs();
        if (m_p >= m_s.size()) return;
        char c = m_s[m_p];
        if (c == '"') {
            ReadString();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (m_p < m_s.size()) {
                char d = m_s[m_p];
                if (d == '"') {
                    ReadString();
                    continue;
                }
                if (d == '{' || d == '[') ++depth;
                if (d == '}' || d == ']') {
                    --depth;
                    if (depth == 0) {
                        ++m_p;
                        return;
                    }
                }
                ++m_p;
            }
        } else {
            while (m_p < m_s.size() && m_s[m_p] != ',' && m_s[m_p] != '}' && m_s[m_p] != ']' && m_s[m_p] != ' ' &&
                   m_s[m_p] != '\n' && m_s[m_p] != '\r' && m_s[m_p] != '\t')
                ++m_p;
        }
    }
    // Walks to the value named by tokens[k...]; returns its offset (or the last found ancestor's).
    size_t Walk(const std::vector<std::string>& tokens, size_t k) {
        SkipWs();
        size_t here = m_p;
        if (k == tokens.size() || m_p >= m_s.size()) return here;
        char c = m_s[m_p];
        if (c == '{') {
            ++m_p;
            for (;;) {
                SkipWs();
                if (m_p >= m_s.size() || m_s[m_p] == '}') return here;
                if (m_s[m_p] == ',') {
                    ++m_p;
                    continue;
                }
                if (m_s[m_p] != '"') return here;
                std::string key = ReadString();
                SkipWs();
                if (m_p < m_s.size() && m_s[m_p] == ':') ++m_p;
                if (key == tokens[k]) return Walk(tokens, k + 1);
                SkipValue();
            }
        }
        if (c == '[') {
            ++m_p;
            size_t want = 0;
            for (char d : tokens[k]) {
                if (d < '0' || d > '9') return here;
                want = want * 10 + size_t(d - '0');
            }
            for (size_t index = 0;; ++index) {
                SkipWs();
                if (m_p >= m_s.size() || m_s[m_p] == ']') return here;
                if (index == want) return Walk(tokens, k + 1);
                SkipValue();
                SkipWs();
                if (m_p < m_s.size() && m_s[m_p] == ',') ++m_p;
            }
        }
        return here;
    }
    size_t m_p = 0;

private:
    std::string_view m_s;
};

}  // namespace

size_t LocatePointer(std::string_view json, const std::string& pointer) {
    Skimmer skimmer(json);
    if (json.size() >= 3 && json.substr(0, 3) == "\xEF\xBB\xBF") skimmer.m_p = 3;
    return skimmer.Walk(SplitPointer(pointer), 0);
}

TextPosition PositionOf(std::string_view text, size_t offset) {
    TextPosition pos{1, 1};
    if (offset > text.size()) offset = text.size();
    for (size_t i = 0; i < offset; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count code points, not bytes
            ++pos.column;
        }
    }
    return pos;
}

}  // namespace core
