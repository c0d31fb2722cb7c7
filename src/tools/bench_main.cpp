// bench_main.cpp — `fazhitong-bench`: the native search benchmark. Generates the synthetic
// dataset (SyntheticData.h), builds the index, times queries typed keystroke by keystroke, checks
// recall and precision against a linear scan, prints a table and writes raw numbers as JSON.
// Also exports the flat corpus for the browser bench and writes a national data folder.
// Depends on fazhitong_core, SyntheticData.cpp and nlohmann_json.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <string>
#include <ctime>

#include <nlohmann/json.hpp>

#include "IndexDesigns.h"
#include "SyntheticData.h"
#include "Args.h"
#include "core/Files.h"
#include "core/Load.h"
#include "core/Pinyin.h"
#include "core/Search.h"
#include "core/TextNorm.h"

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Query latency: wall time, or with FZ_BENCH_CPU=1 this thread's CPU time (on a machine shared
// with other jobs, time spent descheduled is not the search's; the table says which it shows).
bool UseCpuTime() {
    static const bool cpu = std::getenv("FZ_BENCH_CPU") && *std::getenv("FZ_BENCH_CPU") == '1';
    return cpu;
}
double NowMs() {
#if defined(CLOCK_THREAD_CPUTIME_ID)
    if (UseCpuTime()) {
        timespec ts;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    }
#endif
    return Ms(Clock::now().time_since_epoch());
}

double RssMb() {
    std::ifstream in("/proc/self/statm");
    size_t pages = 0, rss = 0;
    in >> pages >> rss;
    return double(rss) * 4096 / 1e6;
}

struct Stats {
    double median = 0, p95 = 0, max = 0, mean = 0;
    size_t n = 0;
};
Stats Summarise(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.n = v.size();
    s.median = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, size_t(double(v.size()) * 0.95))];
    s.max = v.back();
    for (double x : v) s.mean += x;
    s.mean /= double(v.size());
    return s;
}
nlohmann::json ToJson(const Stats& s) {
    return {{"median_ms", s.median}, {"p95_ms", s.p95}, {"max_ms", s.max}, {"mean_ms", s.mean}, {"n", s.n}};
}

// Every prefix of a query, as typed one character (or letter) at a time.
std::vector<std::string> Keystrokes(const std::string& q) {
    std::vector<std::string> out;
    for (size_t pos = 0; pos < q.size();) {
        core::DecodeUtf8(q, pos);
        out.push_back(q.substr(0, pos));
    }
    return out;
}

std::string Initials(const std::string& pinyin) {
    std::string out;
    bool start = true;
    for (char c : pinyin) {
        if (c == ' ') start = true;
        else if (start) out += c, start = false;
    }
    return out;
}

// FZ_BENCH_DUMP=1: every result on stderr, one line a query (its total and hits), to compare two
// builds' results.
void DumpResult(const std::string& query, const core::SearchResult& r) {
    if (!std::getenv("FZ_BENCH_DUMP")) return;
    std::string line = query + " " + std::to_string(r.total);
    for (const core::Hit& h : r.hits)
        line += " " + std::string(h.id) + ":" + std::to_string(h.score) + ":" + std::to_string(h.title_ranges.size()) + ":" +
                std::to_string(h.snippet_ranges.size());
    if (r.relaxation != core::SearchResult::Relaxation::None) line += " relaxed:" + r.relaxed_text;
    std::fprintf(stderr, "%s\n", line.c_str());
}

std::string NoSpaces(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

// FZ_BENCH_ONLY="q1,q2": times just these queries (FZ_BENCH_RUNS runs each, default 20), for
// profiling; FZ_BENCH_RUNS=1 FZ_BENCH_IDLE=0 types them back to back. Grouped by type with limit 20 (catalog runs), else
// ungrouped with `limit` and exactly as typed, as the side-by-side asks (flat). Ends with the median and p95 of the
// queries' medians.
int OnlyQueries(const core::SearchIndex& index, size_t limit) {
    std::string list = std::getenv("FZ_BENCH_ONLY");
    const int runs = std::getenv("FZ_BENCH_RUNS") ? std::atoi(std::getenv("FZ_BENCH_RUNS")) : 20;
    std::vector<double> medians;
    for (size_t pos = 0; pos <= list.size();) {
        size_t comma = std::min(list.find(',', pos), list.size());
        core::Query query;
        query.text = list.substr(pos, comma - pos);
        query.limit = limit;
        query.group_by_type = limit == 20;
        query.relax = limit == 20;
        std::vector<double> lat;
        core::SearchResult r;
        core::Query other;  // between runs, so that no run reuses the last one's matches (cold)
        other.text = "的";
        for (int i = 0; i < runs; ++i) {
            if (std::getenv("FZ_BENCH_COLD")) index.Search(other);
            double s0 = NowMs();
            r = index.Search(query);
            lat.push_back(NowMs() - s0);
        }
        Stats s = Summarise(lat);
        DumpResult(query.text, r);
        std::printf("%-16s total %7u  texts searched %7u  median %.3f ms  max %.3f ms", query.text.c_str(), r.total,
                    r.texts_searched, s.median, s.max);
        // And the idle work this query's matches give the next keystroke (SearchIndex::Prepare), all of
        // it; FZ_BENCH_IDLE=0: none, the next query follows back to back; FZ_BENCH_IDLE=MS: at most MS
        // ms of it (a memo refined in part, as a fast typist's pause leaves it).
        const double idle_ms = std::getenv("FZ_BENCH_IDLE") ? std::atof(std::getenv("FZ_BENCH_IDLE")) : 1e9;
        if (idle_ms > 0) {
            const double p0 = NowMs();
            index.Prepare(idle_ms);
            std::printf("  idle work %.3f ms", NowMs() - p0);
        }
        if (r.relaxation != core::SearchResult::Relaxation::None) std::printf("  relaxed to \"%s\"", r.relaxed_text.c_str());
        if (!r.region.empty()) std::printf("  within the region %s", r.region.c_str());
        std::printf("\n");
        medians.push_back(s.median);
        pos = comma + 1;
    }
    const Stats all = Summarise(medians);
    std::printf("%zu queries: median %.3f ms, p95 %.3f ms (of each query's median)\n", medians.size(), all.median, all.p95);
    return 0;
}

// A typist's pause of `gap_ms` after a keystroke that took `keystroke_ms`, as the app spends it:
// after one frame (16.7 ms) that shows the results, Prepare slices (input is handled between
// them) until the pause is over or nothing is left. Each slice's time goes to `slices`, the
// pause's total to `work`.
void TypingPause(const core::SearchIndex& index, double gap_ms, double keystroke_ms, std::vector<double>& slices,
                 std::vector<double>& work) {
    double total = 0;
    for (const double budget = gap_ms - keystroke_ms - 1000.0 / 60; total < budget;) {
        const double s0 = NowMs();
        const bool more = index.Prepare(core::SearchIndex::kPrepareSliceMs);
        const double ms = NowMs() - s0;
        slices.push_back(ms);
        total += ms;
        if (!more) break;
    }
    work.push_back(total);
}

// To stdout when asked for (--help), to stderr after a usage error (stdout carries the tables).
void Usage(std::FILE* out) {
    std::fprintf(out,
        "usage: fazhitong-bench [--national | --records N] [--seed S] [--queries Q] [--json FILE]\n"
        "       fazhitong-bench --flat N [--designs] [--seed S] [--queries Q] [--sources DIR] [--json FILE]\n"
        "       fazhitong-bench --export-corpus FILE --flat N [--seed S] [--queries Q] [--sources DIR]\n"
        "       fazhitong-bench --write-data DIR [--national | --records N] [--seed S]\n"
        "       fazhitong-bench --data DIR [--queries Q] [--json FILE]\n"
        "Search benchmark on SYNTHETIC data (never real): index build time and memory, query latency\n"
        "typed keystroke by keystroke (median, p95), pinyin and initials, recall and precision against a\n"
        "linear scan (--flat). Raw numbers go to --json. The flat corpus's records are 30-200 characters,\n"
        "lengthened with sentences of the source documents in --sources (default assets/sources).\n"
        "--designs: on the flat corpus too, other index designs sized and timed for matching alone (lists\n"
        "of blocks of records verified; the bigram lists alone; bigram lists as subsets of their\n"
        "characters'): README, \"Why the memory goal is not met\".\n");
}

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // glibc hands blocks over 128 KB back to the kernel on free, so every query's result vectors
    // come back as fresh pages and page faults dominate the timings. Keep freed memory instead,
    // as wasm's allocator does (the native app may want the same).
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
    size_t records = 0, flat = 0, query_count = 200;
    bool national = false, designs = false;
    uint64_t seed = 1;
    std::string json_path, export_path, write_dir, data_dir, sources_dir = "assets/sources";
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "fazhitong-bench: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "-h" || a == "--help") return Usage(stdout), 0;
        else if (a == "--national") national = true;
        else if (a == "--records") records = tools::CountArg("fazhitong-bench", a, value(), core::SearchIndex::kMaxRecords);
        else if (a == "--flat") flat = tools::CountArg("fazhitong-bench", a, value(), core::SearchIndex::kMaxRecords);
        else if (a == "--designs") designs = true;
        else if (a == "--seed") seed = tools::CountArg("fazhitong-bench", a, value(), UINT64_MAX);
        else if (a == "--queries") query_count = tools::CountArg("fazhitong-bench", a, value(), 1000000);
        else if (a == "--json") json_path = value();
        else if (a == "--export-corpus") export_path = value();
        else if (a == "--write-data") write_dir = value();
        else if (a == "--data") data_dir = value();
        else if (a == "--sources") sources_dir = value();
        else {
            std::fprintf(stderr, "fazhitong-bench: unknown argument %s\n", a.c_str());
            Usage(stderr);
            return 2;
        }
    }
    if (!flat && !records && data_dir.empty()) national = true;
    nlohmann::json out;
    out["machine"] = nlohmann::json::object();
    out["seed"] = seed;

    // --- Flat corpus: the same records and queries the browser bench uses. ---------------------
    if (flat) {
        auto t0 = Clock::now();
        std::vector<std::string> sentences;
        std::error_code ec;
        std::vector<std::string> files;
        for (const auto& e : std::filesystem::directory_iterator(sources_dir, ec))
            if (e.path().extension() == ".txt") files.push_back(e.path().string());
        std::sort(files.begin(), files.end());  // the corpus must not depend on the directory's order
        for (const std::string& file : files) {
            std::string text;
            if (!core::ReadFile(file, text)) continue;
            for (std::string& sentence : synth::Sentences(text)) sentences.push_back(std::move(sentence));
        }
        if (sentences.empty()) {
            std::fprintf(stderr, "fazhitong-bench: --sources %s: no sentences in any .txt file there (run from the "
                                 "repository's root, or give --sources DIR)\n", sources_dir.c_str());
            return 2;
        }
        std::vector<synth::FlatRecord> corpus = synth::FlatCorpus(flat, seed, sentences);
        std::vector<std::string> queries = synth::Queries(corpus, query_count, seed + 6);
        double gen_ms = Ms(Clock::now() - t0);
        if (!export_path.empty()) {
            nlohmann::json j;
            j["synthetic"] = "SYNTHETIC benchmark corpus generated by fazhitong-bench, seed " + std::to_string(seed);
            j["records"] = nlohmann::json::array();
            for (const auto& r : corpus) j["records"].push_back({r.title, r.body});
            j["queries"] = queries;
            std::ofstream f(export_path, std::ios::binary);
            f << j.dump();
            std::printf("wrote %zu records and %zu queries to %s\n", corpus.size(), queries.size(), export_path.c_str());
            return f ? 0 : 1;
        }
        size_t chars = 0;
        for (const auto& r : corpus) chars += r.title.size() + r.body.size();
        double rss0 = RssMb();
        auto t1 = Clock::now();
        core::SearchIndex::Builder b;
        b.Reserve(corpus.size(), chars / 3);
        core::SearchRecord sr;
        for (size_t i = 0; i < corpus.size(); ++i) {
            sr.type = core::RecordType::Task;
            sr.index = uint32_t(i);
            sr.title = corpus[i].title;
            sr.body.assign(1, corpus[i].body);
            b.Add(sr);
        }
        core::SearchIndex index = b.Finish();
        double build_ms = Ms(Clock::now() - t1);
        if (std::getenv("FZ_BENCH_ONLY")) return OnlyQueries(index, 50);
        double rss1 = RssMb();
        std::vector<double> lat, scan_lat, pair_lat;  // (pair_lat: the queries of two characters)
        size_t tp = 0, fp = 0, fn = 0, exact = 0;
        for (const std::string& q : queries) {
            core::Query query;
            query.text = q;
            query.limit = 50;
            query.group_by_type = false;
            query.relax = false;  // exact substring semantics, as the scan below (never relaxed)
            double s0 = NowMs();
            core::SearchResult r = index.Search(query);
            lat.push_back(NowMs() - s0);
            if (Keystrokes(q).size() == 2 && q.find(' ') == std::string::npos) pair_lat.push_back(lat.back());
            if (std::getenv("FZ_BENCH_VERBOSE")) std::fprintf(stderr, "%8.3f ms %7u %s\n", lat.back(), r.total, q.c_str());
            // Recall/precision: all matches against a scan with std::string::find.
            query.limit = corpus.size();
            query.highlights = false;
            core::SearchResult all = index.Search(query);
            std::vector<uint32_t> got;
            for (const core::Hit& h : all.hits) got.push_back(h.index);
            std::sort(got.begin(), got.end());
            auto s1 = Clock::now();
            std::vector<uint32_t> want;
            for (size_t i = 0; i < corpus.size(); ++i)
                if (corpus[i].title.find(q) != std::string::npos || corpus[i].body.find(q) != std::string::npos)
                    want.push_back(uint32_t(i));
            scan_lat.push_back(Ms(Clock::now() - s1));
            std::vector<uint32_t> both;
            std::set_intersection(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(both));
            tp += both.size();
            fp += got.size() - both.size();
            fn += want.size() - both.size();
            exact += got == want;
            (void)r;
        }
        Stats s = Summarise(lat), scan = Summarise(scan_lat);
        double recall = tp + fn ? double(tp) / double(tp + fn) : 1, precision = tp + fp ? double(tp) / double(tp + fp) : 1;
        std::printf("flat corpus: %zu records (%.1f MB UTF-8), %zu queries, generated in %.0f ms\n", corpus.size(),
                    double(chars) / 1e6, queries.size(), gen_ms);
        std::printf("| engine (native) | build ms | index MB | RSS delta MB | median ms | p95 ms | recall | precision |\n");
        std::printf("|---|---|---|---|---|---|---|---|\n");
        std::printf("| Fazhitong SearchIndex | %.0f | %.1f | %.1f | %.3f | %.3f | %.4f | %.4f |\n", build_ms,
                    index.MemoryBytes() / 1e6, rss1 - rss0, s.median, s.p95, recall, precision);
        std::printf("| linear scan (std::string::find) | 0 | 0 | 0 | %.3f | %.3f | 1 | 1 |\n", scan.median, scan.p95);
        std::printf("index: %s\n", index.MemoryReport().c_str());
        out["flat"] = {{"records", corpus.size()}, {"bytes", chars}, {"queries", queries.size()},
                       {"build_ms", build_ms}, {"index_bytes", index.MemoryBytes()}, {"rss_delta_mb", rss1 - rss0},
                       {"query", ToJson(s)}, {"scan", ToJson(scan)}, {"recall", recall}, {"precision", precision},
                       {"index_report", index.MemoryReport()}};
        if (designs) {
            // Side by side with the index above, on the same records and queries.
            std::printf("\n| index design (native; matching alone: no ranking, no highlights) | list entries | lists MB "
                        "(Elias-Fano, no title bit) | median ms | p95 ms | p95 ms, queries of 2 characters | texts read a query | "
                        "counts right |\n");
            std::printf("|---|---|---|---|---|---|---|---|\n");
            std::printf("| Fazhitong SearchIndex (the whole search, as above) | (above) | index %.1f MB in all | %.3f | %.3f | "
                        "%.3f | | %zu of %zu |\n", index.MemoryBytes() / 1e6, s.median, s.p95, Summarise(pair_lat).p95, exact,
                        queries.size());
            nlohmann::json rows = nlohmann::json::array();
            for (const synth::DesignResult& d : synth::CompareIndexDesigns(corpus, queries, {1, 2, 4, 8}, 5, NowMs)) {
                const Stats ds = Summarise(d.latency_ms);
                const std::string right = !d.counted ? "(not counted)"
                                                     : std::to_string(queries.size() - d.wrong) + " of " +
                                                           std::to_string(queries.size());
                const Stats pairs = Summarise(d.pairs_ms);
                char pairs_p95[32] = "";  // (none: a design timed on no two-character query)
                if (!d.pairs_ms.empty()) std::snprintf(pairs_p95, sizeof pairs_p95, "%.3f", pairs.p95);
                std::printf("| %s | %.2f million | %.1f | %.3f | %.3f | %s | %.0f | %s |\n", d.name.c_str(), double(d.entries) / 1e6,
                            d.list_bytes / 1e6, ds.median, ds.p95, pairs_p95, d.read_per_query, right.c_str());
                rows.push_back({{"design", d.name}, {"entries", d.entries}, {"list_bytes", d.list_bytes}, {"query", ToJson(ds)},
                                {"pairs", ToJson(pairs)},
                                {"read_per_query", d.read_per_query}, {"wrong", d.counted ? nlohmann::json(d.wrong) : nlohmann::json()}});
            }
            out["flat"]["designs"] = rows;
        }
    }

    // --- Catalog scale: national (or N records) through the same path as the app. ----------------
    if (national || records || !data_dir.empty()) {
        synth::Options o = national ? synth::National(seed) : synth::Scaled(records, seed);
        std::unique_ptr<core::Catalog> catalog;
        double gen_ms = 0, load_ms = 0;
        auto t0 = Clock::now();
        if (!data_dir.empty()) {
            core::LoadResult r = core::Load(data_dir);
            catalog = std::move(r.catalog);
            load_ms = Ms(Clock::now() - t0);
        } else {
            synth::Data d = synth::Generate(o);
            gen_ms = Ms(Clock::now() - t0);
            if (!write_dir.empty()) {
                bool ok = synth::WriteDataFolder(d, write_dir);
                std::printf("%s %zu plans, %zu service points, %zu channels to %s\n", ok ? "wrote" : "FAILED writing",
                            d.plans.size(), d.points.size(), d.channels.size(), write_dir.c_str());
                return ok ? 0 : 1;
            }
            catalog = std::make_unique<core::Catalog>(std::move(d.plans), std::move(d.points), std::move(d.channels),
                                                      std::move(d.themes));
        }
        double catalog_ms = Ms(Clock::now() - t0) - gen_ms - load_ms;
        double rss0 = RssMb();
        auto t1 = Clock::now();
        core::SearchIndex index = core::SearchIndex::Build(*catalog);
        double build_ms = Ms(Clock::now() - t1);
        double rss1 = RssMb();
        if (const char* dir = std::getenv("FZ_BENCH_SYNONYMS")) {  // a deployment's synonyms.json (DIR)
            core::Problems problems;
            index.SetSynonyms(core::Synonyms::Load(dir, problems));
            for (const core::Problem& p : problems) std::fprintf(stderr, "%s\n", p.ToString().c_str());
        }
        if (const char* path = std::getenv("FZ_BENCH_WORDS"); path && *path) {  // a dictionary (jieba's dict.txt), as packs carry
            core::Problems problems;
            index.SetLexicon(core::Lexicon::Load(path, problems));
            for (const core::Problem& p : problems) std::fprintf(stderr, "%s\n", p.ToString().c_str());
        }
        if (const char* mb = std::getenv("FZ_BENCH_MEMO_MB"))  // the keystroke memo budget (MiB; default 10)
            index.SetMemoBudget(size_t(std::atof(mb) * 1048576));
        if (std::getenv("FZ_BENCH_PACK")) {  // SaveTo / LoadFrom at this scale: size, times, same results
            std::string blob;
            blob.reserve(size_t(1) << 28);
            auto p0 = Clock::now();
            index.SaveTo([&](const void* p, size_t n) { blob.append(static_cast<const char*>(p), n); });
            double save_ms = Ms(Clock::now() - p0);
            size_t pos = 0;
            core::SearchIndex loaded;
            std::string error;
            auto p1 = Clock::now();
            bool ok = core::SearchIndex::LoadFrom(
                *catalog,
                [&](void* p, size_t n) { return core::ReadBytes(blob, pos, p, n); },
                loaded, error);
            double load_ms = Ms(Clock::now() - p1);
            size_t same = 0, checked = 0;
            for (const char* q : {"法律援助", "gonggongfalv", "flyz", "f", "公共法律服务中心", "rmtj"}) {
                core::Query query;
                query.text = q;
                core::SearchResult a = index.Search(query), b = loaded.Search(query);
                bool eq = a.total == b.total && a.hits.size() == b.hits.size();
                for (size_t i = 0; eq && i < a.hits.size(); ++i) eq = a.hits[i].id == b.hits[i].id && a.hits[i].score == b.hits[i].score;
                same += eq;
                ++checked;
            }
            std::printf("pack: %s%s, %.1f MB, index build %.0f ms, save %.0f ms, load %.0f ms, %zu/%zu queries identical, "
                        "loaded index %.1f MB\n",
                        ok ? "loaded" : "FAILED: ", error.c_str(), blob.size() / 1e6, build_ms, save_ms, load_ms, same,
                        checked, loaded.MemoryBytes() / 1e6);
            return ok && same == checked ? 0 : 1;
        }
        if (std::getenv("FZ_BENCH_ONLY")) return OnlyQueries(index, 20);
        // Queries from the catalog's own text, typed keystroke by keystroke, as Chinese, full pinyin
        // and initials.
        std::vector<synth::FlatRecord> sample;
        for (size_t i = 0; i < catalog->Tasks().size(); i += 97)
            sample.push_back({catalog->Tasks()[i].task->title.str(), catalog->Tasks()[i].task->text.str()});
        for (size_t i = 0; i < catalog->Points().size(); i += 211)
            sample.push_back({catalog->Points()[i].name.str(), catalog->Points()[i].address.str()});
        std::vector<std::string> queries = synth::Queries(sample, query_count, seed + 6);
        std::vector<double> han, han_full, pinyin, initials, letters, short_initials;
        size_t results = 0;
        // FZ_BENCH_GAP_MS=N: a pause of N ms after every keystroke, its time given to the index's
        // idle work as the app gives it (TypingPause); 0 (default): back to back, no idle work.
        const double gap_ms = std::getenv("FZ_BENCH_GAP_MS") ? std::atof(std::getenv("FZ_BENCH_GAP_MS")) : 0;
        std::vector<double> idle_slices, idle_work;
        // One keystroke: the query typed so far, timed into `lat`, then the pause (if any).
        auto keystroke = [&](const std::string& prefix, std::vector<double>& lat) {
            core::Query query;
            query.text = prefix;
            query.limit = 20;
            double s0 = NowMs();
            core::SearchResult r = index.Search(query);
            double ms = NowMs() - s0;
            DumpResult(prefix, r);
            lat.push_back(ms);
            if (std::getenv("FZ_BENCH_VERBOSE") && ms > 10)
                std::fprintf(stderr, "%8.3f ms %7u matches %7u texts searched %s\n", ms, r.total, r.texts_searched, prefix.c_str());
            if (gap_ms > 0) TypingPause(index, gap_ms, ms, idle_slices, idle_work);
            return r.total;
        };
        for (const std::string& q : queries) {
            std::string py = core::ToPinyin(q);
            struct Kind {
                std::vector<double>* lat;
                std::string text;
            };
            for (const Kind& k : {Kind{&han, q}, Kind{&pinyin, NoSpaces(py)}, Kind{&initials, Initials(py)}})
                for (const std::string& prefix : Keystrokes(k.text)) {
                    const uint32_t total = keystroke(prefix, *k.lat);
                    const double ms = k.lat->back();
                    if (k.lat == &han && prefix == q) han_full.push_back(ms), results += total;
                    if (k.lat != &han && prefix.size() == 1) letters.push_back(ms);
                    if (k.lat == &initials && prefix.size() >= 2 && prefix.size() <= 3) short_initials.push_back(ms);
                }
        }
        // Ten common phrases' pinyin typed with a space between words, as many type them (the
        // list tests/bench/bench.js types in Chromium): each a phrase, and words ANDed anywhere.
        std::vector<double> apart;
        for (const char* text : {"falv yuanzhu", "renmin tiaojie", "xingzheng fuyi", "gonggong falv fuwu", "sifa suo",
                                 "zhongda xingzheng juece", "falv zixun", "gongxiang fating", "xingzheng zhifa",
                                 "fazhi xuanchuan"})
            for (const std::string& prefix : Keystrokes(text)) keystroke(prefix, apart);
        Stats sh = Summarise(han), sf = Summarise(han_full), sp = Summarise(pinyin), si = Summarise(initials),
              sl = Summarise(letters), ss = Summarise(short_initials), sa = Summarise(apart);
        size_t n = index.RecordCount();
        std::printf("catalog: %zu records (%zu plans, %zu tasks, %zu units, %zu service points, %zu channels)\n", n,
                    catalog->Plans().size(), catalog->Tasks().size(), catalog->Units().size(), catalog->Points().size(),
                    catalog->Channels().size());
        std::printf("generate %.0f ms, JSON load %.0f ms, catalog %.0f ms, index build %.0f ms, index %.1f MB, RSS delta %.1f MB, RSS %.0f MB\n",
                    gen_ms, load_ms, catalog_ms, build_ms, index.MemoryBytes() / 1e6, rss1 - rss0, rss1);
        std::printf("index: %s\n", index.MemoryReport().c_str());
        std::printf("| keystrokes (native, limit 20 per type, highlights, %s) | n | median ms | p95 ms | max ms |\n",
                    UseCpuTime() ? "thread CPU time" : "wall time");
        std::printf("|---|---|---|---|---|\n");
        std::printf("| Chinese, every prefix | %zu | %.3f | %.3f | %.3f |\n", sh.n, sh.median, sh.p95, sh.max);
        std::printf("| Chinese, whole query (2-4 chars) | %zu | %.3f | %.3f | %.3f |\n", sf.n, sf.median, sf.p95, sf.max);
        std::printf("| full pinyin, every prefix | %zu | %.3f | %.3f | %.3f |\n", sp.n, sp.median, sp.p95, sp.max);
        std::printf("| initials, every prefix | %zu | %.3f | %.3f | %.3f |\n", si.n, si.median, si.p95, si.max);
        std::printf("| single letters (first keystroke of pinyin and initials) | %zu | %.3f | %.3f | %.3f |\n", sl.n,
                    sl.median, sl.p95, sl.max);
        std::printf("| initials of 2-3 letters | %zu | %.3f | %.3f | %.3f |\n", ss.n, ss.median, ss.p95, ss.max);
        std::printf("| full pinyin, words apart (10 phrases), every prefix | %zu | %.3f | %.3f | %.3f |\n", sa.n, sa.median,
                    sa.p95, sa.max);
        Stats islice = Summarise(idle_slices), iwork = Summarise(idle_work);
        if (gap_ms > 0)
            std::printf("pauses of %.0f ms after each keystroke: idle work a pause median %.2f / p95 %.2f / max %.2f ms; "
                        "a slice median %.2f / max %.2f ms\n",
                        gap_ms, iwork.median, iwork.p95, iwork.max, islice.median, islice.max);
        out["catalog"] = {{"records", n}, {"plans", catalog->Plans().size()}, {"tasks", catalog->Tasks().size()},
                          {"units", catalog->Units().size()}, {"points", catalog->Points().size()},
                          {"channels", catalog->Channels().size()}, {"generate_ms", gen_ms}, {"load_ms", load_ms},
                          {"catalog_ms", catalog_ms}, {"build_ms", build_ms}, {"index_bytes", index.MemoryBytes()},
                          {"rss_delta_mb", rss1 - rss0}, {"rss_mb", rss1}, {"index_report", index.MemoryReport()},
                          {"chinese_keystrokes", ToJson(sh)},
                          {"chinese_full", ToJson(sf)}, {"pinyin_keystrokes", ToJson(sp)},
                          {"initials_keystrokes", ToJson(si)}, {"single_letters", ToJson(sl)},
                          {"short_initials", ToJson(ss)}, {"apart_keystrokes", ToJson(sa)},
                          {"mean_matches", queries.empty() ? 0 : results / queries.size()},
                          {"typing_pause_ms", gap_ms}, {"idle_work_a_pause", ToJson(iwork)}, {"idle_slices", ToJson(islice)}};
    }
    if (!json_path.empty()) {
        std::ofstream f(json_path, std::ios::binary);
        f << out.dump(1) << "\n";
    }
    return 0;
}
