// Route.h — the app's location as a deep link (`#/plan/kunming-2021-2025`), parsed and printed
// so that links can be shared and the back button works. Depends on the standard library only.
#pragma once
#include <string>

namespace core {

enum class Screen { Home, Plans, Plan, Task, Unit, Points, Search, Problems, About };

struct Route {
    Screen screen = Screen::Home;
    std::string id;     // plan or task id for Plan / Task, canonical unit name for Unit; for
                        // Search, the one kind of result shown ("task", "service_point"...), else all
    std::string query;  // search text for Search (decoded UTF-8)
    bool operator==(const Route& o) const { return screen == o.screen && id == o.id && query == o.query; }
    bool operator!=(const Route& o) const { return !(*this == o); }
};

// Parses "#/plan/ID", "/plan/ID", "#/search?q=%E6%B3%95", "#/search/task?q=..." ... Anything unknown
// gives Home; never throws.
Route ParseRoute(const std::string& hash);
// "#/plan/ID", with the query percent-encoded.
std::string ToHash(const Route& route);

// The decoded value of `name` in a URL query string ("?kiosk&idle=30" or "kiosk&idle=30"):
// true and "" for a bare flag, false when absent.
bool FindQueryParam(const std::string& query_string, const std::string& name, std::string* value);
// A query parameter's number of seconds (idle=90, idle=0.5): digits with at most one decimal
// point; 0 for anything else, which callers read as "not given" (idle=abc, idle=-5, idle=1e3).
// Parsed by hand: the web build links no other caller of libc's float parser.
double ParseSeconds(const std::string& text);

std::string PercentEncode(const std::string& s);
std::string PercentDecode(const std::string& s);  // invalid escapes are kept as they are

}  // namespace core
