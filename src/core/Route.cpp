// Route.cpp — deep-link parsing and printing. Depends on Route.h only.
#include "Route.h"

#include "TextNorm.h"

#include <cstring>

namespace core {
namespace {
struct ScreenName {
    Screen screen;
    const char* name;
};
constexpr ScreenName kScreens[] = {{Screen::Home, ""},           {Screen::Plans, "plans"},
                                   {Screen::Plan, "plan"},       {Screen::Task, "task"},
                                   {Screen::Unit, "unit"},       {Screen::Points, "points"},   {Screen::Search, "search"},
                                   {Screen::Problems, "problems"}, {Screen::About, "about"}};

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool IsValidUtf8(const std::string& s) {
    for (size_t pos = 0; pos < s.size();)
        if (DecodeUtf8(s, pos) == kInvalidCodepoint) return false;  // (a literal U+FFFD too: fine)
    return true;
}

// A link with a broken escape (%E6%) keeps its raw text rather than becoming invalid UTF-8.
std::string DecodeComponent(const std::string& s) {
    std::string d = PercentDecode(s);
    return IsValidUtf8(d) ? d : s;
}

bool NeedsId(Screen s) { return s == Screen::Plan || s == Screen::Task || s == Screen::Unit; }
}  // namespace

std::string PercentEncode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || std::strchr("-._~", c)) {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string PercentDecode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += char(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += s[i] == '+' ? ' ' : s[i];
    }
    return out;
}

bool FindQueryParam(const std::string& query_string, const std::string& name, std::string* value) {
    std::string q = !query_string.empty() && query_string[0] == '?' ? query_string.substr(1) : query_string;
    size_t pos = 0;
    while (pos <= q.size()) {
        size_t amp = q.find('&', pos);
        std::string kv = q.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
        size_t eq = kv.find('=');
        if (kv.substr(0, eq) == name) {
            if (value) *value = eq == std::string::npos ? std::string() : DecodeComponent(kv.substr(eq + 1));
            return true;
        }
        if (amp == std::string::npos) break;
        pos = amp + 1;
    }
    return false;
}

double ParseSeconds(const std::string& text) {
    double whole = 0, scale = 0;  // scale: 0 before the point, then the place of the next digit
    bool digits = false;
    for (const char c : text) {
        if (c == '.' && scale == 0) {
            scale = 0.1;
        } else if (c >= '0' && c <= '9') {
            digits = true;
            if (scale == 0) whole = whole * 10 + (c - '0');
            else whole += (c - '0') * scale, scale /= 10;
        } else {
            return 0;
        }
    }
    return digits ? whole : 0;
}

Route ParseRoute(const std::string& hash) {
    Route r;
    std::string s = hash;
    if (!s.empty() && s[0] == '#') s.erase(0, 1);
    if (!s.empty() && s[0] == '/') s.erase(0, 1);
    std::string query_string;
    if (auto q = s.find('?'); q != std::string::npos) {
        query_string = s.substr(q + 1);
        s = s.substr(0, q);
    }
    std::string head = s, rest;
    if (auto slash = s.find('/'); slash != std::string::npos) {
        head = s.substr(0, slash);
        rest = DecodeComponent(s.substr(slash + 1));
    }
    for (const ScreenName& sn : kScreens)
        if (head == sn.name) r.screen = sn.screen;
    if (head != "" && r.screen == Screen::Home) return Route{};  // unknown screen
    if (NeedsId(r.screen)) {
        if (rest.empty()) return Route{r.screen == Screen::Plan ? Screen::Plans : Screen::Home, "", ""};
        r.id = rest;
    }
    if (r.screen == Screen::Search) r.id = rest;  // optional: one kind of result
    FindQueryParam(query_string, "q", &r.query);
    if (r.screen != Screen::Search && r.screen != Screen::Points) r.query.clear();
    return r;
}

std::string ToHash(const Route& route) {
    std::string s = "#/";
    for (const ScreenName& sn : kScreens)
        if (sn.screen == route.screen) s += sn.name;
    if (NeedsId(route.screen) || (route.screen == Screen::Search && !route.id.empty())) s += "/" + PercentEncode(route.id);
    if (!route.query.empty() && (route.screen == Screen::Search || route.screen == Screen::Points))
        s += "?q=" + PercentEncode(route.query);
    return s;
}

}  // namespace core
