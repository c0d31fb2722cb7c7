// Files.cpp — see Files.h.
#include "Files.h"

#include <cstdio>
#include <cstring>

namespace core {

bool ReadFile(const std::string& path, std::string& out) {
    out.clear();
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    bool ok = std::fseek(f, 0, SEEK_END) == 0;
    long size = ok ? std::ftell(f) : -1;
    ok = ok && size >= 0 && std::fseek(f, 0, SEEK_SET) == 0;
    if (ok) {
        out.resize(size_t(size));
        ok = std::fread(out.data(), 1, out.size(), f) == out.size();
        // A file that grew while being read (or a pipe that reported 0): read what is left.
        char buf[4096];
        for (size_t n; ok && (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
        ok = ok && !std::ferror(f);
    }
    std::fclose(f);
    if (!ok) out.clear();
    return ok;
}

bool ReadBytes(std::string_view bytes, size_t& pos, void* data, size_t n) {
    if (pos > bytes.size() || n > bytes.size() - pos) return false;
    if (n) std::memcpy(data, bytes.data() + pos, n);
    pos += n;
    return true;
}

bool ReadableFile(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f) std::fclose(f);
    return f != nullptr;
}

bool FontFile(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char tag[4] = {};
    const bool read = std::fread(tag, 1, 4, f) == 4;
    std::fclose(f);
    if (!read) return false;
    for (const char* font : {"\x00\x01\x00\x00", "OTTO", "true", "ttcf"})
        if (std::memcmp(tag, font, 4) == 0) return true;
    return false;
}

}  // namespace core
