// Share.h — the address a kiosk hands to a visitor's phone: the public website's base address
// (a deployer's setting, or the page's own address) joined with the current deep link. A base
// that a phone could not open (not http(s), a loopback host) is refused, so no QR code ever
// points at a file or at localhost. And the tel: link a phone dials for a hotline's number.
// Depends on Route.h (and TextNorm.h in Share.cpp).
#pragma once
#include <string>
#include <string_view>

#include "Route.h"

namespace core {

// The usable base address in `url`, or "" when there is none: http:// or https://, a host that is
// not loopback (localhost, 127.x.x.x, [::1], 0.0.0.0), no spaces or control characters. Its
// fragment (#...) is dropped, and a bare host gets a "/" ("https://example.org" ->
// "https://example.org/").
std::string ShareBase(std::string_view url);
// base + the route's deep link: "https://example.org/fz/" + "#/plan/ID". "" when base is "".
std::string ShareLink(const std::string& base, const Route& route);
// The tel: link for a number as the data writes it: its digits (full-width ones too), a + before
// the first, single hyphens between them, spaces dropped; text before the first digit is skipped
// and any other character after it ends the number ("12348" -> "tel:12348", "电话：0871-6412 3456
// （工作日）" -> "tel:0871-64123456"). "" when it holds fewer than 3 digits.
std::string TelLink(std::string_view number);

}  // namespace core
