// atom_list_test.cpp — core::AtomList: equal lists share one pooled block, the empty list is
// nothing, it reads like a const std::vector<Atom>, compares with vectors of atoms and strings, and
// reads and writes as a JSON array of strings. Depends on core/AtomList, nlohmann_json, doctest.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/AtomList.h"

using core::Atom;
using core::AtomList;
using Strings = std::vector<std::string>;

TEST_CASE("atom lists are interned") {
    SUBCASE("equal lists share one block however they were built") {
        std::vector<Atom> atoms{"法律咨询", "法律援助"};
        Strings strings{"法律咨询", std::string("法律") + "援助"};
        std::vector<std::string_view> views{"法律咨询", "法律援助"};
        AtomList a = atoms, b = strings, c(views.begin(), views.end()), d{"法律咨询", "法律援助"};
        CHECK(a == b);
        CHECK(a == c);
        CHECK(a == d);
        CHECK(a.data() == b.data());  // one block
        CHECK(a.data() == d.data());
        CHECK(&a[1].str() == &Atom("法律援助").str());  // and its atoms are the pool's
    }
    SUBCASE("a new list adds one to the pool, the same list again adds nothing") {
        size_t before = AtomList::PoolCount();
        AtomList a{"atom_list_test: only here", "x"};
        CHECK(AtomList::PoolCount() == before + 1);
        AtomList again = Strings{"atom_list_test: only here", "x"};
        CHECK(AtomList::PoolCount() == before + 1);
        CHECK(again == a);
        CHECK(AtomList::PoolBytes() > 0);
    }
    SUBCASE("order, length and each atom matter") {
        AtomList ab{"a", "b"}, ba{"b", "a"}, a{"a"}, abb{"a", "b", "b"};
        CHECK(ab != ba);
        CHECK(ab != a);
        CHECK(ab != abb);
        CHECK(AtomList{"a"} == a);
    }
    SUBCASE("a copy is the same pointer; the source vector can change afterwards") {
        std::vector<Atom> atoms{"x", "y"};
        AtomList list = atoms;
        AtomList copy = list;
        atoms.push_back("z");
        CHECK(copy == list);
        CHECK(list == Strings{"x", "y"});
        CHECK(sizeof(AtomList) == sizeof(void*));
    }
}

TEST_CASE("the empty atom list") {
    size_t before = AtomList::PoolCount();
    AtomList empty, from_vector = std::vector<Atom>(), from_strings = Strings(), from_braces = {};
    CHECK(AtomList::PoolCount() == before);  // allocates nothing
    CHECK(empty.empty());
    CHECK(empty.size() == 0);
    CHECK(empty.begin() == empty.end());
    CHECK(empty.data() == nullptr);
    CHECK(empty == from_vector);
    CHECK(empty == from_strings);
    CHECK(empty == from_braces);
    CHECK(empty == Strings{});
    CHECK(empty != AtomList{""});  // a list of one empty atom is not empty
    CHECK(AtomList{""}.size() == 1);
    size_t visits = 0;
    for (Atom a : empty) visits += a.size() + 1;
    CHECK(visits == 0);
}

TEST_CASE("an atom list reads like a const std::vector<Atom>") {
    AtomList list{"司法局", "公安局", "民政局"};
    CHECK(list.size() == 3);
    CHECK_FALSE(list.empty());
    CHECK(list[0] == "司法局");
    CHECK(list.front() == "司法局");
    CHECK(list.back() == "民政局");
    CHECK(list.end() - list.begin() == 3);
    SUBCASE("iteration yields atoms, in order, and binds to strings without copies") {
        Strings seen;
        for (Atom a : list) seen.push_back(a.str());
        CHECK(seen == Strings{"司法局", "公安局", "民政局"});
        for (const std::string& s : list) CHECK(&s == &Atom(s).str());
        CHECK(std::find(list.begin(), list.end(), Atom("公安局")) == list.begin() + 1);
        CHECK(list.ToVector() == std::vector<Atom>{"司法局", "公安局", "民政局"});
    }
    SUBCASE("compares with vectors of atoms and of strings, both ways, by text and order") {
        CHECK(list == std::vector<Atom>{"司法局", "公安局", "民政局"});
        CHECK(std::vector<Atom>{"司法局", "公安局", "民政局"} == list);
        CHECK(list == Strings{"司法局", "公安局", "民政局"});
        CHECK(Strings{"司法局", "公安局", "民政局"} == list);
        CHECK(list != Strings{"司法局", "公安局"});
        CHECK(Strings{"公安局", "司法局", "民政局"} != list);
        CHECK(list != std::vector<Atom>{"司法局"});
    }
    SUBCASE("prints as {a, b, c} (doctest messages)") {
        std::ostringstream os;
        os << list << ' ' << AtomList();
        CHECK(os.str() == "{司法局, 公安局, 民政局} {}");
    }
    SUBCASE("hashes by identity") {
        std::unordered_set<AtomList> set{list, AtomList{"司法局", "公安局", "民政局"}, AtomList(), AtomList{"x"}};
        CHECK(set.size() == 3);
        CHECK(set.count(Strings{"x"}) == 1);
    }
}

TEST_CASE("atom lists read and write as JSON arrays of strings") {
    AtomList list{"法律咨询", "法律援助"};
    nlohmann::json j = list;
    CHECK(j.dump() == R"(["法律咨询","法律援助"])");
    CHECK(j.get<AtomList>() == list);
    CHECK(nlohmann::json(AtomList()).dump() == "[]");
    CHECK(nlohmann::json::parse("[]").get<AtomList>().empty());
    nlohmann::json object = {{"services", list}};
    CHECK(object.dump() == R"({"services":["法律咨询","法律援助"]})");
    CHECK(object["services"].get<AtomList>().data() == list.data());
    CHECK_THROWS_AS(nlohmann::json(42).get<AtomList>(), nlohmann::json::type_error);
}
