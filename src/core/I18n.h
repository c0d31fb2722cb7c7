// I18n.h — UI strings per locale (assets/i18n/<locale>.json: a flat object of key -> text; the
// web builds carry them parsed, in their data pack, and link no JSON parser).
// Lookups fall back to zh-CN, then to the key itself, so a missing string is visible, not empty.
// Depends on Problem.h (load problems) and nlohmann_json in the .cpp.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "Problem.h"

namespace core {

class Strings {
public:
    static constexpr const char* kDefaultLocale = "zh-CN";
    // Reads every <locale>.json in `dir`; problems are appended (file, line, pointer).
    void Load(const std::string& dir, Problems& problems);
    void Add(const std::string& locale, const std::string& file, const std::string& json_text, Problems& problems);
    // One string, as a pack carries them (core/Pack.h: the web app reads its strings from there).
    void Set(const std::string& locale, const std::string& key, std::string text) { m_tables[locale][key] = std::move(text); }
    bool Empty() const { return m_tables.empty(); }
    // The text of `key`, or the key itself where no locale has it: a copy kept here, never the
    // argument (callers keep the reference: a missing string dangled once the key's temporary was
    // gone, and the native app crashed without its strings folder).
    const std::string& Get(const std::string& locale, const std::string& key) const;
    std::vector<std::string> Locales() const;
    const std::map<std::string, std::string>* Table(const std::string& locale) const;

private:
    std::map<std::string, std::map<std::string, std::string>> m_tables;
    mutable std::set<std::string, std::less<>> m_missing;  // keys asked for and not found (stable nodes)
};

// out.Load(dir, problems), as a plain function (ui::AppConfig::load_strings).
void LoadStringsFolder(const std::string& dir, Strings& out, Problems& problems);

}  // namespace core
