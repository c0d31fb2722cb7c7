// Problem.h — one thing wrong with the data, located by file, line:column and JSON pointer.
// Depends on the standard library only.
#pragma once
#include <string>
#include <vector>

namespace core {

enum class Severity { Error, Warning };

struct Problem {
    Severity severity = Severity::Error;
    std::string file;     // relative to the data folder, e.g. "plans/kunming.json"
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based, in characters
    std::string pointer;  // RFC 6901 JSON pointer, "" for the whole document
    std::string message;

    // "plans/kunming.json:120:7 /sections/1/tasks/3/lead_units: expected array of strings, got number"
    std::string ToString() const;
};

using Problems = std::vector<Problem>;

bool HasErrors(const Problems& problems);

}  // namespace core
