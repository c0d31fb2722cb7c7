// atom_test.cpp — core::Atom: one copy of each text, equality by identity, reads like a string.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <unordered_set>
#include <vector>

#include "core/Atom.h"

TEST_CASE("atoms of the same text share one string; different texts do not") {
    std::string built = std::string("司法") + "局";
    core::Atom a = built, b = "司法局", c = "公安局";
    CHECK(a == b);
    CHECK(&a.str() == &b.str());
    CHECK(a != c);
    CHECK(a.str() == "司法局");
    CHECK(a.size() == 9);
    CHECK(std::string(a.c_str()) == "司法局");
    built += "x";  // the atom does not follow its source
    CHECK(a == "司法局");
}

TEST_CASE("the empty atom is the default and equals every empty text") {
    core::Atom empty, from_empty = std::string(), from_literal = "";
    CHECK(empty.empty());
    CHECK(empty == from_empty);
    CHECK(empty == from_literal);
    CHECK(empty == "");
    CHECK(empty.size() == 0);
    CHECK(core::Atom(static_cast<const char*>(nullptr)).empty());
}

TEST_CASE("atoms compare with strings, views and literals by text, and order by text") {
    core::Atom a = "centre";
    std::string s = "centre";
    std::string_view v = "centre";
    CHECK(a == s);
    CHECK(s == a);
    CHECK(a == v);
    CHECK(v == a);
    CHECK(a != "room");
    CHECK("room" != a);
    CHECK(core::Atom("a") < core::Atom("b"));
    CHECK_FALSE(core::Atom("b") < core::Atom("a"));
    CHECK_FALSE(a < a);
    CHECK(std::string("中心: ") + a == "中心: centre");
    CHECK(a + "s" == "centres");
    const std::string& ref = a;  // binds to the pooled string, no copy
    CHECK(&ref == &a.str());
    std::vector<core::Atom> list{"x", "y"};
    CHECK(list == std::vector<std::string>{"x", "y"});
    CHECK(list != std::vector<std::string>{"x"});
    CHECK(list != std::vector<std::string>{"y", "x"});
}

TEST_CASE("atoms hash by identity and read and write as JSON strings") {
    std::unordered_set<core::Atom> set{"甲", "乙", std::string("甲")};
    CHECK(set.size() == 2);
    CHECK(set.count("乙") == 1);
    nlohmann::json j = std::vector<core::Atom>{"法律援助", "人民调解"};
    CHECK(j.dump() == R"(["法律援助","人民调解"])");
    auto back = j.get<std::vector<core::Atom>>();
    CHECK(back == std::vector<std::string>{"法律援助", "人民调解"});
    CHECK(&back[0].str() == &core::Atom("法律援助").str());
}

TEST_CASE("the pool counts each distinct text once") {
    size_t before = core::Atom::PoolCount();
    core::Atom first = "atom_test: a text no other test uses";
    size_t after_first = core::Atom::PoolCount();
    core::Atom again = std::string("atom_test: a text no other test uses");
    CHECK(after_first == before + 1);
    CHECK(core::Atom::PoolCount() == after_first);
    CHECK(core::Atom::PoolBytes() > 0);
    CHECK(first == again);
}
