// Problem.cpp — formatting of data problems. Depends on Problem.h only.
#include "Problem.h"

#include <algorithm>

namespace core {

std::string Problem::ToString() const {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line) + ":" + std::to_string(column);
    s += " ";
    if (!pointer.empty()) s += pointer + ": ";
    if (severity == Severity::Warning) s += "warning: ";
    s += message;
    return s;
}

bool HasErrors(const Problems& problems) {
    return std::any_of(problems.begin(), problems.end(),
                       [](const Problem& p) { return p.severity == Severity::Error; });
}

}  // namespace core
