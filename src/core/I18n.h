// I18n.h — UI strings per locale (assets/i18n/<locale>.json: a flat object of key -> text).
// Lookups fall back to zh-CN, then to the key itself, so a missing string is visible, not empty.
// Depends on Problem.h (load problems) and nlohmann_json in the .cpp.
#pragma once
#include <map>
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
    const std::string& Get(const std::string& locale, const std::string& key) const;
    std::vector<std::string> Locales() const;
    const std::map<std::string, std::string>* Table(const std::string& locale) const;

private:
    std::map<std::string, std::map<std::string, std::string>> m_tables;
};

}  // namespace core
