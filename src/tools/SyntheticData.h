// SyntheticData.h — a national-scale SYNTHETIC dataset for benchmarks, deterministic by seed:
// county and city plans with tasks, village-level service points, hotlines, in the vocabulary of
// rule-of-law-government documents. Never real data, never bundled: every record's source says
// so. Depends on core/Model.h (and nlohmann_json in the .cpp for writing a data folder).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/Model.h"

namespace synth {

constexpr const char* kSourceFile = "SYNTHETIC-fazhitong-bench";  // in every record's source

struct Options {
    uint64_t seed = 1;
    size_t plans = 5000;
    size_t tasks = 250000;   // spread over the plans
    size_t points = 650000;  // service points, mostly village rooms
    size_t channels = 700;   // hotlines and platforms
};

// The national scale the issue asks for: 5,000 plans, 250,000 tasks, 650,000 service points.
Options National(uint64_t seed = 1);
// A smaller dataset with the same proportions and about `records` searchable records.
Options Scaled(size_t records, uint64_t seed = 1);

struct Data {
    std::vector<core::Plan> plans;
    std::vector<core::ServicePoint> points;
    std::vector<core::Channel> channels;
    std::vector<core::Theme> themes;
};

Data Generate(const Options& options);

// Writes `data` as a Fazhitong data folder (plans/*.json, service-points.json, channels.json,
// themes.json) that core::Load reads. Returns false on an I/O error.
bool WriteDataFolder(const Data& data, const std::string& dir);

// One flat record (title + body) for benches that compare with JS libraries.
struct FlatRecord {
    std::string title;
    std::string body;
};
// `count` records of tasks and service points, 30–200 characters each (uniformly), deterministic
// by seed and `sentences`: bodies are lengthened with generated task texts and, when given, real
// sentences (Sentences() of the source documents, assets/sources).
std::vector<FlatRecord> FlatCorpus(size_t count, uint64_t seed = 1, const std::vector<std::string>& sentences = {});
// A document's sentences (ended by 。；！？ or a line break), of 8 characters or more, without spaces.
std::vector<std::string> Sentences(std::string_view text);
// Queries of 2–4 characters: substrings of the corpus (most) and vocabulary pairs that may not
// occur (some), deterministic by seed. Never contain whitespace.
std::vector<std::string> Queries(const std::vector<FlatRecord>& corpus, size_t count, uint64_t seed = 7);

}  // namespace synth
