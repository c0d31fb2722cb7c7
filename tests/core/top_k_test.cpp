// top_k_test.cpp — core::TopK: the best k of a stream, exactly as sorting all of it would choose
// (bigger key first, then earlier id), whatever the order the keys come in.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "core/TopK.h"

namespace {

using Item = core::TopK::Item;

std::vector<Item> Best(std::vector<Item> all, size_t k) {  // by sorting everything
    std::stable_sort(all.begin(), all.end(), [](const Item& a, const Item& b) { return a.key > b.key; });
    all.resize(std::min(k, all.size()));
    return all;
}

std::vector<Item> Streamed(const std::vector<Item>& all, size_t k) {
    core::TopK top(k);
    for (const Item& it : all) top.Push(it.key, it.id);
    std::vector<Item> got = top.Take();
    std::sort(got.begin(), got.end(), [](const Item& a, const Item& b) { return a.key != b.key ? a.key > b.key : a.id < b.id; });
    return got;
}

bool Same(const std::vector<Item>& a, const std::vector<Item>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].key != b[i].key || a[i].id != b[i].id) return false;
    return true;
}

}  // namespace

TEST_CASE("top k: the same items as sorting the whole stream, in every kind of order") {
    std::mt19937 rng(12348);
    for (size_t k : {1u, 2u, 7u, 100u, 500u}) {
        for (int shape = 0; shape < 5; ++shape) {
            CAPTURE(k);
            CAPTURE(shape);
            std::vector<Item> all;
            const uint32_t n = 20000;
            for (uint32_t i = 0; i < n; ++i) {
                uint32_t key = 0;
                switch (shape) {
                    case 0: key = rng() % 1000000; break;     // random, mostly distinct
                    case 1: key = rng() % 4; break;           // few distinct keys: ties decide
                    case 2: key = i; break;                   // getting better: the bar keeps rising
                    case 3: key = n - i; break;               // getting worse: the first k win
                    case 4: key = (n - i) / 50 + (i % 3) * 1000; break;  // three interleaved runs, each slowly worse
                }
                all.push_back({key, i});
            }
            CHECK(Same(Streamed(all, k), Best(all, k)));
        }
    }
}

TEST_CASE("top k: fewer items than k, none, and one key for all") {
    CHECK(Streamed({}, 5).empty());
    std::vector<Item> three{{5, 0}, {9, 1}, {5, 2}};
    CHECK(Same(Streamed(three, 5), Best(three, 5)));
    std::vector<Item> equal;
    for (uint32_t i = 0; i < 1000; ++i) equal.push_back({42, i});
    std::vector<Item> got = Streamed(equal, 10);
    REQUIRE(got.size() == 10);
    CHECK(got.front().id == 0);
    CHECK(got.back().id == 9);
}
