// I18n.cpp — loading and looking up UI strings. Depends on nlohmann_json and JsonLocate.
#include "I18n.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "Files.h"
#include "JsonLocate.h"

namespace core {

void Strings::Load(const std::string& dir, Problems& problems) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".json") files.push_back(e.path());
    if (ec || files.empty()) {
        problems.push_back({Severity::Error, dir, 0, 0, "", "no UI string files found"});
        return;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
        std::string text;
        ReadFile(p.string(), text);
        Add(p.stem().string(), "i18n/" + p.filename().string(), text, problems);
    }
}

void Strings::Add(const std::string& locale, const std::string& file, const std::string& text, Problems& problems) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
        problems.push_back({Severity::Error, file, 1, 1, "", "expected a JSON object of key -> string"});
        return;
    }
    auto& table = m_tables[locale];
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!it->is_string()) {
            std::string ptr = nlohmann::json::json_pointer("/" + it.key()).to_string();
            TextPosition pos = PositionOf(text, LocatePointer(text, ptr));
            problems.push_back({Severity::Error, file, pos.line, pos.column, ptr, "expected string"});
            continue;
        }
        table[it.key()] = it->get<std::string>();
    }
}

void LoadStringsFolder(const std::string& dir, Strings& out, Problems& problems) { out.Load(dir, problems); }

const std::string& Strings::Get(const std::string& locale, const std::string& key) const {
    static const std::string default_locale = kDefaultLocale;
    for (const std::string* loc : {&locale, &default_locale}) {
        auto t = m_tables.find(*loc);
        if (t == m_tables.end()) continue;
        auto s = t->second.find(key);
        if (s != t->second.end()) return s->second;
    }
    return *m_missing.insert(key).first;
}

std::vector<std::string> Strings::Locales() const {
    std::vector<std::string> out;
    for (const auto& [locale, table] : m_tables) out.push_back(locale);
    return out;
}

const std::map<std::string, std::string>* Strings::Table(const std::string& locale) const {
    auto it = m_tables.find(locale);
    return it == m_tables.end() ? nullptr : &it->second;
}

}  // namespace core
