// Args.h — how the command-line tools read a count option (--limit 20, --records 100000): digits
// only, at most `most`. Anything else (-1, abc, 20x, a number too large) is refused with a message
// naming the option, and exit status 2, where strtoul read -1 as 18 quintillion (a bench run
// reserved for it and died) and abc as 0. Depends on the C library only.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace tools {

inline uint64_t CountArg(const char* tool, const std::string& option, const std::string& text, uint64_t most) {
    uint64_t v = 0;
    bool ok = !text.empty();
    for (const char c : text) {
        const unsigned d = unsigned(c) - '0';
        if (d > 9 || v > (most - d) / 10) {
            ok = false;
            break;
        }
        v = v * 10 + d;
    }
    if (!ok) {
        std::fprintf(stderr, "%s: %s takes a whole number from 0 to %llu, not \"%s\"\n", tool, option.c_str(),
                     static_cast<unsigned long long>(most), text.c_str());
        std::exit(2);
    }
    return v;
}

}  // namespace tools
