// Lexicon.h — which pairs of Han characters are words, read from a dictionary of the language
// (jieba's dict.txt, Debian python3-jieba: "word [frequency [tag]]" a line). The search reads a
// query that matches nothing by its parts (SearchRelax.cpp); a part of two characters that a
// record holds inside a longer word is no part of what was asked: 未成年人保护 held nowhere, its
// 年人 is held by 老年人 and is no word, so the part is 保护 alone. Words of two characters are
// what that needs (a longer run held by records is rarely a fragment); and its common words of any
// length (Common), by the frequency each line gives. Stored folded (traditional
// as simplified), as the search compares. Depends on Problem.h, TextNorm.h. No ImGui, no
// Emscripten.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "Problem.h"

namespace core {

class Lexicon {
public:
    // The two-character words of Han characters among a dictionary's lines (its first field up
    // to a space or tab); other lines are skipped: longer and shorter words, words with other
    // characters, blank lines and "#" comments. A word of 6-8 bytes that is not UTF-8 is a
    // problem naming `file` and its line (the first kMaxProblems of them), and is skipped.
    static Lexicon Parse(const std::string& file, std::string_view text, Problems& problems);
    // Reads the dictionary at `path` (a problem when it cannot be read: an empty lexicon).
    static Lexicon Load(const std::string& path, Problems& problems);
    static constexpr size_t kMaxProblems = 5;

    // Whether folded `a` then `b` is a word.
    bool Holds(uint32_t a, uint32_t b) const;

    // Common words: the dictionary's words of 2-8 Han characters used at least kCommonFrequency
    // times in its corpus (jieba's second field: 委员会 24,831, 问题 55,563, 中心 23,969; 调解 711,
    // 离婚 886). Said of a query's part, they name what is too general to stand for the query
    // alone (调解委员会 held nowhere: its part 调解, not 委员会). Folded UTF-8, sorted.
    // Also the single characters as common that the dictionary tags as function words (its third
    // field: particles u*, modal particles y, prepositions p, conjunctions c, pronouns r; 的 了 在
    // 和 吗 我 哪...): a part of a query does not start or end with one (附近的法律援助 -> 法律援助,
    // not 的法律 + 援助), FunctionCharacter. Not 所 and 地, which end nouns here (司法所, 所在地);
    // and 是 有 没 要 能 想, verbs that questions are built on (哪里有法律援助: not 有法律; 我要行政复议:
    // not 要行政), and the classifiers 个 些 (离婚找哪个部门: not 个部门).
    static constexpr uint64_t kCommonFrequency = 10000;
    bool Common(std::string_view folded) const;
    bool FunctionCharacter(uint32_t folded) const;
    const std::vector<std::string>& CommonWords() const { return m_common; }
    // (`words`, and its words at `positions`: WordsAt.)
    void SetCommonWords(std::vector<std::string> words, const std::vector<uint32_t>& positions = {});
    // Function words of two characters: the dictionary's words of two Han characters it tags as
    // function words (as above: 如何 可以 哪里 哪个 如果 什么 我们, pronouns, conjunctions...) used at
    // least kFunctionWordFrequency times, whether records hold them or not (Filtered keeps them
    // all). A query typed in pinyin reads them as the question around what it asks for
    // (nalikeyitiaojie: 哪里 可以 调解, not 里可 or 立刻 + 调解; SearchIndex::FunctionWordReading).
    // Folded UTF-8, sorted.
    static constexpr uint64_t kFunctionWordFrequency = 1000;
    const std::vector<std::string>& FunctionWords() const { return m_function; }
    void SetFunctionWords(std::vector<std::string> words);
    size_t Size() const { return m_words.size(); }
    bool Empty() const { return m_words.empty(); }
    // Its words as UTF-8, sorted by code points.
    std::vector<std::string> Words() const;
    // Its common words of two characters as their positions among its words (ascending; how
    // packs carry them, a byte or so each), and the rest of its common words as they are.
    void CommonWordsByPosition(std::vector<uint32_t>& positions, std::vector<std::string>& others) const;
    // Its words at `positions` (as CommonWordsByPosition gives them), as UTF-8; a position past
    // its words is skipped.
    std::vector<std::string> WordsAt(const std::vector<uint32_t>& positions) const;
    // The words `keep` accepts (a search index keeps those its records hold), the common
    // words every pair of whose characters it accepts, and every function word.
    Lexicon Filtered(const std::function<bool(uint32_t, uint32_t)>& keep) const;

    // A lexicon of the pairs a << 32 | b given (SearchIndex::SetWordBits: the words a pack marks
    // among the pairs its index holds), sorted in place.
    static Lexicon FromPairs(std::vector<uint64_t> pairs);

private:
    void Sort();
    std::vector<uint64_t> m_words;  // a << 32 | b, sorted, unique
    std::vector<std::string> m_common;  // sorted, unique
    std::vector<std::string> m_function;  // two characters each, sorted, unique
};

}  // namespace core
