// Services.cpp — service points and channels named in a document. Places are found by the
// name endings of legal service bodies (公共法律服务中心, 调解工作室, 共享法庭 ...), their names by
// walking back to the verb or punctuation before them; channels by hotline numbers (123xx next
// to 热线) and quoted names of legal platforms, accounts and websites. Generic mentions (各级…,
// …的公共法律服务中心) are not places. Depends on Services.h, Text.h, Themes.h.
#include "Services.h"

#include <set>

#include "Text.h"
#include "Themes.h"

namespace importer {

namespace {

struct PointKind {
    const char32_t* suffix;
    const char* kind;
};
// Longest first: 公共法律服务中心 before 服务中心.
const PointKind kPointKinds[] = {
    {U"公共法律服务机器人", "robot"},     {U"公共法律服务中心", "centre"},     {U"公共法律服务工作站", "station"},
    {U"公共法律服务工作室", "room"},      {U"公共法律服务站", "station"},      {U"法律服务工作室", "room"},         {U"法律服务室", "room"},
    {U"法律援助中心", "legal_aid"},       {U"法律援助工作站", "legal_aid"},    {U"调解工作室", "mediation"},
    {U"调解委员会", "mediation"},         {U"调解中心", "mediation"},          {U"共享法庭", "shared_court"},
    {U"巡回法庭", "other"},               {U"一站式服务中心", "one_stop"},     {U"一站式平台", "dispute_platform"},
    {U"纠纷解决中心", "dispute_platform"}, {U"综治中心", "one_stop"},          {U"公证处", "notary"},
    {U"仲裁委员会", "arbitration"}};

// Words that end a name when walking back from its ending.
const char32_t* const kNameStops[] = {U"设立", U"成立", U"打造", U"建设", U"建立", U"建好", U"建成", U"推动", U"实现", U"底前", U"年前", U"开展", U"深化", U"依托", U"推进", U"共同",
                                      U"配备", U"推广使用", U"推广", U"使用", U"运用", U"发挥", U"加强", U"整合", U"完善",
                                      U"的", U"已", U"和", U"及", U"与", U"在", U"到", U"由", U"向", U"为", U"通过"};

struct ServiceWord {
    const char32_t* word;
    const char* service;
};
const ServiceWord kServiceWords[] = {{U"法律咨询", "法律咨询"},   {U"咨询", "法律咨询"},     {U"法律援助", "法律援助"},
                                     {U"调解", "人民调解"},       {U"公证", "公证"},         {U"行政复议", "行政复议"},
                                     {U"仲裁", "仲裁"},           {U"立案", "立案"},         {U"普法", "普法宣传"},
                                     {U"接访", "信访"},           {U"信访", "信访"},         {U"心理咨询", "心理咨询"},
                                     {U"远程视频", "远程视频法律服务"}, {U"行政诉讼", "行政诉讼"}, {U"投诉", "投诉举报"},
                                     {U"民商事纠纷", "民商事纠纷审理"}};

std::vector<core::Atom> ServicesIn(const U32& sentence) {
    std::vector<core::Atom> out;
    for (const ServiceWord& w : kServiceWords)
        if (ContainsF(sentence, w.word) && !(U32(w.word) == U"咨询" && ContainsF(sentence, U"服务咨询"))) {
            bool seen = false;
            for (const std::string& s : out) seen = seen || s == w.service;
            if (!seen) out.push_back(w.service);
        }
    return out;
}

std::vector<U32> SentencesOf(const U32& para) {
    std::vector<U32> out;
    U32 cur;
    for (char32_t c : para) {
        cur.push_back(c);
        if (IsSentenceEnd(c) || Fold(c) == U';') {
            out.push_back(Trim(cur));
            cur.clear();
        }
    }
    if (!Trim(cur).empty()) out.push_back(Trim(cur));
    return out;
}

bool IsQuote(char32_t c) { return c == U'“' || c == U'”' || c == U'"' || c == U'「' || c == U'」'; }

// Walks back from `end` (the start of a name ending) over the name: Han characters, quotes
// and bracketed qualifiers, stopping at punctuation or a stop word. Returns the start.
size_t NameStart(const U32& s, size_t end) {
    size_t i = end;
    int depth = 0;
    while (i > 0 && end - i < 20) {
        char32_t c = s[i - 1];
        if (IsCloseBracket(c) && Fold(c) != U'》') {
            // A bracketed qualifier inside a name (乡镇(街道)…) belongs to it; a heading number
            // like （一） before it does not.
            size_t k = i - 1;
            int d = 0;
            while (k > 0 && i - k < 20) {  // names are short: never scan far back
                if (IsCloseBracket(s[k])) ++d;
                if (IsOpenBracket(s[k]) && --d == 0) break;
                --k;
            }
            if (k == 0 || !IsCjk(s[k - 1])) break;
            ++depth;
            --i;
            continue;
        }
        if (IsOpenBracket(c) && depth > 0 && Fold(c) != U'《') {
            --depth;
            --i;
            continue;
        }
        if (depth > 0) {
            --i;
            continue;
        }
        if (!IsCjk(c) && !IsQuote(c)) break;
        if (c == U'个' && i >= 2 && IsDigit(s[i - 2])) break;  // 6个…: the count, not the name
        bool stop = false;
        for (const char32_t* w : kNameStops) {
            U32 word = w;
            if (i >= word.size() && StartsWithF(s, word, i - word.size())) stop = true;
        }
        if (stop) break;
        --i;
    }
    return i;
}

U32 StripQuotes(U32 name) {
    if (name.size() >= 2 && IsQuote(name.front()) && IsQuote(name.back())) {
        U32 inner = name.substr(1, name.size() - 2);
        bool nested = false;
        for (char32_t c : inner) nested = nested || IsQuote(c);
        if (!nested) return inner;
    }
    return name;
}

std::string Id(const core::Plan& plan, const std::string& kind, const U32& name) {
    return plan.id + "-" + kind + "-" + ShortHash(ToUtf8(name));
}

core::Region ProvinceOrPlan(const core::Plan& plan, const U32& name) {
    // A channel named after the province (云南法网) serves the province, when the text names it.
    if (!plan.region.parent.empty()) {
        U32 parent = FromUtf8(plan.region.parent);
        U32 short_name = EndsWithF(parent, U"省") ? parent.substr(0, parent.size() - 1) : parent;
        if (short_name.size() >= 2 && ContainsF(name, short_name) && EndsWithF(parent, U"省"))
            return core::Region{plan.region.parent, core::RegionLevel::Province, ""};
    }
    return plan.region;
}

bool IsLegalChannelName(const U32& name) {
    if (ContainsF(name, U"两法衔接") || ContainsF(name, U"互联网+监管")) return false;
    for (const char32_t* w : {U"法", U"纠纷", U"解纷", U"调解", U"援助", U"12348"})
        if (ContainsF(name, w)) return true;
    return false;
}

struct Collector {
    const core::Plan& plan;
    std::string document;
    Services& out;
    std::set<std::string> seen;

    void AddPoint(const U32& name, const char* kind, int count, const U32& sentence) {
        std::string key = "p|" + ToUtf8(name);
        if (!seen.insert(key).second) return;
        core::ServicePoint p;
        p.name = ToUtf8(name);
        p.kind = kind;
        p.id = Id(plan, kind, name);
        p.region = plan.region;
        p.level = plan.region.level;
        p.count = count;
        p.services = ServicesIn(sentence);
        p.source.file = plan.source.file;
        p.source.quote = ToUtf8(sentence);
        if (auto seat = FindSeat(plan.region.name, document))
            p.location = core::Location{seat->lat, seat->lon, seat->precision};
        out.points.push_back(p);
    }

    void AddChannel(const U32& name, const char* kind, const std::string& number, const U32& sentence) {
        std::string key = "c|" + ToUtf8(name);
        if (!seen.insert(key).second) return;
        core::Channel c;
        c.name = ToUtf8(name);
        c.kind = kind;
        c.id = Id(plan, kind, name);
        c.number = number;
        c.region = ProvinceOrPlan(plan, name);
        c.services = ServicesIn(sentence);
        c.source.file = plan.source.file;
        c.source.quote = ToUtf8(sentence);
        out.channels.push_back(c);
    }

    void Points(const U32& sentence) {
        for (size_t i = 0; i < sentence.size(); ++i) {
            for (const PointKind& k : kPointKinds) {
                U32 suffix = k.suffix;
                if (!StartsWithF(sentence, suffix, i)) continue;
                size_t end = i + suffix.size();
                if (end < sentence.size() && (sentence[end] == U'”' || sentence[end] == U'"')) ++end;
                size_t start = NameStart(sentence, i);
                // 各级…/各… and "…的公共法律服务中心" speak of a kind of place, not of one place.
                bool generic = (start > 0 && sentence[start - 1] == U'的') ||
                               (start < sentence.size() && sentence[start] == U'各');
                if (end < sentence.size() && Fold(sentence[end]) == U'(') generic = true;  // 中心(站)
                int count = 0;
                U32 name = StripQuotes(sentence.substr(start, end - start));
                // "6个乡镇(街道)公共法律服务工作站": a network the text counts.
                if (start >= 2 && sentence[start - 1] == U'个') {
                    size_t d = start - 1;
                    while (d > 0 && IsDigit(sentence[d - 1])) --d;
                    if (d < start - 1) count = std::stoi(ToUtf8(Folded(sentence.substr(d, start - 1 - d))));
                }
                // "乡镇公共法律服务站22个": the count after the name.
                if (count == 0 && end < sentence.size() && IsDigit(sentence[end])) {
                    size_t d = end;
                    while (d < sentence.size() && IsDigit(sentence[d]) && d - end < 7) ++d;
                    if (d < sentence.size() && sentence[d] == U'个')
                        count = std::stoi(ToUtf8(Folded(sentence.substr(end, d - end))));
                }
                if (count == 1) count = 0;  // one place, not a network
                if (!generic && !name.empty()) AddPoint(name, k.kind, count, sentence);
                i = end > 0 ? end - 1 : i;
                break;
            }
        }
    }

    void Hotlines(const U32& sentence) {
        if (!ContainsF(sentence, U"热线")) return;
        for (size_t i = 0; i + 5 <= sentence.size(); ++i) {
            if (!StartsWithF(sentence, U"123", i) || (i > 0 && IsDigit(sentence[i - 1]))) continue;
            if (!IsDigit(sentence[i + 3]) || !IsDigit(sentence[i + 4])) continue;
            if (i + 5 < sentence.size() && IsDigit(sentence[i + 5])) continue;
            // A number inside a quoted name (“云南掌上12348”) names an account, not a line.
            if (i > 0 && IsCjk(sentence[i - 1])) continue;
            std::string number = ToUtf8(Folded(sentence.substr(i, 5)));
            AddChannel(FromUtf8(number + "热线"), "hotline", number, sentence);
        }
    }

    void Quoted(const U32& sentence) {
        for (size_t i = 0; i < sentence.size(); ++i) {
            if (sentence[i] != U'“' && sentence[i] != U'"') continue;
            size_t close = i + 1;
            while (close < sentence.size() && sentence[close] != U'”' && sentence[close] != U'"') ++close;
            if (close >= sentence.size()) return;
            U32 inner = sentence.substr(i + 1, close - i - 1);
            size_t f = close + 1;
            while (f < sentence.size() && IsCjk(sentence[f]) && f - close <= 8) ++f;
            U32 follow = sentence.substr(close + 1, f - close - 1);
            i = close;
            if (inner.empty() || inner.size() > 20) continue;
            bool is_point = false;
            for (const PointKind& k : kPointKinds)
                if (EndsWithF(inner, k.suffix) || StartsWithF(follow, k.suffix)) is_point = true;
            if (is_point) continue;
            U32 both = inner + follow;
            if (!IsLegalChannelName(both)) continue;
            if (StartsWithF(follow, U"微信公众号") || StartsWithF(follow, U"公众号")) {
                AddChannel(inner, "wechat", "", sentence);
            } else if (EndsWithF(inner, U"平台") || EndsWithF(follow, U"平台")) {
                U32 name = EndsWithF(inner, U"平台") ? inner : U"“" + inner + U"”" + follow;
                AddChannel(name, "platform", "", sentence);
            } else if (EndsWithF(inner, U"网") || EndsWithF(inner, U"网站")) {
                AddChannel(inner, "website", "", sentence);
            } else if (EndsWithF(follow, U"APP") || EndsWithF(follow, U"App") || ContainsF(inner, U"手机")) {
                AddChannel(inner, "app", "", sentence);
            }
        }
    }
};

}  // namespace

void ExtractServices(const core::Plan& plan, const std::vector<std::string>& body, Services& out) {
    Collector c{plan, "", out, {}};
    for (const std::string& p : body) c.document += p + "\n";
    for (const std::string& p : body)
        for (const U32& sentence : SentencesOf(FromUtf8(p))) {
            c.Points(sentence);
            c.Hotlines(sentence);
            c.Quoted(sentence);
        }
}

}  // namespace importer
