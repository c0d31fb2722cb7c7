// Extract.cpp — unit lists, targets and figures from a task's text. Hand-written scanners over
// UTF-32 rather than std::regex: the input is untrusted and std::regex recurses per character.
// Depends on Extract.h, Text.h.
#include "Extract.h"

#include <cmath>
#include <cstdlib>

namespace importer {

namespace {

struct Label {
    const char32_t* text;
    bool lead;
};
// Longer labels first so 牵头单位 is not read as a shorter prefix.
const Label kUnitLabels[] = {{U"牵头单位", true},  {U"牵头部门", true},  {U"主责单位", true},
                             {U"责任单位", false}, {U"责任部门", false}, {U"配合单位", false},
                             {U"协办单位", false}, {U"参与单位", false}, {U"配合部门", false}};

// The label at `at` followed by a colon: returns its length including the colon, 0 if none.
size_t LabelAt(const U32& s, size_t at, bool& lead) {
    for (const Label& l : kUnitLabels) {
        U32 t = l.text;
        if (!StartsWithF(s, t, at)) continue;
        size_t k = at + t.size();
        while (k < s.size() && IsSpace(s[k])) ++k;
        if (k < s.size() && Fold(s[k]) == U':') {
            lead = l.lead;
            return k + 1 - at;
        }
    }
    return 0;
}

void Append(std::vector<U32>& to, const std::vector<U32>& from) {
    for (const U32& u : from) {
        bool seen = false;
        for (const U32& v : to) seen = seen || v == u;
        if (!seen) to.push_back(u);
    }
}

}  // namespace

std::vector<U32> SplitUnitList(const U32& s) {
    std::vector<U32> out;
    for (U32 part : SplitOutsideBrackets(s, U"、，,；;")) {
        // Trailing full stops and "等" belong to the sentence, not to the unit name.
        while (!part.empty() && (IsSentenceEnd(part.back()) || part.back() == U'.')) part.pop_back();
        part = Trim(part);
        if (!part.empty()) out.push_back(part);
    }
    return out;
}

bool ParseUnitLabels(const U32& s, UnitSpec& out) {
    U32 t = Trim(s);
    bool lead = false;
    if (LabelAt(t, 0, lead) == 0) return false;
    // Cut the text at every label; each piece runs to the next label.
    size_t i = 0;
    while (i < t.size()) {
        bool this_lead = false;
        size_t len = LabelAt(t, i, this_lead);
        if (len == 0) {
            ++i;
            continue;
        }
        size_t start = i + len, j = start;
        bool next_lead = false;
        int depth = 0;
        while (j < t.size()) {
            if (IsOpenBracket(t[j])) ++depth;
            if (IsCloseBracket(t[j]) && depth > 0) --depth;
            if (depth == 0 && LabelAt(t, j, next_lead) && j > start) break;
            ++j;
        }
        Append(this_lead ? out.lead : out.responsible, SplitUnitList(t.substr(start, j - start)));
        i = j;
    }
    return true;
}

bool TakeUnitBracket(U32& text, UnitSpec& out) {
    U32 t = text;
    while (!t.empty() && (IsSpace(t.back()) || IsSentenceEnd(t.back()))) t.pop_back();
    if (t.empty() || Fold(t.back()) != U')') return false;
    // Find the matching opening bracket.
    int depth = 0;
    size_t open = U32::npos;
    for (size_t i = t.size(); i-- > 0;) {
        if (IsCloseBracket(t[i])) ++depth;
        if (IsOpenBracket(t[i]) && --depth == 0) {
            open = i;
            break;
        }
    }
    if (open == U32::npos || Fold(t[open]) != U'(') return false;
    U32 inner = t.substr(open + 1, t.size() - open - 2);
    UnitSpec spec;
    if (!ParseUnitLabels(inner, spec) || spec.Empty()) return false;
    Append(out.lead, spec.lead);
    Append(out.responsible, spec.responsible);
    text = Trim(t.substr(0, open));
    return true;
}

// --- numbers ---------------------------------------------------------------------------------------

namespace {

struct Num {
    size_t start = 0, end = 0;  // [start, end) of the digits
    double value = 0;
    U32 unit;
    size_t unit_end = 0;  // after the unit (and 余 before it)
};

const char32_t* const kUnits[] = {U"人次", U"学时", U"万元", U"亿元", U"家(次)", U"%", U"件", U"起", U"次", U"期",
                                  U"项", U"场", U"个", U"家", U"人", U"名", U"户", U"条", U"份", U"张", U"封",
                                  U"篇", U"批", U"所", U"块", U"元", U"天", U"日", U"小时", U"分钟", U"倍"};

// Reads a number starting at `i` (not preceded by a digit) and the unit after it.
bool ReadNumber(const U32& s, size_t i, Num& n) {
    if (i >= s.size() || !IsDigit(s[i])) return false;
    if (i > 0 && (IsDigit(s[i - 1]) || Fold(s[i - 1]) == U'.')) return false;
    size_t j = i;
    std::string digits;
    bool dot = false;
    while (j < s.size()) {
        char32_t c = Fold(s[j]);
        if (c >= U'0' && c <= U'9') {
            digits += char(c);
        } else if (c == U'.' && !dot && j + 1 < s.size() && IsDigit(s[j + 1])) {
            digits += '.';
            dot = true;
        } else {
            break;
        }
        ++j;
    }
    if (digits.size() > 12) return false;
    n.start = i;
    n.end = j;
    n.value = std::strtod(digits.c_str(), nullptr);
    size_t k = j;
    if (k < s.size() && s[k] == U'余') ++k;  // 2000余人次: "more than 2000"
    for (const char32_t* u : kUnits) {
        U32 unit = u;
        if (StartsWithF(s, unit, k)) {
            n.unit = unit;
            n.unit_end = k + unit.size();
            return true;
        }
    }
    return false;
}

bool IsClassifier(const U32& unit) {
    return unit == U"个" || unit == U"家" || unit == U"名" || unit == U"项" || unit == U"所" || unit == U"块";
}

U32 StripLeading(U32 s, std::initializer_list<const char32_t*> words) {
    bool again = true;
    while (again) {
        again = false;
        s = Trim(s);
        for (const char32_t* w : words) {
            U32 word = w;
            if (StartsWithF(s, word)) {
                s = s.substr(word.size());
                again = true;
            }
        }
    }
    return s;
}

U32 StripTrailing(U32 s, std::initializer_list<const char32_t*> words) {
    bool again = true;
    while (again) {
        again = false;
        s = Trim(s);
        for (const char32_t* w : words) {
            U32 word = w;
            if (EndsWithF(s, word)) {
                s = s.substr(0, s.size() - word.size());
                again = true;
            }
        }
    }
    return s;
}

// Removes a due phrase (到2025年, 2024年底前) at the start of a clause.
U32 StripDue(U32 s) {
    s = StripLeading(s, {U"力争", U"确保", U"争取", U"到", U"在"});
    size_t i = 0;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == 4 && i < s.size() && s[i] == U'年') {
        size_t k = i + 1;
        for (const char32_t* w : {U"底前", U"年底前", U"底", U"前"}) {
            U32 word = w;
            if (StartsWithF(s, word, k)) {
                k += word.size();
                break;
            }
        }
        s = s.substr(k);
    }
    return StripLeading(s, {U",", U"，", U"力争", U"确保", U"争取", U"基本", U"全面", U"实现", U"使", U"做到"});
}

std::vector<U32> Sentences(const U32& text) {
    std::vector<U32> out;
    U32 cur;
    int depth = 0;
    for (char32_t c : text) {
        if (IsOpenBracket(c)) ++depth;
        if (IsCloseBracket(c) && depth > 0) --depth;
        cur.push_back(c);
        if (c == U'\n' || (depth == 0 && (IsSentenceEnd(c) || Fold(c) == U';'))) {
            U32 t = Trim(cur);
            if (!t.empty()) out.push_back(t);
            cur.clear();
        }
    }
    U32 t = Trim(cur);
    if (!t.empty()) out.push_back(t);
    return out;
}

std::vector<U32> Clauses(const U32& sentence) { return SplitOutsideBrackets(sentence, U"，,；;：:。！？!?"); }

struct Comparator {
    const char32_t* word;
    const char* op;
};
const Comparator kComparators[] = {{U"不少于", ">="}, {U"不低于", ">="}, {U"不超过", "<="}, {U"不高于", "<="},
                                   {U"至少", ">="},   {U"达到", ">="},   {U"提高到", ">="}, {U"提高至", ">="},
                                   {U"控制在", "<="}, {U"超过", ">"},    {U"高于", ">"},    {U"低于", "<"},
                                   {U"达", ">="},     {U"为", "="}};

// The comparator word ending at `end` (or up to 3 characters earlier, for 至少举办2期).
bool ComparatorBefore(const U32& s, size_t end, size_t& word_start, size_t& word_end, std::string& op) {
    for (size_t gap = 0; gap <= 3 && gap <= end; ++gap) {
        size_t e = end - gap;
        for (const Comparator& c : kComparators) {
            U32 w = c.word;
            if (e >= w.size() && StartsWithF(s, w, e - w.size())) {
                // A gap may only hold a verb (举办, 接受), never another number or a clause break.
                for (size_t k = e; k < end; ++k)
                    if (!IsCjk(s[k])) return false;
                if (gap > 0 && w == U"为") continue;
                word_start = e - w.size();
                word_end = e;
                op = c.op;
                return true;
            }
        }
    }
    return false;
}

std::string Quote(const U32& sentence) { return ToUtf8(Trim(sentence)); }

double Round(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace

std::string DueIn(const U32& sentence) {
    for (size_t i = 0; i + 5 <= sentence.size(); ++i) {
        if (i > 0 && IsDigit(sentence[i - 1])) continue;
        size_t j = i;
        while (j < sentence.size() && IsDigit(sentence[j])) ++j;
        if (j - i != 4 || j >= sentence.size() || sentence[j] != U'年') continue;
        std::string year;
        for (size_t k = i; k < j; ++k) year += char(Fold(sentence[k]));
        if (year < "2000" || year > "2099") continue;
        bool to = (i >= 1 && sentence[i - 1] == U'到') || (i >= 2 && StartsWithF(sentence, U"力争到", i - 3));
        size_t k = j + 1;
        if (StartsWithF(sentence, U"底前", k) || StartsWithF(sentence, U"年底前", k) || StartsWithF(sentence, U"底", k))
            return year + "-12";
        // 2024年3月底前
        size_t m = k;
        while (m < sentence.size() && IsDigit(sentence[m])) ++m;
        if (m > k && m - k <= 2 && m < sentence.size() && sentence[m] == U'月' &&
            (StartsWithF(sentence, U"底前", m + 1) || StartsWithF(sentence, U"前", m + 1) ||
             StartsWithF(sentence, U"底", m + 1))) {
            std::string month;
            for (size_t q = k; q < m; ++q) month += char(Fold(sentence[q]));
            if (month.size() == 1) month = "0" + month;
            if (month >= "01" && month <= "12") return year + "-" + month;
        }
        if (to || StartsWithF(sentence, U"前", k)) return year;
    }
    return "";
}

namespace {
// The counted noun after a classifier (6个乡镇(街道)公共法律服务工作站): up to a list break, the next
// number or a verb that starts the rest of the clause.
size_t NounEnd(const U32& clause, size_t from, bool verbs) {
    static const char32_t* const stops[] = {U"累计", U"先后", U"开展", U"配备", U"兑现", U"提供", U"进行", U"参训",
                                            U"涉及", U"充实", U"已配备", U"已实现", U"共计", U"均达"};
    int depth = 0;
    for (size_t k = from; k < clause.size(); ++k) {
        if (IsOpenBracket(clause[k])) ++depth;
        if (IsCloseBracket(clause[k]) && depth > 0) --depth;
        if (depth > 0) continue;
        // A list break ends the noun only where the next item is counted too (2个A、3个B).
        if (IsDigit(clause[k]) || (clause[k] == U'、' && k + 1 < clause.size() && IsDigit(clause[k + 1]))) return k;
        if (verbs)
            for (const char32_t* w : stops)
                if (k > from && StartsWithF(clause, w, k)) return k;
    }
    return clause.size();
}

// Text between the previous match and this number. After an earlier match in the same clause
// (or before a counted noun) only what follows the last list break belongs to this number.
U32 HeadSince(const U32& clause, size_t from, size_t to, bool cut_list) {
    U32 head = clause.substr(from, to - from);
    if (!cut_list) return head;
    int depth = 0;
    size_t cut = 0;
    for (size_t k = 0; k < head.size(); ++k) {
        if (IsOpenBracket(head[k])) ++depth;
        if (IsCloseBracket(head[k]) && depth > 0) --depth;
        if (depth == 0 && head[k] == U'、') cut = k + 1;
    }
    return head.substr(cut);
}

bool IsMoney(const U32& unit) { return unit == U"%" || unit == U"万元" || unit == U"亿元" || unit == U"元"; }

// Units that count things (件, 个, 期, 人次, 学时 ...), as opposed to shares, money, durations and
// ratios: only a count is named after the thing counted.
bool IsCount(const U32& unit) {
    if (IsMoney(unit)) return false;
    for (const char32_t* u : {U"天", U"日", U"小时", U"分钟", U"倍"})
        if (unit == u) return false;
    return true;
}

// Verbs whose object is the thing a report or plan counts (受理…案件 297起): the metric is "what was
// 受理", written "X受理的Y" so that it reads as a noun phrase. Verbs that are also parts of nouns
// (检查, 排查, 培训, 处罚, 组织) are left out on purpose: 联合部门检查事项 and 人民调解组织 are nouns.
const char32_t* const kCountVerbs[] = {U"受理", U"办理", U"审结", U"化解", U"解答", U"提供", U"接收", U"收到", U"发布",
                                       U"公开", U"梳理", U"录入", U"注销", U"抽查", U"审查", U"备案", U"开展", U"举办",
                                       U"召开", U"完成", U"选拔", U"创建", U"建成", U"打造", U"培育", U"确定",
                                       U"接受", U"惠及", U"聘请", U"新增", U"设立", U"发放", U"印发", U"制定", U"出台",
                                       U"清理"};
// Verbs that say only that something took place: without a subject they add nothing to the noun
// (开展“法律明白人”培训班 6次 is 6 “法律明白人”培训班).
const char32_t* const kLightVerbs[] = {U"开展", U"举办", U"召开", U"完成"};
// A count of people followed only by this verb (80余人参训) counts its participants.
const char32_t* const kJoinVerbs[] = {U"参训", U"参加", U"参与", U"参会", U"受益"};

bool IsLightVerb(const U32& verb) {
    for (const char32_t* w : kLightVerbs)
        if (verb == w) return true;
    return false;
}

U32 RemoveWords(U32 s, std::initializer_list<const char32_t*> words) {
    for (const char32_t* w : words) {
        U32 word = w;
        for (size_t at = FindF(s, word); at != U32::npos; at = FindF(s, word, at)) s.erase(at, word.size());
    }
    return s;
}

// The metric of a count as a noun phrase. `head` is the text before the number (subject and verb,
// the comparator taken out), `tail` the counted noun after it (2期以上法治专题讲座), maybe empty.
// 各级政府领导班子每年应当举办 + 法治专题讲座 -> 各级政府领导班子每年举办的法治专题讲座;
// 金融巡回法庭共受理民商事纠纷案件 -> 金融巡回法庭受理的民商事纠纷案件; 80余人 + 参训 -> 参训人数.
U32 CountMetric(U32 head, const U32& tail, const U32& unit) {
    head = RemoveWords(head, {U"应当", U"必须"});
    head = StripLeading(head, {U"先后", U"依次", U"对"});
    head = StripTrailing(head, {U"了"});
    auto subject_of = [](const U32& h, size_t verb_at) {
        return StripTrailing(h.substr(0, verb_at), {U"共计", U"累计", U"共"});
    };
    if (!tail.empty()) {
        for (const char32_t* w : kJoinVerbs)
            if (tail == w && (unit == U"人" || unit == U"名" || unit == U"人次"))
                return head + tail + (unit == U"人次" ? U"人次" : U"人数");
        if (head.empty()) return tail;
        for (const char32_t* w : kCountVerbs) {
            U32 verb = w;
            if (!EndsWithF(head, verb)) continue;
            U32 subject = subject_of(head, head.size() - verb.size());
            if (subject.empty() && IsLightVerb(verb)) return tail;
            return subject + verb + U"的" + tail;
        }
        return head + tail;
    }
    // No noun after the number: the object of the first counting verb is the thing counted.
    for (size_t k = 0; k < head.size(); ++k)
        for (const char32_t* w : kCountVerbs) {
            U32 verb = w;
            if (!StartsWithF(head, verb, k)) continue;
            U32 object = StripLeading(head.substr(k + verb.size()), {U"了"});
            if (object.empty()) return head;
            U32 subject = subject_of(head, k);
            if (subject.empty() && IsLightVerb(verb)) return object;
            return subject + verb + U"的" + object;
        }
    return head;
}

// 每人每年, 每季度: a rate's "per whom, per when" and nothing that is counted.
bool IsDistributive(const U32& s) {
    if (s.empty() || s[0] != U'每') return false;
    size_t last = 0;
    for (size_t k = 1; k <= s.size(); ++k) {
        if (k < s.size() && s[k] != U'每') continue;
        if (k - last < 2 || k - last > 3) return false;  // 每 + one or two characters
        last = k;
    }
    return true;
}

// What the clause before says is done (开展法律知识培训 -> 法律知识培训), for a count whose own
// clause only says how often (每人每年不少于40学时); "" when it names no counting verb.
U32 ObjectOfClause(const U32& clause) {
    for (size_t k = 0; k < clause.size(); ++k)
        for (const char32_t* w : kCountVerbs) {
            U32 verb = w;
            if (!StartsWithF(clause, verb, k)) continue;
            return Trim(StripLeading(clause.substr(k + verb.size()), {U"了"}));
        }
    return U32();
}
}  // namespace

std::vector<core::Target> ExtractTargets(const U32& text) {
    std::vector<core::Target> out;
    for (const U32& sentence : Sentences(text)) {
        std::string due = DueIn(sentence);
        U32 previous_clause;
        for (const U32& clause : Clauses(sentence)) {
            bool numeric = false;
            size_t prev_end = 0;
            for (size_t i = 0; i < clause.size(); ++i) {
                Num n;
                if (!ReadNumber(clause, i, n)) continue;
                size_t ws = 0, we = 0;
                std::string op;
                bool before = ComparatorBefore(clause, n.start, ws, we, op) && ws >= prev_end;
                if (before && op == "=") {
                    // 至少为1000人次: the comparator is the word before 为.
                    size_t ws2 = 0, we2 = 0;
                    std::string op2;
                    if (ComparatorBefore(clause, ws, ws2, we2, op2) && we2 == ws && op2 != "=" && ws2 >= prev_end) {
                        ws = ws2;
                        op = op2;
                    }
                }
                size_t after = n.unit_end;
                bool more = StartsWithF(clause, U"以上", after), less = StartsWithF(clause, U"以下", after) ||
                                                                         StartsWithF(clause, U"以内", after);
                bool cover = StartsWithF(clause, U"全覆盖", after);
                if (more || less) after += 2;
                if (cover) after += 3;
                if (!before && !more && !less && !cover) {
                    i = n.unit_end - 1;
                    continue;
                }
                if (!before) {
                    ws = we = n.start;
                    op = less ? "<=" : ">=";
                } else if (more && op == "=") {
                    op = ">=";
                } else if (less && op == "=") {
                    op = "<=";
                }
                U32 raw_head = HeadSince(clause, prev_end, ws, prev_end > 0);
                bool both = EndsWithF(raw_head, U"均");
                U32 head = StripTrailing(raw_head, {U"均", U"的", U"力争", U"确保", U"争取"});
                U32 verb = clause.substr(we, n.start - we);
                if (verb == U"为") verb.clear();
                size_t tail_from = after;
                if (StartsWithF(clause, U"的", tail_from)) ++tail_from;
                size_t tail_end = NounEnd(clause, tail_from, false);
                U32 tail = clause.substr(tail_from, tail_end - tail_from);
                if (!tail.empty() && tail[0] == U'、') tail.clear();  // 60件、政协提案40件: the next item
                head = StripDue(head);
                std::vector<U32> metrics;
                if (both) {
                    metrics = SplitOutsideBrackets(head, U"和及、");
                } else if (IsCount(n.unit) && !cover) {
                    U32 m = CountMetric(head + verb, tail, n.unit);
                    if (IsDistributive(Trim(m))) m = Trim(m) + ObjectOfClause(previous_clause);
                    metrics.push_back(m);
                    if (!tail.empty()) after = std::max(after, tail_end);
                } else {
                    U32 m = head + verb;
                    bool use_tail = head.empty() || IsClassifier(n.unit) || !verb.empty();
                    if (use_tail) m += tail;
                    if (cover && !EndsWithF(m, U"覆盖")) m += U"覆盖";
                    metrics.push_back(m);
                    if (use_tail) after = std::max(after, tail_end);
                }
                for (const U32& m : metrics) {
                    U32 metric = Trim(m);
                    if (metric.empty()) continue;
                    core::Target t;
                    t.quote = Quote(sentence);
                    t.metric = ToUtf8(metric);
                    t.comparator = op;
                    t.value = Round(n.value);
                    t.unit = ToUtf8(n.unit);
                    t.due = due;
                    out.push_back(t);
                    numeric = true;
                }
                prev_end = after;
                i = after > 0 ? after - 1 : i;
            }
            // 实现…全覆盖 without a number: 100 percent.
            size_t cov = FindF(clause, U"全覆盖");
            if (!numeric && cov != U32::npos && !StartsWithF(clause, U"的", cov + 3)) {
                U32 head = StripDue(clause.substr(0, cov));
                head = StripLeading(head, {U"有序推进", U"推进", U"实现", U"达到", U"基本", U"确保", U"完成"});
                head = StripTrailing(head, {U"100%", U"均"});
                // A bare verb phrase ("有序推进全覆盖") names no metric.
                if (head.size() >= 2 && !ContainsF(head, U"推进") && !ContainsF(head, U"建成")) {
                    core::Target t;
                    t.quote = Quote(sentence);
                    t.metric = ToUtf8(Trim(head)) + "覆盖";
                    t.comparator = ">=";
                    t.value = 100;
                    t.unit = "%";
                    t.due = due;
                    out.push_back(t);
                }
            }
            previous_clause = clause;
        }
    }
    return out;
}

std::vector<core::Figure> ExtractFigures(const U32& text, int year) {
    std::vector<core::Figure> out;
    for (const U32& sentence : Sentences(text)) {
        U32 previous_clause;
        for (const U32& clause : Clauses(sentence)) {
            size_t prev_end = 0;
            for (size_t i = 0; i < clause.size(); ++i) {
                Num n;
                if (!ReadNumber(clause, i, n)) continue;
                U32 raw = HeadSince(clause, prev_end, n.start, prev_end > 0 || IsClassifier(n.unit));
                U32 whole = Trim(HeadSince(clause, prev_end, n.start, false));
                bool listed = EndsWithF(whole, U"等") && ContainsF(whole, U"、");
                if (listed) {
                    // 对A、B、C等6家单位: the list names what is counted, so it stays whole (from
                    // the preposition that introduces it).
                    size_t from = whole.find_last_of(U"对向为");
                    raw = from == U32::npos ? whole : whole.substr(from + 1);
                }
                U32 head = StripLeading(raw, {U"今年以来", U"今年来", U"今年", U"目前", U"其中", U"累计", U"共计",
                                              U"共", U"全年", U"并", U"实现", U"依托", U",", U"，", U"和", U"及"});
                bool both = EndsWithF(head, U"均") || EndsWithF(head, U"均达") || EndsWithF(head, U"均达到");
                head = StripTrailing(head, {U"共计", U"累计", U"共", U"达到", U"达", U"均", U"为", U"约", U"计", U"等"});
                if (listed) head += U"等";
                size_t end = n.unit_end;
                if (StartsWithF(clause, U"以上", end)) end += 2;
                U32 tail;
                if (!IsMoney(n.unit)) {
                    size_t tail_end = NounEnd(clause, end, true);
                    tail = clause.substr(end, tail_end - end);
                    if (!tail.empty() && tail[0] == U'、')
                        tail.clear();  // 60件、政协提案40件: the next item
                    else
                        end = tail_end;
                }
                std::vector<U32> metrics;
                if (both)
                    metrics = SplitOutsideBrackets(head, U"和及、");
                else if (Trim(head + tail).empty())
                    metrics.push_back(previous_clause);
                else if (IsCount(n.unit))
                    metrics.push_back(CountMetric(head, tail, n.unit));
                else
                    metrics.push_back(head + tail);
                for (const U32& m : metrics) {
                    U32 metric = Trim(m);
                    if (metric.empty()) continue;
                    core::Figure f;
                    f.quote = Quote(sentence);
                    f.metric = ToUtf8(metric);
                    f.value = Round(n.value);
                    f.unit = ToUtf8(n.unit);
                    if (year > 0) f.year = std::to_string(year);
                    out.push_back(f);
                }
                prev_end = end;
                i = end > 0 ? end - 1 : i;
            }
            previous_clause = clause;
        }
    }
    return out;
}

}  // namespace importer
