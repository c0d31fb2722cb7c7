// search_wasm.cpp — Fazhitong's search engine as a small wasm module for the browser bench
// (tests/bench/index.html): add records, build, search, report memory; or generate the synthetic
// national dataset inside wasm and index it through the Catalog, as the app does.
// Depends on fazhitong_core, src/tools/SyntheticData and Emscripten (this file only).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <emscripten/heap.h>
#include <malloc.h>
#include <unistd.h>

#include "SyntheticData.h"
#include "core/Catalog.h"
#include "core/Pack.h"
#include "core/Search.h"

namespace {
using Clock = std::chrono::steady_clock;
double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct State {
    std::vector<std::string> titles, bodies;  // fzb_add: one string each
    char* bulk = nullptr;                     // fzb_add_bulk: every record's UTF-8 in one block
    std::vector<std::string_view> bulk_titles, bulk_bodies;
    std::unique_ptr<core::Catalog> catalog;
    core::SearchIndex index;
    std::vector<uint32_t> results;
    double generate_ms = 0;
    double pack_parts[5] = {};  // decode, Catalog(), index (load or build) ms; 1 if the index came from the pack; warm-up ms
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
    std::vector<std::string_view>().swap(s.bulk_titles);
    std::vector<std::string_view>().swap(s.bulk_bodies);
    std::free(s.bulk);
    s.bulk = nullptr;
    std::vector<uint32_t>().swap(s.results);
}

int fzb_add(const char* title, const char* body) {
    S().titles.emplace_back(title);
    S().bodies.emplace_back(body);
    return int(S().titles.size());
}

// The records in one transfer, as JavaScript holds them: `units` (from malloc; freed here) holds
// every title and body back to back as UTF-16 code units; record i's title is units
// [offsets[2i], offsets[2i+1]) and its body [offsets[2i+1], offsets[2i+2]). Converted to UTF-8
// into one block (lone surrogates become U+FFFD, as TextEncoder does). Replaces what fzb_add
// added. Returns the record count.
// One field's units as UTF-8 at o; returns the end. A function of its own, called once a field:
// a browser swaps in its optimised code for a wasm function only at a call, so one loop over the
// whole corpus ran in its baseline code.
static __attribute__((noinline)) char* Utf16ToUtf8(const uint16_t* units, size_t i, size_t e, char* o) {
    for (; i < e; ++i) {
        uint32_t c = units[i];
        if (c < 0x80) {
            *o++ = char(c);
            continue;
        }
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < e && units[i + 1] >= 0xDC00 && units[i + 1] < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (units[++i] - 0xDC00);
        } else if (c >= 0xD800 && c < 0xE000) {
            c = 0xFFFD;
        }
        if (c < 0x800) {
            *o++ = char(0xC0 | c >> 6);
        } else if (c < 0x10000) {
            *o++ = char(0xE0 | c >> 12);
            *o++ = char(0x80 | ((c >> 6) & 0x3F));
        } else {
            *o++ = char(0xF0 | c >> 18);
            *o++ = char(0x80 | ((c >> 12) & 0x3F));
            *o++ = char(0x80 | ((c >> 6) & 0x3F));
        }
        *o++ = char(0x80 | (c & 0x3F));
    }
    return o;
}

int fzb_add_utf16(uint16_t* units, const uint32_t* offsets, int count) {
    State& s = S();
    fzb_reset();
    const size_t n = count > 0 ? size_t(count) : 0;
    const size_t total = n ? offsets[2 * n] : 0;
    s.bulk = static_cast<char*>(std::malloc(3 * total + 1));  // at most 3 bytes a unit
    std::vector<uint32_t> bytes(2 * n + 1);
    char* o = s.bulk;
    for (size_t k = 0; k < 2 * n; ++k) {
        bytes[k] = uint32_t(o - s.bulk);
        o = Utf16ToUtf8(units, offsets[k], offsets[k + 1], o);
    }
    bytes[2 * n] = uint32_t(o - s.bulk);
    std::free(units);
    s.bulk = static_cast<char*>(std::realloc(s.bulk, bytes[2 * n] + 1));  // give back the slack
    s.bulk_titles.reserve(n);
    s.bulk_bodies.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        s.bulk_titles.emplace_back(s.bulk + bytes[2 * i], bytes[2 * i + 1] - bytes[2 * i]);
        s.bulk_bodies.emplace_back(s.bulk + bytes[2 * i + 1], bytes[2 * i + 2] - bytes[2 * i + 1]);
    }
    return count;
}

// Builds the index over the added records; returns the build time in ms.
double fzb_build() {
    State& s = S();
    auto t0 = Clock::now();
    core::SearchIndex::Builder b;
    const bool bulk = !s.bulk_titles.empty();
    const size_t n = bulk ? s.bulk_titles.size() : s.titles.size();
    auto title = [&](size_t i) { return bulk ? s.bulk_titles[i] : std::string_view(s.titles[i]); };
    auto body = [&](size_t i) { return bulk ? s.bulk_bodies[i] : std::string_view(s.bodies[i]); };
    size_t chars = 0;
    for (size_t i = 0; i < n; ++i) chars += title(i).size() + body(i).size();
    b.Reserve(n, chars / 3);
    core::SearchRecord r;
    r.type = core::RecordType::Task;
    for (size_t i = 0; i < n; ++i) {
        r.index = uint32_t(i);
        r.title = title(i);
        r.body.assign(1, body(i));
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

// Loads a pack (core/Pack.h) as the app does: the catalog, and the pack's index (or one built
// when the pack has none). Returns the whole load in ms; its parts through fzb_pack_part.
double fzb_load_pack(const char* path) {
    State& s = S();
    fzb_reset();
    auto t0 = Clock::now();
    core::PackInfo info;
    core::LoadResult r = core::LoadPackData(path, &s.index, &info);
    s.catalog = std::move(r.catalog);
    double ms = Ms(Clock::now() - t0);
    s.pack_parts[0] = info.decode_ms;
    s.pack_parts[1] = info.catalog_ms;
    s.pack_parts[2] = info.index_ms;
    s.pack_parts[3] = info.index_from_pack ? 1 : 0;
    // As the web app does once its data is loaded (when it is first idle), counted in the load.
    s.pack_parts[4] = core::WarmUpSearch(s.index.RecordCount());
    return ms + s.pack_parts[4];
}
// 0 decode, 1 Catalog, 2 index, 3 whether the index came from the pack, 4 the search warm-up (ms).
double fzb_pack_part(int part) { return part >= 0 && part < 5 ? S().pack_parts[part] : 0; }
int fzb_records() { return int(S().index.RecordCount()); }

// mode 0: as the UI asks (grouped, `limit` per type, highlights; a query that matches nothing is
// relaxed, SearchResult::relaxation); mode 2: the same, exactly as typed (Query::relax = false:
// the side-by-side, whose truth is exact substring semantics); mode 1: every match, flat, exactly
// as typed, record indexes into fzb_results(). Returns the number of matches.
int fzb_search(const char* text, int limit, int mode) {
    State& s = S();
    core::Query q;
    q.text = text;
    q.relax = mode == 0;
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

// One idle frame's work between keystrokes, as the app does it (SearchIndex::Prepare with
// kPrepareSliceMs); returns 1 while more remains.
int fzb_prepare() { return S().index.Prepare(core::SearchIndex::kPrepareSliceMs) ? 1 : 0; }

const uint32_t* fzb_results() { return S().results.data(); }
double fzb_index_bytes() { return double(S().index.MemoryBytes()); }
double fzb_heap_bytes() { return double(emscripten_get_heap_size()); }
// The top of the malloc heap (sbrk(0)): the highest the heap has been used, give or take free
// blocks; fzb_heap_bytes is that plus the slack the last memory growth added.
// Where the loaded catalog's and index's memory goes (CatalogMemoryReport, MemoryReport).
const char* fzb_memory_report() {
    static std::string report;
    report = S().catalog ? core::CatalogMemoryReport(*S().catalog) : std::string("no catalog");
    report += "; index " + S().index.MemoryReport();
    return report.c_str();
}
double fzb_heap_top() { return double(reinterpret_cast<uintptr_t>(sbrk(0))); }
// Bytes in use in malloc blocks now (mallinfo's uordblks): heap top minus free holes.
double fzb_heap_in_use() { return double(mallinfo().uordblks); }

}  // extern "C"
