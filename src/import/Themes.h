// Themes.h — the national outline's chapters (assets/sources/themes.json, compiled into the
// importer) and their assignment to sections, tasks and plans by keywords; the small gazetteer
// of regions, their id slugs and seats (assets/sources/gazetteer.json). Depends on core/Model.h.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/Model.h"

namespace importer {

// The themes compiled in from assets/sources/themes.json, in file order.
const std::vector<core::Theme>& BuiltinThemes();

// The theme whose keywords a heading or task title matches best ("" when none). Ties go to the
// theme listed first, so the result never depends on anything but the text.
std::string ThemeFor(std::string_view text, const std::vector<core::Theme>& themes);

// Sets section, task and plan themes: a section by its title, a task by its title or else its
// section's theme; a plan's themes are those of its sections, in themes.json order.
void AssignThemes(core::Plan& plan, const std::vector<core::Theme>& themes);

struct Seat {
    std::string name;      // 通州区
    std::string requires_text;  // a string the document must contain to tell same-named places apart
    double lat = 0, lon = 0;
    core::Precision precision = core::Precision::District;
};

// The seat of `region` when the gazetteer knows it and `document` passes its check.
std::optional<Seat> FindSeat(const std::string& region, const std::string& document);

// The latin slug of `region` for readable plan ids (通州区 -> "tongzhou"), under the same check;
// "" when the gazetteer has none (the caller then falls back to the file-name id).
std::string RegionSlug(const std::string& region, const std::string& document);

}  // namespace importer
