// Text.h — the free text of the data (titles, bodies, names, addresses, quotes): an immutable
// UTF-8 string handle of 8 bytes in wasm32 (a pointer to NUL-terminated bytes and a 32-bit size
// whose top bit says whether the Text owns its heap block), and TextArena, the chunks a Catalog
// keeps all its text in, in record order. A std::string was 12 bytes plus a heap block of its own
// for anything over 10 bytes: 4.5 million strings and 3 million blocks at national scale,
// scattered over the heap, where search verification reads them.
// Depends on nothing but the standard library.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace core {

class TextArena;

// Owned (built from a string by a loader, an importer or a test; freed by the destructor) or
// borrowed (bytes in an arena the Catalog owns). A copy is always owned, so a record copied out of
// a Catalog outlives it; a move steals. An empty Text allocates nothing.
class Text {
public:
    Text() = default;
    Text(std::string_view s) { Assign(s); }                           // NOLINT: implicit on purpose
    Text(const std::string& s) : Text(std::string_view(s)) {}          // NOLINT
    Text(const char* s) : Text(std::string_view(s ? s : "")) {}        // NOLINT
    Text(const Text& o) { Assign(o.view()); }
    Text(Text&& o) noexcept : m_p(o.m_p), m_n(o.m_n) { o.m_p = Empty(), o.m_n = 0; }
    Text& operator=(const Text& o) {
        if (this != &o) Text(o).Swap(*this);
        return *this;
    }
    Text& operator=(Text&& o) noexcept {
        Text(std::move(o)).Swap(*this);
        return *this;
    }
    Text& operator=(std::string_view s) { return *this = Text(s); }
    Text& operator=(const std::string& s) { return *this = Text(s); }
    Text& operator=(const char* s) { return *this = Text(s); }
    ~Text() { Free(); }

    size_t size() const { return m_n & ~kOwned; }
    bool empty() const { return size() == 0; }
    const char* data() const { return m_p; }
    const char* c_str() const { return m_p; }  // always NUL-terminated
    const char* begin() const { return m_p; }
    const char* end() const { return m_p + size(); }
    char operator[](size_t i) const { return m_p[i]; }
    std::string_view view() const { return std::string_view(m_p, size()); }
    operator std::string_view() const { return view(); }  // NOLINT: reads like the string it is
    std::string str() const { return std::string(m_p, size()); }
    // Searching as std::string does (positions in bytes; npos when not found).
    static constexpr size_t npos = std::string::npos;
    size_t find(std::string_view s, size_t from = 0) const { return view().find(s, from); }
    size_t find(char c, size_t from = 0) const { return view().find(c, from); }
    size_t rfind(std::string_view s, size_t from = npos) const { return view().rfind(s, from); }
    size_t rfind(char c, size_t from = npos) const { return view().rfind(c, from); }
    std::string substr(size_t from, size_t n = npos) const { return std::string(view().substr(from, n)); }
    // True when the Text holds a heap block of its own (false: empty, or bytes in an arena).
    bool Owned() const { return (m_n & kOwned) != 0; }
    void Swap(Text& o) noexcept {
        std::swap(m_p, o.m_p);
        std::swap(m_n, o.m_n);
    }

    friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
    friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }
    friend bool operator==(const Text& a, const std::string& b) { return a.view() == b; }
    friend bool operator==(const Text& a, const char* b) { return a.view() == b; }
    friend bool operator==(std::string_view a, const Text& b) { return b == a; }
    friend bool operator==(const std::string& a, const Text& b) { return b == a; }
    friend bool operator==(const char* a, const Text& b) { return b == a; }
    friend bool operator!=(const Text& a, const Text& b) { return !(a == b); }
    friend bool operator!=(const Text& a, std::string_view b) { return !(a == b); }
    friend bool operator!=(const Text& a, const std::string& b) { return !(a == b); }
    friend bool operator!=(const Text& a, const char* b) { return !(a == b); }
    friend bool operator!=(std::string_view a, const Text& b) { return !(b == a); }
    friend bool operator!=(const std::string& a, const Text& b) { return !(b == a); }
    friend bool operator!=(const char* a, const Text& b) { return !(b == a); }
    friend bool operator<(const Text& a, const Text& b) { return a.view() < b.view(); }
    friend bool operator<(const Text& a, std::string_view b) { return a.view() < b; }
    friend bool operator<(const Text& a, const std::string& b) { return a.view() < std::string_view(b); }
    friend bool operator<(const Text& a, const char* b) { return a.view() < std::string_view(b); }
    friend bool operator<(std::string_view a, const Text& b) { return a < b.view(); }
    friend bool operator<(const std::string& a, const Text& b) { return std::string_view(a) < b.view(); }
    friend bool operator<(const char* a, const Text& b) { return std::string_view(a) < b.view(); }
    friend std::string operator+(const std::string& a, const Text& b) { return a + b.str(); }
    friend std::string operator+(const Text& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const char* a, const Text& b) { return a + b.str(); }
    friend std::string operator+(const Text& a, const char* b) { return a.str() + b; }

private:
    friend class TextArena;
    static constexpr uint32_t kOwned = 0x80000000u;
    static const char* Empty() { return ""; }
    Text(const char* p, uint32_t n) : m_p(p), m_n(n) {}  // borrowed (TextArena::Add)
    void Assign(std::string_view s);                      // an owned copy of `s` (nothing when empty)
    void Free() {
        if (Owned()) delete[] m_p;
    }

    const char* m_p = Empty();  // never null
    uint32_t m_n = 0;           // size | kOwned
};

static_assert(sizeof(void*) != 4 || sizeof(Text) == 8, "Text is 8 bytes in wasm32");

// doctest (and anything else) prints a Text as its bytes.
std::ostream& operator<<(std::ostream& os, const Text& t);

// Where a Catalog's text lives: chunks allocated once and never moved, each string NUL-terminated
// right after its bytes, in the order they were added. Not copyable (Texts point into it);
// movable (the chunks stay where they are).
class TextArena {
public:
    TextArena() = default;
    TextArena(const TextArena&) = delete;
    TextArena& operator=(const TextArena&) = delete;
    TextArena(TextArena&& o) noexcept { *this = std::move(o); }
    TextArena& operator=(TextArena&& o) noexcept;

    // A Text borrowing a copy of `s` from the arena (empty: no bytes used).
    Text Add(std::string_view s);
    // Makes room for `bytes` more (sizes plus one NUL each) in one exact block when the current
    // chunk cannot hold them: the caller knows the total.
    void Reserve(size_t bytes);
    // Takes over `other`'s chunks (after this arena's); Texts borrowing from them stay valid.
    void Append(TextArena&& other);
    // True when `t` borrows from this arena.
    bool Holds(const Text& t) const;
    // Another Text borrowing `t`'s bytes (an arena's text that repeats is kept once: a pack's
    // repeated texts); an owned `t` is copied instead.
    static Text Share(const Text& t) { return t.Owned() ? t : Text(t.data(), uint32_t(t.size())); }
    size_t MemoryBytes() const { return m_bytes; }  // chunk bytes allocated
    size_t UsedBytes() const { return m_used; }     // bytes of text and NULs in them
    size_t ChunkCount() const { return m_chunks.size(); }

private:
    struct Chunk {
        std::unique_ptr<char[]> bytes;
        size_t size = 0;
    };
    void NewChunk(size_t at_least);
    void AddChunk(size_t n);  // a chunk of exactly n bytes becomes the current one
    std::vector<Chunk> m_chunks;
    char* m_next = nullptr;  // free space of the last chunk
    size_t m_left = 0;
    size_t m_bytes = 0, m_used = 0;
};

// nlohmann::json reads and writes a Text as a plain string (found by argument-dependent lookup;
// templates, so this header does not depend on the JSON library).
template <class Json>
void to_json(Json& j, const Text& t) {
    j = t.str();
}
template <class Json>
void from_json(const Json& j, Text& t) {
    t = Text(j.template get<std::string>());
}

}  // namespace core

template <>
struct std::hash<core::Text> {
    size_t operator()(const core::Text& t) const { return std::hash<std::string_view>()(t.view()); }
};
