// pack_main.cpp — `fazhitong-pack [--no-index] DATA_DIR OUT.fzp`: loads a JSON data folder,
// builds the search index and writes a binary pack (format in core/Pack.h) that the app loads
// much faster than the JSON. `fazhitong-pack --verify OUT.fzp DATA_DIR` re-reads both and compares
// them field by field. Depends on fazhitong_core.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/Load.h"
#include "core/CatalogDiff.h"
#include "core/Pack.h"
#include "core/Search.h"

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

int Usage(FILE* to) {
    std::fprintf(to,
                 "usage: fazhitong-pack [--no-index] [--string-table] [--strings I18N_DIR] [--words DICT] [--quiet]\n"
                 "                      DATA_DIR OUT.fzp\n"
                 "       fazhitong-pack --verify [--repeat N] OUT.fzp DATA_DIR\n"
                 "       fazhitong-pack --load [--no-index] OUT.fzp   (time a load, print memory)\n"
                 "Packs a Fazhitong JSON data folder into one binary file the app loads quickly (run\n"
                 "the app with --data OUT.fzp). The JSON stays the source: re-pack after every edit.\n"
                 "Problems in the data are printed like fazhitong-check prints them and are kept in the\n"
                 "pack, so the app still lists them. Data with warnings or errors is still packed (what\n"
                 "is valid loads, as from the JSON).\n"
                 "--no-index  leave out the search index (smaller pack; the app builds the index).\n"
                 "--string-table  store every string of the catalog once, in a table. Not smaller: a\n"
                 "            free text that repeats is stored once without it too (at national scale\n"
                 "            226 MB with the table, 217 MB without), and slower to load.\n"
                 "--strings DIR  carry the UI strings of DIR/<locale>.json (the web builds read them\n"
                 "            from the pack; errors in them fail the pack).\n"
                 "--words DICT  carry the two-character words of a dictionary (jieba's dict.txt) that the\n"
                 "            data holds: the search then never reads a query by fragments of words.\n"
                 "--verify    load the pack and the JSON folder and compare every field; exit 1 on any\n"
                 "            difference. --repeat N loads each N times and prints the fastest.\n"
                 "Exit status: 0 packed (even with data problems); 1 nothing could be loaded (no\n"
                 "records) or writing failed, or --verify found a difference; 2 bad usage.\n");
    return to == stderr ? 2 : 0;
}

void PrintProblems(const std::string& dir, const core::Problems& problems, size_t& errors, size_t& warnings) {
    for (const core::Problem& p : problems) {
        (p.severity == core::Severity::Error ? errors : warnings)++;
        std::fprintf(stderr, "%s/%s\n", dir.c_str(), p.ToString().c_str());
    }
}

// Resident memory of this process in MB (Linux; 0 elsewhere).
double RssMb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return 0;
}

int LoadOnly(const std::string& pack, bool no_index) {
    double rss0 = RssMb();
    auto t0 = Clock::now();
    core::PackInfo info;
    core::SearchIndex index;
    core::LoadResult r = core::LoadPack(pack, no_index ? nullptr : &index, &info);
    double ms = Ms(Clock::now() - t0);
    double rss1 = RssMb();
    for (const core::Problem& p : r.problems)
        if (p.file == std::filesystem::path(pack).filename().string()) std::fprintf(stderr, "%s\n", p.ToString().c_str());
    const core::Catalog& c = *r.catalog;
    std::printf("%s: %ju bytes (catalog %ju, problems %ju, synonyms %ju, index %ju, words %ju); %zu plans, %zu tasks, %zu units, "
                "%zu service points, %zu channels, %zu problems; LoadPack %.0f ms (index %s); RSS %.0f MB -> %.0f MB\n",
                pack.c_str(), uintmax_t(info.file_bytes), uintmax_t(info.catalog_bytes), uintmax_t(info.problems_bytes),
                uintmax_t(info.synonyms_bytes), uintmax_t(info.index_bytes), uintmax_t(info.words_bytes), c.Plans().size(), c.Tasks().size(),
                c.Units().size(), c.Points().size(), c.Channels().size(), r.problems.size(), ms,
                info.index_loaded ? "loaded" : (info.has_index ? (no_index ? "skipped" : "NOT loaded") : "none"), rss0, rss1);
    std::printf("LoadPack: decode %.0f ms, Catalog() %.0f ms, index %.0f ms\n", info.decode_ms, info.catalog_ms,
                info.index_ms);
    std::printf("%s\n", core::CatalogMemoryReport(c).c_str());
    if (info.index_loaded) std::printf("index: %.1f MB: %s\n", index.MemoryBytes() / 1e6, index.MemoryReport().c_str());
    if (const core::Lexicon* words = info.index_loaded ? index.Words() : nullptr)
        std::printf("words: %zu of the dictionary's two-character words, over %ju pairs of characters\n", words->Size(),
                    uintmax_t(info.words_pairs));
    return core::HasErrors(r.problems) && c.Plans().empty() && c.Points().empty() ? 1 : 0;
}

int Verify(const std::string& pack, const std::string& dir, int repeat) {
    double json_ms = 1e300, pack_ms = 1e300;
    core::LoadResult json, packed;
    core::PackInfo info;
    core::SearchIndex index;
    for (int i = 0; i < repeat; ++i) {
        auto t0 = Clock::now();
        json = core::Load(dir);
        core::Synonyms::Load(dir, json.problems);
        json_ms = std::min(json_ms, Ms(Clock::now() - t0));
        auto t1 = Clock::now();
        packed = core::LoadPack(pack, &index, &info);
        pack_ms = std::min(pack_ms, Ms(Clock::now() - t1));
    }
    // Problems past the pack's own are about reading the pack: errors fail, warnings (an index
    // this build cannot load, which the app rebuilds) are printed.
    core::Problems own(packed.problems.begin(),
                       packed.problems.begin() + std::min(packed.problems.size(), json.problems.size()));
    bool read_errors = false;
    for (size_t i = json.problems.size(); i < packed.problems.size(); ++i) {
        std::fprintf(stderr, "%s\n", packed.problems[i].ToString().c_str());
        read_errors = read_errors || packed.problems[i].severity == core::Severity::Error;
    }
    std::string diff = core::FirstDifference(*json.catalog, *packed.catalog);
    if (diff.empty()) diff = core::FirstDifference(json.problems, own);
    if (read_errors && diff.empty()) diff = "errors reading the pack";
    if (!diff.empty()) {
        std::fprintf(stderr, "fazhitong-pack --verify: %s differs from %s: %s\n", pack.c_str(), dir.c_str(), diff.c_str());
        return 1;
    }
    // With an index in the pack, the same queries must find the same records.
    if (info.index_loaded) {
        core::SearchIndex built = core::SearchIndex::Build(*json.catalog, core::Synonyms::Load(dir, json.problems));
        size_t checked = 0;
        for (size_t i = 0; i < json.catalog->Tasks().size() && checked < 50; i += 1 + json.catalog->Tasks().size() / 50, ++checked) {
            core::Query q;
            q.text = json.catalog->Tasks()[i].task->title.substr(0, 6);
            core::SearchResult a = built.Search(q), b = index.Search(q);
            if (a.total != b.total || a.hits.size() != b.hits.size()) {
                std::fprintf(stderr, "fazhitong-pack --verify: query \"%s\": %u results from the JSON, %u from the pack\n",
                             q.text.c_str(), a.total, b.total);
                return 1;
            }
        }
    }
    std::printf("%s matches %s: %zu plans, %zu tasks, %zu service points, %zu channels, %zu themes, %zu problems; "
                "index %s; JSON load %.0f ms, pack load %.0f ms\n",
                pack.c_str(), dir.c_str(), packed.catalog->Plans().size(), packed.catalog->Tasks().size(),
                packed.catalog->Points().size(), packed.catalog->Channels().size(), packed.catalog->Themes().size(),
                packed.problems.size(),
                info.index_loaded ? "loaded and checked" : (info.has_index ? "present, not loadable" : "not in pack"),
                json_ms, pack_ms);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    bool no_index = false, verify = false, quiet = false, load = false;
    core::PackWriteOptions options;
    int repeat = 1;
    std::string strings_dir, words_path;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") return Usage(stdout);
        if (a == "--no-index") no_index = true;
        else if (a == "--verify") verify = true;
        else if (a == "-q" || a == "--quiet") quiet = true;
        else if (a == "--string-table") options.string_table = true;
        else if (a == "--load") load = true;
        else if (a == "--strings" && i + 1 < argc) strings_dir = argv[++i];
        else if (a == "--words" && i + 1 < argc) words_path = argv[++i];
        else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else if (a.size() > 1 && a[0] == '-') return Usage(stderr);
        else args.push_back(a);
    }
    if (load && args.size() == 1) return LoadOnly(args[0], no_index);
    if (args.size() != 2) return Usage(stderr);
    if (verify) return Verify(args[0], args[1], repeat);
    const std::string& dir = args[0];
    const std::string& out = args[1];

    auto t0 = Clock::now();
    core::LoadResult r = core::Load(dir);
    double load_ms = Ms(Clock::now() - t0);
    core::Synonyms synonyms = core::Synonyms::Load(dir, r.problems);
    const core::Catalog& c = *r.catalog;
    size_t errors = 0, warnings = 0;
    PrintProblems(dir, r.problems, errors, warnings);
    size_t records = c.Plans().size() + c.Points().size() + c.Channels().size() + c.Themes().size();
    if (records == 0) {
        std::fprintf(stderr, "fazhitong-pack: %s: nothing could be loaded; no pack written\n", dir.c_str());
        return 1;
    }
    core::Strings strings;
    if (!strings_dir.empty()) {
        core::Problems strings_problems;
        strings.Load(strings_dir, strings_problems);
        size_t strings_errors = 0, strings_warnings = 0;
        PrintProblems(strings_dir, strings_problems, strings_errors, strings_warnings);
        if (strings_errors) {
            std::fprintf(stderr, "fazhitong-pack: %s: the UI strings have errors; no pack written\n", strings_dir.c_str());
            return 1;
        }
        options.strings = &strings;
    }
    double index_ms = 0;
    core::SearchIndex index;
    if (!no_index || !words_path.empty()) {  // (the words kept are those the index holds)
        auto t1 = Clock::now();
        index = core::SearchIndex::Build(c, synonyms);
        index_ms = Ms(Clock::now() - t1);
    }
    if (!words_path.empty()) {
        core::Problems word_problems;
        const core::Lexicon words = core::Lexicon::Load(words_path, word_problems);
        for (const core::Problem& p : word_problems) std::fprintf(stderr, "%s\n", p.ToString().c_str());
        if (words.Empty()) {
            std::fprintf(stderr, "fazhitong-pack: %s: no words of two characters; no pack written\n", words_path.c_str());
            return 1;
        }
        index.SetLexicon(words);
        options.words_of = &index;
    }
    auto t2 = Clock::now();
    std::string error;
    if (!core::WritePack(out, c, r.problems, no_index ? nullptr : &index, error, synonyms, options)) {
        std::fprintf(stderr, "fazhitong-pack: %s\n", error.c_str());
        return 1;
    }
    double write_ms = Ms(Clock::now() - t2);
    std::error_code ec;
    uintmax_t bytes = std::filesystem::file_size(out, ec);
    if (!quiet)
        std::printf("%s: %zu plans, %zu tasks, %zu targets, %zu units, %zu service points, %zu channels, %zu themes; "
                    "%zu errors, %zu warnings (kept in the pack)\n"
                    "%s: %ju bytes%s%s; JSON load %.0f ms, index build %.0f ms, write %.0f ms\n",
                    dir.c_str(), c.Plans().size(), c.Tasks().size(), c.TargetCount(), c.Units().size(),
                    c.Points().size(), c.Channels().size(), c.Themes().size(), errors, warnings, out.c_str(),
                    bytes, no_index ? " (no index)" : "", options.string_table ? " (string table)" : "", load_ms, index_ms, write_ms);
    return 0;
}
