// AtomList.cpp — the process-wide pool behind core::AtomList: blocks {count, atoms...} packed into
// chunks that never move (no malloc header per list), found again through an open-addressing table
// of block pointers (4 bytes a slot in wasm32). Guarded by a mutex (loaders may run on other
// threads). Depends on AtomList.h only.
#include "AtomList.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <new>
#include <ostream>

namespace core {

namespace {
// Chunks of 64 KB (a bundled catalog's lists fit in one); a list too big for a quarter of one gets
// an exact chunk of its own.
constexpr size_t kChunkBytes = 64 * 1024;

struct Pool {
    std::mutex mutex;
    std::vector<std::unique_ptr<char[]>> chunks;
    char* next = nullptr;  // free space of the current chunk
    size_t left = 0;
    std::vector<const void*> slots;  // a power of two in size, at most half full; null = free
    size_t count = 0, chunk_bytes = 0;
};

Pool& ThePool() {
    static Pool* pool = new Pool;  // never destroyed: lists may outlive static destructors
    return *pool;
}

// Over the atoms' identities (their pooled text's address: std::hash of a pointer is a murmur
// hash of its bytes in libc++, the wasm build's library, which a national load would pay 2 million
// times), mixed so that neighbouring addresses spread.
size_t HashOf(const Atom* first, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (size_t i = 0; i < n; ++i) {
        h ^= uint64_t(reinterpret_cast<uintptr_t>(first[i].data()));
        h *= 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    return size_t(h);
}

// Room for a block of `bytes` (a multiple of the pointer size, so blocks stay aligned).
void* Allocate(Pool& pool, size_t bytes) {
    if (bytes > kChunkBytes / 4) {  // an exact chunk; the current one keeps its free space
        pool.chunks.emplace_back(new char[bytes]);
        pool.chunk_bytes += bytes;
        return pool.chunks.back().get();
    }
    if (bytes > pool.left) {
        pool.chunks.emplace_back(new char[kChunkBytes]);
        pool.chunk_bytes += kChunkBytes;
        pool.next = pool.chunks.back().get(), pool.left = kChunkBytes;
    }
    void* p = pool.next;
    pool.next += bytes, pool.left -= bytes;
    return p;
}
}  // namespace

const AtomList::Block* AtomList::Intern(const Atom* first, size_t n) {
    static_assert(sizeof(Block) == sizeof(Atom) && alignof(Block) == alignof(Atom), "blocks stay aligned");
    auto atoms_of = [](const Block* b) { return reinterpret_cast<const Atom*>(b + 1); };
    Pool& pool = ThePool();
    std::lock_guard<std::mutex> lock(pool.mutex);
    size_t hash = HashOf(first, n);
    size_t mask = pool.slots.size() - 1;
    size_t slot = 0;
    if (!pool.slots.empty()) {
        for (slot = hash & mask; pool.slots[slot]; slot = (slot + 1) & mask) {
            const Block* b = static_cast<const Block*>(pool.slots[slot]);
            if (b->count == n && std::equal(first, first + n, atoms_of(b))) return b;
        }
    }
    // A new list: its block, then its slot (the table doubles when it would be over half full).
    Block* block = new (Allocate(pool, sizeof(Block) + n * sizeof(Atom))) Block{uintptr_t(n)};
    std::uninitialized_copy(first, first + n, const_cast<Atom*>(atoms_of(block)));
    if (2 * (pool.count + 1) > pool.slots.size()) {
        std::vector<const void*> old(std::max<size_t>(64, pool.slots.size() * 2), nullptr);
        old.swap(pool.slots);
        mask = pool.slots.size() - 1;
        for (const void* p : old) {
            if (!p) continue;
            const Block* b = static_cast<const Block*>(p);
            size_t i = HashOf(atoms_of(b), b->count) & mask;
            while (pool.slots[i]) i = (i + 1) & mask;
            pool.slots[i] = b;
        }
        for (slot = hash & mask; pool.slots[slot]; slot = (slot + 1) & mask) {
        }
    }
    pool.slots[slot] = block;
    ++pool.count;
    return block;
}

size_t AtomList::PoolCount() {
    Pool& pool = ThePool();
    std::lock_guard<std::mutex> lock(pool.mutex);
    return pool.count;
}

size_t AtomList::PoolBytes() {
    Pool& pool = ThePool();
    std::lock_guard<std::mutex> lock(pool.mutex);
    return pool.chunk_bytes + pool.slots.capacity() * sizeof(void*) +
           pool.chunks.capacity() * sizeof(std::unique_ptr<char[]>);
}

std::ostream& operator<<(std::ostream& os, const AtomList& l) {
    os << '{';
    for (size_t i = 0; i < l.size(); ++i) os << (i ? ", " : "") << l[i].str();
    return os << '}';
}

}  // namespace core
