// CatalogDiff.h — the first difference between two catalogs (or problem lists), field by field
// over every member of Model.h and the derived task and unit indexes: "plans/2.sections/0.tasks/3
// .title: "a" != "b"", or "" when they are equal. Used to check a pack against its JSON
// (fazhitong-pack --verify) and in tests. Depends on Catalog.h, Problem.h.
#pragma once
#include <string>

#include "Catalog.h"
#include "Problem.h"

namespace core {

std::string FirstDifference(const Catalog& a, const Catalog& b);
std::string FirstDifference(const Problems& a, const Problems& b);

}  // namespace core
