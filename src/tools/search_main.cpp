// search_main.cpp — `fazhitong-search [--data DIR|PACK] [--limit N] [filters] QUERY`: loads a data
// folder (and builds the search index) or a pack (with its index) and prints the ranked hits as
// JSON lines (type, id, title, score, highlight ranges), so deployers and scripts can test search
// without a browser.
// Depends on fazhitong_core and nlohmann_json.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "Args.h"
#include "core/Load.h"
#include "core/Pack.h"
#include "core/Search.h"

namespace {
// To stdout when asked for (--help), to stderr after a usage error (stdout carries only hits).
void Usage(std::FILE* out) {
    std::fprintf(out,
        "usage: fazhitong-search [--data DIR|FILE.fzp] [--words DICT|--no-words] [--limit N] [--flat] [--typed [--pause MS]]\n"
        "                        [--region R] [--kind K] [--theme T] [--unit U] [--service S]\n"
        "                        [--types plan,task,unit,service_point,channel] QUERY\n"
        "Prints one JSON object per hit: type, id, index, title, score, title_ranges (byte offsets into\n"
        "title), snippet, snippet_ranges. Results are grouped by type (limit per type; the type of the\n"
        "best hit first) unless --flat.\n"
        "A summary goes to stderr. Exit status 0 when something was found, 1 when nothing, 2 on usage.\n"
        "--words: the dictionary that tells words from fragments when a query is read by its parts\n"
        "(jieba's dict.txt; default the one found at build time; a pack's own words come first).\n"
        "--typed: search every prefix of QUERY first, a character more each time, back to back as\n"
        "typed (each keystroke's matches and time to stderr); the hits printed are QUERY's.\n"
        "--pause MS: as a visitor types, MS ms between keystrokes (at most 10000): the search first warmed\n"
        "up and then the index's idle work after each keystroke, as the app gives them (the idle\n"
        "work's time, up to MS less a frame, is not counted in the keystroke's).\n");
}

nlohmann::ordered_json Ranges(const std::vector<core::ByteRange>& ranges) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const core::ByteRange& r : ranges) a.push_back({r.begin, r.end});
    return a;
}
}  // namespace

int main(int argc, char** argv) {
    std::string dir = "assets/data";
#ifdef FZ_DEFAULT_WORDS
    std::string words = FZ_DEFAULT_WORDS;
#else
    std::string words;
#endif
    core::Query query;
    query.limit = 20;
    bool have_query = false, typed = false;
    uint64_t pause_ms = 0;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "fazhitong-search: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "-h" || a == "--help") {
            Usage(stdout);
            return 0;
        } else if (a == "--data") dir = value();
        else if (a == "--words") words = value();
        else if (a == "--no-words") words.clear();
        else if (a == "--limit") query.limit = size_t(tools::CountArg("fazhitong-search", a, value(), core::SearchIndex::kMaxRecords));
        else if (a == "--flat") query.group_by_type = false;
        else if (a == "--typed") typed = true;
        else if (a == "--pause") pause_ms = tools::CountArg("fazhitong-search", a, value(), 10000);
        else if (a == "--region") query.filter.region = value();
        else if (a == "--kind") query.filter.kind = value();
        else if (a == "--theme") query.filter.theme = value();
        else if (a == "--unit") query.filter.unit = value();
        else if (a == "--service") query.filter.service = value();
        else if (a == "--types") {
            query.filter.types = 0;
            std::string list = value() + ",";
            for (size_t p = 0, c; (c = list.find(',', p)) != std::string::npos; p = c + 1) {
                std::string t = list.substr(p, c - p);
                bool known = false;
                for (uint32_t k = 0; k < core::kRecordTypeCount; ++k)
                    if (t == core::ToString(core::RecordType(k))) query.filter.types |= 1u << k, known = true;
                if (!known && !t.empty()) {
                    std::fprintf(stderr, "fazhitong-search: unknown type \"%s\"\n", t.c_str());
                    return 2;
                }
            }
        } else if (a == "--") {
            if (i + 1 < argc) query.text = argv[++i], have_query = true;
        } else if (!a.empty() && a[0] == '-' && a.size() > 1) {
            std::fprintf(stderr, "fazhitong-search: unknown option %s\n", a.c_str());
            Usage(stderr);
            return 2;
        } else {
            query.text = have_query ? query.text + " " + a : a;
            have_query = true;
        }
    }
    if (!have_query) {
        Usage(stderr);
        return 2;
    }
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    // A data folder (JSON) or a pack (.fzp): a pack's own index is used when it has one.
    core::SearchIndex index;
    core::PackInfo info;
    core::LoadResult loaded = core::LoadData(dir, &index, &info);
    core::Problems dictionary_problems;
    core::UseDictionary(index, info, words, dictionary_problems);
    for (const core::Problem& p : dictionary_problems) std::fprintf(stderr, "%s\n", p.ToString().c_str());
    for (const core::Problem& p : loaded.problems) {  // a folder's problems name files inside it
        const bool inside = !core::IsPackPath(dir) && !p.file.empty() && p.file != dir && p.file[0] != '/';
        std::fprintf(stderr, "%s%s\n", inside ? (dir + "/").c_str() : "", p.ToString().c_str());
    }
    auto t1 = Clock::now();  // LoadData loaded or built the index too: its share is info.index_ms
    auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
    if (typed) {  // every prefix, a code point more each time (the last byte of each UTF-8 sequence)
        if (pause_ms > 0)
            std::fprintf(stderr, "search warmed up in %.1f ms\n", core::WarmUpSearch(index.RecordCount()));
        core::Query prefix = query;
        for (size_t end = 1; end < query.text.size(); ++end) {
            if ((static_cast<unsigned char>(query.text[end]) & 0xC0) == 0x80) continue;  // (inside a character)
            prefix.text = query.text.substr(0, end);
            const auto k0 = Clock::now();
            const core::SearchResult r = index.Search(prefix);
            std::fprintf(stderr, "typed \"%s\": %u matches%s, %.3f ms\n", prefix.text.c_str(), r.total,
                         r.relaxation != core::SearchResult::Relaxation::None ? " (relaxed)" : "", ms(Clock::now() - k0));
            // The idle time the app gives the index before the next keystroke (App::IdleWork).
            const auto idle = Clock::now();
            while (ms(Clock::now() - idle) < double(pause_ms) - 1000.0 / 60 && index.Prepare(core::SearchIndex::kPrepareSliceMs)) {
            }
        }
    }
    const auto searching = Clock::now();
    core::SearchResult result = index.Search(query);
    auto t2 = Clock::now();
    for (const core::Hit& h : result.hits) {
        nlohmann::ordered_json j;
        j["type"] = core::ToString(h.type);
        j["id"] = std::string(h.id);
        j["index"] = h.index;
        j["title"] = std::string(h.title);
        j["score"] = h.score;
        j["title_ranges"] = Ranges(h.title_ranges);
        j["snippet"] = std::string(h.snippet);
        j["snippet_ranges"] = Ranges(h.snippet_ranges);
        std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    }
    using Relaxation = core::SearchResult::Relaxation;
    if (result.total > 0 && !result.synonyms.empty()) {
        std::string line;
        for (const std::string& t : result.synonyms) line += (line.empty() ? "" : ", ") + t;
        std::fprintf(stderr, "also searched, as synonyms: %s\n", line.c_str());
    }
    if (!result.region.empty())
        std::fprintf(stderr, "\"%s\" is also read as the region %s: its records hold it\n",
                     result.region_word.c_str(), result.region.c_str());
    if (result.relaxation != Relaxation::None)
        std::fprintf(stderr, "nothing matched the query as typed; these are the matches of \"%s\" (%s)\n",
                     result.relaxed_text.c_str(),
                     result.relaxation == Relaxation::Parts           ? "its parts"
                     : result.relaxation == Relaxation::SimilarPinyin ? "pinyin syllables that sound alike"
                     : result.relaxation == Relaxation::SameReading   ? "characters of the same sound"
                     : result.relaxation == Relaxation::ToneNumbers   ? "tone numbers left out"
                                                                      : "punctuation as spaces");
    // Letters typed: the words in characters they found among the hits printed (as the search
    // screen offers them to tap).
    if (const std::vector<std::string> words = core::CandidateWords(result, query.text, 6, index.Words()); !words.empty()) {
        std::string line;
        for (const std::string& w : words) line += (line.empty() ? "" : ", ") + w;
        std::fprintf(stderr, "in characters: %s\n", line.c_str());
    }
    if (!result.word_totals.empty()) {  // nothing holds every word; or the parts, each alone (0: left out)
        std::string line;
        for (size_t i = 0; i < result.word_texts.size() && i < result.word_totals.size(); ++i)
            line += (i ? ", " : "") + result.word_texts[i] + " " + std::to_string(result.word_totals[i]);
        std::fprintf(stderr, "%s: %s\n",
                     result.relaxation == Relaxation::Parts ? "each part alone" : "nothing holds every word; each word alone",
                     line.c_str());
    }
    std::fprintf(stderr,
                 "%u matches (plans %u, tasks %u, units %u, service points %u, channels %u)%s; "
                 "load %.1f ms, index %zu records %s in %.1f ms (%.1f MB), search %.3f ms\n",
                 result.total, result.total_by_type[0], result.total_by_type[1], result.total_by_type[2],
                 result.total_by_type[3], result.total_by_type[4], result.query_truncated ? ", query truncated" : "",
                 ms(t1 - t0) - info.index_ms, index.RecordCount(), info.index_from_pack ? "read from the pack" : "built",
                 info.index_ms, index.MemoryBytes() / 1e6, ms(t2 - searching));
    return result.total ? 0 : 1;
}
