// PlanImporter.cpp — plan text -> core::Plan. Lines are cleaned of web boilerplate, signature
// blocks are read for issuers and date, numbered headings build a tree by the order in which
// their styles first appear, and leaves that carry text become tasks.
// Depends on PlanImporter.h, Extract.h, Themes.h, Text.h.
#include "PlanImporter.h"

#include <algorithm>
#include <map>
#include <set>

#include "Extract.h"
#include "Text.h"
#include "Themes.h"

namespace importer {

namespace {

// [SECTION] lines and boilerplate ------------------------------------------------------------------

struct PageInfo {
    std::string page_date;     // 发布时间 of the web page
    bool user_upload = false;  // an essay site's copy ("来源于网友上传"): its date is not the issuer's
};

std::string DateFrom(const U32& s) {
    // First YYYY-MM-DD (or YYYY年M月D日) in the text, as YYYY-MM-DD.
    for (size_t i = 0; i + 8 <= s.size(); ++i) {
        if (i > 0 && IsDigit(s[i - 1])) continue;
        size_t j = i;
        while (j < s.size() && IsDigit(s[j])) ++j;
        if (j - i != 4 || j >= s.size()) continue;
        char32_t sep = Fold(s[j]);
        if (sep != U'-' && sep != U'年' && sep != U'/' && sep != U'.') continue;
        size_t m = j + 1, me = m;
        while (me < s.size() && IsDigit(s[me])) ++me;
        if (me == m || me - m > 2 || me >= s.size()) continue;
        size_t d = me + 1, de = d;
        while (de < s.size() && IsDigit(s[de])) ++de;
        if (de == d || de - d > 2) continue;
        auto num = [&](size_t a, size_t b) {
            std::string r;
            for (size_t k = a; k < b; ++k) r += char(Fold(s[k]));
            return r.size() == 1 ? "0" + r : r;
        };
        std::string month = num(m, me), day = num(d, de);
        if (month < "01" || month > "12" || day < "01" || day > "31") continue;
        return num(i, j) + "-" + month + "-" + day;
    }
    return "";
}

// A line that belongs to the web page, not to the document.
bool IsBoilerplate(const U32& line, PageInfo& page) {
    U32 t = Trim(line);
    if (t.empty()) return true;
    if (StartsWithF(t, U"当前位置") || StartsWithF(t, U"您的位置") || StartsWithF(t, U"您现在的位置")) return true;
    if (ContainsF(t, U"[发布时间") || ContainsF(t, U"发布日期:") ||
        (StartsWithF(t, U"来源") && ContainsF(t, U"发布时间")) ||
        (StartsWithF(t, U"时间:") && t.size() <= 30)) {
        if (page.page_date.empty()) page.page_date = DateFrom(t);
        return true;
    }
    if (StartsWithF(t, U"导语") && ContainsF(t, U"网友上传")) {
        page.user_upload = true;
        return true;
    }
    U32 u = t;
    while (!u.empty() && (u[0] == U'-' || u[0] == U'·' || u[0] == U'•' || IsSpace(u[0]))) u.erase(0, 1);
    if (StartsWithF(u, U"上一篇") || StartsWithF(u, U"下一篇")) return true;
    if (ContainsF(t, U"阅读次数") || ContainsF(t, U"累计次数") || ContainsF(t, U"浏览次数") || ContainsF(t, U"字体:[") ||
        ContainsF(t, U"[打印本页]") || ContainsF(t, U"[关闭窗口]") || t == U"打印本页" || t == U"关闭窗口" ||
        StartsWithF(t, U"分享到"))
        return true;
    return false;
}

// [SECTION] task tables --------------------------------------------------------------------------

// Fields of a table row pasted as text: separated by tabs or by runs of 2+ spaces.
std::vector<U32> TableFields(const U32& line) {
    std::vector<U32> out;
    U32 cur;
    for (size_t i = 0; i < line.size(); ++i) {
        bool sep = line[i] == U'\t' ||
                   (IsSpace(line[i]) && i + 1 < line.size() && IsSpace(line[i + 1]) && line[i + 1] != U'\n');
        if (sep) {
            while (i + 1 < line.size() && IsSpace(line[i + 1])) ++i;
            if (!Trim(cur).empty()) out.push_back(Trim(cur));
            cur.clear();
        } else {
            cur.push_back(line[i]);
        }
    }
    if (!Trim(cur).empty()) out.push_back(Trim(cur));
    return out;
}

// Task lists are often tables (序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限). Each row becomes
// "N.任务（完成时限：…）(牵头单位:…,责任单位:…)", which the rest of the importer reads like
// any numbered task with a unit bracket; the header row is dropped.
void RewriteTables(std::vector<U32>& lines) {
    std::vector<U32> header;
    auto column = [&](std::initializer_list<const char32_t*> words) -> int {
        for (size_t c = 0; c < header.size(); ++c)
            for (const char32_t* w : words)
                if (ContainsF(header[c], w)) return int(c);
        return -1;
    };
    std::vector<U32> out;
    for (const U32& l : lines) {
        std::vector<U32> f = TableFields(l);
        if (f.size() >= 3) {
            size_t named = 0;
            bool short_fields = true;
            for (const U32& x : f) {
                short_fields = short_fields && x.size() <= 8;
                for (const char32_t* w : {U"序号", U"任务", U"内容", U"措施", U"牵头", U"责任", U"配合", U"时限", U"时间"})
                    if (ContainsF(x, w)) {
                        ++named;
                        break;
                    }
            }
            if (short_fields && named >= 3) {
                header = f;
                continue;
            }
        }
        bool numbered_row = f.size() >= 2 && !f[0].empty() && f[0].size() <= 3 &&
                            std::all_of(f[0].begin(), f[0].end(), IsDigit);
        if (header.empty() || !numbered_row) {
            out.push_back(l);
            continue;
        }
        int task = column({U"任务", U"内容", U"措施", U"事项"}), lead = column({U"牵头", U"主责"}),
            resp = column({U"责任", U"配合", U"参与"}), due = column({U"时限", U"时间"});
        auto field = [&](int c) { return c >= 0 && size_t(c) < f.size() ? f[size_t(c)] : U32(); };
        U32 row = f[0] + U"." + (task >= 0 ? field(task) : f[1]);
        if (!field(due).empty()) row += U"（完成时限：" + field(due) + U"）";
        U32 units;
        if (!field(lead).empty()) units += U"牵头单位:" + field(lead);
        if (!field(resp).empty()) units += (units.empty() ? U"" : U",") + U32(U"责任单位:") + field(resp);
        if (!units.empty()) row += U"(" + units + U")";
        out.push_back(row);
    }
    lines.swap(out);
}

// [SECTION] signature blocks -----------------------------------------------------------------------

bool IsDateLine(const U32& line) {
    U32 t = RemoveSpaces(line);
    size_t i = 0;
    auto digits = [&](size_t lo, size_t hi) {
        size_t a = i;
        while (i < t.size() && IsDigit(t[i])) ++i;
        return i - a >= lo && i - a <= hi;
    };
    if (!digits(4, 4) || i >= t.size() || t[i++] != U'年') return false;
    if (!digits(1, 2) || i >= t.size() || t[i++] != U'月') return false;
    if (!digits(1, 2) || i >= t.size() || t[i++] != U'日') return false;
    return i == t.size();
}

const char32_t* const kIssuerEnds[] = {U"委员会", U"人民政府", U"政府", U"区委", U"市委", U"县委", U"省委", U"党委",
                                       U"办公室", U"办公厅", U"司法局", U"局", U"厅", U"委"};

bool IsIssuerLike(const U32& s) {
    if (s.size() < 3 || s.size() > 40) return false;
    for (char32_t c : s)
        if (IsSentenceEnd(c) || IsClauseBreak(c) || c == U'、' || IsDigit(c)) return false;
    for (const char32_t* e : kIssuerEnds)
        if (EndsWithF(s, e)) return true;
    return false;
}

// "中共昌江区委昌江区人民政府" -> two issuers; "中共昆明市委" stays whole.
void SplitIssuers(const U32& s, std::vector<U32>& out) {
    for (size_t cut = 3; cut + 3 <= s.size(); ++cut) {
        U32 a = s.substr(0, cut), b = s.substr(cut);
        // The second half must name a body of its own (not 办公室 of 人民政府办公室).
        bool whole_b = b.size() >= 5 && !StartsWithF(b, U"办公") && !StartsWithF(b, U"委员会");
        if (IsIssuerLike(a) && IsIssuerLike(b) && whole_b &&
            (EndsWithF(a, U"委") || EndsWithF(a, U"委员会") || EndsWithF(a, U"政府"))) {
            out.push_back(a);
            SplitIssuers(b, out);
            return;
        }
    }
    out.push_back(s);
}

// [SECTION] heading markers ------------------------------------------------------------------------

enum class Style {
    Root,
    Chapter,      // 第一章 / 第一部分
    Article,      // 第一条
    CnComma,      // 一、
    CnParen,      // （一） (一)
    Arabic,       // 1. 1、 1．
    ArabicRight,  // 1) 1）
    ArabicParen,  // （1） (1)
    Circled,      // ①
    Inline,       // 一是 … inside a paragraph
    Titled,       // a paragraph led by a short title sentence
    Label         // 指导思想。… : a titled paragraph that is a section, not a task
};

struct Marker {
    Style style = Style::Root;
    U32 number;  // as printed
    U32 rest;    // the text after it
};

bool ParseMarker(const U32& line, Marker& m) {
    U32 t = Trim(line);
    if (t.empty()) return false;
    size_t i = 0;
    auto cn_run = [&](size_t from) {
        size_t k = from;
        while (k < t.size() && IsChineseDigit(t[k]) && k - from < 4) ++k;
        return k;
    };
    auto finish = [&](Style s, size_t end) {
        m.style = s;
        m.number = t.substr(0, end);
        m.rest = Trim(t.substr(end));
        return !m.rest.empty() || s == Style::Chapter || s == Style::CnComma;
    };
    if (t[0] == U'第') {
        size_t k = cn_run(1);
        if (k > 1 && k < t.size() && ChineseNumber(t.substr(1, k - 1)) > 0) {
            if (t[k] == U'章' || t[k] == U'部' || t[k] == U'编') return finish(Style::Chapter, k + 1);
            if (t[k] == U'条') return finish(Style::Article, k + 1);
        }
        return false;
    }
    if (IsChineseDigit(t[0])) {
        size_t k = cn_run(0);
        if (k < t.size() && ChineseNumber(t.substr(0, k)) > 0 && (t[k] == U'、' || Fold(t[k]) == U'.'))
            return finish(Style::CnComma, k + 1);
        return false;
    }
    if (Fold(t[0]) == U'(') {
        size_t k = cn_run(1);
        if (k > 1 && k < t.size() && Fold(t[k]) == U')' && ChineseNumber(t.substr(1, k - 1)) > 0)
            return finish(Style::CnParen, k + 1);
        k = 1;
        while (k < t.size() && IsDigit(t[k]) && k < 3) ++k;
        if (k > 1 && k < t.size() && Fold(t[k]) == U')') return finish(Style::ArabicParen, k + 1);
        return false;
    }
    if (IsDigit(t[0])) {
        while (i < t.size() && IsDigit(t[i]) && i < 3) ++i;
        if (i < t.size() && (Fold(t[i]) == U'.' || t[i] == U'、') && i + 1 < t.size() && !IsDigit(t[i + 1]))
            return finish(Style::Arabic, i + 1);
        if (i < t.size() && Fold(t[i]) == U')' && i + 1 < t.size()) return finish(Style::ArabicRight, i + 1);
        return false;
    }
    if (t[0] >= 0x2460 && t[0] <= 0x2473) return finish(Style::Circled, 1);  // ①..⑳
    return false;
}

// [SECTION] the tree -------------------------------------------------------------------------------

struct Node {
    Style style = Style::Root;
    U32 number;
    U32 head;  // the heading line's text after its number (for Titled/Inline: the paragraph)
    std::vector<U32> paras;
    UnitSpec line_units;  // 责任单位 lines after the node
    std::vector<int> kids;
    // Filled before conversion:
    U32 text;  // head + paragraphs, unit bracket removed
    UnitSpec bracket_units;
};

struct Tree {
    std::vector<Node> nodes;  // nodes[0] is the root
    int Add(int parent, Node n) {
        nodes.push_back(std::move(n));
        int id = int(nodes.size()) - 1;
        nodes[size_t(parent)].kids.push_back(id);
        return id;
    }
};

// The lead sentence of a paragraph when it is a short title (优化政府组织结构。…).
bool TitleSentence(const U32& para, U32& title) {
    size_t end = U32::npos;
    for (size_t i = 0; i < para.size() && i <= 32; ++i)
        if (IsSentenceEnd(para[i])) {
            end = i;
            break;
        }
    if (end == U32::npos || end < 3) return false;
    U32 lead = para.substr(0, end);
    for (char32_t c : lead)
        if (IsClauseBreak(c) || IsDigit(c)) return false;
    title = lead;
    return true;
}

bool IsLabelTitle(const U32& title) {
    static const char32_t* const labels[] = {U"指导思想", U"主要原则", U"基本原则", U"工作原则", U"总体目标", U"主要目标",
                                             U"实现目标", U"工作目标", U"总体要求", U"目标任务", U"适用范围"};
    for (const char32_t* l : labels)
        if (title == l) return true;
    return false;
}

bool IsProblemHeading(const U32& title) {
    return (ContainsF(title, U"存在") && (ContainsF(title, U"问题") || ContainsF(title, U"不足"))) ||
           StartsWithF(title, U"问题") || ContainsF(title, U"问题和不足") || ContainsF(title, U"不足之处");
}

// The heading's own words: up to its first full stop, else the line without a trailing colon.
U32 TitleOf(const U32& head) {
    U32 t = Trim(head);
    size_t end = U32::npos;
    int depth = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        if (IsOpenBracket(t[i])) ++depth;
        if (IsCloseBracket(t[i]) && depth > 0) --depth;
        if (depth == 0 && IsSentenceEnd(t[i])) {
            end = i;
            break;
        }
    }
    U32 title = end == U32::npos ? t : t.substr(0, end);
    while (!title.empty() && (Fold(title.back()) == U':' || Fold(title.back()) == U';' || title.back() == U'。'))
        title.pop_back();
    if (title.size() > 48) {
        // A long first sentence: its first clause names the task.
        auto clauses = SplitOutsideBrackets(title, U"，,；;");
        if (!clauses.empty() && clauses[0].size() >= 4) title = clauses[0];
    }
    return Trim(title);
}

bool HasSentence(const U32& head) {
    for (char32_t c : head)
        if (IsSentenceEnd(c)) return true;
    return false;
}

// 一是…二是… inside paragraphs: the node's paragraphs become Inline children.
void ExpandInline(Tree& tree, int id) {
    Node& node = tree.nodes[size_t(id)];
    if (!node.kids.empty() || node.paras.empty()) return;
    std::vector<U32> keep;
    std::vector<Node> items;
    int expected = 1;
    for (const U32& para : node.paras) {
        auto marker_at = [&](size_t at, int n, size_t& len) {
            static const U32 numerals[] = {U"一", U"二", U"三", U"四", U"五", U"六", U"七", U"八", U"九", U"十",
                                           U"十一", U"十二", U"十三", U"十四", U"十五"};
            if (n < 1 || n > 15) return false;
            U32 m = numerals[n - 1] + U"是";
            len = m.size();
            return StartsWithF(para, m, at);
        };
        size_t len = 0;
        if (!marker_at(0, expected, len)) {
            if (items.empty())
                keep.push_back(para);
            else
                items.back().paras.push_back(para);
            continue;
        }
        size_t start = 0;
        while (start < para.size()) {
            size_t mlen = 0;
            marker_at(start, expected, mlen);
            size_t next = U32::npos, next_len = 0;
            for (size_t k = start + mlen; k < para.size(); ++k) {
                bool boundary = IsSentenceEnd(para[k - 1]) || Fold(para[k - 1]) == U';';
                if (boundary && marker_at(k, expected + 1, next_len)) {
                    next = k;
                    break;
                }
            }
            Node item;
            item.style = Style::Inline;
            item.number = para.substr(start, mlen);
            item.head = Trim(para.substr(start + mlen, next == U32::npos ? U32::npos : next - start - mlen));
            items.push_back(item);
            ++expected;
            if (next == U32::npos) break;
            start = next;
        }
    }
    if (items.empty()) return;
    node.paras = keep;
    for (Node& item : items) tree.Add(id, std::move(item));
}

// Unnumbered tasks: paragraphs led by a short title sentence under a plain heading.
// `min_titled` is 2 unless the document already has such tasks elsewhere: one short lead sentence
// alone is weak evidence, but not in a document made of them.
size_t CountTitled(const Node& node) {
    if (!node.kids.empty() || node.paras.empty() || HasSentence(node.head)) return 0;
    size_t titled = 0;
    U32 title;
    for (const U32& p : node.paras)
        if (TitleSentence(p, title)) ++titled;
    return titled;
}

void ExpandTitled(Tree& tree, int id, size_t min_titled) {
    Node& node = tree.nodes[size_t(id)];
    if (CountTitled(node) < min_titled) return;
    U32 title;
    std::vector<U32> keep;
    std::vector<Node> items;
    for (const U32& p : node.paras) {
        if (TitleSentence(p, title)) {
            Node item;
            item.style = IsLabelTitle(title) ? Style::Label : Style::Titled;
            item.head = p;
            items.push_back(item);
        } else if (!items.empty()) {
            items.back().paras.push_back(p);
        } else {
            keep.push_back(p);
        }
    }
    node.paras = keep;
    for (Node& item : items) tree.Add(id, std::move(item));
}

U32 Joined(const std::vector<U32>& paras) {
    U32 out;
    for (const U32& p : paras) {
        if (!out.empty()) out += U'\n';
        out += p;
    }
    return out;
}

// [SECTION] metadata -------------------------------------------------------------------------------

const char32_t kAdminSuffixes[] = U"省市区县州盟旗镇乡";

core::RegionLevel LevelOf(const U32& name) {
    if (name.empty()) return core::RegionLevel::Unknown;
    if (EndsWithF(name, U"街道")) return core::RegionLevel::Township;
    switch (name.back()) {
        case U'省': return core::RegionLevel::Province;
        case U'市':
        case U'州':
        case U'盟': return core::RegionLevel::City;
        case U'区':
        case U'县':
        case U'旗': return core::RegionLevel::County;
        case U'镇':
        case U'乡': return core::RegionLevel::Township;
        default: return core::RegionLevel::Unknown;
    }
}

// "鹤岗市兴山区" -> {鹤岗市, 兴山区}: cut after each administrative suffix (names of 2+ characters).
std::vector<U32> AdminChain(const U32& s) {
    std::vector<U32> out;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (!IsCjk(s[i])) return {};
        if (U32(kAdminSuffixes).find(s[i]) != U32::npos && i - start >= 2) {
            out.push_back(s.substr(start, i + 1 - start));
            start = i + 1;
        }
    }
    if (start != s.size()) return {};
    return out;
}

bool IsGenericPlace(const U32& name) {
    static const char32_t* const generic[] = {U"全区", U"本区", U"我区", U"各区", U"市区", U"城区", U"辖区", U"社区",
                                              U"园区", U"景区", U"新区", U"全市", U"本市", U"我市", U"各市", U"全县",
                                              U"本县", U"我县", U"各县", U"全省", U"本省", U"我省", U"各省"};
    for (const char32_t* g : generic)
        if (EndsWithF(name, g)) return true;
    static const char32_t* const bad_ends[] = {U"开发区", U"试验区", U"示范区", U"自贸区", U"保护区", U"功能区", U"辖区",
                                               U"地区", U"片区", U"社区", U"城市", U"都市", U"超市"};
    for (const char32_t* b : bad_ends)
        if (EndsWithF(name, b)) return true;
    return false;
}

// Place names of 2-3 characters + suffix that start right after 《 or at a paragraph start,
// counted over the text: the most frequent one names the document's region.
std::map<U32, int> PlaceMentions(const std::vector<U32>& paras, const U32& suffixes) {
    std::map<U32, int> count;
    for (const U32& p : paras) {
        for (size_t i = 0; i < p.size(); ++i) {
            bool boundary = i == 0 || p[i - 1] == U'《' || p[i - 1] == U'“' || Fold(p[i - 1]) == U'"';
            if (!boundary) continue;
            for (size_t len = 3; len <= 4 && i + len <= p.size(); ++len) {
                U32 name = p.substr(i, len);
                bool cjk = std::all_of(name.begin(), name.end(), IsCjk);
                if (cjk && suffixes.find(name.back()) != U32::npos && !IsGenericPlace(name)) {
                    ++count[name];
                    break;
                }
            }
        }
    }
    return count;
}

U32 MostMentioned(const std::map<U32, int>& count, int at_least) {
    U32 best;
    int n = 0;
    for (const auto& [name, c] : count)
        if (c > n) {
            best = name;
            n = c;
        }
    return n >= at_least ? best : U32();
}

U32 StripIssuerAffixes(U32 s) {
    for (const char32_t* p : {U"中国共产党", U"中共"})
        if (StartsWithF(s, p)) s = s.substr(U32(p).size());
    for (const char32_t* e : {U"委员会", U"人民政府", U"政府", U"委"})
        if (EndsWithF(s, e)) return s.substr(0, s.size() - U32(e).size());
    return s;
}

int YearIn(const U32& s) {
    for (size_t i = 0; i + 5 <= s.size(); ++i) {
        if (i > 0 && IsDigit(s[i - 1])) continue;
        size_t j = i;
        while (j < s.size() && IsDigit(s[j])) ++j;
        if (j - i == 4 && j < s.size() && s[j] == U'年') {
            int y = std::stoi(ToUtf8(Folded(s.substr(i, 4))));
            if (y >= 1990 && y <= 2099) return y;
        }
    }
    return 0;
}

// "(2021—2025年)" / "2021-2025年" in a title.
bool PeriodIn(const U32& s, int& from, int& to) {
    for (size_t i = 0; i + 9 <= s.size(); ++i) {
        if (i > 0 && IsDigit(s[i - 1])) continue;
        auto four = [&](size_t at) {
            if (at + 4 > s.size()) return -1;
            for (size_t k = at; k < at + 4; ++k)
                if (!IsDigit(s[k])) return -1;
            return std::stoi(ToUtf8(Folded(s.substr(at, 4))));
        };
        int a = four(i);
        if (a < 1990) continue;
        size_t k = i + 4;
        if (k < s.size() && s[k] == U'年') ++k;
        if (k >= s.size()) continue;
        char32_t dash = Fold(s[k]);
        if (dash != U'-' && dash != U'—' && dash != U'–' && dash != U'~' && dash != U'至' && dash != U'－') continue;
        ++k;
        while (k < s.size() && (s[k] == U'—' || Fold(s[k]) == U'-')) ++k;
        int b = four(k);
        if (b < a || b > a + 20 || b > 2100) continue;
        from = a;
        to = b;
        return true;
    }
    return false;
}

// [SECTION] conversion to the model ----------------------------------------------------------------

struct Builder {
    Tree& tree;
    core::PlanKind kind;
    int year;
    bool deep;  // the document has more than one heading level

    bool IsTask(int id, int parent) const {
        const Node& n = tree.nodes[size_t(id)];
        if (!n.kids.empty() || n.style == Style::Label) return false;
        if (n.style == Style::Inline || n.style == Style::Titled) return true;
        if (parent == 0 && deep) return false;
        return HasSentence(n.head) || !n.paras.empty();
    }

    void FillUnits(core::Task& task, const Node& n, const std::vector<const UnitSpec*>& inherited) {
        UnitSpec spec = n.bracket_units;
        for (const U32& u : n.line_units.lead) spec.lead.push_back(u);
        for (const U32& u : n.line_units.responsible) spec.responsible.push_back(u);
        // What the task does not say itself it takes from the nearest block that does.
        for (auto it = inherited.rbegin(); it != inherited.rend(); ++it) {
            if (spec.lead.empty() && !(*it)->lead.empty()) spec.lead = (*it)->lead;
            if (spec.responsible.empty() && !(*it)->responsible.empty()) spec.responsible = (*it)->responsible;
        }
        std::vector<core::Atom> lead, responsible;
        for (const U32& u : spec.lead) lead.push_back(ToUtf8(u));
        for (const U32& u : spec.responsible) responsible.push_back(ToUtf8(u));
        task.lead_units = lead;
        task.responsible_units = responsible;
    }

    bool future = false;  // inside a report's "next year" chapter: its numbers are targets

    core::Task MakeTask(int id, std::vector<const UnitSpec*>& inherited) {
        const Node& n = tree.nodes[size_t(id)];
        core::Task t;
        t.number = ToUtf8(n.number);
        t.title = ToUtf8(TitleOf(n.head.empty() && !n.paras.empty() ? n.paras[0] : n.head));
        t.text = ToUtf8(n.text);
        // The schema requires both; a bare number with a stop has neither words nor text.
        if (t.title.empty()) t.title = ToUtf8(Trim(n.text).substr(0, 24));
        if (t.title.empty()) t.title = "（无标题）";
        if (t.text.empty()) t.text = t.title;
        FillUnits(t, n, inherited);
        if (kind == core::PlanKind::AnnualReport && !future)
            t.figures = ExtractFigures(n.text, year);
        else
            t.targets = ExtractTargets(n.text);
        return t;
    }

    core::Section MakeSection(int id, std::vector<const UnitSpec*>& inherited) {
        const Node& n = tree.nodes[size_t(id)];
        core::Section s;
        s.number = ToUtf8(n.number);
        U32 title = n.style == Style::Label ? TitleOf(n.head) : TitleOf(n.head);
        U32 rest;
        if (n.style == Style::Label) {
            rest = n.text;
        } else {
            U32 head = Trim(n.head);
            if (HasSentence(head)) rest = Trim(head.substr(std::min(head.size(), title.size() + 1)));
            U32 paras = Joined(n.paras);
            if (!paras.empty()) rest = rest.empty() ? paras : rest + U'\n' + paras;
        }
        s.title = ToUtf8(title.empty() ? U32(U"（无标题）") : title);
        bool problems = IsProblemHeading(title);
        bool was_future = future;
        // 下一步工作打算 / 2025年工作安排 in a report plans ahead: targets, not figures.
        for (const char32_t* w : {U"打算", U"思路", U"计划", U"安排", U"下一步", U"展望"})
            future = future || ContainsF(title, w);
        inherited.push_back(&n.line_units);
        for (int kid : n.kids) {
            const Node& k = tree.nodes[size_t(kid)];
            if (problems) {
                // A report's "existing problems" are not tasks: keep them as the section's text.
                U32 line = k.number + k.head;
                if (!k.paras.empty()) line += U'\n' + Joined(k.paras);
                if (!rest.empty()) rest += U'\n';
                rest += line;
            } else if (IsTask(kid, id)) {
                s.tasks.push_back(MakeTask(kid, inherited));
            } else {
                s.sections.push_back(MakeSection(kid, inherited));
            }
        }
        inherited.pop_back();
        future = was_future;
        s.text = ToUtf8(rest);
        return s;
    }
};

void CountTasks(const core::Section& s, size_t& n) {
    n += s.tasks.size();
    for (const core::Section& c : s.sections) CountTasks(c, n);
}

// Stable ids: plan id + a hash of the task's normalised title; a repeated title is told apart by
// its text, and only an exact repeat by its order.
void AssignIds(core::Plan& plan) {
    std::set<std::string> used;
    auto norm = [](std::string_view s) {
        U32 out;
        for (char32_t c : Folded(FromUtf8(s)))
            if (IsCjk(c) || (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'))
                out.push_back(c);
        return ToUtf8(out);
    };
    std::vector<core::Task*> tasks;
    std::vector<core::Section*> stack;
    for (auto it = plan.sections.rbegin(); it != plan.sections.rend(); ++it) stack.push_back(&*it);
    while (!stack.empty()) {
        core::Section* s = stack.back();
        stack.pop_back();
        for (core::Task& t : s->tasks) tasks.push_back(&t);
        for (auto it = s->sections.rbegin(); it != s->sections.rend(); ++it) stack.push_back(&*it);
    }
    std::map<std::string, int> title_count;
    for (core::Task* t : tasks) ++title_count[norm(t->title)];
    for (core::Task* t : tasks) {
        std::string key = norm(t->title);
        if (title_count[key] > 1) key += "\n" + norm(t->text);
        std::string id = plan.id + "-" + ShortHash(key);
        std::string candidate = id;
        for (int n = 2; used.count(candidate); ++n) candidate = id + "-" + std::to_string(n);
        used.insert(candidate);
        t->id = candidate;
    }
}

// 区司法局 in 通州区 -> 通州区司法局; names that already carry a place stay as printed.
std::string Canonical(const U32& printed, const core::Region& region) {
    U32 name = FromUtf8(region.name);
    U32 p = Folded(printed);
    // Brackets in one form so 各镇[街道] and 各镇（街道） are the same unit.
    for (char32_t& c : p) {
        if (c == U'(' || c == U'[') c = U'（';
        if (c == U')' || c == U']') c = U'）';
    }
    // "某市" stands for a region the text does not name: nothing to add.
    if (name.size() < 2 || region.name == "某市" || region.name == "某区") return ToUtf8(p);
    char32_t level_char = name.back();
    if (!p.empty() && p[0] == level_char && !StartsWithF(p, name) && p.size() > 1 && p[1] != U'(' && p[1] != U'（' &&
        p[1] != U'、')
        return ToUtf8(name + p.substr(1));
    return ToUtf8(p);
}

void CollectUnits(const core::Section& s, std::vector<std::string>& printed) {
    auto add = [&](const std::string& u) {
        if (std::find(printed.begin(), printed.end(), u) == printed.end()) printed.push_back(u);
    };
    for (const core::Task& t : s.tasks) {
        for (const std::string& u : t.lead_units) add(u);
        for (const std::string& u : t.responsible_units) add(u);
    }
    for (const core::Section& c : s.sections) CollectUnits(c, printed);
}

}  // namespace

std::string PlanIdFromFileName(const std::string& file_name) {
    std::string base = file_name;
    size_t slash = base.find_last_of("/\\");
    if (slash != std::string::npos) base = base.substr(slash + 1);
    size_t dot = base.rfind('.');
    if (dot != std::string::npos && dot > 0) base = base.substr(0, dot);
    std::string id;
    for (char c : base) {
        char l = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '.' || l == '_' || l == '-';
        id += ok ? l : '-';
    }
    while (!id.empty() && !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) id.erase(0, 1);
    return id.empty() ? "plan" : id;
}

std::string ReadablePlanId(const core::Plan& plan, const std::string& document) {
    std::string slug = RegionSlug(plan.region.name, document);
    if (slug.empty()) return "";
    // An annual list or report is known by its year, a multi-year plan by its period; either
    // falls back to the other so a plan that only states one still gets it.
    std::string period;
    if (plan.period_from && plan.period_to)
        period = plan.period_from == plan.period_to
                     ? std::to_string(plan.period_from)
                     : std::to_string(plan.period_from) + "-" + std::to_string(plan.period_to);
    std::string year = plan.year ? std::to_string(plan.year) : std::string();
    bool annual = plan.kind == core::PlanKind::WorkPoints || plan.kind == core::PlanKind::AnnualReport;
    std::string when = annual ? (year.empty() ? period : year) : (period.empty() ? year : period);
    std::string kind = core::ToString(plan.kind);
    std::replace(kind.begin(), kind.end(), '_', '-');
    std::string id = slug;
    if (!when.empty()) id += "-" + when;
    if (plan.kind != core::PlanKind::Unknown) id += "-" + kind;
    return id;
}

ImportResult ImportPlan(const std::string& bytes, const ImportOptions& options) {
    ImportResult result;
    U32 text;
    if (!DecodeDocument(bytes, text, result.error)) return result;

    // Lines, without boilerplate.
    PageInfo page;
    std::vector<U32> lines;
    {
        U32 cur;
        auto flush = [&] {
            U32 t = Trim(cur);
            if (!IsBoilerplate(t, page)) lines.push_back(t);
            cur.clear();
        };
        for (char32_t c : text) {
            if (c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029) {
                flush();
            } else {
                cur.push_back(c);
            }
        }
        flush();
    }
    RewriteTables(lines);
    if (lines.empty()) {
        result.error = "no text left after removing web page boilerplate";
        return result;
    }

    // Signature blocks (issuers over a date line), wherever they are: the first one signs.
    std::vector<bool> signature(lines.size(), false);
    std::vector<U32> issuers;
    std::string published;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!IsDateLine(lines[i])) continue;
        size_t k = i;
        std::vector<U32> names;
        while (k > 0 && IsIssuerLike(RemoveSpaces(lines[k - 1])) && i - k < 4) {
            --k;
            names.insert(names.begin(), RemoveSpaces(lines[k]));
        }
        signature[i] = true;
        for (size_t s = k; s < i; ++s) signature[s] = true;
        if (published.empty()) {
            published = DateFrom(RemoveSpaces(lines[i]));
            for (const U32& n : names) SplitIssuers(n, issuers);
        }
    }

    // Where the body starts: the first numbered heading (or, in an unnumbered document, the
    // first paragraph led by a title sentence).
    size_t body_start = lines.size();
    for (size_t i = 0; i < lines.size(); ++i) {
        Marker m;
        if (!signature[i] && ParseMarker(lines[i], m) &&
            (m.style == Style::Chapter || m.style == Style::CnComma || m.style == Style::CnParen ||
             m.style == Style::Arabic || m.style == Style::Article)) {
            body_start = i;
            break;
        }
    }
    bool numbered = body_start < lines.size();
    U32 title_probe;
    if (!numbered)
        for (size_t i = 0; i < lines.size(); ++i)
            if (!signature[i] && TitleSentence(lines[i], title_probe) && i > 0) {
                body_start = i;
                break;
            }

    // Front matter: title, cover letter, preamble.
    U32 title, cover_title;
    std::vector<U32> intro;
    for (size_t i = 0; i < std::min(body_start, lines.size()); ++i) {
        if (signature[i]) continue;
        const U32& l = lines[i];
        size_t q = FindF(l, U"现将《");
        if (q != U32::npos && cover_title.empty()) {
            size_t close = l.find(U'》', q);
            if (close != U32::npos) cover_title = RemoveSpaces(l.substr(q + 3, close - q - 3));
            continue;
        }
        bool prose = l.size() >= 30 && (ContainsF(l, U",") || ContainsF(l, U"。"));
        bool addressee = (Fold(l.back()) == U':') && !ContainsF(l, U"。") && !ContainsF(l, U"如下");
        if (prose && !addressee) {
            intro.push_back(l);
        } else if (title.empty() && intro.empty() && !addressee && l.size() <= 60 && !ContainsF(l, U"。")) {
            title = RemoveSpaces(l);
        }
    }
    if (!cover_title.empty()) title = cover_title;

    // Body tree.
    Tree tree;
    tree.nodes.push_back(Node());
    std::vector<std::pair<Style, int>> stack;  // open headings, outermost first
    int current = 0;
    std::vector<U32> body_paras;
    for (size_t i = body_start; i < lines.size(); ++i) {
        if (signature[i]) continue;
        const U32& l = lines[i];
        body_paras.push_back(l);
        UnitSpec units;
        Marker m;
        if (ParseUnitLabels(l, units)) {
            UnitSpec& to = tree.nodes[size_t(current)].line_units;
            for (U32& u : units.lead) to.lead.push_back(u);
            for (U32& u : units.responsible) to.responsible.push_back(u);
            continue;
        }
        if (numbered && ParseMarker(l, m)) {
            size_t depth = stack.size();
            for (size_t k = 0; k < stack.size(); ++k)
                if (stack[k].first == m.style) {
                    depth = k;
                    break;
                }
            stack.resize(depth);
            int parent = stack.empty() ? 0 : stack.back().second;
            Node n;
            n.style = m.style;
            n.number = m.number;
            n.head = m.rest;
            current = tree.Add(parent, n);
            stack.push_back({m.style, current});
            continue;
        }
        tree.nodes[size_t(current)].paras.push_back(l);
    }
    for (const U32& p : intro) result.body.push_back(ToUtf8(p));
    for (const U32& p : body_paras) result.body.push_back(ToUtf8(p));

    // A closing paragraph ("…要根据本实施方案…") after the last item speaks for the whole
    // document, not for that item: it goes to the text of the last top-level section.
    if (numbered && !tree.nodes[0].kids.empty()) {
        int top = tree.nodes[0].kids.back(), last = top;
        while (!tree.nodes[size_t(last)].kids.empty()) last = tree.nodes[size_t(last)].kids.back();
        Node& tail = tree.nodes[size_t(last)];
        if (last != top && !tail.paras.empty()) {
            const U32& p = tail.paras.back();
            bool closing = false;
            for (const char32_t* w : {U"本实施方案", U"本方案", U"本意见", U"本要点", U"本计划", U"本通知"})
                closing = closing || ContainsF(p, w);
            if (closing && (tail.paras.size() > 1 || HasSentence(tail.head))) {
                tree.nodes[size_t(top)].paras.push_back(p);
                tree.nodes[size_t(last)].paras.pop_back();
            }
        }
    }

    // Unnumbered items inside nodes (indexes are stable: nodes are only appended).
    size_t original = tree.nodes.size();
    for (size_t id = 0; id < original; ++id)
        if (id != 0 || !numbered) ExpandInline(tree, int(id));
    bool titled_document = false;
    for (size_t id = 0; id < original; ++id)
        if ((id != 0 || !numbered) && CountTitled(tree.nodes[id]) >= 2) titled_document = true;
    for (size_t id = 0; id < original; ++id) {
        if ((id == 0 && numbered) || IsProblemHeading(TitleOf(tree.nodes[id].head))) continue;
        ExpandTitled(tree, int(id), titled_document ? 1 : 2);
    }
    // Each node's text and its unit bracket.
    for (Node& n : tree.nodes) {
        U32 full = n.head;
        for (const U32& p : n.paras) {
            if (!full.empty()) full += U'\n';
            full += p;
        }
        TakeUnitBracket(full, n.bracket_units);
        n.text = full;
    }
    // A unit line after the last item of a block, when no other item names units, covers the block.
    for (Node& parent : tree.nodes) {
        if (parent.kids.size() < 2) continue;
        int with_units = 0;
        for (int kid : parent.kids) {
            const Node& k = tree.nodes[size_t(kid)];
            if (!k.line_units.Empty() || !k.bracket_units.Empty() || !k.kids.empty()) ++with_units;
        }
        Node& last = tree.nodes[size_t(parent.kids.back())];
        if (with_units == 1 && !last.line_units.Empty() && last.kids.empty() && parent.line_units.Empty()) {
            parent.line_units = last.line_units;
            last.line_units = UnitSpec();
        }
    }
    int deepest = 0;
    for (int kid : tree.nodes[0].kids)
        if (!tree.nodes[size_t(kid)].kids.empty()) deepest = 1;

    // Metadata ------------------------------------------------------------------------------------
    core::Plan& plan = result.plan;
    plan.id = options.id.empty() ? PlanIdFromFileName(options.file_name) : options.id;
    plan.source.file = options.file_name;
    std::vector<core::Atom> issuer_atoms;
    for (const U32& is : issuers) issuer_atoms.push_back(ToUtf8(is));
    plan.issuers = issuer_atoms;
    plan.published = published;
    if (plan.published.empty() && !page.page_date.empty() && !page.user_upload) {
        plan.published = page.page_date;
        result.warnings.push_back("no signature date; published is the web page's date " + page.page_date);
    }
    U32 all_text = Joined(intro) + U'\n' + Joined(body_paras);
    bool has_lead_units = false;
    for (const Node& n : tree.nodes)
        if (!n.bracket_units.lead.empty() || !n.line_units.lead.empty()) has_lead_units = true;

    // Kind: the title says it when it is a plan; a report says "报告如下"; a list of tasks with
    // 牵头单位 is a work-points list whatever its web page was called.
    if (ContainsF(title, U"实施方案") || ContainsF(title, U"实施意见") || ContainsF(title, U"规划"))
        plan.kind = core::PlanKind::ImplementationPlan;
    else if (ContainsF(title, U"工作要点") || ContainsF(title, U"任务清单") || ContainsF(title, U"任务分工"))
        plan.kind = core::PlanKind::WorkPoints;
    else if (ContainsF(title, U"工作方案") || ContainsF(title, U"工作打算") || ContainsF(title, U"工作计划") ||
             ContainsF(title, U"工作安排"))
        plan.kind = core::PlanKind::WorkPlan;
    else if (ContainsF(all_text, U"报告如下") ||
             ((ContainsF(title, U"报告")) && !EndsWithF(title, U"通知")))
        plan.kind = core::PlanKind::AnnualReport;
    else if (has_lead_units)
        plan.kind = core::PlanKind::WorkPoints;
    else if (EndsWithF(title, U"通知"))
        plan.kind = core::PlanKind::Notice;
    else
        plan.kind = core::PlanKind::WorkPlan;

    int from = 0, to = 0;
    if (PeriodIn(title, from, to)) {
        plan.period_from = from;
        plan.period_to = to;
    }
    int year = 0;
    if (plan.kind == core::PlanKind::WorkPoints || plan.kind == core::PlanKind::AnnualReport) {
        year = YearIn(title);
        if (!year && !intro.empty()) year = YearIn(intro[0].substr(0, 40));
        plan.year = year;
    }

    // Region: from the issuers' names, else a place the title begins with, else the place the
    // text names most often.
    std::vector<U32> chain;
    for (const U32& is : issuers) {
        chain = AdminChain(StripIssuerAffixes(is));
        if (!chain.empty()) break;
    }
    if (chain.empty()) {
        U32 t = title;
        for (const char32_t* p : {U"关于印发", U"关于", U"印发", U"中共"})
            if (StartsWithF(t, p)) t = t.substr(U32(p).size());
        for (size_t len = 3; len <= 6 && len <= t.size() && chain.empty(); ++len) {
            U32 c = t.substr(0, len);
            if (U32(kAdminSuffixes).find(c.back()) != U32::npos && !IsGenericPlace(c)) chain = AdminChain(c);
        }
    }
    std::vector<U32> all_paras = intro;
    all_paras.insert(all_paras.end(), body_paras.begin(), body_paras.end());
    all_paras.push_back(title);
    if (chain.empty()) {
        U32 best = MostMentioned(PlaceMentions(all_paras, U"市区县"), 2);
        if (!best.empty()) chain.push_back(best);
    }
    if (!chain.empty()) {
        plan.region.name = ToUtf8(chain.back());
        plan.region.level = LevelOf(chain.back());
        if (chain.size() >= 2) plan.region.parent = ToUtf8(chain[chain.size() - 2]);
    } else {
        // The text only says 市/区/县 (the copy was anonymised): keep the level, not a made-up name.
        int city = 0, county = 0;
        for (const U32& p : all_paras) {
            for (const char32_t* w : {U"我市", U"全市", U"市人民政府", U"市政府"})
                for (size_t at = FindF(p, w); at != U32::npos; at = FindF(p, w, at + 1)) ++city;
            for (const char32_t* w : {U"我区", U"全区", U"区人民政府", U"区政府", U"我县", U"全县", U"县人民政府"})
                for (size_t at = FindF(p, w); at != U32::npos; at = FindF(p, w, at + 1)) ++county;
        }
        plan.region.level = city >= county ? core::RegionLevel::City : core::RegionLevel::County;
        plan.region.name = city >= county ? "某市" : "某区";
        result.warnings.push_back("the text names no region; region is \"" + plan.region.name + "\"");
    }
    if (plan.region.parent.empty() && plan.region.level == core::RegionLevel::City) {
        U32 province = MostMentioned(PlaceMentions(all_paras, U"省"), 1);
        if (!province.empty()) plan.region.parent = ToUtf8(province);
    }

    if (!title.empty()) plan.source.title = ToUtf8(title);
    if (title.empty()) {
        // No title line (a report pasted without its heading): describe it, and say so.
        std::string kind_name = plan.kind == core::PlanKind::AnnualReport ? "法治政府建设情况报告" : "法治政府建设工作";
        title = FromUtf8(plan.region.name + (year ? std::to_string(year) + "年" : std::string()) + kind_name);
        result.warnings.push_back("no title line; title composed as \"" + ToUtf8(title) + "\"");
    }
    plan.title = ToUtf8(title);
    plan.intro = ToUtf8(Joined(intro));

    // Sections and tasks.
    Builder builder{tree, plan.kind, year, deepest > 0};
    std::vector<const UnitSpec*> inherited{&tree.nodes[0].line_units};
    if (numbered) {
        for (int kid : tree.nodes[0].kids) {
            if (builder.IsTask(kid, 0)) {
                // A flat document: its items hang in one untitled section.
                if (plan.sections.empty() || !plan.sections.back().number.empty() ||
                    plan.sections.back().title != "正文") {
                    core::Section s;
                    s.title = "正文";
                    plan.sections.push_back(s);
                }
                plan.sections.back().tasks.push_back(builder.MakeTask(kid, inherited));
            } else {
                plan.sections.push_back(builder.MakeSection(kid, inherited));
            }
        }
    } else if (!tree.nodes[0].kids.empty()) {
        core::Section s = builder.MakeSection(0, inherited);
        s.title = plan.title;
        plan.sections.push_back(s);
    }
    size_t tasks = 0;
    for (const core::Section& s : plan.sections) CountTasks(s, tasks);
    if (plan.sections.empty() || tasks == 0) {
        result.error = "no recognisable structure: no numbered headings (一、 (一) 1.) and no paragraphs led by a "
                       "title sentence were found, so there are no tasks to import";
        result.plan = core::Plan();
        return result;
    }

    // Units as printed -> canonical names of this plan's region.
    std::vector<std::string> printed;
    for (const core::Section& s : plan.sections) CollectUnits(s, printed);
    for (const std::string& p : printed) plan.units.push_back({p, Canonical(FromUtf8(p), plan.region)});

    // Readable plan id from the data (kunming-2021-2025-implementation-plan) unless --id gave one;
    // the file-name id stays when the gazetteer has no slug for the region.
    if (options.id.empty()) {
        std::string document = ToUtf8(title) + "\n" + ToUtf8(all_text);
        std::string readable = ReadablePlanId(plan, document);
        if (!readable.empty()) plan.id = readable;
    }
    AssignIds(plan);
    AssignThemes(plan, BuiltinThemes());
    result.ok = true;
    return result;
}

}  // namespace importer
