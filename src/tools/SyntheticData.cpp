// SyntheticData.cpp — the synthetic dataset generator: regions from place-name characters, plans
// from the national outline's chapters, tasks from verb + object templates with units and
// targets, service points from the kinds the seed documents name. Deterministic (a fixed PRNG,
// no std::uniform_*_distribution whose output differs between standard libraries).
// Depends on SyntheticData.h, core/TextNorm.h and nlohmann_json.
#include "SyntheticData.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/TextNorm.h"

namespace synth {

namespace {

struct Rng {  // splitmix64
    uint64_t s;
    uint64_t Next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    size_t Below(size_t n) { return n ? size_t(Next() % n) : 0; }
    template <class T>
    const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }
    bool Chance(int percent) { return Below(100) < size_t(percent); }
};

const std::vector<std::string> kProvinces = {
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省", "浙江省",
    "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市",
    "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区"};

// Characters common in Chinese place names.
const std::string kPlaceChars =
    "安宁平和兴隆昌盛东西南北中新丰泰康福寿永乐长春清河江山水川岭林峰石桥湖海阳城关德仁义礼信华龙凤鹤云泉"
    "溪源红光明星月金银玉宝庆丰收富裕顺利成武文正定远广宜洪沙田坪塘湾港口台庄屯营堡寨集铺店坝岗坡洲岛"
    "白黄青蓝紫朱灵秀恩惠佳祥瑞祺吉嘉善良美好旺发荣";
const std::vector<std::string> kCountySuffix = {"县", "区", "县", "市", "县", "区"};
const std::vector<std::string> kTownSuffix = {"镇", "乡", "街道", "镇", "镇"};
const std::vector<std::string> kVillageSuffix = {"村", "社区", "村", "村", "居委会"};

struct Chapter {
    std::string theme, number, title;
    std::vector<std::string> objects;
};
const std::vector<Chapter> kChapters = {
    {"functions", "一、", "健全政府机构职能体系，推动更好发挥政府作用",
     {"政府职能转变", "权责清单制度", "“放管服”改革", "证明事项告知承诺制", "“双随机、一公开”监管", "包容审慎监管",
      "营商环境", "政务服务标准化", "“一网通办”", "行政许可事项清单", "信用监管", "涉企收费清单"}},
    {"institutions", "二、", "健全依法行政制度体系，加快推进政府治理规范化程序化法治化",
     {"政府立法工作", "行政规范性文件合法性审核", "规范性文件备案审查", "立法后评估", "基层立法联系点",
      "规章清理", "公平竞争审查制度"}},
    {"decisions", "三、", "健全行政决策制度体系，不断提升行政决策公信力和执行力",
     {"重大行政决策程序", "重大行政决策目录管理", "公众参与", "专家论证", "风险评估", "合法性审查",
      "政府法律顾问制度", "公职律师工作", "决策后评估"}},
    {"enforcement", "四、", "健全行政执法工作体系，全面推进严格规范公正文明执法",
     {"行政执法三项制度", "行政执法公示制度", "执法全过程记录", "重大执法决定法制审核", "综合行政执法改革",
      "乡镇（街道）综合执法", "行政裁量权基准", "行政执法人员资格管理", "轻微违法行为免罚清单", "行政执法监督"}},
    {"emergencies", "五、", "健全突发事件应对体系，依法预防处置重大突发事件",
     {"突发事件应急预案", "应急管理法治化", "应急演练", "安全生产执法", "防汛抗旱指挥体系", "公共卫生应急"}},
    {"disputes", "六、", "健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义",
     {"行政复议体制改革", "行政复议规范化建设", "行政应诉工作", "行政机关负责人出庭应诉", "人民调解组织",
      "矛盾纠纷多元化解机制", "公共法律服务体系", "法律援助覆盖面", "信访工作法治化", "行政调解", "劳动争议调解仲裁",
      "农民工工资支付保障"}},
    {"oversight", "七、", "健全行政权力制约和监督体系，促进行政权力规范透明运行",
     {"政务公开", "政府信息公开", "审计监督", "统计监督", "政务诚信建设", "行政执法监督机制", "法治督察"}},
    {"digital", "八、", "健全法治政府建设科技保障体系，全面建设数字法治政府",
     {"数字法治政府", "政务数据共享", "“互联网+监管”", "行政执法信息平台", "电子证照应用", "智慧司法"}},
    {"leadership", "九、", "加强党的领导，完善法治政府建设推进机制",
     {"法治政府建设示范创建", "领导干部学法用法", "法治宣传教育", "述法工作", "法治政府建设督察",
      "法治政府建设考核", "“八五”普法规划"}},
};
const std::vector<std::string> kVerbs = {"推进", "深化", "健全", "完善", "加强", "落实", "规范", "提升", "强化",
                                         "建立", "优化", "全面推行", "持续开展", "深入实施", "扎实推进", "积极探索"};
const std::vector<std::string> kManner = {"严格落实", "认真执行", "统筹推进", "建立健全", "全面加强", "进一步规范"};
const std::vector<std::string> kGoals = {"切实提高依法行政水平", "确保各项任务落到实处", "不断增强人民群众获得感",
                                         "推动工作制度化规范化", "形成工作合力", "为经济社会发展提供法治保障",
                                         "及时回应群众关切", "有效防范化解风险"};
const std::vector<std::string> kUnits = {"司法局", "市场监督管理局", "公安局", "自然资源局", "生态环境局",
                                         "人力资源和社会保障局", "住房和城乡建设局", "应急管理局", "政务服务管理局",
                                         "财政局", "教育局", "卫生健康委员会", "信访局", "交通运输局", "农业农村局",
                                         "人民政府办公室", "发展和改革局", "审计局", "统计局", "民政局"};
const std::vector<std::string> kMetrics = {"行政复议决定书网上公开率", "法律援助案件质量评估优良率",
                                           "行政机关负责人出庭应诉率", "重大行政决策合法性审查率",
                                           "村（社区）法律顾问覆盖率", "行政规范性文件备案审查率",
                                           "人民调解成功率", "行政执法人员培训覆盖率"};
const std::vector<std::string> kServices = {"法律咨询", "法律援助", "人民调解", "公证", "行政复议", "仲裁",
                                            "司法鉴定", "法治宣传", "社区矫正", "安置帮教"};
const std::vector<std::string> kRoads = {"人民路", "解放路", "建设路", "中山路", "新华街", "文化路", "和平街",
                                         "胜利路", "府前街", "迎宾大道", "滨河路", "育才路"};

std::string PlaceName(Rng& rng, size_t chars) {
    // kPlaceChars is UTF-8 of 3-byte characters.
    size_t n = kPlaceChars.size() / 3;
    std::string s;
    for (size_t i = 0; i < chars; ++i) s += kPlaceChars.substr(rng.Below(n) * 3, 3);
    return s;
}

std::string Num(size_t v) { return std::to_string(v); }

struct County {
    core::Region region;
    std::vector<std::string> towns;
};

std::vector<County> MakeCounties(Rng& rng, size_t count) {
    std::vector<County> out;
    size_t cities = std::max<size_t>(1, count / 9);
    std::vector<core::Region> city_regions;
    for (size_t c = 0; c < cities; ++c)
        city_regions.push_back({PlaceName(rng, 2) + "市", core::RegionLevel::City, kProvinces[c % kProvinces.size()]});
    for (size_t i = 0; i < count; ++i) {
        County c;
        const core::Region& city = city_regions[i % cities];
        c.region = {PlaceName(rng, 2) + rng.Pick(kCountySuffix), core::RegionLevel::County, city.name};
        size_t towns = 8 + rng.Below(12);
        for (size_t t = 0; t < towns; ++t) c.towns.push_back(PlaceName(rng, 2) + rng.Pick(kTownSuffix));
        out.push_back(std::move(c));
    }
    return out;
}

core::Source SyntheticSource(const std::string& quote = {}) {
    core::Source s;
    s.file = kSourceFile;
    s.quote = quote;
    return s;
}

core::Task MakeTask(Rng& rng, const Chapter& ch, const std::string& plan_id, size_t serial, const std::string& county) {
    core::Task t;
    t.id = plan_id + "-t" + Num(serial);
    t.number = Num(serial % 20 + 1) + ".";
    const std::string& obj = rng.Pick(ch.objects);
    t.title = rng.Pick(kVerbs) + obj;
    std::string text = t.title + "。" + rng.Pick(kManner) + rng.Pick(ch.objects) + "，" + rng.Pick(kVerbs) +
                       rng.Pick(ch.objects) + "，" + rng.Pick(kGoals) + "。";
    if (rng.Chance(35)) {
        core::Target target;
        target.metric = rng.Pick(kMetrics);
        target.comparator = ">=";
        target.value = double(80 + rng.Below(21));
        target.unit = "%";
        target.due = Num(2023 + rng.Below(3));
        target.quote = "到" + target.due + "年，" + target.metric + "达到" + Num(size_t(target.value)) + "%以上。";
        text += target.quote;
        t.targets.push_back(target);
    }
    if (rng.Chance(30)) text += "（" + county + rng.Pick(kUnits) + "负责）";
    t.text = text;
    t.lead_units = {county + rng.Pick(kUnits)};
    if (rng.Chance(60)) t.responsible_units = {county + rng.Pick(kUnits)};
    t.themes = {ch.theme};
    return t;
}

}  // namespace

Options National(uint64_t seed) {
    Options o;
    o.seed = seed;
    return o;
}

Options Scaled(size_t records, uint64_t seed) {
    Options o;
    o.seed = seed;
    double f = double(records) / 905700.0;
    o.plans = std::max<size_t>(1, size_t(5000 * f));
    o.tasks = size_t(250000 * f);
    o.points = size_t(650000 * f);
    o.channels = std::max<size_t>(1, size_t(700 * f));
    return o;
}

Data Generate(const Options& o) {
    Rng rng{o.seed};
    Data d;
    for (const Chapter& ch : kChapters) {
        core::Theme th;
        th.id = ch.theme;
        th.name = ch.title.substr(0, 12 * 3 < ch.title.size() ? 12 * 3 : ch.title.size());
        th.name_en = ch.theme;
        th.keywords = {ch.objects[0], ch.objects[1]};
        d.themes.push_back(th);
    }
    size_t county_count = std::max<size_t>(1, std::min<size_t>(2850, o.points / 200 + 1));
    std::vector<County> counties = MakeCounties(rng, county_count);

    // Plans: tasks spread evenly; kinds in the proportions county governments publish them.
    const core::PlanKind kinds[] = {core::PlanKind::ImplementationPlan, core::PlanKind::WorkPoints,
                                    core::PlanKind::AnnualReport, core::PlanKind::WorkPlan};
    d.plans.reserve(o.plans);
    size_t task_serial = 0;
    for (size_t p = 0; p < o.plans; ++p) {
        const County& county = counties[p % counties.size()];
        core::Plan plan;
        plan.kind = kinds[p % 4];
        int year = 2021 + int(p / counties.size() % 4);
        plan.id = "syn-" + Num(p) + "-" + Num(year);
        plan.region = county.region;
        switch (plan.kind) {
            case core::PlanKind::ImplementationPlan:
                plan.title = county.region.name + "法治政府建设实施方案（2021—2025年）";
                plan.period_from = 2021, plan.period_to = 2025;
                break;
            case core::PlanKind::WorkPoints:
                plan.title = county.region.name + Num(year) + "年法治政府建设工作要点";
                plan.year = year;
                break;
            case core::PlanKind::AnnualReport:
                plan.title = county.region.name + "人民政府关于" + Num(year) + "年度法治政府建设情况的报告";
                plan.year = year;
                break;
            default:
                plan.title = county.region.name + Num(year) + "年法治政府建设工作方案";
                plan.year = year;
                break;
        }
        plan.issuers = {county.region.name + "人民政府"};
        plan.published = Num(year) + "-0" + Num(1 + rng.Below(9));
        plan.source = SyntheticSource();
        plan.intro = "为深入贯彻落实《法治政府建设实施纲要（2021—2025年）》，结合" + county.region.name + "实际，制定本方案。";
        size_t tasks_here = o.tasks / o.plans + (p < o.tasks % o.plans ? 1 : 0);
        size_t per_chapter = (tasks_here + kChapters.size() - 1) / kChapters.size();
        for (size_t c = 0; c < kChapters.size() && tasks_here > 0; ++c) {
            core::Section s;
            s.number = kChapters[c].number;
            s.title = kChapters[c].title;
            s.themes = {kChapters[c].theme};
            for (size_t k = 0; k < per_chapter && tasks_here > 0; ++k, --tasks_here)
                s.tasks.push_back(MakeTask(rng, kChapters[c], plan.id.str(), task_serial++, county.region.name));
            plan.sections.push_back(std::move(s));
        }
        plan.file = "plans/" + plan.id + ".json";
        d.plans.push_back(std::move(plan));
    }

    // Service points: a centre and legal aid centre per county, a station per town, rooms in villages.
    d.points.reserve(o.points);
    for (size_t i = 0; i < o.points; ++i) {
        const County& county = counties[i % counties.size()];
        const std::string& town = county.towns[(i / counties.size()) % county.towns.size()];
        core::ServicePoint sp;
        sp.id = "syn-sp-" + Num(i);
        size_t round = i / counties.size();
        core::Region region{town, core::RegionLevel::Township, county.region.name};
        if (round == 0) {
            sp.name = county.region.name + "公共法律服务中心", sp.kind = "centre";
            region = county.region;
        } else if (round == 1) {
            sp.name = county.region.name + "法律援助中心", sp.kind = "legal_aid";
            region = county.region;
        } else if (round < 2 + county.towns.size()) {
            sp.name = town + (rng.Chance(50) ? "公共法律服务工作站" : "司法所"), sp.kind = "station";
        } else {
            std::string village = PlaceName(rng, 2) + rng.Pick(kVillageSuffix);
            switch (rng.Below(6)) {
                case 0: sp.name = town + village + "人民调解委员会", sp.kind = "mediation"; break;
                case 1: sp.name = town + village + "共享法庭", sp.kind = "shared_court"; break;
                default: sp.name = town + village + "公共法律服务室", sp.kind = "room"; break;
            }
        }
        sp.region = region;
        sp.level = region.level;
        sp.address = county.region.name + town + rng.Pick(kRoads) + Num(1 + rng.Below(300)) + "号";
        size_t service_count = 1 + rng.Below(4);
        std::vector<core::Atom> services;
        for (size_t k = 0; k < service_count; ++k) {
            const std::string& s = rng.Pick(kServices);
            if (std::find(services.begin(), services.end(), s) == services.end()) services.push_back(s);
        }
        sp.services = services;
        if (rng.Chance(30)) sp.phone = "0" + Num(100 + rng.Below(900)) + "-" + Num(1000000 + rng.Below(9000000));
        sp.source = SyntheticSource();
        d.points.push_back(std::move(sp));
    }
    for (size_t i = 0; i < o.channels; ++i) {
        core::Channel c;
        c.id = "syn-ch-" + Num(i);
        const std::string& where = i < kProvinces.size() ? kProvinces[i] : counties[i % counties.size()].region.name.str();
        switch (i % 3) {
            case 0: c.name = where + "12348公共法律服务热线", c.kind = "hotline", c.number = "12348"; break;
            case 1: c.name = where + "法律服务网", c.kind = "website", c.url = "https://example.invalid/" + Num(i); break;
            default: c.name = where + "法律援助微信公众号", c.kind = "wechat"; break;
        }
        c.region = {where, i < kProvinces.size() ? core::RegionLevel::Province : core::RegionLevel::County, ""};
        c.services = {"法律咨询", "法律援助"};
        c.source = SyntheticSource();
        d.channels.push_back(std::move(c));
    }
    return d;
}

namespace {
nlohmann::json RegionJson(const core::Region& r) {
    nlohmann::json j{{"name", r.name}, {"level", core::ToString(r.level)}};
    if (!r.parent.empty()) j["parent"] = r.parent;
    return j;
}
nlohmann::json TaskJson(const core::Task& t) {
    nlohmann::json j{{"id", t.id}, {"number", t.number}, {"title", t.title}, {"text", t.text}};
    if (!t.lead_units.empty()) j["lead_units"] = t.lead_units;
    if (!t.responsible_units.empty()) j["responsible_units"] = t.responsible_units;
    if (!t.themes.empty()) j["themes"] = t.themes;
    nlohmann::json targets = nlohmann::json::array();
    for (const core::Target& g : t.targets)
        targets.push_back({{"quote", g.quote}, {"metric", g.metric}, {"comparator", g.comparator}, {"value", g.value},
                           {"unit", g.unit}, {"due", g.due}});
    if (!targets.empty()) j["targets"] = targets;
    return j;
}
bool WriteJson(const std::string& path, const nlohmann::json& j) {
    std::ofstream out(path, std::ios::binary);
    out << j.dump(1);
    return bool(out);
}
}  // namespace

bool WriteDataFolder(const Data& d, const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir + "/plans", ec);
    if (ec) return false;
    for (const core::Plan& p : d.plans) {
        nlohmann::json j{{"schema", 1}, {"id", p.id}, {"title", p.title}, {"kind", core::ToString(p.kind)},
                         {"region", RegionJson(p.region)}, {"issuers", p.issuers}, {"published", p.published},
                         {"source", {{"file", p.source.file}}}, {"intro", p.intro}};
        if (p.period_from) j["period"] = {{"from", p.period_from}, {"to", p.period_to}};
        if (p.year) j["year"] = p.year;
        nlohmann::json sections = nlohmann::json::array();
        for (const core::Section& s : p.sections) {
            nlohmann::json tasks = nlohmann::json::array();
            for (const core::Task& t : s.tasks) tasks.push_back(TaskJson(t));
            sections.push_back({{"number", s.number}, {"title", s.title}, {"themes", s.themes}, {"tasks", tasks}});
        }
        j["sections"] = sections;
        if (!WriteJson(dir + "/" + p.file, j)) return false;
    }
    nlohmann::json points = nlohmann::json::array();
    for (const core::ServicePoint& p : d.points) {
        nlohmann::json j{{"id", p.id}, {"name", p.name}, {"kind", p.kind}, {"level", core::ToString(p.level)},
                         {"region", RegionJson(p.region)}, {"address", p.address}, {"services", p.services},
                         {"source", {{"file", p.source.file}, {"quote", "synthetic"}}}};
        if (!p.phone.empty()) j["phone"] = p.phone;
        points.push_back(std::move(j));
    }
    if (!WriteJson(dir + "/service-points.json", {{"schema", 1}, {"points", points}})) return false;
    nlohmann::json channels = nlohmann::json::array();
    for (const core::Channel& c : d.channels) {
        nlohmann::json j{{"id", c.id}, {"name", c.name}, {"kind", c.kind}, {"region", RegionJson(c.region)},
                         {"services", c.services}, {"source", {{"file", c.source.file}, {"quote", "synthetic"}}}};
        if (!c.number.empty()) j["number"] = c.number;
        if (!c.url.empty()) j["url"] = c.url;
        channels.push_back(std::move(j));
    }
    if (!WriteJson(dir + "/channels.json", {{"schema", 1}, {"channels", channels}})) return false;
    nlohmann::json themes = nlohmann::json::array();
    for (const core::Theme& t : d.themes)
        themes.push_back({{"id", t.id}, {"name", t.name}, {"name_en", t.name_en}, {"keywords", t.keywords}});
    return WriteJson(dir + "/themes.json", {{"schema", 1}, {"themes", themes}});
}

std::vector<std::string> Sentences(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    size_t chars = 0;
    for (size_t pos = 0; pos < text.size();) {
        const uint32_t c = core::DecodeUtf8(text, pos);
        const bool end = c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F;  // 。；！？
        if (c == '\n' || c == '\r') {
            if (chars >= 8) out.push_back(cur + "。");
            cur.clear();
            chars = 0;
            continue;
        }
        if (c == ' ' || c == '\t' || c == 0x3000) continue;
        core::AppendUtf8(cur, c);
        ++chars;
        if (end) {
            if (chars >= 8) out.push_back(cur);
            cur.clear();
            chars = 0;
        }
    }
    if (chars >= 8) out.push_back(cur + "。");
    return out;
}

namespace {
size_t Chars(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}
// The first `chars` characters of s.
std::string FirstChars(const std::string& s, size_t chars) {
    size_t pos = 0;
    for (size_t n = 0; n < chars && pos < s.size(); ++n) (void)core::DecodeUtf8(s, pos);
    return s.substr(0, pos);
}
}  // namespace

std::vector<FlatRecord> FlatCorpus(size_t count, uint64_t seed, const std::vector<std::string>& sentences) {
    Options o = Scaled(count, seed);
    // Flat records are tasks (title + text) and service points (name + address and services).
    o.tasks = count * 4 / 10;
    o.points = count - o.tasks;
    o.plans = std::max<size_t>(1, o.tasks / 50);
    o.channels = 0;
    Data d = Generate(o);
    std::vector<FlatRecord> out;
    out.reserve(count);
    std::vector<std::string> task_texts;  // generated sentences, to lengthen records with
    for (const core::Plan& p : d.plans)
        for (const core::Section& s : p.sections)
            for (const core::Task& t : s.tasks) {
                out.push_back({t.title.str(), t.text.str()});
                if (task_texts.size() < 50000) task_texts.push_back(t.text.str());
            }
    for (const core::ServicePoint& p : d.points) {
        std::string body = p.address.str();
        for (const std::string& s : p.services) body += " " + s;
        body += " " + p.region.name + p.region.parent;
        out.push_back({p.name.str(), body});
    }
    out.resize(std::min(out.size(), count));
    // Lengths as the corpus has them: 30–200 characters a record, uniformly. A body too
    // short for its record's length goes on with sentences, half of them from the real source
    // documents when given (their vocabulary: about a thousand characters more than the
    // generator's), half generated; then it is cut to the length.
    Rng rng{seed * 31 + 7};
    for (FlatRecord& r : out) {
        const size_t want = 30 + rng.Below(171), title = Chars(r.title);
        if (title >= want) {
            r.title = FirstChars(r.title, want - 1);
            r.body = FirstChars(r.body, 1);
            continue;
        }
        size_t body = Chars(r.body);
        while (title + body < want) {
            const bool real = !sentences.empty() && (task_texts.empty() || rng.Chance(50));
            const std::string& more = real ? rng.Pick(sentences) : rng.Pick(task_texts);
            r.body += more;
            body += Chars(more);
        }
        r.body = FirstChars(r.body, want - title);
    }
    return out;
}

std::vector<std::string> Queries(const std::vector<FlatRecord>& corpus, size_t count, uint64_t seed) {
    Rng rng{seed};
    std::vector<std::string> out;
    size_t guard = 0;
    while (out.size() < count && !corpus.empty() && guard++ < count * 100) {
        std::string q;
        if (rng.Chance(85)) {
            // A substring of 2–4 characters of some record, without spaces or punctuation.
            const FlatRecord& r = corpus[rng.Below(corpus.size())];
            const std::string& text = rng.Chance(50) ? r.title : r.body;
            std::vector<uint32_t> cps;
            for (size_t pos = 0; pos < text.size();) cps.push_back(core::DecodeUtf8(text, pos));
            size_t len = 2 + rng.Below(3);
            if (cps.size() < len) continue;
            size_t at = rng.Below(cps.size() - len + 1);
            bool ok = true;
            for (size_t k = at; k < at + len; ++k) ok &= core::IsHan(cps[k]);
            if (!ok) continue;
            for (size_t k = at; k < at + len; ++k) core::AppendUtf8(q, cps[k]);
        } else {
            // Two vocabulary words' halves: often absent, which a search must say quickly.
            const Chapter& a = kChapters[rng.Below(kChapters.size())];
            const Chapter& b = kChapters[rng.Below(kChapters.size())];
            const std::string& x = rng.Pick(a.objects);
            const std::string& y = rng.Pick(b.objects);
            std::vector<uint32_t> cx, cy;
            for (size_t pos = 0; pos < x.size();) cx.push_back(core::DecodeUtf8(x, pos));
            for (size_t pos = 0; pos < y.size();) cy.push_back(core::DecodeUtf8(y, pos));
            if (cx.size() < 2 || cy.size() < 2 || !core::IsHan(cx.back()) || !core::IsHan(cy[0]) ||
                !core::IsHan(cx[cx.size() - 2]) || !core::IsHan(cy[1]))
                continue;
            for (uint32_t c : {cx[cx.size() - 2], cx.back(), cy[0], cy[1]}) core::AppendUtf8(q, c);
        }
        out.push_back(q);
    }
    return out;
}

}  // namespace synth
