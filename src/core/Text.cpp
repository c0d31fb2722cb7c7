// Text.cpp — owned Text blocks and the TextArena's chunks. Depends on Text.h only.
#include "Text.h"

#include <algorithm>
#include <cstring>
#include <ostream>

namespace core {

void Text::Assign(std::string_view s) {
    if (s.empty()) return;  // m_p stays at the shared ""
    if (s.size() >= kOwned) s = s.substr(0, kOwned - 1);  // (2 GB: never in this data)
    char* p = new char[s.size() + 1];
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    m_p = p;
    m_n = uint32_t(s.size()) | kOwned;
}

std::ostream& operator<<(std::ostream& os, const Text& t) { return os << t.view(); }

namespace {
// Chunks start small (a bundled catalog has a few hundred KB of text) and double up to 1 MB, so
// the unused tail of the last chunk stays small either way.
constexpr size_t kFirstChunk = 16 * 1024, kMaxChunk = 1024 * 1024;
}  // namespace

TextArena& TextArena::operator=(TextArena&& o) noexcept {
    m_chunks = std::move(o.m_chunks);
    m_next = o.m_next;
    m_left = o.m_left;
    m_bytes = o.m_bytes;
    m_used = o.m_used;
    o.m_chunks.clear();
    o.m_next = nullptr;
    o.m_left = o.m_bytes = o.m_used = 0;
    return *this;
}

void TextArena::NewChunk(size_t at_least) {
    size_t grow = m_chunks.empty() ? kFirstChunk : std::min(kMaxChunk, m_chunks.back().size * 2);
    AddChunk(std::max(at_least, grow));
}

void TextArena::Reserve(size_t bytes) {
    if (bytes > m_left) AddChunk(bytes);
}

void TextArena::AddChunk(size_t n) {
    Chunk c;
    c.bytes.reset(new char[n]);
    c.size = n;
    m_next = c.bytes.get();
    m_left = n;
    m_bytes += n;
    m_chunks.push_back(std::move(c));
}

Text TextArena::Add(std::string_view s) {
    if (s.empty()) return Text();
    if (s.size() >= Text::kOwned) s = s.substr(0, Text::kOwned - 1);
    if (s.size() + 1 > m_left) NewChunk(s.size() + 1);
    char* p = m_next;
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    m_next += s.size() + 1;
    m_left -= s.size() + 1;
    m_used += s.size() + 1;
    return Text(p, uint32_t(s.size()));
}

void TextArena::Append(TextArena&& other) {
    if (other.m_chunks.empty()) return;
    for (Chunk& c : other.m_chunks) m_chunks.push_back(std::move(c));
    m_next = other.m_next;  // later Adds go on after the other arena's text
    m_left = other.m_left;
    m_bytes += other.m_bytes;
    m_used += other.m_used;
    other = TextArena();
}

bool TextArena::Holds(const Text& t) const {
    if (t.Owned() || t.empty()) return false;
    std::less<const char*> before;  // (pointers into different blocks: std::less orders them)
    for (const Chunk& c : m_chunks)
        if (!before(t.data(), c.bytes.get()) && before(t.data(), c.bytes.get() + c.size)) return true;
    return false;
}

}  // namespace core
