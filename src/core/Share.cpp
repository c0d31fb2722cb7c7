// Share.cpp — checks a hand-off base address and joins it with a deep link; reads a phone number
// as a tel: link. Depends on Share.h, TextNorm.h.
#include "Share.h"

#include <cctype>
#include <cstdint>

#include "TextNorm.h"

namespace core {
namespace {

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool IsLoopback(const std::string& host) {
    if (host == "localhost" || host == "0.0.0.0" || host == "[::1]" || host == "[::]") return true;
    if (host.size() > 10 && host.compare(host.size() - 10, 10, ".localhost") == 0) return true;
    return host.compare(0, 4, "127.") == 0 && host.find_first_not_of("0123456789.") == std::string::npos;
}

}  // namespace

std::string ShareBase(std::string_view url) {
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front()))) url.remove_prefix(1);
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back()))) url.remove_suffix(1);
    if (size_t hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return {};
    const std::string lower = Lower(url);
    size_t host_from = 0;
    if (lower.compare(0, 7, "http://") == 0) host_from = 7;
    else if (lower.compare(0, 8, "https://") == 0) host_from = 8;
    else return {};
    // The authority ends at the path, the query or the end; a user:password@ part is skipped.
    size_t host_end = lower.find_first_of("/?", host_from);
    if (host_end == std::string::npos) host_end = lower.size();
    std::string host = lower.substr(host_from, host_end - host_from);
    if (size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
    if (host.empty() || host[0] == ':') return {};
    if (host[0] == '[') {
        size_t close = host.find(']');
        if (close == std::string::npos) return {};
        host.resize(close + 1);
    } else if (size_t colon = host.find(':'); colon != std::string::npos) {
        host.resize(colon);
    }
    if (host.empty() || IsLoopback(host)) return {};
    std::string base(url);
    if (host_end == base.size()) base += '/';
    return base;
}

std::string ShareLink(const std::string& base, const Route& route) {
    if (base.empty()) return {};
    return base + ToHash(route);
}

std::string TelLink(std::string_view number) {
    std::string out;
    size_t digits = 0;
    for (size_t pos = 0; pos < number.size();) {
        // Folded as search folds text: full-width digits, ＋ and － read as ASCII, and spaces (any
        // whitespace) and cut-off bytes are breaks, 0.
        const uint32_t c = FoldCodepoint(DecodeUtf8(number, pos));
        if (c >= '0' && c <= '9') {
            out += char(c);
            ++digits;
        } else if (c == '+' && out.empty()) {
            out += '+';
        } else if (c == '-') {
            if (digits > 0 && out.back() != '-') out += '-';
        } else if (c != 0 && digits > 0) {
            break;
        } else if (c != 0 && !out.empty()) {
            out.clear();  // a + not before a digit
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return digits >= 3 ? "tel:" + out : "";
}

}  // namespace core
