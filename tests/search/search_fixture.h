// search_fixture.h — a tiny in-memory corpus for the search tests: records given as literals,
// indexed with SearchIndex::Builder. Depends on core/Search.h.
#pragma once
#include <deque>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/Pinyin.h"
#include "core/Search.h"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string s = "{";
        for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
        return (s + "}").c_str();
    }
};
}  // namespace doctest

struct TestRecord {
    core::RecordType type;
    std::string id;
    std::string title;
    std::vector<std::string> body;
    std::string region;
    std::string kind;
    std::vector<std::string> services;
};

struct TestCorpus {
    std::deque<TestRecord> records;  // stable addresses: the index keeps views into them
    core::SearchIndex index;

    explicit TestCorpus(std::vector<TestRecord> rs, core::Synonyms synonyms = {}) {
        core::SearchIndex::Builder b;
        uint32_t i = 0;
        for (TestRecord& r : rs) records.push_back(std::move(r));
        for (const TestRecord& r : records) {
            core::SearchRecord s;
            s.type = r.type;
            s.index = i++;
            s.id = r.id;
            s.title = r.title;
            for (const std::string& x : r.body) s.body.push_back(x);
            if (!r.region.empty()) s.regions.push_back(r.region);
            s.kind = r.kind;
            for (const std::string& x : r.services) s.services.push_back(x);
            b.Add(s);
        }
        index = b.Finish(std::move(synonyms));
    }

    // Ids of the hits, in order, of the query exactly as typed (never relaxed: Query::relax).
    std::vector<std::string> Ids(const std::string& text, bool grouped = false, size_t limit = 50) const {
        core::Query q;
        q.text = text;
        q.relax = false;
        q.group_by_type = grouped;
        q.limit = limit;
        std::vector<std::string> out;
        for (const core::Hit& h : index.Search(q).hits) out.emplace_back(h.id);
        return out;
    }
    std::vector<std::string> Ids(const core::Query& q) const {
        std::vector<std::string> out;
        for (const core::Hit& h : index.Search(q).hits) out.emplace_back(h.id);
        return out;
    }
};

using Ids = std::vector<std::string>;

// The result of `text` as the app asks for it (relaxed when nothing matches as typed), not
// grouped by type, of the record types `types`.
inline core::SearchResult Find(const TestCorpus& c, const std::string& text, uint32_t types = 0x1F) {
    core::Query q;
    q.text = text;
    q.group_by_type = false;
    q.filter.types = types;
    return c.index.Search(q);
}

// The ids of a result's hits, in order.
inline Ids IdsOf(const core::SearchResult& r) {
    Ids out;
    for (const core::Hit& h : r.hits) out.emplace_back(h.id);
    return out;
}

// Tasks, a service centre, a hotline and a title with a space: the records the substring and
// the relaxation tests share.
inline std::vector<TestRecord> SubstringRecords() {
    using core::RecordType;
    return {
        {RecordType::Task, "t1", "推进法律援助", {"扩大法律援助覆盖面，提高援助质量。"}},
        {RecordType::Task, "t2", "健全行政复议体制", {"推进行政复议体制改革，整合行政复议职责。"}},
        {RecordType::Task, "t3", "加强普法", {"落实谁执法谁普法责任制。"}},
        {RecordType::ServicePoint, "p1", "某县公共法律服务中心", {"某县人民路1号", "法律咨询", "法律援助"}},
        {RecordType::Channel, "c1", "12348公共法律服务热线", {"12348"}},
        {RecordType::Task, "t4", "法 律", {"法、律分开的记录"}},
    };
}

// The text a range covers, for readable expectations.
inline std::string Cut(std::string_view s, const core::ByteRange& r) {
    return std::string(s.substr(r.begin, r.end - r.begin));
}

// The pinyin of `text` as typed without spaces (falvyuanzhu), or its initials (flyz).
inline std::string PinyinTyped(const std::string& text, bool initials) {
    const std::string py = core::ToPinyin(text);  // "fa lv yuan zhu"
    std::string out;
    for (size_t i = 0; i < py.size(); ++i)
        if (py[i] != ' ' && (!initials || i == 0 || py[i - 1] == ' ')) out += py[i];
    return out;
}

// Random records made of a few random phrases of 12 characters (甲乙丙...), each character of
// one replaced now and then, cut short or run into another: bigrams whose neighbours mostly
// agree, so majorities and their pairs, with exceptions of every kind (other characters, field
// edges, other phrases). Deterministic by seed.
struct PhraseRecords {
    uint32_t s;
    std::vector<std::vector<int>> phrases;
    uint32_t vary = 8;  // one character in `vary` replaced
    static const std::vector<std::string>& Chars() {
        static const std::vector<std::string> chars = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑"};
        return chars;
    }
    explicit PhraseRecords(uint32_t seed) : s(seed) { NewPhrases(); }
    uint32_t Next() { return s = s * 1103515245u + 12345u, (s >> 16) & 0x7FFF; }
    // Three new phrases of 5-8 characters, and a new rate of variants.
    void NewPhrases() {
        phrases.assign(3, {});
        for (auto& ph : phrases)
            for (size_t k = 0, n = 5 + Next() % 4; k < n; ++k) ph.push_back(int(Next() % Chars().size()));
        vary = 8 + Next() % 40;
    }
    std::string Field() {
        std::string f;
        for (size_t parts = 1 + Next() % 2; parts > 0; --parts) {
            const std::vector<int>& ph = phrases[Next() % phrases.size()];
            const size_t from = Next() % 3 == 0 ? Next() % ph.size() : 0;
            const size_t to = Next() % 3 == 0 ? from + 1 + Next() % (ph.size() - from) : ph.size();
            for (size_t k = from; k < to; ++k) f += Chars()[Next() % vary == 0 ? Next() % Chars().size() : size_t(ph[k])];
        }
        return f;
    }
    std::vector<TestRecord> Make(size_t n) {
        std::vector<TestRecord> rs;
        for (size_t i = 0; i < n; ++i) {
            TestRecord r{core::RecordType(Next() % 5), "r" + std::to_string(i), Field(), {}};
            for (size_t f = Next() % 3; f > 0; --f) r.body.push_back(Field());
            rs.push_back(std::move(r));
        }
        return rs;
    }
    // A piece of 3 characters or more of a phrase, a character replaced one time in six (then
    // often matching nothing).
    std::string Pattern() {
        const std::vector<int>& ph = phrases[Next() % phrases.size()];
        const size_t len = 3 + Next() % (ph.size() - 2), from = Next() % (ph.size() - len + 1);
        std::string q;
        for (size_t j = from; j < from + len; ++j) q += Chars()[Next() % 6 == 0 ? Next() % Chars().size() : size_t(ph[j])];
        return q;
    }
};
