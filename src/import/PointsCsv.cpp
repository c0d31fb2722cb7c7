// PointsCsv.cpp — RFC 4180 CSV (quoted fields, doubled quotes, CRLF) -> service points, every
// row checked like the loader checks JSON. Depends on PointsCsv.h, Text.h.
#include "PointsCsv.h"

#include <cstdlib>
#include <map>
#include <set>

#include "Text.h"

namespace importer {

namespace {

// Rows of fields, each row with the line it starts on.
bool ParseCsv(const std::string& s, std::vector<std::pair<int, std::vector<std::string>>>& rows, std::string& error) {
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    int line = 1, row_line = 1;
    auto end_field = [&] {
        row.push_back(field);
        field.clear();
        any = true;
    };
    auto end_row = [&] {
        if (any || !field.empty()) {
            end_field();
            bool blank = true;
            for (const std::string& f : row) blank = blank && f.find_first_not_of(" \t") == std::string::npos;
            if (!blank) rows.push_back({row_line, row});
        }
        row.clear();
        any = false;
    };
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && field.empty()) {
            quoted = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            end_row();
            ++line;
            row_line = line;
        } else {
            field += c;
        }
    }
    if (quoted) {
        error = std::to_string(row_line) + ": error: a quoted field is not closed";
        return false;
    }
    end_row();
    return true;
}

std::string TrimAscii(const std::string& s) { return ToUtf8(Trim(FromUtf8(s))); }

bool IsId(std::string_view s) {
    if (s.empty()) return false;
    auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!ok(s[0])) return false;
    for (char c : s)
        if (!ok(c) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

bool ParseDouble(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end && *end == '\0';
}

}  // namespace

CsvResult PointsFromCsv(const std::string& bytes, const std::string& file_name) {
    CsvResult r;
    U32 text;
    std::string error;
    if (!DecodeDocument(bytes, text, error)) {
        r.messages.push_back("0: error: " + error);
        return r;
    }
    std::vector<std::pair<int, std::vector<std::string>>> rows;
    if (!ParseCsv(ToUtf8(text), rows, error)) {
        r.messages.push_back(error);
        return r;
    }
    if (rows.size() < 2) {
        r.messages.push_back("0: error: no data rows (a header row and at least one row are needed)");
        return r;
    }
    static const std::set<std::string> known{"id",      "name",  "kind",   "region",      "region_level", "region_parent",
                                             "level",   "address", "lat",  "lon",         "precision",    "services",
                                             "hours",   "phone", "count",  "source_file", "source_quote"};
    static const std::set<std::string> kinds{"centre",        "station",          "room",   "legal_aid",   "mediation",
                                             "shared_court",  "one_stop",         "dispute_platform", "notary",
                                             "arbitration",   "robot",            "other"};
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < rows[0].second.size(); ++i) {
        std::string h = TrimAscii(rows[0].second[i]);
        for (char& c : h)
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (!known.count(h))
            r.messages.push_back("1: warning: unknown column \"" + h + "\" (ignored)");
        else
            col[h] = i;
    }
    for (const char* need : {"name", "kind", "region"})
        if (!col.count(need)) {
            r.messages.push_back(std::string("1: error: missing required column \"") + need + "\"");
            return r;
        }
    bool errors = false;
    std::set<std::string> ids;
    for (size_t ri = 1; ri < rows.size(); ++ri) {
        int line = rows[ri].first;
        const auto& f = rows[ri].second;
        auto get = [&](const char* k) {
            auto it = col.find(k);
            return it == col.end() || it->second >= f.size() ? std::string() : TrimAscii(f[it->second]);
        };
        auto fail = [&](const std::string& m) {
            r.messages.push_back(std::to_string(line) + ": error: " + m + " (row skipped)");
            errors = true;
        };
        core::ServicePoint p;
        p.name = get("name");
        p.kind = get("kind");
        p.region.name = get("region");
        if (p.name.empty()) { fail("empty name"); continue; }
        if (p.region.name.empty()) { fail("empty region"); continue; }
        if (!kinds.count(p.kind)) { fail("unknown kind \"" + p.kind + "\" (expected centre, station, room, legal_aid, mediation, shared_court, one_stop, dispute_platform, notary, arbitration, robot or other)"); continue; }
        std::string rl = get("region_level"), lv = get("level");
        if (!rl.empty()) {
            p.region.level = core::RegionLevelFromString(rl);
            if (p.region.level == core::RegionLevel::Unknown) { fail("unknown region_level \"" + rl + "\""); continue; }
        }
        if (!lv.empty()) {
            p.level = core::RegionLevelFromString(lv);
            if (p.level == core::RegionLevel::Unknown) { fail("unknown level \"" + lv + "\""); continue; }
        }
        p.region.parent = get("region_parent");
        p.address = get("address");
        p.hours = get("hours");
        p.phone = get("phone");
        std::string lat = get("lat"), lon = get("lon");
        if (!lat.empty() || !lon.empty()) {
            core::Location l;
            if (!ParseDouble(lat, l.lat) || !ParseDouble(lon, l.lon)) { fail("lat and lon must both be numbers"); continue; }
            if (l.lat < -90 || l.lat > 90 || l.lon < -180 || l.lon > 180) { fail("impossible coordinates " + lat + ", " + lon); continue; }
            std::string prec = get("precision");
            l.precision = prec.empty() ? core::Precision::Exact : core::PrecisionFromString(prec);
            if (l.precision == core::Precision::Unknown) { fail("unknown precision \"" + prec + "\" (expected exact, district or city)"); continue; }
            p.location = l;
        }
        std::string count = get("count");
        if (!count.empty()) {
            char* end = nullptr;
            long v = std::strtol(count.c_str(), &end, 10);
            if (!end || *end || v < 0 || v > 10000000) { fail("count must be a whole number, got \"" + count + "\""); continue; }
            p.count = int(v);
        }
        std::vector<core::Atom> services;
        for (const U32& s : SplitOutsideBrackets(FromUtf8(get("services")), U";；、")) services.push_back(ToUtf8(s));
        p.services = services;
        p.source.file = get("source_file").empty() ? file_name : get("source_file");
        p.source.quote = get("source_quote");
        p.id = get("id");
        if (p.id.empty()) p.id = "csv-" + ShortHash(p.name + "\n" + p.region.name);
        if (!IsId(p.id)) { fail("invalid id \"" + p.id + "\" (use a-z, 0-9, '.', '_', '-')"); continue; }
        if (!ids.insert(p.id.str()).second) { fail("duplicate id \"" + p.id + "\""); continue; }
        r.points.push_back(p);
    }
    r.ok = !errors && !r.points.empty();
    return r;
}

}  // namespace importer
