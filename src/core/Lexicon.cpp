// Lexicon.cpp — a dictionary's two-character words (Lexicon.h). Depends on Files.h, TextNorm.h.
#include "Lexicon.h"

#include <algorithm>

#include "Files.h"
#include "TextNorm.h"

namespace core {

namespace {
constexpr size_t kMaxCommonChars = 8;

// Whether a line's tag (its third field) names a function word: a particle (u, uj, ul, uz...), a
// modal particle (y), a preposition (p), a conjunction (c) or a pronoun (r).
bool FunctionTag(std::string_view tag) {
    return tag == "y" || tag == "p" || tag == "c" || tag == "r" || (!tag.empty() && tag[0] == 'u');
}

// Adds `word` (folded) to `common` when `rest` of its line gives a frequency of kCommonFrequency
// or more and it is 2-kMaxCommonChars Han characters of valid UTF-8, or one tagged as a function
// word (FunctionTag); and to `function` when it is two, tagged so, of kFunctionWordFrequency or more.
void AddIfCommon(std::vector<std::string>& common, std::vector<std::string>& function, std::string_view word,
                 std::string_view rest) {
    size_t i = rest.find_first_not_of(" \t");
    uint64_t frequency = 0;
    for (; i < rest.size() && rest[i] >= '0' && rest[i] <= '9'; ++i)
        if (frequency < Lexicon::kCommonFrequency) frequency = frequency * 10 + uint64_t(rest[i] - '0');
    if (frequency < Lexicon::kFunctionWordFrequency) return;
    const size_t t = rest.find_first_not_of(" \t", i);
    const std::string_view tag = t == std::string_view::npos ? std::string_view() : rest.substr(t);
    const bool function_tag = FunctionTag(tag.substr(0, tag.find_first_of(" \t\r")));
    std::string folded;
    size_t chars = 0;
    uint32_t first = 0;  // (folded)
    for (size_t pos = 0; pos < word.size(); ++chars) {
        const uint32_t cp = DecodeUtf8(word, pos);
        if (cp == kInvalidCodepoint || !IsHan(FoldCodepoint(cp))) return;
        if (chars == 0) first = FoldCodepoint(cp);
        AppendUtf8(folded, FoldCodepoint(cp));
    }
    if (chars == 2 && function_tag) function.push_back(folded);
    if (frequency < Lexicon::kCommonFrequency) return;
    if (chars == 1) {
        // 是 有 没 要 能 想, verbs to jieba, are what questions are built on here (哪里有法律援助,
        // 电话是多少, 有没有法律顾问, 我要行政复议, 能申请吗, 我想咨询): no part starts or ends with
        // them either where they are no word with the character beside them (需要, 职能, 思想 are).
        const bool question_verb = first == 0x662F || first == 0x6709 || first == 0x6CA1 ||  // 是 有 没
                                   first == 0x8981 || first == 0x80FD || first == 0x60F3;     // 要 能 想
        // Nor the classifiers 个 and 些 (哪个部门, 这些问题), which start no noun here: 离婚找哪个部门
        // is no 个部门 (held by 各个部门); 个人 and 一些 are words, where they are kept.
        const bool classifier = first == 0x4E2A || first == 0x4E9B;  // 个 些
        if (!question_verb && !classifier && !function_tag) return;
        // 所 (a conjunction to jieba) and 地 (an adverbial particle) end this field's nouns: 司法所,
        // 派出所, 律师事务所; 所在地, 属地. A part may end with them (附近的司法所 -> 司法所).
        if (first == 0x6240 || first == 0x5730) return;  // 所 地
    }
    if (chars >= 1 && chars <= kMaxCommonChars) common.push_back(std::move(folded));
}
}  // namespace

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
        if (word.size() < 3 || word[0] == '#') continue;
        if (word.size() <= 4 * kMaxCommonChars) AddIfCommon(out.m_common, out.m_function, word, line.substr(word.size()));
        if (word.size() < 6) continue;
        // Two Han characters are 6 bytes of UTF-8 (8 beyond the BMP): the rest is skipped undecoded.
        if (word.size() > 8) continue;
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
    out.SetCommonWords(std::move(out.m_common));
    out.SetFunctionWords(std::move(out.m_function));
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

void Lexicon::CommonWordsByPosition(std::vector<uint32_t>& positions, std::vector<std::string>& others) const {
    positions.clear(), others.clear();
    for (const std::string& word : m_common) {
        size_t pos = 0;
        const uint32_t a = DecodeUtf8(word, pos), b = pos < word.size() ? DecodeUtf8(word, pos) : 0;
        const auto at = std::lower_bound(m_words.begin(), m_words.end(), uint64_t(a) << 32 | b);
        if (pos == word.size() && b && at != m_words.end() && *at == (uint64_t(a) << 32 | b))
            positions.push_back(uint32_t(at - m_words.begin()));
        else
            others.push_back(word);
    }
    std::sort(positions.begin(), positions.end());
}

std::vector<std::string> Lexicon::WordsAt(const std::vector<uint32_t>& positions) const {
    std::vector<std::string> out;
    for (const uint32_t k : positions) {
        if (k >= m_words.size()) continue;
        out.emplace_back();
        AppendUtf8(out.back(), uint32_t(m_words[k] >> 32));
        AppendUtf8(out.back(), uint32_t(m_words[k]));
    }
    return out;
}

Lexicon Lexicon::Filtered(const std::function<bool(uint32_t, uint32_t)>& keep) const {
    Lexicon out;
    for (const uint64_t w : m_words)
        if (keep(uint32_t(w >> 32), uint32_t(w))) out.m_words.push_back(w);
    for (const std::string& word : m_common) {
        bool kept = true;
        uint32_t last = 0;
        for (size_t pos = 0; pos < word.size() && kept;) {
            const uint32_t cp = DecodeUtf8(word, pos);
            kept = last == 0 || keep(last, cp);
            last = cp;
        }
        if (kept) out.m_common.push_back(word);
    }
    out.m_function = m_function;
    return out;
}

bool Lexicon::Common(std::string_view folded) const {
    return std::binary_search(m_common.begin(), m_common.end(), folded);
}

bool Lexicon::FunctionCharacter(uint32_t folded) const {
    std::string one;
    AppendUtf8(one, folded);
    return one.size() >= 3 && Common(one);
}

namespace {
void SortUnique(std::vector<std::string>& words) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
}
}  // namespace

void Lexicon::SetCommonWords(std::vector<std::string> words, const std::vector<uint32_t>& positions) {
    for (std::string& w : WordsAt(positions)) words.push_back(std::move(w));
    SortUnique(words);
    m_common = std::move(words);
}

void Lexicon::SetFunctionWords(std::vector<std::string> words) {
    SortUnique(words);
    m_function = std::move(words);
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
