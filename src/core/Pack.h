// Pack.h — build-time binary packs of a data folder (`.fzp`): the Catalog's model, the problems
// the JSON loader found, synonyms.json parsed and optionally the search index, so that loading at
// national scale is a sequential read instead of a JSON parse. JSON stays the source format; a
// pack is generated from it by `fazhitong-pack` and never edited by hand.
// Depends on Catalog.h, Load.h (LoadResult), Search.h (SearchIndex, Synonyms). No ImGui, no
// Emscripten, no exceptions.
//
// Format (version 6; every number little-endian):
//   header   "FZPACK" (6 bytes), u16 version, u32 section count, u32 reserved (0),
//            then one 32-byte entry a section: u32 kind, u32 flags, u64 offset, u64 size,
//            u64 hash (of the section's bytes), then u64 hash of everything before it.
//   sections contiguous, in table order, the first right after the header:
//            1 problems  varint count, then {u8 severity, str file, varint line, varint column,
//                        str pointer, str message}
//            2 catalog   the atom table: varint count + str each (every distinct Atom of the
//                        catalog once, in first-use order); then varint plans, points, channels,
//                        themes; then the records in that order (field order of Model.h; strings
//                        "str" = varint byte length + UTF-8 bytes, inline; Atom fields a varint id:
//                        0 = empty, k = atom table entry k-1; lists = varint count + items; enums
//                        u8; doubles 8 bytes IEEE; ints zigzag varints; sections nest, depth <=
//                        200). Free text (core::Text fields) is a "text": varint n << 1 + n bytes
//                        when it occurs once in the section; where a text occurs again, its first
//                        occurrence is varint n << 2 | 1 + n bytes (it takes the next repeated-
//                        text id, from 0) and the others varint id << 2 | 3: the reader's arena
//                        holds it once (version 3 wrote every text inline; at national scale task
//                        titles, target quotes and sources repeat: 21 MB of the 132 MB arena).
//                        Flag 1: after the atom table a string table (varint count + str each)
//                        and every str and text after it a varint id into that table
//                        (PackWriteOptions::string_table). Version 1 wrote atoms as inline strs:
//                        interning each of the ~9 million atom fields of a national catalog
//                        through the pool's hash map was half of the load time.
//            3 synonyms  varint count, then {str from, varint count, then {str to}}:
//                        synonyms.json parsed (folded, Synonyms::Pairs, each `from` once with
//                        its `to`s; optional). Version 4 wrote every pair {str from, str to}
//                        (0.4 KB more gzip for the bundled file); version 2 carried the file name
//                        and the JSON text, which made the web app link a JSON parser to read it.
//            4 index     whatever SearchIndex::SaveTo writes (optional), with the catalog
//                        section's hash as its catalog id (loaded only over that catalog)
//            5 strings   UI strings (optional; the web builds): varint locales, then {str locale,
//                        varint count, then {str key, str text}}
//            6 words     which pairs of Han characters the catalog's text holds are words of a
//                        dictionary (optional; Lexicon.h): varint count of the pairs, varint
//                        fingerprint of them, str of one bit a pair (SearchIndex::WordBits);
//                        read over the index's pairs once it is loaded or built
//                        (SetWordBits), and not at all when they differ
//            7 common words  the dictionary's common words whose pairs the catalog's text holds
//                        (optional; Lexicon::Common): varint count, then {str word} (those of
//                        one or 3-8 characters); varint count, then {varint position} of those of
//                        two, among the words the words section marks, each after the one before
//                        (Lexicon::CommonWordsByPosition); then its function words of two
//                        characters, held or not (Lexicon::FunctionWords): varint count, then
//                        {str word}; folded UTF-8, sorted; given to the index with the words
//                        section. Version 5 wrote only the common words, every one a str.
//   Unknown section kinds are skipped (newer tools may add sections); a different version is
//   rejected. The hash is a 64-bit multiply-xor over 8-byte words in four lanes: any changed byte is caught.
//
// Reading never holds the whole file: a 256 KB buffer over a FILE* (or a read callback), strings
// resized and read directly into; the catalog's free text (core::Text) copied from the buffer
// straight into text arenas the Catalog takes over (no heap block per string). Every count and length is checked against the bytes left in its
// section before anything is reserved. Corruption becomes a Problem naming the file, the byte
// offset and where ("data.fzp: byte 1234 (catalog, plan 3 of 5, section 2 of 4): truncated
// string"); a corrupt catalog is dropped (empty catalog); a corrupt or unloadable index is dropped
// with a problem while the catalog stays (the caller rebuilds the index).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "Catalog.h"
#include "I18n.h"
#include "Lexicon.h"
#include "Load.h"
#include "Problem.h"
#include "Search.h"

namespace core {

constexpr uint16_t kPackVersion = 6;

// Extra things a pack carries besides the LoadResult.
struct PackInfo {
    bool has_index = false;     // the pack (or the caller) had an index section
    bool index_loaded = false;  // *index_out holds a usable index (from the pack, or built by LoadData)
    bool index_from_pack = false;
    Synonyms synonyms;          // synonyms.json as packed (its problems are in the pack's)
    bool has_strings = false;   // the pack carried UI strings (strings section)
    Strings strings;
    bool has_words = false;     // the pack carried a dictionary's words (words section), which the
                                // index was given (SearchIndex::SetLexicon), when its pairs matched
    uint64_t words_pairs = 0, words_fingerprint = 0;
    std::string words_bits;
    // Its common words section (given with the words): the common words of two characters as
    // positions among the words (Lexicon::CommonWordsByPosition), the other common words, and
    // the function words of two characters (Lexicon::FunctionWords).
    std::vector<uint32_t> common_positions;
    std::vector<std::string> common_words;
    std::vector<std::string> function_words;
    uint64_t file_bytes = 0;
    uint64_t catalog_bytes = 0, problems_bytes = 0, synonyms_bytes = 0, index_bytes = 0, strings_bytes = 0,
             words_bytes = 0;  // (words: both words sections)
    // Where LoadPack's time went (ms): decoding the catalog section into the model's vectors,
    // constructing the Catalog (its task/unit/id indexes), loading the index section (or, in
    // LoadData, building it when the pack has none).
    double decode_ms = 0, catalog_ms = 0, index_ms = 0;
};

struct PackWriteOptions {
    // Catalog strings (free text; atoms are always in their own table) stored once in a table at
    // the start of the section and referenced by id instead of inline. Both load. Inline is the
    // default: measured at national scale (960,000 records, format version 1) the table was 33%
    // smaller (141 vs 210 MB) but loaded slower (wasm/node 4.9 vs 4.6 s, native 4.7 vs 3.0 s) and
    // held the table in memory while loading (heap 800 vs 603 MB). Since version 4 a free text that
    // repeats is written once inline too, and the table no longer pays: 226 MB with it, 217 MB
    // without (national, 2026-12-01).
    bool string_table = false;
    // UI strings to carry (the web builds: their app then reads no JSON at all); null = none.
    const Strings* strings = nullptr;
    // An index whose dictionary's words (SearchIndex::SetLexicon) to carry; null = none.
    const SearchIndex* words_of = nullptr;
};

// Writes `catalog`, `problems`, `synonyms` (as Synonyms::Load parsed synonyms.json; empty = none)
// and, when `index` is not null, the index. False with `error` set when the file cannot be written.
bool WritePack(const std::string& path, const Catalog& catalog, const Problems& problems, const SearchIndex* index,
               std::string& error, const Synonyms& synonyms = {}, const PackWriteOptions& options = {});
// The same into memory (tests, fuzz seeds).
bool WritePackToString(std::string& out, const Catalog& catalog, const Problems& problems, const SearchIndex* index,
                       std::string& error, const Synonyms& synonyms = {}, const PackWriteOptions& options = {});

// Reads a pack file. The catalog is never null. When the pack has an index and `index_out` is not
// null, the index is loaded into it over the loaded catalog (info->index_loaded says whether it
// worked); otherwise *index_out is left alone. Problems: the pack's own (found when it was made),
// then any found reading it (file = the pack's file name).
LoadResult LoadPack(const std::string& path, SearchIndex* index_out, PackInfo* info = nullptr);

// The same through `read`, which fills exactly `n` bytes or returns false. `size` is the pack's
// total size in bytes (counts are checked against it); `name` is the file name for messages.
using PackReadFn = std::function<bool(void* data, size_t n)>;
LoadResult LoadPack(const std::string& name, uint64_t size, const PackReadFn& read, SearchIndex* index_out,
                    PackInfo* info = nullptr);
// Convenience: a pack held in memory (tests, fuzzing).
LoadResult LoadPackFromMemory(const std::string& name, std::string_view bytes, SearchIndex* index_out,
                              PackInfo* info = nullptr);

// Where a loaded Catalog's memory goes on this platform (sizeof of the structs, vector buffers,
// heap blocks of strings longer than the small-string buffer, the Catalog's own indexes, the atom
// pool: the whole process's, so it includes atoms of other catalogs loaded before), as
// "plans+sections+tasks 120.3 MB (structs 40.1, strings 80.2), service points ...". An estimate
// from capacities and a 16-byte malloc granularity, for the tools and the browser bench.
std::string CatalogMemoryReport(const Catalog& catalog);

// True when `path` names a pack (ends in ".fzp").
bool IsPackPath(const std::string& path);

// Loads either a pack (`path` ends in .fzp) or a JSON data folder (core::Load plus
// Synonyms::Load, whose problems are added). When `index_out` is not null it always ends up
// holding an index: the pack's when it loaded, else one built here with the synonyms
// (info->index_from_pack tells which).
LoadResult LoadData(const std::string& path, SearchIndex* index_out, PackInfo* info = nullptr);
// The same for packs only: a program that never reads JSON data (the web app) links no JSON
// data loader.
LoadResult LoadPackData(const std::string& path, SearchIndex* index_out, PackInfo* info = nullptr);

// Gives `index` the dictionary at `path` (Lexicon::Load; its problems are added) unless the data
// carried its own words (a pack's words section: info.has_words) or `path` is empty.
void UseDictionary(SearchIndex& index, const PackInfo& info, const std::string& path, Problems& problems);

}  // namespace core
