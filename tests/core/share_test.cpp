// share_test.cpp — the hand-off address: which base addresses a phone can open, and the link
// made from a base and a deep link. Depends on core/Share.h.
#include <doctest/doctest.h>

#include "core/Share.h"

TEST_CASE("hand-off address") {
    SUBCASE("a public http(s) base is kept as written, less its fragment") {
        CHECK(core::ShareBase("https://example.org/fz/") == "https://example.org/fz/");
        CHECK(core::ShareBase("http://fazhitong.example.cn/index.html") == "http://fazhitong.example.cn/index.html");
        CHECK(core::ShareBase("  https://example.org/fz/#/plan/x ") == "https://example.org/fz/");
        CHECK(core::ShareBase("HTTPS://Example.org:8443/a/") == "HTTPS://Example.org:8443/a/");
        CHECK(core::ShareBase("https://192.168.1.20/fz/") == "https://192.168.1.20/fz/");  // a centre's own server
    }
    SUBCASE("a bare host gets its slash") {
        CHECK(core::ShareBase("https://example.org") == "https://example.org/");
        CHECK(core::ShareBase("https://example.org#x") == "https://example.org/");
    }
    SUBCASE("nothing a phone cannot open: files, loopback, other schemes, junk") {
        CHECK(core::ShareBase("") == "");
        CHECK(core::ShareBase("file:///media/usb/fazhitong.html") == "");
        CHECK(core::ShareBase("http://localhost:8080/") == "");
        CHECK(core::ShareBase("http://LOCALHOST/") == "");
        CHECK(core::ShareBase("http://app.localhost/") == "");
        CHECK(core::ShareBase("http://127.0.0.1:8080/") == "");
        CHECK(core::ShareBase("http://[::1]:8080/") == "");
        CHECK(core::ShareBase("http://0.0.0.0/") == "");
        CHECK(core::ShareBase("http://user@localhost/") == "");
        CHECK(core::ShareBase("https://") == "");
        CHECK(core::ShareBase("https:///path") == "");
        CHECK(core::ShareBase("https://:443/") == "");
        CHECK(core::ShareBase("javascript:alert(1)") == "");
        CHECK(core::ShareBase("example.org/fz/") == "");
        CHECK(core::ShareBase("https://exa mple.org/") == "");
        CHECK(core::ShareBase("https://example.org/\n") == "https://example.org/");  // trailing whitespace only
        CHECK(core::ShareBase("https://example.org/a\tb") == "");
    }
    SUBCASE("the link is the base and the deep link as the address bar shows it") {
        CHECK(core::ShareLink("https://example.org/fz/", core::Route{core::Screen::Plan, "kunming-2021-2025", ""}) ==
              "https://example.org/fz/#/plan/kunming-2021-2025");
        CHECK(core::ShareLink("https://example.org/fz/", core::Route{core::Screen::Search, "", "法律援助"}) ==
              "https://example.org/fz/#/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9");
        CHECK(core::ShareLink("https://example.org/", core::Route{}) == "https://example.org/#/");
        CHECK(core::ShareLink("", core::Route{core::Screen::About, "", ""}) == "");
    }
}

TEST_CASE("tel: links for a number as the data writes it") {
    CHECK(core::TelLink("12348") == "tel:12348");
    CHECK(core::TelLink("0871-12348") == "tel:0871-12348");
    CHECK(core::TelLink("+86 871 6412 3456") == "tel:+8687164123456");
    CHECK(core::TelLink("电话：0871-6412 3456（工作日）") == "tel:0871-64123456");
    CHECK(core::TelLink("１２３４８") == "tel:12348");      // full-width digits
    CHECK(core::TelLink("＋８６－１２３４８") == "tel:+86-12348");
    CHECK(core::TelLink("0798--8888888-") == "tel:0798-8888888");  // one hyphen, none at the end
    CHECK(core::TelLink("12348热线 0871-1") == "tel:12348");        // the first number only
    CHECK(core::TelLink("A+B 12348") == "tel:12348");               // a + must come before a digit
    // No number: too few digits, none, or empty.
    CHECK(core::TelLink("12").empty());
    CHECK(core::TelLink("微信公众号").empty());
    CHECK(core::TelLink("").empty());
    CHECK(core::TelLink("+").empty());
    CHECK(core::TelLink("\xEF\xBC").empty());  // a cut-off full-width character
}
