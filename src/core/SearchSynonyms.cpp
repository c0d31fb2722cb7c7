// SearchSynonyms.cpp — synonyms and abbreviations as data: parsing synonyms.json and expanding a
// query term. Depends on Search.h, TextNorm.h and nlohmann_json.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "Files.h"
#include "Search.h"
#include "TextNorm.h"

namespace core {

namespace {
// Synonym terms are compared folded, with breaks removed: "公共法律 服务" == "公共法律服务".
std::string FoldTerm(std::string_view s) {
    std::string out;
    size_t pos = 0;
    while (pos < s.size()) {
        uint32_t f = FoldCodepoint(DecodeUtf8(s, pos));
        if (f) AppendUtf8(out, f);
    }
    return out;
}
}  // namespace

void Synonyms::AddGroup(const std::vector<std::string>& terms) {
    for (const std::string& a : terms)
        for (const std::string& b : terms) {
            std::string fa = FoldTerm(a), fb = FoldTerm(b);
            if (!fa.empty() && !fb.empty() && fa != fb) m_pairs.emplace_back(fa, fb);
        }
    std::sort(m_pairs.begin(), m_pairs.end());
    m_pairs.erase(std::unique(m_pairs.begin(), m_pairs.end()), m_pairs.end());
}

void Synonyms::AddPairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
    for (const auto& [from, to] : pairs) {
        std::string ff = FoldTerm(from), ft = FoldTerm(to);
        if (!ff.empty() && !ft.empty() && ff != ft) m_pairs.emplace_back(std::move(ff), std::move(ft));
    }
    std::sort(m_pairs.begin(), m_pairs.end());
    m_pairs.erase(std::unique(m_pairs.begin(), m_pairs.end()), m_pairs.end());
}

void Synonyms::AddRule(const std::string& from, const std::vector<std::string>& to) {
    std::string ff = FoldTerm(from);
    for (const std::string& t : to) {
        std::string ft = FoldTerm(t);
        if (!ff.empty() && !ft.empty() && ff != ft) m_pairs.emplace_back(ff, ft);
    }
    std::sort(m_pairs.begin(), m_pairs.end());
    m_pairs.erase(std::unique(m_pairs.begin(), m_pairs.end()), m_pairs.end());
}

namespace {
// The pairs whose `from` is `term` (m_pairs is sorted).
template <class Pairs>
auto RulesOf(const Pairs& pairs, std::string_view term) {
    auto it = std::lower_bound(pairs.begin(), pairs.end(), term,
                               [](const std::pair<std::string, std::string>& p, std::string_view v) { return p.first < v; });
    auto end = it;
    while (end != pairs.end() && end->first == term) ++end;
    return std::make_pair(it, end);
}
}  // namespace

std::string Synonyms::Singular(std::string_view term) const {
    if (term.size() < 4 || term.back() != 's') return {};
    if (const auto [from, to] = RulesOf(m_pairs, term); from != to) return {};  // (a rule of its own)
    for (char c : term)
        if (c < 'a' || c > 'z') return {};
    const std::string_view stem = term.substr(0, term.size() - 1);
    std::string candidates[3] = {std::string(stem), std::string(term.substr(0, term.size() - 2)), {}};
    if (term.size() > 4 && term.substr(term.size() - 3) == "ies") candidates[2] = std::string(term.substr(0, term.size() - 3)) + "y";
    for (const std::string& singular : candidates) {
        if (singular.size() < 3) continue;
        const auto [from, to] = RulesOf(m_pairs, singular);
        if (from != to) return singular;
    }
    return {};
}

std::vector<std::string> Synonyms::Expand(std::string_view folded_term) const {
    std::vector<std::string> out;
    const std::string singular = Singular(folded_term);
    if (!singular.empty()) out.push_back(singular);
    const auto [from, to] = RulesOf(m_pairs, singular.empty() ? folded_term : std::string_view(singular));
    for (auto it = from; it != to; ++it) out.push_back(it->second);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Synonyms Synonyms::Parse(const std::string& file, std::string_view json_text, Problems& problems) {
    Synonyms out;
    auto problem = [&](Severity severity, const std::string& pointer, const std::string& message) {
        Problem p;
        p.severity = severity;
        p.file = file;
        p.pointer = pointer;
        p.message = message;
        problems.push_back(p);
    };
    nlohmann::json j = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (j.is_discarded()) {
        problem(Severity::Error, "", "not valid JSON (synonyms ignored)");
        return out;
    }
    if (!j.is_object()) {
        problem(Severity::Error, "", "expected object");
        return out;
    }
    auto strings = [&](const nlohmann::json& a, const std::string& pointer, std::vector<std::string>& v) {
        if (!a.is_array()) {
            problem(Severity::Error, pointer, "expected array of strings");
            return false;
        }
        for (size_t i = 0; i < a.size(); ++i) {
            if (!a[i].is_string() || a[i].get<std::string>().empty()) {
                problem(Severity::Error, pointer + "/" + std::to_string(i), "expected a non-empty string");
                return false;
            }
            v.push_back(a[i].get<std::string>());
        }
        return true;
    };
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        if (key == "schema") {
            if (!it->is_number_integer() || it->get<int>() != 1) problem(Severity::Error, "/schema", "expected 1");
        } else if (key == "groups") {
            if (!it->is_array()) {
                problem(Severity::Error, "/groups", "expected array");
                continue;
            }
            for (size_t i = 0; i < it->size(); ++i) {
                std::vector<std::string> terms;
                if (!strings((*it)[i], "/groups/" + std::to_string(i), terms)) continue;
                if (terms.size() < 2) {
                    problem(Severity::Warning, "/groups/" + std::to_string(i), "a group needs two terms (ignored)");
                    continue;
                }
                out.AddGroup(terms);
            }
        } else if (key == "rules") {
            if (!it->is_array()) {
                problem(Severity::Error, "/rules", "expected array");
                continue;
            }
            for (size_t i = 0; i < it->size(); ++i) {
                const nlohmann::json& r = (*it)[i];
                std::string p = "/rules/" + std::to_string(i);
                if (!r.is_object() || !r.contains("from") || !r["from"].is_string() || !r.contains("to")) {
                    problem(Severity::Error, p, "expected {\"from\": string, \"to\": [strings]}");
                    continue;
                }
                std::vector<std::string> to;
                if (!strings(r["to"], p + "/to", to)) continue;
                out.AddRule(r["from"].get<std::string>(), to);
            }
        } else if (key != "about") {
            problem(Severity::Warning, "/" + key, "unknown field \"" + key + "\" (ignored)");
        }
    }
    return out;
}

Synonyms Synonyms::Load(const std::string& dir, Problems& problems) {
    std::string text;
    if (!ReadFile(dir + "/synonyms.json", text)) return {};  // no file: no synonyms
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    return Parse("synonyms.json", text, problems);
}

}  // namespace core
