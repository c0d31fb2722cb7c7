// SearchWarmUp.cpp — WarmUpSearch (Search.h): searches of every kind on a small generated index,
// so that a runtime compiling code as it runs has optimised the search code before the first
// real keystroke, and the working memory of a big index's first keystrokes. Depends on Search.h.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "Search.h"

namespace core {

namespace {

void SearchGeneratedRecords(size_t records) {
    // The vocabulary of the seed documents: legal terms that pinyin, initials and synonyms find.
    static const char* const kWords[] = {
        "法律援助", "行政复议", "公共法律服务", "人民调解", "法治政府", "行政执法", "依法行政",
        "司法所", "法律咨询", "普法宣传", "重大行政决策", "合法性审查", "中心", "工作站", "服务室",
        "热线", "村", "社区", "推进", "加强", "完善", "建设", "落实", "12348", "复议", "调解委员会",
        "律师", "公证", "司法鉴定", "矛盾纠纷", "，", "。", "、", "县", "市", "年度报告", "实施方案",
    };
    constexpr size_t kCount = sizeof kWords / sizeof kWords[0];
    static const char* const kRegions[] = {"甲县", "乙县", "丙市"};
    uint32_t seed = 12348;
    auto next = [&](size_t n) {
        seed = seed * 1103515245u + 12345u;
        return size_t(seed >> 8) % n;
    };
    auto words = [&](size_t n) {
        std::string s;
        for (size_t i = 0; i < n; ++i) s += kWords[next(kCount)];
        return s;
    };
    // Texts first (the index keeps views of them), then the records.
    std::vector<std::string> texts;
    texts.reserve(records * 3);
    for (size_t i = 0; i < records; ++i) {
        texts.push_back(words(2 + next(3)));
        texts.push_back(words(6 + next(10)));
        texts.push_back(words(3 + next(6)));
    }
    SearchIndex::Builder builder;
    for (size_t i = 0; i < records; ++i) {
        SearchRecord r;
        r.type = RecordType(i % kRecordTypeCount);
        r.index = uint32_t(i / kRecordTypeCount);
        r.id = texts[3 * i];
        r.title = texts[3 * i];
        r.body = {texts[3 * i + 1], texts[3 * i + 2]};
        r.regions = {kRegions[i % 3]};
        builder.Add(r);
    }
    Synonyms synonyms;
    synonyms.AddGroup({"法援", "法律援助"});
    synonyms.AddRule("复议", {"行政复议"});
    SearchIndex index = builder.Finish(std::move(synonyms));

    // Typed a character at a time, as people do; a few times, so every path runs often enough.
    static const char* const kTyped[] = {"法律援助", "公共法律服务", "人民调解中心", "falvyuanzhu",
                                         "gonggongfalvfuwu", "xingzhengfuyi", "renmintiaojie", "flyz",
                                         "ggflfw", "xzfy", "rmtj", "法援", "復議", "12348", "fa lv yuan"};
    for (int round = 0; round < 3; ++round)
        for (const char* typed : kTyped) {
            const std::string all(typed);
            for (size_t end = 1; end <= all.size(); ++end) {
                if (end < all.size() && (static_cast<unsigned char>(all[end]) & 0xC0) == 0x80) continue;
                Query q;
                q.text = all.substr(0, end);
                q.limit = 20;
                q.group_by_type = round != 1;
                if (round == 2) q.filter.region = kRegions[end % 3];
                index.Search(q);
            }
        }
}

}  // namespace

double WarmUpSearch(size_t index_records) {
    if (index_records < kWarmUpFrom) return 0;
    const auto t0 = std::chrono::steady_clock::now();
    SearchGeneratedRecords(300);
    // The per-thread marks a query of this index needs (2.9 MB at national scale), first: made
    // by the first query instead, they were carved out of the working memory freed below and
    // split it (the whole app on national data, its heap after typing a key every 300 ms:
    // 400.8 -> 399.2 MB; the search bench's after its keystrokes 398 -> 397 MB).
    ReserveSearchScratch(index_records);
    // Working memory, every 4 KB page touched (a fresh page costs a fault on first use; volatile,
    // or the compiler drops the whole allocation), then given back to the allocator, which keeps
    // it for the next allocations.
    const size_t bytes = std::min(index_records, SearchIndex::kMaxRecords) * kWarmUpBytesPerRecord;
    if (void* p = std::malloc(bytes)) {
        volatile unsigned char* v = static_cast<volatile unsigned char*>(p);
        for (size_t i = 0; i < bytes; i += 4096) v[i] = 0;
        std::free(p);
    }
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace core
