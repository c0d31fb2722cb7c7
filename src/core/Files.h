// Files.h — reading a whole file into memory, the one way every loader and tool does it.
// Depends on nothing but the C library.
#pragma once
#include <string>

namespace core {

// Reads the file at `path` into `out` (binary, no newline translation). False if it cannot be
// opened or read; `out` is then empty. One fread of the file's size: no stream buffers copied
// byte by byte (which cost tens of milliseconds in wasm at start-up).
bool ReadFile(const std::string& path, std::string& out);
// True when the file at `path` exists and can be opened for reading.
bool ReadableFile(const std::string& path);

}  // namespace core
