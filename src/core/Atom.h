// Atom.h — an interned, immutable string for the data's vocabulary: region names, sources,
// units, kinds, services, themes, metrics. The same text is kept once for the whole process and
// every field that holds it is one pointer (4 bytes in wasm32), where a std::string was 12 bytes
// plus a heap block of its own. At national scale (650,000 service points, 250,000 tasks) that
// is the difference between millions of small allocations and a few hundred thousand distinct
// strings. Two atoms are equal exactly when their pointers are. The pool only grows: it holds the
// vocabulary, not the free text (titles, bodies, names, addresses and quotes: core::Text, Text.h).
// Lists of atoms in the records are core::AtomList (AtomList.h), interned the same way.
// Depends on nothing but the standard library.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

class Atom {
public:
    Atom() : m_s(Empty()) {}
    Atom(std::string_view s) : m_s(s.empty() ? Empty() : Intern(s)) {}  // NOLINT: implicit on purpose
    Atom(const std::string& s) : Atom(std::string_view(s)) {}            // NOLINT
    Atom(const char* s) : Atom(std::string_view(s ? s : "")) {}          // NOLINT

    const std::string& str() const { return *m_s; }
    operator const std::string&() const { return *m_s; }  // NOLINT: reads like the string it is
    operator std::string_view() const { return *m_s; }    // NOLINT
    const char* c_str() const { return m_s->c_str(); }
    const char* data() const { return m_s->data(); }
    size_t size() const { return m_s->size(); }
    bool empty() const { return m_s->empty(); }
    std::string::const_iterator begin() const { return m_s->begin(); }
    std::string::const_iterator end() const { return m_s->end(); }
    char operator[](size_t i) const { return (*m_s)[i]; }
    size_t Hash() const { return std::hash<const void*>()(m_s); }

    friend bool operator==(Atom a, Atom b) { return a.m_s == b.m_s; }
    friend bool operator!=(Atom a, Atom b) { return a.m_s != b.m_s; }
    friend bool operator==(Atom a, std::string_view b) { return *a.m_s == b; }
    friend bool operator==(Atom a, const std::string& b) { return *a.m_s == b; }
    friend bool operator==(Atom a, const char* b) { return *a.m_s == b; }
    friend bool operator==(std::string_view a, Atom b) { return b == a; }
    friend bool operator==(const std::string& a, Atom b) { return b == a; }
    friend bool operator==(const char* a, Atom b) { return b == a; }
    friend bool operator!=(Atom a, std::string_view b) { return !(a == b); }
    friend bool operator!=(Atom a, const std::string& b) { return !(a == b); }
    friend bool operator!=(Atom a, const char* b) { return !(a == b); }
    friend bool operator!=(std::string_view a, Atom b) { return !(b == a); }
    friend bool operator!=(const std::string& a, Atom b) { return !(b == a); }
    friend bool operator!=(const char* a, Atom b) { return !(b == a); }
    friend bool operator<(Atom a, Atom b) { return a.m_s != b.m_s && *a.m_s < *b.m_s; }
    friend std::string operator+(const std::string& a, Atom b) { return a + *b.m_s; }
    friend std::string operator+(Atom a, const std::string& b) { return *a.m_s + b; }
    friend std::string operator+(const char* a, Atom b) { return a + *b.m_s; }
    friend std::string operator+(Atom a, const char* b) { return *a.m_s + b; }

    // The pool: distinct strings and the bytes they take (text, string objects, table entries).
    static size_t PoolCount();
    static size_t PoolBytes();

private:
    static const std::string* Intern(std::string_view s);
    static const std::string* Empty();
    const std::string* m_s;
};

// A list of atoms equals a list of strings with the same texts in the same order.
inline bool operator==(const std::vector<Atom>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}
inline bool operator==(const std::vector<std::string>& a, const std::vector<Atom>& b) { return b == a; }
inline bool operator!=(const std::vector<Atom>& a, const std::vector<std::string>& b) { return !(a == b); }
inline bool operator!=(const std::vector<std::string>& a, const std::vector<Atom>& b) { return !(b == a); }

// nlohmann::json reads and writes an Atom as a plain string (found by argument-dependent lookup;
// templates, so this header does not depend on the JSON library).
template <class Json>
void to_json(Json& j, const Atom& a) {
    j = a.str();
}
template <class Json>
void from_json(const Json& j, Atom& a) {
    a = Atom(j.template get<std::string>());
}

}  // namespace core

template <>
struct std::hash<core::Atom> {
    size_t operator()(const core::Atom& a) const { return a.Hash(); }
};
