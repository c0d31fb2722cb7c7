// Atom.cpp — the process-wide pool behind core::Atom: a deque of strings (elements never move)
// and a hash map from their text to them. Guarded by a mutex (loaders may run on other threads).
#include "Atom.h"

#include <deque>
#include <mutex>
#include <unordered_map>

namespace core {

namespace {
struct Pool {
    std::mutex mutex;
    std::deque<std::string> strings;
    std::unordered_map<std::string_view, const std::string*> index;
    size_t text_bytes = 0;
};

Pool& ThePool() {
    static Pool* pool = new Pool;  // never destroyed: atoms may outlive static destructors
    return *pool;
}
}  // namespace

const std::string* Atom::Empty() {
    static const std::string* empty = new std::string;
    return empty;
}

const std::string* Atom::Intern(std::string_view s) {
    Pool& pool = ThePool();
    std::lock_guard<std::mutex> lock(pool.mutex);
    auto it = pool.index.find(s);
    if (it != pool.index.end()) return it->second;
    const std::string& kept = pool.strings.emplace_back(s);
    pool.index.emplace(std::string_view(kept), &kept);
    if (kept.capacity() > sizeof(std::string) - 2) pool.text_bytes += kept.capacity() + 1;
    return &kept;
}

size_t Atom::PoolCount() {
    Pool& pool = ThePool();
    std::lock_guard<std::mutex> lock(pool.mutex);
    return pool.strings.size();
}

size_t Atom::PoolBytes() {
    Pool& pool = ThePool();
    std::lock_guard<std::mutex> lock(pool.mutex);
    // A map entry: the node (key, value, next pointer, cached hash) plus its bucket slot.
    size_t entry = sizeof(std::string_view) + sizeof(void*) * 3 + sizeof(size_t);
    return pool.strings.size() * (sizeof(std::string) + entry) + pool.text_bytes;
}

}  // namespace core
