// Files.h — reading a whole file into memory, the one way every loader and tool does it.
// Depends on nothing but the C library.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace core {

// Reads the file at `path` into `out` (binary, no newline translation). False if it cannot be
// opened or read; `out` is then empty. One fread of the file's size: no stream buffers copied
// byte by byte (which cost tens of milliseconds in wasm at start-up).
bool ReadFile(const std::string& path, std::string& out);
// Copies the `n` bytes of `bytes` at `pos` to `data` and advances `pos`; false (nothing read)
// when fewer are left. The read callback over memory of SearchIndex::LoadFrom and LoadPack.
bool ReadBytes(std::string_view bytes, size_t& pos, void* data, size_t n);
// True when the file at `path` exists and can be opened for reading.
bool ReadableFile(const std::string& path);
// True when the file at `path` starts as a TrueType or OpenType font or collection does (its
// first four bytes: 00 01 00 00, OTTO, true or ttcf). A font library given anything else builds
// no glyphs, and the app drew with none (--font pointing at the wrong file crashed it).
bool FontFile(const std::string& path);

}  // namespace core
