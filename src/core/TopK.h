// TopK.h — the best k of a stream of (key, id) pairs, chosen as they stream by: a bigger key is
// better, and of equal keys the one that came first (ids arrive in increasing order). Search uses
// one per result group to pick the matches it ranks in full from up to a million, in the same
// pass that counts them. No dependencies.
//
// An item enters when its key beats the bar: the key of the k-th best seen so far (an item with
// an equal key came later, so it ranks after all of those). When 2k have entered, the best k are
// kept (nth_element) and the bar rises to the k-th one's key. For items in random order about
// k (1 + ln(n / k)) enter in all; the rest cost one comparison each.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace core {

class TopK {
public:
    struct Item {
        uint32_t key;
        uint32_t id;
    };
    explicit TopK(size_t k) : m_k(std::max<size_t>(k, 1)) {}
    // Ids in increasing order: of equal keys, the first one pushed ranks first. Most items stop
    // at the bar: that test stays inline in the caller's loop, the rest is a call (in wasm the
    // whole function was a call for every match: a tenth of a common word's query).
    void Push(uint32_t key, uint32_t id) {
        if (key >= m_bar) Enter(key, id);  // else the k-th best so far beats it (or came first)
    }
    // The best k (or all, if fewer came), in no particular order.
    std::vector<Item> Take() {
        KeepBest();
        return std::move(m_kept);
    }

private:
    [[gnu::noinline]] void Enter(uint32_t key, uint32_t id) {
        m_kept.push_back({key, id});
        if (m_kept.size() == 2 * m_k) {
            KeepBest();
            m_bar = m_kept.back().key + 1;  // (the k-th best is last after KeepBest)
        }
    }
    void KeepBest() {
        if (m_kept.size() <= m_k) return;
        auto better = [](const Item& a, const Item& b) { return a.key != b.key ? a.key > b.key : a.id < b.id; };
        std::nth_element(m_kept.begin(), m_kept.begin() + std::ptrdiff_t(m_k - 1), m_kept.end(), better);
        m_kept.resize(m_k);
    }
    size_t m_k;
    uint32_t m_bar = 0;
    std::vector<Item> m_kept;
};

}  // namespace core
