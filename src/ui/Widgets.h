// Widgets.h — the app's building blocks on top of Dear ImGui: each draws and, where it shows
// text, also writes that text to the text mirror, so the two never disagree.
// Depends on ImGui and ViewContext.
#pragma once
#include <algorithm>
#include <string>
#include <utility>
#include <vector>
#include <string_view>

#include <imgui.h>

#include "ViewContext.h"

namespace ui {

void ApplyTheme(float scale);

// A heading: larger contrast bar in the accent colour.
void Heading(ViewContext& ctx, std::string_view text, int level = 2);
// Wrapped body text.
void Paragraph(ViewContext& ctx, std::string_view text);
// Dimmed wrapped text (metadata lines).
void Meta(ViewContext& ctx, std::string_view text);
// "label：" dimmed, the cursor left after it on the same line (what Field and the like start with);
// returns the labelled text for the text mirror.
std::string FieldLabel(ViewContext& ctx, const std::string& label);
// "label: value" on one wrapped line, label dimmed. Nothing when value is empty.
void Field(ViewContext& ctx, const std::string& label, std::string_view value);
// Where a record was taken from: "出处：" and the document's title, then the sentence quoted. The
// document is named by the plan or report of the catalog made from it (a tap opens that plan),
// else by the source's own title, else by its file name.
void SourceField(ViewContext& ctx, const core::Source& source);
// A big touch-friendly button; returns true when pressed.
bool BigButton(ViewContext& ctx, const std::string& label, float width = 0);
// A card that can be tapped: title line + detail line. Returns true when tapped.
bool Card(ViewContext& ctx, const std::string& id, const std::string& title, const std::string& detail,
          const std::string& badge, float width);
// A hotline: its number large, its name and region under it; 12348 (public legal services) in
// the accent colour.
void HotlineCard(ViewContext& ctx, const core::Channel& channel, float width);
// A thin horizontal line across the text column (ImGui's Separator spans the whole window).
void Rule(ViewContext& ctx);
// A small coloured label.
void Badge(const std::string& text, unsigned int color);

// Text with highlighted byte ranges (search matches), wrapped at `width`; at most `max_lines`
// lines (0 = all), the last one ending in "…" when cut. Mirrored as plain text.
void HighlightedText(ViewContext& ctx, std::string_view text, const std::vector<core::ByteRange>& ranges, float width,
                     unsigned int color, int max_lines = 0);

// The items with `sep` between them (a std::vector of std::string or core::Atom, or an AtomList).
template <class List>
std::string Join(const List& items, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += std::string_view(items[i]);
    }
    return out;
}

// Paging of long lists: PageRange clamps state.page to the list and returns the current page's
// [first, last); Pager draws "‹ previous  3 / 20  next ›" as touch-sized buttons and moves the
// page (nothing when everything fits on one page).
std::pair<size_t, size_t> PageRange(ViewContext& ctx, size_t total, size_t per_page);
void Pager(ViewContext& ctx, size_t total, size_t per_page);


// The search box shown on the home and search screens (same ImGui id, so typing continues
// when the screen changes). Typing navigates to the search screen with the query.
void SearchBox(ViewContext& ctx);
// Shows the results for `text` as it is typed (the search box, the kiosk keyboard): the search
// screen, keeping the kind of result shown; home when the text is empty.
void SearchFor(ViewContext& ctx, const std::string& text);
// Lays out `count` cards in as many columns as fit (min width in em); calls draw(i, width).
template <class F>
void CardGrid(ViewContext& ctx, size_t count, float min_em, F draw);
}  // namespace ui

template <class F>
void ui::CardGrid(ViewContext& ctx, size_t count, float min_em, F draw) {
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    int cols = std::max(1, int((ctx.column_width + spacing) / (ctx.Em(min_em) + spacing)));
    float w = (ctx.column_width - spacing * float(cols - 1)) / float(cols);
    for (size_t i = 0; i < count; ++i) {
        if (i % size_t(cols) != 0) ImGui::SameLine();
        ImGui::BeginGroup();
        draw(i, w);
        ImGui::EndGroup();
    }
}
