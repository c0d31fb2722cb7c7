// Lexicon.cpp — a dictionary's two-character words (Lexicon.h). Depends on Files.h, TextNorm.h.
#include "Lexicon.h"

#include <algorithm>

#include "Files.h"
#include "TextNorm.h"

namespace core {

Lexicon Lexicon::Parse(const std::string& file, std::string_view text, Problems& problems) {
    Lexicon out;
    size_t reported = 0;
    int line_no = 0;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        const std::string_view word = line.substr(0, line.find_first_of(" \t\r"));
        // Two Han characters are 6 bytes of UTF-8 (8 beyond the BMP): the rest is skipped undecoded.
        if (word.size() < 6 || word.size() > 8 || word[0] == '#') continue;
        uint32_t cps[3];
        size_t n = 0;
        bool bad = false;
        for (size_t pos = 0; pos < word.size() && n < 3;) {
            const uint32_t cp = DecodeUtf8(word, pos);
            bad |= cp == kInvalidCodepoint;
            cps[n++] = FoldCodepoint(cp);
        }
        if (bad) {
            if (reported++ < kMaxProblems)
                problems.push_back({Severity::Warning, file, line_no, 1, "", "not UTF-8 (line skipped)"});
            continue;
        }
        if (n == 2 && IsHan(cps[0]) && IsHan(cps[1])) out.m_words.push_back(uint64_t(cps[0]) << 32 | cps[1]);
    }
    if (reported > kMaxProblems)
        problems.push_back({Severity::Warning, file, 0, 0, "",
                            std::to_string(reported - kMaxProblems) + " more lines not UTF-8 (skipped)"});
    out.Sort();
    return out;
}

Lexicon Lexicon::Load(const std::string& path, Problems& problems) {
    std::string text;
    if (!ReadFile(path, text)) {
        problems.push_back({Severity::Warning, path, 0, 0, "", "cannot read the dictionary (words are not told from fragments)"});
        return {};
    }
    return Parse(path, text, problems);
}

bool Lexicon::Holds(uint32_t a, uint32_t b) const {
    return std::binary_search(m_words.begin(), m_words.end(), uint64_t(a) << 32 | b);
}

std::vector<std::string> Lexicon::Words() const {
    std::vector<std::string> out;
    out.reserve(m_words.size());
    for (const uint64_t w : m_words) {
        out.emplace_back();
        AppendUtf8(out.back(), uint32_t(w >> 32));
        AppendUtf8(out.back(), uint32_t(w));
    }
    return out;
}

Lexicon Lexicon::Filtered(const std::function<bool(uint32_t, uint32_t)>& keep) const {
    Lexicon out;
    for (const uint64_t w : m_words)
        if (keep(uint32_t(w >> 32), uint32_t(w))) out.m_words.push_back(w);
    return out;
}

Lexicon Lexicon::FromPairs(std::vector<uint64_t> pairs) {
    Lexicon out;
    out.m_words = std::move(pairs);
    out.Sort();
    return out;
}

void Lexicon::Sort() {
    std::sort(m_words.begin(), m_words.end());
    m_words.erase(std::unique(m_words.begin(), m_words.end()), m_words.end());
}

}  // namespace core
