// search_wasm.cpp — Fazhitong's search engine as a small wasm module for the browser bench
// (tests/bench/index.html): add records, build, search, report memory; or generate the synthetic
// national dataset inside wasm and index it through the Catalog, as the app does.
// Depends on fazhitong_core, src/tools/SyntheticData and Emscripten (this file only).
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <emscripten/heap.h>

#include "SyntheticData.h"
#include "core/Catalog.h"
#include "core/Search.h"

namespace {
using Clock = std::chrono::steady_clock;
double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct State {
    std::vector<std::string> titles, bodies;
    std::unique_ptr<core::Catalog> catalog;
    core::SearchIndex index;
    std::vector<uint32_t> results;
    double generate_ms = 0;
};
State& S() {
    static State s;
    return s;
}
}  // namespace

extern "C" {

void fzb_reset() {
    State& s = S();
    s.index = core::SearchIndex();
    s.catalog.reset();
    std::vector<std::string>().swap(s.titles);
    std::vector<std::string>().swap(s.bodies);
    std::vector<uint32_t>().swap(s.results);
}

int fzb_add(const char* title, const char* body) {
    S().titles.emplace_back(title);
    S().bodies.emplace_back(body);
    return int(S().titles.size());
}

// Builds the index over the added records; returns the build time in ms.
double fzb_build() {
    State& s = S();
    auto t0 = Clock::now();
    core::SearchIndex::Builder b;
    size_t chars = 0;
    for (size_t i = 0; i < s.titles.size(); ++i) chars += s.titles[i].size() + s.bodies[i].size();
    b.Reserve(s.titles.size(), chars / 3);
    core::SearchRecord r;
    r.type = core::RecordType::Task;
    for (size_t i = 0; i < s.titles.size(); ++i) {
        r.index = uint32_t(i);
        r.title = s.titles[i];
        r.body.assign(1, s.bodies[i]);
        b.Add(r);
    }
    s.index = b.Finish();
    return Ms(Clock::now() - t0);
}

// Generates the synthetic dataset (national when records == 0) in wasm, builds the Catalog and
// the index as the app would; returns the index build time in ms (generation: fzb_generate_ms).
double fzb_generate(int records, int seed) {
    State& s = S();
    fzb_reset();
    auto t0 = Clock::now();
    synth::Options o = records > 0 ? synth::Scaled(size_t(records), uint64_t(seed)) : synth::National(uint64_t(seed));
    synth::Data d = synth::Generate(o);
    s.catalog = std::make_unique<core::Catalog>(std::move(d.plans), std::move(d.points), std::move(d.channels),
                                                std::move(d.themes));
    s.generate_ms = Ms(Clock::now() - t0);
    auto t1 = Clock::now();
    s.index = core::SearchIndex::Build(*s.catalog);
    return Ms(Clock::now() - t1);
}

double fzb_generate_ms() { return S().generate_ms; }
int fzb_records() { return int(S().index.RecordCount()); }

// mode 0: as the UI asks (grouped, `limit` per type, highlights); mode 1: every match, flat,
// record indexes into fzb_results(). Returns the number of matches.
int fzb_search(const char* text, int limit, int mode) {
    State& s = S();
    core::Query q;
    q.text = text;
    if (mode == 1) {
        q.limit = s.index.RecordCount();
        q.group_by_type = false;
        q.highlights = false;
    } else {
        q.limit = size_t(limit);
    }
    core::SearchResult r = s.index.Search(q);
    if (mode == 1) {
        s.results.clear();
        for (const core::Hit& h : r.hits) s.results.push_back(h.index);
    }
    return int(r.total);
}

const uint32_t* fzb_results() { return S().results.data(); }
double fzb_index_bytes() { return double(S().index.MemoryBytes()); }
double fzb_heap_bytes() { return double(emscripten_get_heap_size()); }

}  // extern "C"
