// pack_fuzz.cpp — libFuzzer target for the pack reader (core/Pack.h): any bytes, read through the
// in-memory reader with an index requested, must give problems, never a crash, a hang or an absurd
// allocation. The first byte picks a mutation of a valid pack (so the fuzzer gets past the header
// and the checksums) or the raw input. Depends on fazhitong_core.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/Load.h"
#include "core/Pack.h"
#include "core/Search.h"

namespace {

// A small valid pack, built once: two plans with nested sections, tasks, targets, figures, a
// point with and without a location (of one name: a repeated text), a channel, a theme, two
// problems, synonyms and an index.
const std::string& Seed() {
    static const std::string seed = [] {
        core::FileData data;
        core::Problems problems;
        core::ParseFile("themes.json", R"({"schema":1,"themes":[{"id":"t","name":"政府职能","keywords":["职能"]}]})",
                        data, problems);
        core::ParseFile("plans/a.json", R"({"schema":1,"id":"a","title":"实施方案","kind":"work_plan",
            "region":{"name":"某市","level":"city","parent":"某省"},"source":{"file":"a.txt"},"period":{"from":2021,"to":2025},
            "units":[{"printed":"司法局","canonical":"某市司法局"}],"themes":["t"],"sections":[{"number":"一、","title":"总体",
            "sections":[{"title":"子","tasks":[{"id":"a-1","title":"法律援助","text":"做好法律援助","lead_units":["司法局"],
            "targets":[{"quote":"达到100%","metric":"覆盖","comparator":">=","value":100,"unit":"%","due":"2025"}],
            "figures":[{"quote":"受理297起","metric":"受理","value":297,"year":"2023"}]}]}]}]})",
                        data, problems);
        core::ParseFile("service-points.json", R"({"schema":1,"points":[{"id":"p","name":"中心","kind":"centre",
            "region":{"name":"某区"},"source":{"file":"a.txt"},"location":{"lat":30.5,"lon":114.3,"precision":"exact"}},
            {"id":"q","name":"中心","kind":"station","region":{"name":"某区"},"source":{"file":"a.txt"},"count":12}]})",
                        data, problems);
        core::ParseFile("channels.json", R"({"schema":1,"channels":[{"id":"c","name":"12348","kind":"hotline",
            "source":{"file":"a.txt"},"extra":1}]})",
                        data, problems);
        core::Catalog catalog(std::move(data.plans), std::move(data.points), std::move(data.channels),
                              std::move(data.themes));
        core::CheckReferences(catalog, problems);
        const char* synonyms = R"({"schema":1,"groups":[["法律援助","法援"]]})";
        core::Synonyms syn = core::Synonyms::Parse("synonyms.json", synonyms, problems);
        core::SearchIndex index = core::SearchIndex::Build(catalog, syn);
        index.SetLexicon(core::Lexicon::Parse("dict.txt", "法律\n援助\n", problems));
        core::PackWriteOptions options;
        options.words_of = &index;  // (a words section, as the web builds' packs have)
        std::string out, error;
        core::WritePackToString(out, catalog, problems, &index, error, syn, options);
        return out;
    }();
    return seed;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes;
    if (size > 0 && data[0] < 0x40 && size >= 3) {
        // Mutate the valid seed: overwrite bytes at an offset, or truncate it.
        bytes = Seed();
        size_t at = ((size_t(data[1]) << 8) | data[2]) % (bytes.size() + 1);
        if (data[0] & 1) {
            bytes.resize(at);
        } else {
            for (size_t i = 3; i < size && at < bytes.size(); ++i, ++at) bytes[at] = char(data[i]);
        }
    } else {
        bytes.assign(reinterpret_cast<const char*>(data), size);
    }
    core::SearchIndex index;
    core::PackInfo info;
    core::LoadResult r = core::LoadPackFromMemory("fuzz.fzp", bytes, &index, &info);
    for (const core::Problem& p : r.problems) (void)p.ToString();
    (void)r.catalog->Tasks().size();
    if (info.index_loaded) {
        core::Query q;
        q.text = "法律";
        (void)index.Search(q);
    }
    return 0;
}
