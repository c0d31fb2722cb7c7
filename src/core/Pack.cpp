// Pack.cpp — writing and reading `.fzp` packs (format in Pack.h). Reading is a sticky-failure
// decoder over a bounded, hashing, buffered reader: the first problem stops the section and is
// reported with its byte offset and record path. Depends on Pack.h, Load.h, Search.h.
#include "Pack.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "Files.h"

namespace core {
namespace {

constexpr char kMagic[6] = {'F', 'Z', 'P', 'A', 'C', 'K'};
constexpr size_t kHeaderFixed = 16;  // magic, version, count, reserved
constexpr size_t kEntryBytes = 32;
constexpr uint32_t kMaxSections = 64;
constexpr int kMaxDepth = 200;

enum SectionKind : uint32_t { kProblems = 1, kCatalog = 2, kSynonyms = 3, kIndex = 4, kStrings = 5, kWords = 6, kCommon = 7 };
constexpr uint32_t kFlagStringTable = 1;  // catalog: strings are ids into a table at its start

const char* SectionName(uint32_t kind) {
    switch (kind) {
        case kProblems: return "problems";
        case kCatalog: return "catalog";
        case kSynonyms: return "synonyms";
        case kIndex: return "index";
        case kStrings: return "strings";
        case kWords: return "words";
        case kCommon: return "common words";
        default: return "unknown section";
    }
}

// 64-bit multiply-xor over 8-byte little-endian words in four interleaved lanes (word i goes to
// lane i % 4; zero-padded tail; the lanes and the length are folded together at the end). Each
// step is a bijection of its lane's state for a given word, and the fold is a bijection of each
// lane given the others, so any single changed word changes the result. Four lanes because one
// chain of multiplies ran at a third of the speed (264 MB: 175 -> 60 ms natively, 135-180 ->
// 50-60 ms in wasm under node; 310 ms natively when the words were assembled byte by byte).
class Hash64 {
public:
    void Update(const void* data, size_t n) {
        const uint8_t* p = static_cast<const uint8_t*>(data);
        m_length += n;
        if (m_tail_n) {
            while (n && m_tail_n < 32) m_tail[m_tail_n++] = *p++, --n;
            if (m_tail_n < 32) return;
            Block(m_tail);
            m_tail_n = 0;
        }
        uint64_t a = m_h[0], b = m_h[1], c = m_h[2], d = m_h[3];
        while (n >= 32) {
            a = Step(a, Load64(p));
            b = Step(b, Load64(p + 8));
            c = Step(c, Load64(p + 16));
            d = Step(d, Load64(p + 24));
            p += 32;
            n -= 32;
        }
        m_h[0] = a, m_h[1] = b, m_h[2] = c, m_h[3] = d;
        while (n) m_tail[m_tail_n++] = *p++, --n;
    }
    uint64_t Final() const {
        uint64_t h[4] = {m_h[0], m_h[1], m_h[2], m_h[3]};
        if (m_tail_n) {
            uint8_t t[32] = {};
            std::memcpy(t, m_tail, m_tail_n);
            for (size_t i = 0; i * 8 < m_tail_n; ++i) h[i] = Step(h[i], Load64(t + 8 * i));
        }
        uint64_t f = Step(h[0], h[1]);
        f = Step(f, h[2]);
        f = Step(f, h[3]);
        f = Step(f, m_length);
        return f ^ (f >> 29);
    }

private:
    static uint64_t Load64(const uint8_t* p) {
        uint64_t v;
        std::memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        v = __builtin_bswap64(v);
#endif
        return v;
    }
    static uint64_t Step(uint64_t h, uint64_t w) {
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        return h ^ (h >> 32);
    }
    void Block(const uint8_t* p) {
        for (int i = 0; i < 4; ++i) m_h[i] = Step(m_h[i], Load64(p + 8 * i));
    }
    uint64_t m_h[4] = {0x243F6A8885A308D3ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull, 0x082EFA98EC4E6C89ull};
    uint64_t m_length = 0;
    uint8_t m_tail[32] = {};
    size_t m_tail_n = 0;
};

void Put32(uint8_t* p, uint32_t v) {
    for (int i = 0; i < 4; ++i) p[i] = uint8_t(v >> (8 * i));
}
void Put64(uint8_t* p, uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = uint8_t(v >> (8 * i));
}
uint32_t Get32(const uint8_t* p) {
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}
uint64_t Get64(const uint8_t* p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

// ------------------------------------------------------------------------------------------------
// Writing

struct SectionEntry {
    uint32_t kind = 0, flags = 0;
    uint64_t offset = 0, size = 0, hash = 0;
};

// Buffered output to a FILE* or a std::string; hashes the current section as it flushes.
class OutStream {
public:
    OutStream(FILE* file, std::string* str) : m_file(file), m_str(str) { m_buf.reserve(kFlushAt + 64); }

    void Write(const void* data, size_t n) {
        if (m_collect) return;
        const char* p = static_cast<const char*>(data);
        if (n >= kFlushAt) {
            Flush();
            Emit(p, n);
            return;
        }
        m_buf.append(p, n);
        if (m_buf.size() >= kFlushAt) Flush();
    }
    void U8(uint8_t v) {
        if (!m_collect) m_buf.push_back(char(v));
    }
    void Varint(uint64_t v) {
        if (m_collect) return;
        while (v >= 0x80) {
            m_buf.push_back(char(uint8_t(v) | 0x80));
            v >>= 7;
        }
        m_buf.push_back(char(v));
        if (m_buf.size() >= kFlushAt) Flush();
    }
    void Int(int64_t v) { Varint((uint64_t(v) << 1) ^ uint64_t(v >> 63)); }
    void Double(double d) {
        uint64_t bits;
        std::memcpy(&bits, &d, 8);
        uint8_t b[8];
        Put64(b, bits);
        Write(b, 8);
    }
    void Str(const char* s) { StrView(s); }
    void Str(const std::string& s) { StrView(s); }
    // Free text (core::Text). In a catalog without a string table, a text that occurs more than
    // once is written once and then by id (the reader's arena then holds it once: at national
    // scale task titles, target quotes and sources repeat, 21 MB of 132): varint n << 1 and the
    // bytes when it occurs once; n << 2 | 1 and the bytes where a repeated one first occurs (it
    // becomes the next id); id << 2 | 3 where it occurs again.
    void Str(const Text& s) {
        if (m_collect) {
            if (m_collect_strings) StrView(s);
            else if (!s.empty()) ++m_text_uses[s.view()];
            return;
        }
        if (!m_repeat_texts) {
            StrView(s);
            return;
        }
        const auto uses = s.empty() ? m_text_uses.end() : m_text_uses.find(s.view());
        if (uses == m_text_uses.end() || uses->second < 2) {
            Varint(uint64_t(s.size()) << 1);
            Write(s.data(), s.size());
            return;
        }
        const auto [id, fresh] = m_text_ids.emplace(s.view(), uint32_t(m_text_ids.size()));
        if (!fresh) {
            Varint(uint64_t(id->second) << 2 | 3);
            return;
        }
        Varint(uint64_t(s.size()) << 2 | 1);
        Write(s.data(), s.size());
    }
    void StrView(std::string_view s) {
        if (m_collect) {  // first pass of a catalog: gather its strings when they go in a table
            if (!m_collect_strings) return;
            auto [it, fresh] = m_ids.emplace(s, uint32_t(m_order.size()));
            if (fresh) m_order.push_back(it->first);
            return;
        }
        if (m_table) {
            Varint(m_ids.find(s)->second);
            return;
        }
        Varint(s.size());
        Write(s.data(), s.size());
    }
    // An atom: a varint id into the catalog's atom table (0 = empty, else 1 + table entry).
    void Str(Atom a) {
        if (a.empty()) {
            if (!m_collect) Varint(0);
            return;
        }
        auto [it, fresh] = m_atom_ids.emplace(a.data(), uint32_t(m_atoms.size() + 1));
        if (fresh) m_atoms.push_back(a);
        if (!m_collect) Varint(it->second);
    }
    // Catalog section: Collect() runs the writer once gathering atoms (and, in string-table mode,
    // flag 1, strings) with all other output discarded; WriteTables() writes the atom table (and
    // the string table), after which atoms and strings are ids.
    void Collect(bool on, bool strings) {
        m_collect = on;
        m_collect_strings = strings;
    }
    void WriteTables(bool strings) {
        Varint(m_atoms.size());
        for (Atom a : m_atoms) {
            Varint(a.size());
            Write(a.data(), a.size());
        }
        m_repeat_texts = !strings;
        if (!strings) return;
        Varint(m_order.size());
        for (std::string_view v : m_order) {
            Varint(v.size());
            Write(v.data(), v.size());
        }
        m_table = true;
    }
    void EndTables() {
        m_table = m_repeat_texts = false;
        m_text_uses.clear();
        m_text_ids.clear();
        m_ids.clear();
        m_order.clear();
        m_atom_ids.clear();
        m_atoms.clear();
    }
    template <class S>  // std::string, Text or Atom
    void Strs(const std::vector<S>& v) {
        Varint(v.size());
        for (const S& s : v) Str(s);
    }
    void Strs(const AtomList& v) {  // as a std::vector<Atom>
        Varint(v.size());
        for (Atom a : v) Str(a);
    }

    uint64_t Position() const { return m_written + m_buf.size(); }
    void BeginSection() {
        Flush();
        m_hash = Hash64();
        m_in_section = true;
    }
    uint64_t EndSection() {
        Flush();
        m_in_section = false;
        return m_hash.Final();
    }
    void Flush() {
        if (m_buf.empty()) return;
        Emit(m_buf.data(), m_buf.size());
        m_buf.clear();
    }
    bool Ok() const { return m_ok; }
    // Overwrites bytes already written (the header).
    bool Patch(uint64_t offset, const void* data, size_t n) {
        Flush();
        if (m_str) {
            if (offset + n > m_str->size()) return false;
            std::memcpy(&(*m_str)[size_t(offset)], data, n);
            return true;
        }
        if (std::fseek(m_file, long(offset), SEEK_SET) != 0) return m_ok = false;
        if (std::fwrite(data, 1, n, m_file) != n) return m_ok = false;
        return std::fseek(m_file, 0, SEEK_END) == 0;
    }

private:
    static constexpr size_t kFlushAt = 1 << 20;
    void Emit(const char* p, size_t n) {
        if (m_in_section) m_hash.Update(p, n);
        if (m_str) {
            m_str->append(p, n);
        } else if (m_ok && std::fwrite(p, 1, n, m_file) != n) {
            m_ok = false;
        }
        m_written += n;
    }
    FILE* m_file;
    std::string* m_str;
    std::string m_buf;
    uint64_t m_written = 0;
    Hash64 m_hash;
    bool m_in_section = false;
    bool m_ok = true;
    bool m_collect = false, m_collect_strings = false, m_table = false, m_repeat_texts = false;
    std::unordered_map<std::string_view, uint32_t> m_text_uses;  // catalog texts: how often each occurs
    std::unordered_map<std::string_view, uint32_t> m_text_ids;   // those occurring twice or more: id
    std::unordered_map<std::string_view, uint32_t> m_ids;
    std::vector<std::string_view> m_order;
    std::unordered_map<const char*, uint32_t> m_atom_ids;  // an atom's text is unique to it
    std::vector<Atom> m_atoms;
};

void PutRegion(OutStream& o, const Region& r) {
    o.Str(r.name);
    o.U8(uint8_t(r.level));
    o.Str(r.parent);
}
void PutSource(OutStream& o, const Source& s) {
    o.Str(s.file);
    o.Str(s.url);
    o.Str(s.title);
    o.Str(s.quote);
}
void PutTask(OutStream& o, const Task& t) {
    o.Str(t.id);
    o.Str(t.number);
    o.Str(t.title);
    o.Str(t.text);
    o.Strs(t.lead_units);
    o.Strs(t.responsible_units);
    o.Varint(t.targets.size());
    for (const Target& g : t.targets) {
        o.Str(g.quote);
        o.Str(g.metric);
        o.Str(g.comparator);
        o.Double(g.value);
        o.Str(g.unit);
        o.Str(g.due);
    }
    o.Varint(t.figures.size());
    for (const Figure& f : t.figures) {
        o.Str(f.quote);
        o.Str(f.metric);
        o.Double(f.value);
        o.Str(f.unit);
        o.Str(f.year);
    }
    o.Strs(t.themes);
}
bool PutSection(OutStream& o, const Section& s, int depth) {
    if (depth > kMaxDepth) return false;
    o.Str(s.number);
    o.Str(s.title);
    o.Str(s.text);
    o.Strs(s.themes);
    o.Varint(s.sections.size());
    for (const Section& c : s.sections)
        if (!PutSection(o, c, depth + 1)) return false;
    o.Varint(s.tasks.size());
    for (const Task& t : s.tasks) PutTask(o, t);
    return true;
}

bool PutCatalog(OutStream& o, const Catalog& c, std::string& error) {
    o.Varint(c.Plans().size());
    o.Varint(c.Points().size());
    o.Varint(c.Channels().size());
    o.Varint(c.Themes().size());
    for (const Plan& p : c.Plans()) {
        o.Str(p.id);
        o.Str(p.title);
        o.U8(uint8_t(p.kind));
        PutRegion(o, p.region);
        o.Strs(p.issuers);
        o.Str(p.published);
        o.Int(p.period_from);
        o.Int(p.period_to);
        o.Int(p.year);
        PutSource(o, p.source);
        o.Strs(p.themes);
        o.Varint(p.units.size());
        for (const UnitName& u : p.units) {
            o.Str(u.printed);
            o.Str(u.canonical);
        }
        o.Str(p.intro);
        o.Varint(p.sections.size());
        for (const Section& s : p.sections)
            if (!PutSection(o, s, 1)) {
                error = p.file + ": sections nested deeper than " + std::to_string(kMaxDepth) + " levels";
                return false;
            }
        o.Str(p.file);
    }
    for (const ServicePoint& sp : c.Points()) {
        o.Str(sp.id);
        o.Str(sp.name);
        o.Str(sp.kind);
        o.U8(uint8_t(sp.level));
        PutRegion(o, sp.region);
        o.Str(sp.address);
        o.U8(sp.location ? 1 : 0);
        if (sp.location) {
            o.Double(sp.location->lat);
            o.Double(sp.location->lon);
            o.U8(uint8_t(sp.location->precision));
        }
        o.Strs(sp.services);
        o.Str(sp.hours);
        o.Str(sp.phone);
        o.Int(sp.count);
        PutSource(o, sp.source);
    }
    for (const Channel& ch : c.Channels()) {
        o.Str(ch.id);
        o.Str(ch.name);
        o.Str(ch.kind);
        o.Str(ch.number);
        o.Str(ch.url);
        PutRegion(o, ch.region);
        o.Strs(ch.services);
        PutSource(o, ch.source);
    }
    for (const Theme& t : c.Themes()) {
        o.Str(t.id);
        o.Str(t.name);
        o.Str(t.name_en);
        o.Strs(t.keywords);
    }
    return true;
}

void PutProblems(OutStream& o, const Problems& problems) {
    o.Varint(problems.size());
    for (const Problem& p : problems) {
        o.U8(p.severity == Severity::Warning ? 1 : 0);
        o.Str(p.file);
        o.Varint(uint64_t(std::max(p.line, 0)));
        o.Varint(uint64_t(std::max(p.column, 0)));
        o.Str(p.pointer);
        o.Str(p.message);
    }
}

bool WriteAll(OutStream& o, const Catalog& catalog, const Problems& problems, const SearchIndex* index,
              std::string& error, const Synonyms& synonyms, const PackWriteOptions& options) {
    std::vector<SectionEntry> sections;
    std::vector<uint32_t> kinds = {kProblems, kCatalog};
    if (synonyms.Size()) kinds.push_back(kSynonyms);
    if (index) kinds.push_back(kIndex);
    if (options.strings) kinds.push_back(kStrings);
    if (options.words_of && options.words_of->Words()) kinds.push_back(kWords);
    // (Common words of two characters go as their positions among the words section's words.)
    std::vector<uint32_t> common_at;
    std::vector<std::string> common;
    const Lexicon* lexicon = options.words_of ? options.words_of->Words() : nullptr;
    if (lexicon) lexicon->CommonWordsByPosition(common_at, common);
    const std::vector<std::string> function = lexicon ? lexicon->FunctionWords() : std::vector<std::string>();
    if (!common.empty() || !common_at.empty() || !function.empty()) kinds.push_back(kCommon);
    size_t header_bytes = kHeaderFixed + kinds.size() * kEntryBytes + 8;
    std::vector<uint8_t> header(header_bytes, 0);
    o.Write(header.data(), header.size());  // placeholder, patched at the end
    for (uint32_t kind : kinds) {
        SectionEntry e;
        e.kind = kind;
        o.BeginSection();
        e.offset = o.Position();
        switch (kind) {
            case kProblems: PutProblems(o, problems); break;
            case kCatalog:
                if (options.string_table) e.flags = kFlagStringTable;
                o.Collect(true, options.string_table);
                PutCatalog(o, catalog, error);
                o.Collect(false, false);
                o.WriteTables(options.string_table);
                if (!PutCatalog(o, catalog, error)) return false;
                o.EndTables();
                break;
            case kSynonyms: {  // (each `from` once, with its `to`s: the pairs are sorted)
                const auto& pairs = synonyms.Pairs();
                size_t froms = 0;
                for (size_t i = 0; i < pairs.size(); ++i) froms += i == 0 || pairs[i].first != pairs[i - 1].first;
                o.Varint(froms);
                for (size_t i = 0, end; i < pairs.size(); i = end) {
                    for (end = i + 1; end < pairs.size() && pairs[end].first == pairs[i].first;) ++end;
                    o.Str(pairs[i].first);
                    o.Varint(end - i);
                    for (size_t k = i; k < end; ++k) o.Str(pairs[k].second);
                }
                break;
            }
            case kStrings: {
                const std::vector<std::string> locales = options.strings->Locales();
                o.Varint(locales.size());
                for (const std::string& locale : locales) {
                    const auto* table = options.strings->Table(locale);
                    o.Str(locale);
                    o.Varint(table->size());
                    for (const auto& [key, text] : *table) o.Str(key), o.Str(text);
                }
                break;
            }
            case kWords: {
                uint64_t pairs = 0, fingerprint = 0;
                const std::string bits = options.words_of->WordBits(pairs, fingerprint);
                o.Varint(pairs);
                o.Varint(fingerprint);
                o.Str(bits);
                break;
            }
            case kCommon: {  // the others, the positions (each after the one before), the function words
                o.Varint(common.size());
                for (const std::string& w : common) o.Str(w);
                o.Varint(common_at.size());
                for (size_t i = 0; i < common_at.size(); ++i) o.Varint(common_at[i] - (i ? common_at[i - 1] : 0));
                o.Varint(function.size());
                for (const std::string& w : function) o.Str(w);
                break;
            }
            case kIndex: {
                // The catalog section (written before) vouches for the text: its checksum is the
                // index's catalog id, so loading does not hash all the text again.
                uint64_t catalog_id = 0;
                for (const SectionEntry& c : sections)
                    if (c.kind == kCatalog) catalog_id = c.hash;
                index->SaveTo([&](const void* data, size_t n) { o.Write(data, n); }, catalog_id);
                break;
            }
        }
        o.Flush();
        e.size = o.Position() - e.offset;
        e.hash = o.EndSection();
        sections.push_back(e);
    }
    std::memcpy(header.data(), kMagic, 6);
    header[6] = uint8_t(kPackVersion);
    header[7] = uint8_t(kPackVersion >> 8);
    Put32(&header[8], uint32_t(sections.size()));
    Put32(&header[12], 0);
    for (size_t i = 0; i < sections.size(); ++i) {
        uint8_t* p = &header[kHeaderFixed + i * kEntryBytes];
        Put32(p, sections[i].kind);
        Put32(p + 4, sections[i].flags);
        Put64(p + 8, sections[i].offset);
        Put64(p + 16, sections[i].size);
        Put64(p + 24, sections[i].hash);
    }
    Hash64 h;
    h.Update(header.data(), header_bytes - 8);
    Put64(&header[header_bytes - 8], h.Final());
    if (!o.Patch(0, header.data(), header.size()) || !o.Ok()) {
        error = "write failed";
        return false;
    }
    return true;
}

// ------------------------------------------------------------------------------------------------
// Reading

// Buffered reader over the source, bounded to the current section (reads past its end fail),
// hashing every byte it takes in. Sticky failure: after the first problem every read is a no-op
// returning zero/empty, and `failed` is set; the decoder checks it in its loops.
class InStream {
public:
    // The buffer is 256 KB, or the whole input when that is smaller.
    InStream(const PackReadFn& read, uint64_t size)
        : m_read(read), m_cap(size_t(std::min<uint64_t>(kBufBytes, std::max<uint64_t>(size, 64)))) {
        m_buf.resize(m_cap);
    }

    // Frames of "where": "plan 3 of 5", "section 2 of 4". Formatted only on failure.
    struct Frame {
        const char* what;
        uint64_t index, count;
    };
    std::vector<Frame> frames;
    const char* section = "header";
    bool failed = false;
    std::string error;  // "byte 1234 (catalog, plan 3 of 5): truncated string"

    void Fail(const std::string& message) { FailAt(Offset(), message); }
    void FailAt(uint64_t offset, const std::string& message) {
        if (failed) return;
        failed = true;
        std::string where = section;
        for (const Frame& f : frames)
            where += std::string(", ") + f.what + " " + std::to_string(f.index + 1) + " of " + std::to_string(f.count);
        error = "byte " + std::to_string(offset) + " (" + where + "): " + message;
    }

    uint64_t Offset() const { return m_buf_offset + m_pos; }
    uint64_t Left() const { return m_limit - Offset(); }
    // Sets the end of the section being read; `hash` restarts.
    void Bound(uint64_t limit) {
        m_limit = limit;
        m_hash = Hash64();
    }
    uint64_t HashFinal() const { return m_hash.Final(); }

    bool Bytes(void* dst, size_t n) {
        if (failed) return false;
        if (n > Left()) {
            Fail("truncated: " + std::to_string(n) + " bytes needed, " + std::to_string(Left()) + " left in section");
            return false;
        }
        uint8_t* d = static_cast<uint8_t*>(dst);
        size_t have = m_end - m_pos;
        if (n <= have) {
            std::memcpy(d, &m_buf[m_pos], n);
            m_pos += n;
            return true;
        }
        std::memcpy(d, &m_buf[m_pos], have);
        m_pos += have;
        d += have;
        n -= have;
        if (n >= m_cap / 2) {  // large: straight from the source into `dst`
            if (!Source(d, n)) return false;
            m_hash.Update(d, n);
            m_buf_offset += m_end + n;
            m_pos = m_end = 0;
            return true;
        }
        if (!Refill()) return false;
        std::memcpy(d, &m_buf[m_pos], n);
        m_pos += n;
        return true;
    }
    bool Skip(uint64_t n) {
        while (n && !failed) {
            if (m_pos == m_end && !Refill()) return false;
            size_t k = size_t(std::min<uint64_t>(n, m_end - m_pos));
            m_pos += k;
            n -= k;
        }
        return !failed;
    }

    uint8_t U8() {
        if (m_pos < m_end) return m_buf[m_pos++];
        uint8_t v = 0;
        Bytes(&v, 1);
        return v;
    }
    uint64_t Varint() {
        if (m_end - m_pos >= 10) {  // fast path: the whole varint is in the buffer
            uint64_t v = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                uint8_t b = m_buf[m_pos++];
                if (shift == 63 && b > 1) break;
                v |= uint64_t(b & 0x7F) << shift;
                if (!(b & 0x80)) return v;
            }
            Fail("malformed varint");
            return 0;
        }
        uint64_t v = 0;
        for (int shift = 0; shift < 70 && !failed; shift += 7) {
            uint8_t b = U8();
            if (failed) return 0;
            if (shift == 63 && b > 1) break;
            v |= uint64_t(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        Fail("malformed varint");
        return 0;
    }
    int64_t Int() {
        uint64_t u = Varint();
        return int64_t(u >> 1) ^ -int64_t(u & 1);
    }
    int IntIn(int64_t lo, int64_t hi, const char* what) {
        uint64_t at = Offset();
        int64_t v = Int();
        if (failed) return 0;
        if (v < lo || v > hi) {
            FailAt(at, std::string(what) + " out of range: " + std::to_string(v));
            return 0;
        }
        return int(v);
    }
    int UIntIn(uint64_t hi, const char* what) {
        uint64_t at = Offset();
        uint64_t v = Varint();
        if (failed) return 0;
        if (v > hi) {
            FailAt(at, std::string(what) + " out of range: " + std::to_string(v));
            return 0;
        }
        return int(v);
    }
    // After a failure inside a section: forget it and move to the section's end, so the next
    // section can still be read. False when even that is impossible (the source failed).
    bool Recover() {
        failed = false;
        error.clear();  // (called between sections: no frames are open)
        return Skip(Left());
    }
    double Double() {
        uint8_t b[8];
        if (!Bytes(b, 8)) return 0;
        uint64_t bits = Get64(b);
        double d;
        std::memcpy(&d, &bits, 8);
        return d;
    }
    // Element count; each element takes at least `min_bytes` bytes, so a count that cannot fit in
    // what is left of the section is corruption (and is never reserved).
    size_t Count(size_t min_bytes, const char* what) {
        uint64_t at = Offset();
        uint64_t n = Varint();
        if (failed) return 0;
        if (min_bytes && n > Left() / min_bytes) {
            FailAt(at, std::string("count of ") + std::to_string(n) + " " + what + " is larger than the " +
                           std::to_string(Left()) + " bytes left in the section");
            return 0;
        }
        return size_t(n);
    }
    const std::vector<std::string>* table = nullptr;  // string-table catalogs
    std::vector<Atom> atom_table;                       // the catalog's atoms, in id order (id 0: empty)

    // A string field: a table id (string-table catalogs) or a length and the bytes. `text` is the
    // string's bytes while it is all in the buffer (no copy), else `spill` holds them. False on
    // failure.
    bool StrBytes(std::string_view& text, std::string& spill) {
        uint64_t at = Offset();
        uint64_t n = Varint();
        if (failed) return false;
        if (table) {
            if (n >= table->size()) {
                FailAt(at, "string id " + std::to_string(n) + " is not in the table of " + std::to_string(table->size()));
                return false;
            }
            text = (*table)[size_t(n)];
            return true;
        }
        return StrBytesOf(at, n, text, spill);
    }
    // The n bytes of a string whose length was read at `at`.
    bool StrBytesOf(uint64_t at, uint64_t n, std::string_view& text, std::string& spill) {
        if (n > Left()) {
            FailAt(at, "truncated string: " + std::to_string(n) + " bytes long, " + std::to_string(Left()) +
                           " bytes left in the section");
            return false;
        }
        if (n <= m_end - m_pos) {  // common case: all in the buffer
            text = std::string_view(reinterpret_cast<const char*>(&m_buf[m_pos]), size_t(n));
            m_pos += size_t(n);
            return true;
        }
        spill.resize(size_t(n));
        if (!Bytes(&spill[0], size_t(n))) return false;
        text = spill;
        return true;
    }
    void Str(std::string& s) {
        std::string_view text;
        if (!StrBytes(text, s)) return;
        if (text.data() != s.data()) s.assign(text);
    }
    // A free-text field: copied straight from the buffer into `text_arena` (owned when null); in
    // a catalog without a string table, a repeated text is copied once and then shared
    // (OutStream::Str(const Text&) says how it is written).
    void Str(Text& t) {
        std::string_view bytes;
        if (table) {
            if (StrBytes(bytes, m_spill)) t = text_arena ? text_arena->Add(bytes) : Text(bytes);
            return;
        }
        const uint64_t at = Offset();
        const uint64_t v = Varint();
        if (failed) return;
        if ((v & 3) == 3) {
            const uint64_t id = v >> 2;
            if (id >= repeated.size()) {
                FailAt(at, "repeated text " + std::to_string(id) + " before it was given (" +
                               std::to_string(repeated.size()) + " were)");
                return;
            }
            t = TextArena::Share(repeated[size_t(id)]);
            return;
        }
        const bool first = v & 1;
        if (!StrBytesOf(at, first ? v >> 2 : v >> 1, bytes, m_spill)) return;
        t = text_arena ? text_arena->Add(bytes) : Text(bytes);
        if (first) repeated.push_back(TextArena::Share(t));
    }
    std::vector<Text> repeated;  // a catalog's repeated texts so far, by id
    TextArena* text_arena = nullptr;     // where Text fields go now
    TextArena* section_arena = nullptr;  // where they go inside a plan's sections (see GetCatalog)
    // An atom field: an id into the atom table (0 = empty).
    void Str(Atom& a) {
        uint64_t at = Offset();
        uint64_t id = Varint();
        if (failed) return;
        if (id > atom_table.size()) {
            FailAt(at, "atom id " + std::to_string(id) + " is not in the table of " + std::to_string(atom_table.size()));
            return;
        }
        a = id ? atom_table[size_t(id - 1)] : Atom();
    }
    // An atom table entry: interned straight from the buffer.
    void AtomEntry(Atom& a) {
        std::string_view text;
        if (StrBytes(text, m_spill)) a = Atom(text);
    }
    template <class S>
    void Strs(std::vector<S>& v) {
        size_t n = Count(1, "strings");
        v.resize(n);
        for (size_t i = 0; i < n && !failed; ++i) Str(v[i]);
    }
    // A list of atoms: the ids read into a buffer kept for the whole read, then interned (no
    // vector per record).
    void Strs(AtomList& v) {
        size_t n = Count(1, "strings");
        m_atoms.resize(n);
        for (size_t i = 0; i < n && !failed; ++i) Str(m_atoms[i]);
        v = failed ? AtomList() : AtomList(m_atoms.data(), n);
    }
    template <class E>
    E Enum(E max_value, const char* what) {
        uint64_t at = Offset();
        uint8_t v = U8();
        if (failed) return E(0);
        if (v > uint8_t(max_value)) {
            FailAt(at, std::string("invalid ") + what + " " + std::to_string(v));
            return E(0);
        }
        return E(v);
    }

private:
    static constexpr size_t kBufBytes = 256 * 1024;
    std::string m_spill;  // an atom's bytes when they straddle the buffer's end
    std::vector<Atom> m_atoms;  // a list of atoms being read
    bool Source(void* dst, size_t n) {
        if (!m_read(dst, n)) {
            Fail("read failed (file truncated?)");
            return false;
        }
        return true;
    }
    bool Refill() {
        // Unconsumed bytes move to the front (rare: only partial items at a buffer end).
        size_t rest = m_end - m_pos;
        if (rest) std::memmove(&m_buf[0], &m_buf[m_pos], rest);
        m_buf_offset += m_pos;
        m_pos = 0;
        m_end = rest;
        uint64_t file_pos = m_buf_offset + m_end;  // next byte to read from the source
        size_t want = size_t(std::min<uint64_t>(m_cap - m_end, m_limit - file_pos));
        if (want == 0) {
            Fail("truncated: end of section");
            return false;
        }
        if (!Source(&m_buf[m_end], want)) return false;
        m_hash.Update(&m_buf[m_end], want);
        m_end += want;
        return true;
    }

    const PackReadFn& m_read;
    size_t m_cap;
    std::vector<uint8_t> m_buf;
    size_t m_pos = 0, m_end = 0;
    uint64_t m_buf_offset = 0;  // file offset of m_buf[0]
    uint64_t m_limit = 0;
    Hash64 m_hash;
};

struct FrameScope {
    FrameScope(InStream& in, const char* what, uint64_t count) : in(in) {
        in.frames.push_back({what, 0, count});
    }
    ~FrameScope() { in.frames.pop_back(); }
    void At(uint64_t i) { in.frames.back().index = i; }
    InStream& in;
};

// Minimum encoded sizes, for count checks.
constexpr size_t kMinTarget = 5 + 8, kMinFigure = 4 + 8, kMinTask = 4 + 5, kMinSection = 3 + 3;
constexpr size_t kMinPlan = 20, kMinPoint = 18, kMinChannel = 13, kMinTheme = 4, kMinProblem = 8;

void GetRegion(InStream& in, Region& r) {
    in.Str(r.name);
    r.level = in.Enum(RegionLevel::Unknown, "region level");
    in.Str(r.parent);
}
void GetSource(InStream& in, Source& s) {
    in.Str(s.file);
    in.Str(s.url);
    in.Str(s.title);
    in.Str(s.quote);
}
void GetTask(InStream& in, Task& t) {
    in.Str(t.id);
    in.Str(t.number);
    in.Str(t.title);
    in.Str(t.text);
    in.Strs(t.lead_units);
    in.Strs(t.responsible_units);
    {
        size_t n = in.Count(kMinTarget, "targets");
        FrameScope f(in, "target", n);
        t.targets.resize(n);
        for (size_t i = 0; i < n && !in.failed; ++i) {
            f.At(i);
            Target& g = t.targets[i];
            in.Str(g.quote);
            in.Str(g.metric);
            in.Str(g.comparator);
            g.value = in.Double();
            in.Str(g.unit);
            in.Str(g.due);
        }
    }
    {
        size_t n = in.Count(kMinFigure, "figures");
        FrameScope f(in, "figure", n);
        t.figures.resize(n);
        for (size_t i = 0; i < n && !in.failed; ++i) {
            f.At(i);
            Figure& g = t.figures[i];
            in.Str(g.quote);
            in.Str(g.metric);
            g.value = in.Double();
            in.Str(g.unit);
            in.Str(g.year);
        }
    }
    in.Strs(t.themes);
}
void GetSection(InStream& in, Section& s, int depth) {
    if (depth > kMaxDepth) {
        in.Fail("sections nested deeper than " + std::to_string(kMaxDepth) + " levels");
        return;
    }
    in.Str(s.number);
    in.Str(s.title);
    in.Str(s.text);
    in.Strs(s.themes);
    {
        size_t n = in.Count(kMinSection, "sections");
        FrameScope f(in, "section", n);
        s.sections.resize(n);
        for (size_t i = 0; i < n && !in.failed; ++i) f.At(i), GetSection(in, s.sections[i], depth + 1);
    }
    size_t n = in.Count(kMinTask, "tasks");
    FrameScope f(in, "task", n);
    s.tasks.resize(n);
    for (size_t i = 0; i < n && !in.failed; ++i) f.At(i), GetTask(in, s.tasks[i]);
}

void GetPlan(InStream& in, Plan& p) {
    in.Str(p.id);
    in.Str(p.title);
    p.kind = in.Enum(PlanKind::Unknown, "plan kind");
    GetRegion(in, p.region);
    in.Strs(p.issuers);
    in.Str(p.published);
    p.period_from = in.IntIn(0, 1000000, "period.from");
    p.period_to = in.IntIn(0, 1000000, "period.to");
    p.year = in.IntIn(0, 1000000, "year");
    GetSource(in, p.source);
    in.Strs(p.themes);
    {
        size_t n = in.Count(2, "units");
        p.units.resize(n);
        for (size_t i = 0; i < n && !in.failed; ++i) in.Str(p.units[i].printed), in.Str(p.units[i].canonical);
    }
    in.Str(p.intro);
    {
        size_t n = in.Count(kMinSection, "sections");
        FrameScope f(in, "section", n);
        p.sections.resize(n);
        TextArena* plan_arena = in.text_arena;
        in.text_arena = in.section_arena;
        for (size_t i = 0; i < n && !in.failed; ++i) f.At(i), GetSection(in, p.sections[i], 1);
        in.text_arena = plan_arena;
    }
    in.Str(p.file);
}

void GetPoint(InStream& in, ServicePoint& sp) {
    in.Str(sp.id);
    in.Str(sp.name);
    in.Str(sp.kind);
    sp.level = in.Enum(RegionLevel::Unknown, "level");
    GetRegion(in, sp.region);
    in.Str(sp.address);
    uint64_t at = in.Offset();
    uint8_t has_location = in.U8();
    if (has_location > 1) in.FailAt(at, "invalid location flag " + std::to_string(has_location));
    if (has_location == 1 && !in.failed) {
        Location l;
        l.lat = in.Double();
        l.lon = in.Double();
        l.precision = in.Enum(Precision::Unknown, "location precision");
        sp.location = l;
    }
    in.Strs(sp.services);
    in.Str(sp.hours);
    in.Str(sp.phone);
    sp.count = in.IntIn(0, std::numeric_limits<int>::max(), "count");
    GetSource(in, sp.source);
}

void GetChannel(InStream& in, Channel& c) {
    in.Str(c.id);
    in.Str(c.name);
    in.Str(c.kind);
    in.Str(c.number);
    in.Str(c.url);
    GetRegion(in, c.region);
    in.Strs(c.services);
    GetSource(in, c.source);
}

void GetTheme(InStream& in, Theme& t) {
    in.Str(t.id);
    in.Str(t.name);
    in.Str(t.name_en);
    in.Strs(t.keywords);
}

template <class T, class F>
void GetList(InStream& in, std::vector<T>& out, size_t n, const char* what, F get) {
    FrameScope f(in, what, n);
    out.resize(n);
    for (size_t i = 0; i < n && !in.failed; ++i) f.At(i), get(in, out[i]);
    if (in.failed) out.clear();
}

using Clock = std::chrono::steady_clock;
double Ms(Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); }

std::unique_ptr<Catalog> GetCatalog(InStream& in, bool string_table, PackInfo& info) {
    auto t0 = Clock::now();
    std::vector<std::string> strings;
    struct Untable {  // the tables live while this section is read
        InStream& in;
        ~Untable() {
            in.table = nullptr;
            std::vector<Atom>().swap(in.atom_table);
            std::vector<Text>().swap(in.repeated);
        }
    } untable{in};
    {
        size_t n = in.Count(1, "atoms");
        FrameScope f(in, "atom", n);
        in.atom_table.resize(n);
        for (size_t i = 0; i < n && !in.failed; ++i) f.At(i), in.AtomEntry(in.atom_table[i]);
        if (in.failed) return nullptr;
    }
    if (string_table) {
        FrameScope f(in, "string table entry", 0);
        size_t n = in.Count(1, "strings");
        f.in.frames.back().count = n;
        strings.resize(n);
        for (size_t i = 0; i < n && !in.failed; ++i) f.At(i), in.Str(strings[i]);
        if (in.failed) return nullptr;
        in.table = &strings;
    }
    size_t plans = in.Count(kMinPlan, "plans");
    size_t points = in.Count(kMinPoint, "service points");
    size_t channels = in.Count(kMinChannel, "channels");
    size_t themes = in.Count(kMinTheme, "themes");
    if (!in.failed && plans * kMinPlan + points * kMinPoint + channels * kMinChannel + themes * kMinTheme > in.Left())
        in.Fail("record counts are larger than the section");
    // Free text goes straight from the read buffer into arenas the Catalog takes over (no block per
    // string), close to the order search reads it (SearchIndex::ForEachRecord): the plans' own
    // fields into one arena, their sections' and tasks' into a second, which then goes on with
    // the service points and channels. (Only sections nested around tasks differ: the pack
    // writes a section's subsections before its tasks, Catalog::Tasks() lists its tasks first.)
    TextArena plan_text, record_text;
    struct Unarena {
        InStream& in;
        ~Unarena() { in.text_arena = in.section_arena = nullptr; }
    } unarena{in};
    in.text_arena = &plan_text;
    in.section_arena = &record_text;
    std::vector<Plan> p;
    std::vector<ServicePoint> sp;
    std::vector<Channel> ch;
    std::vector<Theme> th;
    if (!in.failed) GetList(in, p, plans, "plan", GetPlan);
    in.text_arena = &record_text;
    if (!in.failed) GetList(in, sp, points, "service point", GetPoint);
    if (!in.failed) GetList(in, ch, channels, "channel", GetChannel);
    if (!in.failed) GetList(in, th, themes, "theme", GetTheme);
    if (in.failed) return nullptr;
    plan_text.Append(std::move(record_text));
    info.decode_ms = Ms(t0);
    auto t1 = Clock::now();
    auto catalog =
        std::make_unique<Catalog>(std::move(p), std::move(sp), std::move(ch), std::move(th), std::move(plan_text));
    info.catalog_ms = Ms(t1);
    return catalog;
}

void GetProblems(InStream& in, Problems& out) {
    size_t n = in.Count(kMinProblem, "problems");
    FrameScope f(in, "problem", n);
    Problems got(n);
    for (size_t i = 0; i < n && !in.failed; ++i) {
        f.At(i);
        Problem& p = got[i];
        uint64_t at = in.Offset();
        uint8_t sev = in.U8();
        if (sev > 1) in.FailAt(at, "invalid severity " + std::to_string(sev));
        p.severity = sev == 1 ? Severity::Warning : Severity::Error;
        in.Str(p.file);
        p.line = in.UIntIn(std::numeric_limits<int>::max(), "line");
        p.column = in.UIntIn(std::numeric_limits<int>::max(), "column");
        in.Str(p.pointer);
        in.Str(p.message);
    }
    if (!in.failed) out.insert(out.end(), std::make_move_iterator(got.begin()), std::make_move_iterator(got.end()));
}

std::string BaseName(const std::string& path) {
    size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Gives the index the pack's words (its words section), read over the index's own pairs; a
// section made over other pairs (another tool's folding, or data) is left out with a warning.
void GiveWords(const std::string& name, const PackInfo& pi, SearchIndex& index, Problems& problems) {
    if (!pi.has_words) return;
    if (index.SetWordBits(pi.words_pairs, pi.words_fingerprint, pi.words_bits)) {
        index.SetCommonWords(pi.common_words, pi.common_positions, pi.function_words);
        return;
    }
    Problem p;
    p.severity = Severity::Warning;
    p.file = name;
    p.message = "words: made over " + std::to_string(pi.words_pairs) +
                " pairs of characters that the index does not hold (re-pack with this fazhitong-pack); words left out";
    problems.push_back(std::move(p));
}

LoadResult ReadPack(const std::string& name, uint64_t size, const PackReadFn& read, SearchIndex* index_out,
                    PackInfo* info) {
    LoadResult result;
    PackInfo local;
    PackInfo& pi = info ? *info : local;
    pi = PackInfo();
    pi.file_bytes = size;
    Problems read_problems;
    auto problem = [&](const std::string& message, Severity sev = Severity::Error) {
        Problem p;
        p.severity = sev;
        p.file = name;
        p.message = message;
        read_problems.push_back(std::move(p));
    };
    auto finish = [&]() {
        if (!result.catalog) result.catalog = std::make_unique<Catalog>();
        result.problems.insert(result.problems.end(), read_problems.begin(), read_problems.end());
        return std::move(result);
    };

    InStream in(read, size);
    // Header.
    uint8_t fixed[kHeaderFixed];
    in.Bound(std::min<uint64_t>(size, kHeaderFixed));
    if (size < kHeaderFixed + 8 || !in.Bytes(fixed, kHeaderFixed)) {
        problem("byte 0 (header): not a Fazhitong pack (file of " + std::to_string(size) + " bytes is too short)");
        return finish();
    }
    if (std::memcmp(fixed, kMagic, 6) != 0) {
        problem("byte 0 (header): not a Fazhitong pack (no FZPACK signature)");
        return finish();
    }
    uint16_t version = uint16_t(fixed[6] | (fixed[7] << 8));
    if (version != kPackVersion) {
        problem("byte 6 (header): unsupported pack format version " + std::to_string(version) + " (this app reads version " +
                std::to_string(kPackVersion) + "): rebuild the pack with fazhitong-pack");
        return finish();
    }
    uint32_t count = Get32(fixed + 8);
    if (count > kMaxSections || Get32(fixed + 12) != 0 || kHeaderFixed + uint64_t(count) * kEntryBytes + 8 > size) {
        problem("byte 8 (header): corrupt section table (" + std::to_string(count) + " sections)");
        return finish();
    }
    std::vector<uint8_t> table(count * kEntryBytes + 8);
    in.Bound(kHeaderFixed + table.size());
    if (!in.Bytes(table.data(), table.size())) {
        problem(in.error);
        return finish();
    }
    Hash64 hh;
    hh.Update(fixed, kHeaderFixed);
    hh.Update(table.data(), count * kEntryBytes);
    if (hh.Final() != Get64(&table[count * kEntryBytes])) {
        problem("byte " + std::to_string(kHeaderFixed) + " (header): section table checksum mismatch (corrupt pack)");
        return finish();
    }
    std::vector<SectionEntry> sections(count);
    uint64_t expect = kHeaderFixed + table.size();
    for (uint32_t i = 0; i < count; ++i) {
        const uint8_t* p = &table[i * kEntryBytes];
        SectionEntry& e = sections[i];
        e.kind = Get32(p);
        e.offset = Get64(p + 8);
        e.size = Get64(p + 16);
        e.hash = Get64(p + 24);
        e.flags = Get32(p + 4);
        if (e.flags & ~(e.kind == kCatalog ? kFlagStringTable : 0u)) {
            problem("byte " + std::to_string(kHeaderFixed + i * kEntryBytes + 4) + " (header): unknown flags " +
                    std::to_string(e.flags) + " of the " + SectionName(e.kind) + " section");
            sections.resize(i);
            break;
        }
        if (e.offset != expect || e.size > size - e.offset) {
            std::string why = e.offset != expect ? "does not follow the previous one"
                                                 : "ends at byte " + std::to_string(e.offset + e.size) +
                                                       " but the file has " + std::to_string(size) + " bytes (truncated)";
            problem("byte " + std::to_string(e.offset) + " (" + SectionName(e.kind) + "): section " + why);
            sections.resize(i);
            break;
        }
        expect = e.offset + e.size;
    }
    if (sections.size() == count && expect != size)
        problem("byte " + std::to_string(expect) + " (header): " + std::to_string(size - expect) +
                    " bytes after the last section (ignored)",
                Severity::Warning);

    Problems pack_problems;
    bool catalog_seen = false;
    uint64_t catalog_hash = 0;  // of the catalog section, once it loaded (checksum verified)
    for (const SectionEntry& e : sections) {
        in.Bound(e.offset + e.size);
        in.section = SectionName(e.kind);
        switch (e.kind) {
            case kProblems: pi.problems_bytes = e.size; break;
            case kCatalog: pi.catalog_bytes = e.size; break;
            case kSynonyms: pi.synonyms_bytes = e.size; break;
            case kIndex: pi.index_bytes = e.size; break;
            case kStrings: pi.strings_bytes = e.size; break;
            case kWords:
            case kCommon: pi.words_bytes += e.size; break;  // (both words sections)
        }
        auto check_end = [&]() {
            if (!in.failed && in.Left() != 0) in.Fail(std::to_string(in.Left()) + " bytes left over at the end of the section");
            if (in.failed) return false;
            if (in.HashFinal() != e.hash) {
                problem("byte " + std::to_string(e.offset) + " (" + SectionName(e.kind) +
                        "): checksum mismatch (corrupt pack; rebuild it with fazhitong-pack)" +
                        (e.kind == kCatalog ? "; the pack's data was not loaded" : ""));
                return false;
            }
            return true;
        };
        if (e.kind == kProblems) {
            Problems got;
            GetProblems(in, got);
            if (check_end()) pack_problems = std::move(got);
        } else if (e.kind == kCatalog) {
            catalog_seen = true;
            std::unique_ptr<Catalog> c = GetCatalog(in, e.flags & kFlagStringTable, pi);
            if (check_end()) {
                result.catalog = std::move(c);
                catalog_hash = e.hash;
            }
        } else if (e.kind == kSynonyms) {
            std::vector<std::pair<std::string, std::string>> pairs;
            for (size_t froms = in.Count(3, "synonym terms"); froms > 0 && !in.failed; --froms) {
                std::string from, to;
                in.Str(from);
                for (size_t tos = in.Count(1, "synonyms of a term"); tos > 0 && !in.failed; --tos) {
                    in.Str(to);
                    pairs.emplace_back(from, to);
                }
            }
            if (check_end()) pi.synonyms.AddPairs(pairs);
        } else if (e.kind == kStrings) {
            Strings got;
            const size_t locales = in.Count(2, "locales");
            for (size_t l = 0; l < locales && !in.failed; ++l) {
                std::string locale, key, text;
                in.Str(locale);
                const size_t n = in.Count(2, "strings");
                for (size_t i = 0; i < n && !in.failed; ++i) {
                    in.Str(key), in.Str(text);
                    got.Set(locale, key, std::move(text));
                }
            }
            if (check_end()) pi.strings = std::move(got), pi.has_strings = true;
        } else if (e.kind == kWords) {
            const uint64_t pairs = in.Varint(), fingerprint = in.Varint();
            std::string bits;
            in.Str(bits);
            if (check_end()) pi.words_pairs = pairs, pi.words_fingerprint = fingerprint, pi.words_bits = std::move(bits), pi.has_words = true;
        } else if (e.kind == kCommon) {
            std::vector<std::string> words(in.Count(2, "common words"));
            for (std::string& w : words) in.Str(w);
            std::vector<uint32_t> at(in.Count(1, "common words' positions"));
            for (size_t i = 0; i < at.size(); ++i) at[i] = uint32_t(std::min<uint64_t>(in.Varint() + (i ? at[i - 1] : 0), UINT32_MAX));
            std::vector<std::string> function(in.Count(2, "function words"));
            for (std::string& w : function) in.Str(w);
            if (check_end())
                pi.common_words = std::move(words), pi.common_positions = std::move(at), pi.function_words = std::move(function);
        } else if (e.kind == kIndex) {
            pi.has_index = true;
            if (!index_out) {
                in.Skip(e.size);
            } else if (!result.catalog) {
                problem("byte " + std::to_string(e.offset) + " (index): not loaded, the catalog did not load");
                in.Skip(e.size);
            } else {
                SearchIndex loaded;
                std::string error;
                uint64_t start = in.Offset();
                auto t0 = Clock::now();
                bool ok = SearchIndex::LoadFrom(
                    *result.catalog, [&](void* data, size_t n) { return in.Bytes(data, n); }, loaded, error,
                    catalog_hash);
                pi.index_ms = Ms(t0);
                if (!ok && !in.failed) {
                    problem("byte " + std::to_string(start) + " (index): " +
                                (error.empty() ? std::string("not loaded") : error) + "; the index will be rebuilt",
                            Severity::Warning);
                    in.Skip(in.Left());
                } else if (ok) {
                    in.Skip(in.Left());
                    if (check_end()) {
                        *index_out = std::move(loaded);
                        pi.index_loaded = pi.index_from_pack = true;
                    }
                } else if (!error.empty()) {
                    in.error += " (" + error + ")";
                }
            }
        } else {
            in.Skip(e.size);
        }
        if (in.failed) {
            std::string message = in.error;
            if (e.kind == kCatalog) message += "; the pack's data was not loaded";
            if (e.kind == kIndex) message += "; the index will be rebuilt";
            // A bad index costs time, not data: the caller rebuilds it.
            problem(message, e.kind == kIndex ? Severity::Warning : Severity::Error);
            if (!in.Recover()) break;
        }
    }
    if (!catalog_seen && sections.size() == count) problem("the pack has no catalog section");
    if (pi.index_loaded) GiveWords(name, pi, *index_out, read_problems);
    // A loaded index carries its own synonyms (SearchIndex::SaveTo writes them); pi.synonyms is
    // for an index the caller rebuilds.
    result.problems = std::move(pack_problems);
    return finish();
}

}  // namespace

bool WritePack(const std::string& path, const Catalog& catalog, const Problems& problems, const SearchIndex* index,
               std::string& error, const Synonyms& synonyms, const PackWriteOptions& options) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        error = path + ": cannot open for writing";
        return false;
    }
    OutStream o(f, nullptr);
    bool ok = WriteAll(o, catalog, problems, index, error, synonyms, options);
    if (std::fclose(f) != 0 && ok) {
        ok = false;
        error = "write failed";
    }
    if (!ok) {
        error = path + ": " + error;
        std::remove(path.c_str());
    }
    return ok;
}

bool WritePackToString(std::string& out, const Catalog& catalog, const Problems& problems, const SearchIndex* index,
                       std::string& error, const Synonyms& synonyms, const PackWriteOptions& options) {
    out.clear();
    OutStream o(nullptr, &out);
    return WriteAll(o, catalog, problems, index, error, synonyms, options);
}

LoadResult LoadPack(const std::string& name, uint64_t size, const PackReadFn& read, SearchIndex* index_out,
                    PackInfo* info) {
    return ReadPack(name, size, read, index_out, info);
}

LoadResult LoadPackFromMemory(const std::string& name, std::string_view bytes, SearchIndex* index_out, PackInfo* info) {
    size_t pos = 0;
    PackReadFn read = [&](void* data, size_t n) { return ReadBytes(bytes, pos, data, n); };
    return ReadPack(name, bytes.size(), read, index_out, info);
}

LoadResult LoadPack(const std::string& path, SearchIndex* index_out, PackInfo* info) {
    std::string name = BaseName(path);
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        LoadResult r;
        r.catalog = std::make_unique<Catalog>();
        r.problems.push_back({Severity::Error, name, 0, 0, "", "cannot open pack file"});
        if (info) *info = PackInfo();
        return r;
    }
    std::setvbuf(f, nullptr, _IONBF, 0);  // InStream buffers; stdio's copy would be a second one
    uint64_t size = 0;
    if (std::fseek(f, 0, SEEK_END) == 0) {
        long end = std::ftell(f);
        size = end > 0 ? uint64_t(end) : 0;
    }
    std::fseek(f, 0, SEEK_SET);
    PackReadFn read = [f](void* data, size_t n) { return std::fread(data, 1, n, f) == n; };
    LoadResult r = ReadPack(name, size, read, index_out, info);
    std::fclose(f);
    return r;
}

namespace {
struct MemoryTally {
    double structs = 0, strings = 0;
    // A malloc block: the request plus a size word, rounded to two words (dlmalloc, glibc).
    static double Block(size_t bytes) {
        const size_t w = sizeof(size_t), align = 2 * w;
        return bytes ? double(std::max((bytes + w + align - 1) / align * align, 2 * align)) : 0;
    }
    void Str(const std::string& s) {
        const char* obj = reinterpret_cast<const char*>(&s);
        if (s.data() < obj || s.data() >= obj + sizeof(s)) strings += Block(s.capacity() + 1);
    }
    void Str(const Text& t) {  // a Text in the Catalog's arena is counted with the arena
        if (t.Owned()) strings += Block(t.size() + 1);
    }
    template <class T>
    void Vec(const std::vector<T>& v) {
        structs += Block(v.capacity() * sizeof(T));
    }
    void Str(Atom) {}  // kept once in the pool (counted apart)
    void Strs(const AtomList&) {}  // the same
    template <class S>
    void Strs(const std::vector<S>& v) {
        Vec(v);
        for (const S& s : v) Str(s);
    }
    void Region(const core::Region& r) { Str(r.name), Str(r.parent); }
    void Source(const core::Source& s) { Str(s.file), Str(s.url), Str(s.title), Str(s.quote); }
    void Task(const core::Task& t) {
        Str(t.id), Str(t.number), Str(t.title), Str(t.text);
        Strs(t.lead_units), Strs(t.responsible_units), Strs(t.themes);
        Vec(t.targets), Vec(t.figures);
        for (const Target& g : t.targets) Str(g.quote), Str(g.metric), Str(g.comparator), Str(g.unit), Str(g.due);
        for (const Figure& f : t.figures) Str(f.quote), Str(f.metric), Str(f.unit), Str(f.year);
    }
    void Section(const core::Section& s) {
        Str(s.number), Str(s.title), Str(s.text), Strs(s.themes);
        Vec(s.sections), Vec(s.tasks);
        for (const core::Section& c : s.sections) Section(c);
        for (const core::Task& t : s.tasks) Task(t);
    }
    std::string Format(const char* what) const {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s %.1f MB (structs %.1f, strings %.1f)", what, (structs + strings) / 1e6,
                      structs / 1e6, strings / 1e6);
        return buf;
    }
};
}  // namespace

std::string CatalogMemoryReport(const Catalog& c) {
    MemoryTally plans, points, channels, themes, indexes;
    plans.Vec(c.Plans());
    for (const Plan& p : c.Plans()) {
        plans.Str(p.id), plans.Str(p.title), plans.Region(p.region), plans.Strs(p.issuers), plans.Str(p.published);
        plans.Source(p.source), plans.Strs(p.themes), plans.Vec(p.units), plans.Str(p.intro), plans.Str(p.file);
        for (const UnitName& u : p.units) plans.Str(u.printed), plans.Str(u.canonical);
        plans.Vec(p.sections);
        for (const Section& s : p.sections) plans.Section(s);
    }
    points.Vec(c.Points());
    for (const ServicePoint& sp : c.Points()) {
        points.Str(sp.id), points.Str(sp.name), points.Str(sp.kind), points.Region(sp.region), points.Str(sp.address);
        points.Strs(sp.services), points.Str(sp.hours), points.Str(sp.phone), points.Source(sp.source);
    }
    channels.Vec(c.Channels());
    for (const Channel& ch : c.Channels()) {
        channels.Str(ch.id), channels.Str(ch.name), channels.Str(ch.kind), channels.Str(ch.number), channels.Str(ch.url);
        channels.Region(ch.region), channels.Strs(ch.services), channels.Source(ch.source);
    }
    themes.Vec(c.Themes());
    for (const Theme& t : c.Themes()) themes.Str(t.id), themes.Str(t.name), themes.Str(t.name_en), themes.Strs(t.keywords);
    // Catalog indexes: TaskRefs with their section paths, UnitRefs, and the id indexes (a 32-bit
    // record position each, sorted by id; no key copies).
    indexes.Vec(c.Tasks());
    indexes.structs += double(c.SectionPathEntries()) * sizeof(void*);
    indexes.Vec(c.Units());
    for (const UnitRef& u : c.Units()) {
        indexes.Str(u.canonical), indexes.Strs(u.printed), indexes.Vec(u.lead_tasks), indexes.Vec(u.responsible_tasks);
    }
    size_t map_entries = c.Plans().size() + c.Points().size() + c.Themes().size() + c.Tasks().size() + c.Units().size();
    indexes.structs += double(map_entries) * sizeof(uint32_t);
    double atoms = double(Atom::PoolBytes()), lists = double(AtomList::PoolBytes());
    const TextArena& arena = c.TextStore();
    double text = double(arena.MemoryBytes()) + double(arena.ChunkCount() * 2 * sizeof(size_t));
    double total = plans.structs + plans.strings + points.structs + points.strings + channels.structs +
                   channels.strings + themes.structs + themes.strings + indexes.structs + indexes.strings + atoms + lists + text;
    char head[220], tail[300];
    std::snprintf(head, sizeof head,
                  "catalog ~%.1f MB (sizeof: Text %zu, string %zu, Plan %zu, Section %zu, Task %zu, ServicePoint %zu): ",
                  total / 1e6, sizeof(Text), sizeof(std::string), sizeof(Plan), sizeof(Section), sizeof(Task),
                  sizeof(ServicePoint));
    std::snprintf(tail, sizeof tail,
                  ", text arena %.1f MB (%.1f MB used, %zu chunks), atom pool %.1f MB (%zu distinct strings), "
                  "atom list pool %.1f MB (%zu distinct lists)",
                  text / 1e6, double(arena.UsedBytes()) / 1e6, arena.ChunkCount(), atoms / 1e6, Atom::PoolCount(),
                  lists / 1e6, AtomList::PoolCount());
    return head + plans.Format("plans+sections+tasks") + ", " + points.Format("service points") + ", " +
           channels.Format("channels") + ", " + themes.Format("themes") + ", " + indexes.Format("catalog indexes") + tail;
}

bool IsPackPath(const std::string& path) {
    return path.size() > 4 && path.compare(path.size() - 4, 4, ".fzp") == 0;
}

namespace {
// Builds the index when the pack had none (or it could not be read).
void EnsureIndex(const std::string& path, LoadResult& r, SearchIndex* index_out, PackInfo& pi) {
    if (index_out && !pi.index_loaded) {
        auto t0 = std::chrono::steady_clock::now();
        *index_out = SearchIndex::Build(*r.catalog, pi.synonyms);
        GiveWords(BaseName(path), pi, *index_out, r.problems);
        pi.index_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        pi.index_loaded = true;
    }
}
}  // namespace

LoadResult LoadPackData(const std::string& path, SearchIndex* index_out, PackInfo* info) {
    PackInfo local;
    PackInfo& pi = info ? *info : local;
    LoadResult r = LoadPack(path, index_out, &pi);
    EnsureIndex(path, r, index_out, pi);
    return r;
}

void UseDictionary(SearchIndex& index, const PackInfo& info, const std::string& path, Problems& problems) {
    if (!info.has_words && !path.empty()) index.SetLexicon(Lexicon::Load(path, problems));
}

LoadResult LoadData(const std::string& path, SearchIndex* index_out, PackInfo* info) {
    if (IsPackPath(path)) return LoadPackData(path, index_out, info);
    PackInfo local;
    PackInfo& pi = info ? *info : local;
    pi = PackInfo();
    LoadResult r = Load(path);
    pi.synonyms = Synonyms::Load(path, r.problems);
    EnsureIndex(path, r, index_out, pi);
    return r;
}

}  // namespace core
