// SearchView.cpp — search results for the query in the route: plans, tasks, units, service
// points and channels, grouped, ranked and highlighted by core::SearchIndex, with a chip per kind
// of result: all kinds (the best 30 of each), or one kind a page at a time (#/search/task?q=...).
// The search runs once per query, kind or page change, not every frame. Depends on ImGui,
// core/Search, Views, Widgets.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "Views.h"
#include "Widgets.h"

namespace ui {
namespace {

const char* GroupKey(core::RecordType t) {
    switch (t) {
        case core::RecordType::Plan: return "search.group.plan";
        case core::RecordType::Task: return "search.group.task";
        case core::RecordType::Unit: return "search.group.unit";
        case core::RecordType::ServicePoint: return "search.group.point";
        case core::RecordType::Channel: return "search.group.channel";
    }
    return "search.group.plan";
}

// Where a hit leads, and the line under its title.
core::Route Target(const ViewContext& ctx, const core::Hit& hit, std::string& detail) {
    const core::Catalog& cat = ctx.catalog;
    switch (hit.type) {
        case core::RecordType::Plan: {
            const core::Plan& p = cat.Plans()[hit.index];
            detail = PlanSummary(ctx, p);
            return {core::Screen::Plan, p.id.str(), ""};
        }
        case core::RecordType::Task: {
            const core::TaskRef& t = cat.Tasks()[hit.index];
            detail = t.plan->title;
            return {core::Screen::Task, t.task->id.str(), ""};
        }
        case core::RecordType::Unit: {
            const core::UnitRef& u = cat.Units()[hit.index];
            detail = ctx.S("unit.leads") + " " + std::to_string(u.lead_tasks.size()) + " · " + ctx.S("unit.responsible") +
                     " " + std::to_string(u.responsible_tasks.size());
            return {core::Screen::Unit, u.canonical, ""};
        }
        case core::RecordType::ServicePoint: {
            const core::ServicePoint& p = cat.Points()[hit.index];
            detail = PointSummary(ctx, p);
            return {core::Screen::Points, "", p.name.str()};
        }
        case core::RecordType::Channel: {
            const core::Channel& c = cat.Channels()[hit.index];
            detail = c.region.name;
            return {core::Screen::Points, "", ""};
        }
    }
    return {};
}

constexpr size_t kPerGroup = 30;    // all kinds: the best of each
constexpr size_t kPerPage = 30;     // one kind: a page
constexpr size_t kMaxListed = 990;  // one kind: at most 33 pages; the count still says how many match
constexpr size_t kMaxWords = 6;     // words in characters offered for letters typed

// The one kind of result the route asks for (its id, "task" ...), or -1 for all.
int KindFromRoute(const core::Route& route) {
    for (size_t t = 0; t < core::kRecordTypeCount; ++t)
        if (route.id == core::ToString(core::RecordType(t))) return int(t);
    return -1;
}

// A row of chips (touch-sized buttons) that wraps on narrow screens; `line` collects the row for
// the text mirror ("[*selected] [other] ..."). Chip returns whether it was tapped.
struct ChipRow {
    ViewContext& ctx;
    float x_max = ImGui::GetCursorScreenPos().x + ctx.column_width;
    bool first = true;
    std::string line;
    int id = 0;
    bool Chip(const std::string& label, bool on, bool enabled = true) {
        ImGuiStyle& style = ImGui::GetStyle();
        float w = ImGui::CalcTextSize(label.c_str()).x + style.FramePadding.x * 2;
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + w > x_max) ImGui::NewLine();
        }
        first = false;
        if (on) {
            ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0x1F, 0x4E, 0x8C, 255));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(0x2E, 0x64, 0xA8, 255));
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        }
        if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.5f);
        ImGui::PushID(id++);
        bool tapped = ImGui::Button(label.c_str(), ImVec2(w, ctx.Em(2.2f))) && !on && enabled;
        ImGui::PopID();
        if (!enabled) ImGui::PopStyleVar();
        if (on) ImGui::PopStyleColor(3);
        line += (on ? "[*" : "[") + label + "] ";
        return tapped;
    }
    ~ChipRow() { ctx.mirror.Line(line); }
};

// All kinds, then each kind that matched, with its count.
void KindChips(ViewContext& ctx, const core::SearchResult& r, int selected) {
    const core::Route& route = ctx.state.route;
    ChipRow row{ctx};
    auto chip = [&](int kind, const std::string& label) {
        if (row.Chip(label, kind == selected))
            ctx.navigate(core::Route{core::Screen::Search, kind < 0 ? "" : core::ToString(core::RecordType(kind)), route.query});
    };
    chip(-1, ctx.S("search.all") + " " + std::to_string(r.total));
    for (size_t t = 0; t < core::kRecordTypeCount; ++t)
        if (r.total_by_type[t] > 0)
            chip(int(t), ctx.S(GroupKey(core::RecordType(t))) + " " + std::to_string(r.total_by_type[t]));
}

// Nothing holds every word of the query, or every part it was split into: each word alone, with
// its matches (found by the same search, SearchResult::word_totals), the one listed marked; a
// tap searches for it.
void WordChips(ViewContext& ctx, const core::SearchResult& r, const char* label_key) {
    if (r.word_totals.empty() || r.word_texts.size() != r.word_totals.size()) return;
    Meta(ctx, ctx.S(label_key));
    ChipRow row{ctx};
    for (size_t i = 0; i < r.word_texts.size(); ++i) {
        const std::string& word = r.word_texts[i];
        if (row.Chip(word + " " + std::to_string(r.word_totals[i]), word == r.relaxed_text, r.word_totals[i] > 0))
            SearchFor(ctx, word);
    }
}

// Nothing found, or only parts of the question: the public legal services hotline (12348)
// answers what the data does not.
void AskHotline(ViewContext& ctx) {
    for (const core::Channel& c : ctx.catalog.Channels())
        if (c.kind == "hotline" && c.number == "12348") {
            ImGui::Spacing();
            Paragraph(ctx, ctx.S("search.ask_hotline"));
            HotlineCard(ctx, c, std::min(ctx.column_width, ctx.Em(20)));
            return;
        }
}

// One result: title, snippet and where it leads, all one tap target.
void HitRow(ViewContext& ctx, const core::Hit& hit, size_t i) {
    std::string detail;
    core::Route target = Target(ctx, hit, detail);
    const float pad = ctx.Em(0.6f);
    ImGui::PushID(int(i));
    ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Indent(pad);
    HighlightedText(ctx, hit.title, hit.title_ranges, ctx.column_width - 2 * pad, 0x1F4E8C, 2);
    if (!hit.snippet.empty()) {
        // A snippet cut from inside its field opens with "…", its ranges moved past it.
        std::string cut;
        std::vector<core::ByteRange> moved;
        if (hit.snippet_cut) {
            cut = "…" + std::string(hit.snippet);
            const uint32_t lead = sizeof("…") - 1;
            for (core::ByteRange r : hit.snippet_ranges) moved.push_back({r.begin + lead, r.end + lead});
        }
        HighlightedText(ctx, hit.snippet_cut ? std::string_view(cut) : hit.snippet,
                        hit.snippet_cut ? moved : hit.snippet_ranges, ctx.column_width - 2 * pad, 0x1E2430, 2);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(detail.c_str());
    ImGui::PopStyleColor();
    ctx.mirror.Line(detail);
    ImGui::Unindent(pad);
    ImVec2 bottom = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(top);
    if (ImGui::InvisibleButton("hit", ImVec2(ctx.column_width, bottom.y - top.y))) ctx.navigate(target);
    if (ImGui::IsItemHovered())
        ImGui::GetWindowDrawList()->AddRect(top, ImVec2(top.x + ctx.column_width, bottom.y), IM_COL32(0x1F, 0x4E, 0x8C, 120),
                                            ctx.Em(0.3f));
    Rule(ctx);
    ImGui::PopID();
}

}  // namespace

void DrawSearchView(ViewContext& ctx) {
    AppState& st = ctx.state;
    if (st.route_changed && st.route.query != st.search)
        std::snprintf(st.search, sizeof st.search, "%s", st.route.query.c_str());
    SearchBox(ctx);
    const std::string& q = st.route.query;
    const int kind = KindFromRoute(st.route);
    // All kinds are always searched, so every chip has its count; one kind lists page by page.
    const size_t limit = kind < 0 ? kPerGroup : std::min(kMaxListed, (st.page + 1) * kPerPage);
    std::string key = st.route.id + '\n' + std::to_string(limit) + '\n' + q;
    if (!st.results_valid || st.results_key != key) {
        core::Query query;
        query.text = q;
        query.limit = limit;
        st.results = ctx.index.Search(query);
        st.results_words = core::CandidateWords(st.results, q, kMaxWords, ctx.index.Words());
        st.results_query = q;
        st.results_key = key;
        st.results_valid = true;
    }
    const core::SearchResult& r = st.results;
    if (r.total == 0) {
        ImGui::Spacing();
        Paragraph(ctx, ctx.S("search.none"));
        WordChips(ctx, r, "search.words");
        Meta(ctx, ctx.S("search.tips"));
        AskHotline(ctx);
        return;
    }
    using Relaxation = core::SearchResult::Relaxation;
    if (!r.region.empty())  // 昆明 法律援助: 昆明市's records hold 昆明 too
        Meta(ctx, "“" + r.region_word + "”" + ctx.S("search.region") + r.region);
    if (r.relaxation != Relaxation::None) {
        const char* key = r.relaxation == Relaxation::Parts           ? "search.relaxed_parts"
                          : r.relaxation == Relaxation::SimilarPinyin ? "search.relaxed_pinyin"
                          : r.relaxation == Relaxation::SameReading   ? "search.relaxed_reading"
                          : r.relaxation == Relaxation::ToneNumbers   ? "search.relaxed_tones"
                                                                      : "search.relaxed";
        Meta(ctx, ctx.S(key) + "“" + r.relaxed_text + "”");
    }
    if (r.relaxation == Relaxation::Parts) WordChips(ctx, r, "search.parts");
    // A record found through a synonym need not hold a word typed (交通事故 -> 交通损害赔偿): say
    // which were searched too (the first few).
    if (!r.synonyms.empty()) {
        std::string also;
        for (size_t i = 0; i < r.synonyms.size() && i < 6; ++i) also += (i ? "、" : "") + r.synonyms[i];
        Meta(ctx, ctx.S("search.synonyms") + also);
    }
    // Letters typed (falvyuanzhu, flyz: a kiosk has no input method): the words they found, in
    // characters, as an input method's candidates; a tap searches for one.
    if (!st.results_words.empty()) {
        Meta(ctx, ctx.S("search.candidates"));
        ChipRow row{ctx};
        for (const std::string& word : st.results_words)
            if (row.Chip(word, false)) SearchFor(ctx, word);
    }
    KindChips(ctx, r, kind);
    if (kind >= 0) {
        // One kind, a page at a time.
        std::vector<size_t> listed;
        for (size_t i = 0; i < r.hits.size(); ++i)
            if (int(r.hits[i].type) == kind) listed.push_back(i);
        uint32_t total = r.total_by_type[size_t(kind)];
        Heading(ctx, ctx.S(GroupKey(core::RecordType(kind))) + " (" + std::to_string(total) + ")");
        size_t listable = std::min<size_t>(total, kMaxListed);
        auto [first, last] = PageRange(ctx, listable, kPerPage);
        for (size_t i = first; i < last && i < listed.size(); ++i) HitRow(ctx, r.hits[listed[i]], listed[i]);
        Pager(ctx, listable, kPerPage);
        if (total > kMaxListed && last >= listable)
            Meta(ctx, ctx.S("search.capped") + " " + std::to_string(kMaxListed) + " " + ctx.S("search.capped_tail"));
        return;
    }
    int last_type = -1;
    auto more = [&](int type) {  // under a group that has more than it shows
        uint32_t total = r.total_by_type[size_t(type)];
        size_t shown = 0;
        for (const core::Hit& h : r.hits) shown += int(h.type) == type;
        if (total <= shown) return;
        ImGui::PushID(type);
        if (BigButton(ctx, ctx.S("search.more") + " (" + std::to_string(total) + ") ›"))
            ctx.navigate(core::Route{core::Screen::Search, core::ToString(core::RecordType(type)), q});
        ImGui::PopID();
    };
    for (size_t i = 0; i < r.hits.size(); ++i) {
        const core::Hit& hit = r.hits[i];
        if (int(hit.type) != last_type) {
            if (last_type >= 0) more(last_type);
            last_type = int(hit.type);
            uint32_t total = r.total_by_type[size_t(hit.type)];
            Heading(ctx, ctx.S(GroupKey(hit.type)) + " (" + std::to_string(total) + ")");
        }
        HitRow(ctx, hit, i);
    }
    if (last_type >= 0) more(last_type);
    // Results of a part of the question may not answer it: the hotline does.
    if (r.relaxation != Relaxation::None) AskHotline(ctx);
}

}  // namespace ui
