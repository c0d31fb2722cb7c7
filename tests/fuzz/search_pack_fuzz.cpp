// search_pack_fuzz.cpp — libFuzzer target for SearchIndex::LoadFrom: any bytes as a saved index
// against a small fixed Catalog must load or be rejected with an error, never crash or read out of
// bounds; a loaded index must answer queries safely. To reach past the header checks, an input
// whose first byte is even edits a valid saved blob instead (truncate, then XOR bytes at given
// offsets); an odd first byte means the rest is the blob itself. Depends on fazhitong_core.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/Files.h"
#include "core/Catalog.h"
#include "core/Search.h"

namespace {
struct Fixture {
    std::unique_ptr<core::Catalog> catalog;
    core::SearchIndex index;
    std::string blob;
    Fixture() {
        core::Plan plan;
        plan.id = "demo";
        plan.title = "示例县法治政府建设工作要点 ＡＢＣ復議";
        plan.region.name = "示例县";
        plan.region.parent = "示例市";
        plan.intro = "推进法律援助工作站建设 xi'an 😀";
        plan.issuers = {"示例县人民政府办公室"};
        plan.themes = {"aid"};
        core::Section sec;
        sec.title = "推进公共法律服务";
        core::Task t1;
        t1.id = "t1";
        t1.title = "扩大法律援助覆盖面";
        t1.text = "扩大法律援助覆盖面，提高援助质量。";
        t1.lead_units = {"示例县司法局"};
        core::Task t2;
        t2.id = "t2";
        t2.title = "深化行政复议体制改革";
        t2.text = t2.title;
        t2.responsible_units = {"示例县司法局", "示例县人民法院"};
        sec.tasks = {t1, t2};
        plan.sections = {sec};
        plan.units = {{"县司法局", "示例县司法局"}};
        core::ServicePoint p;
        p.id = "centre";
        p.name = "示例县公共法律服务中心";
        p.kind = "centre";
        p.region = plan.region;
        p.address = "人民路1号";
        p.services = {"法律援助", "人民调解"};
        p.phone = "12348";
        core::Channel c;
        c.id = "hotline";
        c.name = "12348公共法律服务热线";
        c.kind = "hotline";
        c.number = "12348";
        c.services = {"法律咨询"};
        c.region = plan.region;
        catalog = std::make_unique<core::Catalog>(std::vector<core::Plan>{plan}, std::vector<core::ServicePoint>{p},
                                                  std::vector<core::Channel>{c}, std::vector<core::Theme>{});
        core::Synonyms s;
        s.AddGroup({"法援", "法律援助"});
        s.AddRule("复议", {"行政复议"});
        index = core::SearchIndex::Build(*catalog, s);
        index.SaveTo([&](const void* p, size_t n) { blob.append(static_cast<const char*>(p), n); });
    }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Fixture fx;
    std::string blob;
    if (size > 0 && (data[0] & 1)) {
        blob.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
    } else {
        blob = fx.blob;
        if (size >= 3) {
            size_t keep = (size_t(data[1]) | size_t(data[2]) << 8);
            if (keep < blob.size() && (data[0] & 2)) blob.resize(keep);
        }
        for (size_t i = 3; i + 3 <= size && !blob.empty(); i += 3) {
            size_t at = (size_t(data[i]) | size_t(data[i + 1]) << 8) % blob.size();
            blob[at] = char(blob[at] ^ data[i + 2]);
        }
    }
    size_t pos = 0;
    core::SearchIndex index;
    std::string error;
    bool ok = core::SearchIndex::LoadFrom(
        *fx.catalog,
        [&](void* p, size_t n) { return core::ReadBytes(blob, pos, p, n); },
        index, error);
    if (ok != error.empty()) __builtin_trap();  // an error exactly when rejected
    if (!ok) return 0;
    for (const char* text : {"法律援助", "法援", "复议", "行政", "法", "司法局", "flyz", "f", "x", "gongzuo", "ＡＢＣ", "xi'an"}) {
        core::Query q;
        q.text = text;
        q.group_by_type = text[0] & 1;
        core::SearchResult r = index.Search(q);
        for (const core::Hit& h : r.hits) {
            for (const core::ByteRange& br : h.title_ranges)
                if (br.begin > br.end || br.end > h.title.size()) __builtin_trap();
            for (const core::ByteRange& br : h.snippet_ranges)
                if (br.begin > br.end || br.end > h.snippet.size()) __builtin_trap();
        }
    }
    (void)index.FacetValues("region");
    return 0;
}
