// AtomList.h — an interned, immutable list of Atoms for the lists of vocabulary in the data (a
// point's services, a task's units and themes, a plan's issuers). One pointer (4 bytes in wasm32)
// to a pooled block {count, atoms...}; equal lists share one block, so two lists are equal exactly
// when their pointers are, and the empty list is a null pointer that allocates nothing. A
// std::vector<Atom> was 12 bytes plus a malloc block of its own (16 bytes at least in wasm32) for
// each of 650,000 service points and 3 x 250,000 task lists at national scale, where the lists
// repeat a lot. Like Atom's, the pool is process-wide and only grows: it holds the distinct lists
// of the vocabulary, never per-record data (the national pack's 1.4 million list fields are 63,111
// distinct lists, 1.1 MB in wasm32 with the pool's table; the Catalog's structs went from 283 to
// 250 MB in the wasm32 cost model of CatalogMemoryReport).
// Depends on Atom.h and the standard library.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <iterator>
#include <string>
#include <type_traits>
#include <vector>

#include "Atom.h"

namespace core {

class AtomList {
public:
    using value_type = Atom;
    using size_type = size_t;
    using const_reference = const Atom&;
    using reference = const Atom&;
    using const_iterator = const Atom*;
    using iterator = const Atom*;

    AtomList() = default;
    AtomList(const Atom* first, size_t n) : m_b(n ? Intern(first, n) : nullptr) {}
    AtomList(const std::vector<Atom>& v) : AtomList(v.data(), v.size()) {}                // NOLINT: implicit on purpose
    AtomList(std::initializer_list<Atom> l) : AtomList(l.begin(), l.size()) {}             // NOLINT
    AtomList(const std::vector<std::string>& v) : AtomList(v.begin(), v.end()) {}          // NOLINT
    // From any range of things an Atom is made from (strings, views, Texts, Atoms).
    template <class It, class = typename std::iterator_traits<It>::iterator_category>
    AtomList(It first, It last) {
        std::vector<Atom> atoms;
        for (; first != last; ++first) atoms.emplace_back(*first);
        *this = AtomList(atoms.data(), atoms.size());
    }

    size_t size() const { return m_b ? m_b->count : 0; }
    bool empty() const { return m_b == nullptr; }
    const Atom* data() const { return m_b ? reinterpret_cast<const Atom*>(m_b + 1) : nullptr; }
    const Atom* begin() const { return data(); }
    const Atom* end() const { return data() + size(); }
    const Atom& operator[](size_t i) const { return data()[i]; }
    const Atom& front() const { return data()[0]; }
    const Atom& back() const { return data()[size() - 1]; }
    std::vector<Atom> ToVector() const { return std::vector<Atom>(begin(), end()); }
    size_t Hash() const { return std::hash<const void*>()(m_b); }

    friend bool operator==(AtomList a, AtomList b) { return a.m_b == b.m_b; }
    friend bool operator!=(AtomList a, AtomList b) { return a.m_b != b.m_b; }
    // By text with lists of strings, by atom with vectors of atoms, in order.
    template <class S>
    friend bool operator==(AtomList a, const std::vector<S>& b) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < b.size(); ++i)
            if (a[i] != b[i]) return false;
        return true;
    }
    template <class S>
    friend bool operator==(const std::vector<S>& a, AtomList b) { return b == a; }
    template <class S>
    friend bool operator!=(AtomList a, const std::vector<S>& b) { return !(a == b); }
    template <class S>
    friend bool operator!=(const std::vector<S>& a, AtomList b) { return !(b == a); }

    // The pool: distinct non-empty lists, and the bytes they take (blocks, chunk slack, the table).
    static size_t PoolCount();
    static size_t PoolBytes();

private:
    struct Block {
        uintptr_t count;  // then `count` Atoms (a pointer's size and alignment each)
    };
    static const Block* Intern(const Atom* first, size_t n);
    const Block* m_b = nullptr;
};

static_assert(sizeof(void*) != 4 || sizeof(AtomList) == 4, "AtomList is 4 bytes in wasm32");

// doctest (and anything else) prints a list as {a, b, c}.
std::ostream& operator<<(std::ostream& os, const AtomList& l);

// nlohmann::json reads and writes an AtomList as an array of strings (templates, so this header
// does not depend on the JSON library).
template <class Json>
void to_json(Json& j, const AtomList& l) {
    j = Json::array();
    for (Atom a : l) j.push_back(a.str());
}
template <class Json>
void from_json(const Json& j, AtomList& l) {
    l = AtomList(j.template get<std::vector<std::string>>());
}

}  // namespace core

template <>
struct std::hash<core::AtomList> {
    size_t operator()(const core::AtomList& l) const { return l.Hash(); }
};
