// OutOfLine.h — how code is laid out in the wasm builds, where the search and the pack reader are
// compiled for speed (-O3, scripts/cmake/search.cmake) and the rest for size. FZ_SMALL marks a
// function of those that runs once a load, a query plan or a shown hit, never per record or per
// match: compiled for size. OutOfLine keeps the body of a long loop a function of its own.
// A browser runs a wasm function in the code its baseline compiler made (for a fast start) until
// the function returns: it swaps in its optimised code only at a call. So a loop over a million
// records inside one function that runs once (a build, a load) runs entirely in baseline code.
// Calling the loop's body as a function, once an item, lets the optimised code take over after
// the first items; but the linker's optimiser (binaryen, which Emscripten runs) inlines every
// function that has one caller, LLVM's noinline notwithstanding. A call through a pointer read
// from a volatile stays a call. (The 100k build in Chromium: 476 -> 371 ms median.)
// Depends on nothing.
#pragma once

#if defined(__clang__)
#define FZ_SMALL [[clang::minsize]]
#else
#define FZ_SMALL
#endif

namespace core {

// fn, as a pointer the optimiser cannot see through: call it once an item of a long loop.
template <class Fn>
Fn* OutOfLine(Fn* fn) {
    Fn* volatile p = fn;
    return p;
}

}  // namespace core
