// text_test.cpp — core::Text and core::TextArena: who owns the bytes (a copy of a borrowed Text
// outlives its arena), moves, the empty Text, comparisons, NUL termination and hashing.
// Depends on core/Text, nlohmann_json, doctest.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_set>
#include <utility>

#include "core/Text.h"

TEST_CASE("text ownership") {
    SUBCASE("a Text built from a string owns a copy of it") {
        std::string source = "法律援助中心";
        core::Text t = source;
        CHECK(t.Owned());
        CHECK(t.data() != source.data());
        source[0] = 'x';
        CHECK(t == "法律援助中心");
    }
    SUBCASE("an arena's Text borrows its bytes, one after another in the order added") {
        core::TextArena arena;
        core::Text a = arena.Add("司法局"), b = arena.Add("公安局");
        CHECK_FALSE(a.Owned());
        CHECK(arena.Holds(a));
        CHECK(arena.Holds(b));
        CHECK(b.data() == a.data() + a.size() + 1);  // right after a's NUL
        CHECK(arena.UsedBytes() == 2 * (9 + 1));
        CHECK(arena.MemoryBytes() >= arena.UsedBytes());
        core::Text owned = "司法局";
        CHECK_FALSE(arena.Holds(owned));
    }
    SUBCASE("a copy of a borrowed Text is owned and outlives its arena") {
        core::Text copy, assigned = "old";
        {
            core::TextArena arena;
            core::Text borrowed = arena.Add("人民调解委员会");
            copy = borrowed;
            core::Text constructed(borrowed);
            CHECK(constructed.Owned());
            CHECK(constructed.data() != borrowed.data());
            assigned = borrowed;
        }
        CHECK(copy.Owned());
        CHECK(copy == "人民调解委员会");
        CHECK(assigned == "人民调解委员会");
    }
    SUBCASE("a move steals: the bytes stay where they are and the source is empty") {
        core::Text a = "行政复议";
        const char* bytes = a.data();
        core::Text b = std::move(a);
        CHECK(b.data() == bytes);
        CHECK(b.Owned());
        CHECK(a.empty());  // NOLINT: moved-from is empty on purpose
        CHECK(a.c_str()[0] == '\0');
        core::TextArena arena;
        core::Text c = arena.Add("公证");
        bytes = c.data();
        b = std::move(c);  // b's own block is freed, c's borrowed bytes taken
        CHECK(b.data() == bytes);
        CHECK_FALSE(b.Owned());
    }
    SUBCASE("records copied out of an arena that moves keep pointing at the same chunks") {
        auto arena = std::make_unique<core::TextArena>();
        core::Text t = arena->Add("仲裁");
        core::TextArena moved = std::move(*arena);
        arena.reset();
        CHECK(moved.Holds(t));
        CHECK(t == "仲裁");
    }
}

TEST_CASE("the empty Text allocates nothing and is NUL-terminated") {
    core::Text a, b = "", c = std::string(), d = static_cast<const char*>(nullptr);
    core::TextArena arena;
    core::Text e = arena.Add("");
    for (const core::Text* t : {&a, &b, &c, &d, &e}) {
        CHECK(t->empty());
        CHECK(t->size() == 0);
        CHECK_FALSE(t->Owned());
        REQUIRE(t->c_str() != nullptr);
        CHECK(t->c_str()[0] == '\0');
        CHECK(*t == "");
    }
    CHECK(arena.UsedBytes() == 0);
    CHECK(arena.MemoryBytes() == 0);
    core::Text copy = a;
    CHECK_FALSE(copy.Owned());
}

TEST_CASE("c_str is NUL-terminated, owned or borrowed, even when the text holds a NUL") {
    core::TextArena arena;
    core::Text owned = "12348", borrowed = arena.Add("12345"), nul = arena.Add(std::string("a\0b", 3));
    CHECK(std::strlen(owned.c_str()) == 5);
    CHECK(std::strlen(borrowed.c_str()) == 5);
    CHECK(nul.size() == 3);
    CHECK(nul.c_str()[3] == '\0');
    CHECK(nul == std::string("a\0b", 3));
    CHECK(nul != "a");
}

TEST_CASE("texts compare by their bytes with Text, std::string, std::string_view and const char*") {
    core::TextArena arena;
    core::Text a = "公共法律服务", b = arena.Add("公共法律服务"), c = "法律援助";
    std::string s = "公共法律服务";
    std::string_view v = s;
    CHECK(a == b);
    CHECK(a != c);
    CHECK(a == s);
    CHECK(s == a);
    CHECK(a == v);
    CHECK(v == a);
    CHECK(a == "公共法律服务");
    CHECK("公共法律服务" == a);
    CHECK(c != s);
    CHECK(s != c);
    CHECK(core::Text("a") < core::Text("b"));
    CHECK(core::Text("a") < std::string("ab"));
    CHECK_FALSE(core::Text("b") < core::Text("b"));
    CHECK(std::string("x") + core::Text("y") + "z" == "xyz");
    CHECK(core::Text("x") + std::string("y") == "xy");
    CHECK(a.str() == s);
    CHECK(std::string_view(a) == v);
    CHECK(a.find("法律") == s.find("法律"));
    CHECK(a.rfind('x') == core::Text::npos);
    CHECK(a.substr(0, 6) == "公共");
    std::string collected;
    for (char ch : c) collected += ch;
    CHECK(collected == "法律援助");
    CHECK(c[0] == "法律援助"[0]);
}

TEST_CASE("equal texts hash equal wherever their bytes live") {
    core::TextArena arena;
    core::Text owned = "行政执法", borrowed = arena.Add("行政执法");
    std::hash<core::Text> h;
    CHECK(h(owned) == h(borrowed));
    CHECK(h(owned) == std::hash<std::string_view>()("行政执法"));
    std::unordered_set<core::Text> set;
    set.insert(owned);
    CHECK(set.count(borrowed) == 1);
    CHECK(set.count(core::Text("行政决策")) == 0);
}

TEST_CASE("a Text reads and writes JSON as a plain string and prints as its text") {
    nlohmann::json j = core::Text("数字法治");
    CHECK(j == "数字法治");
    core::Text back = j.get<core::Text>();
    CHECK(back == "数字法治");
    CHECK(back.Owned());
    std::ostringstream os;
    os << back;
    CHECK(os.str() == "数字法治");
}

TEST_CASE("an arena grows in chunks, and Reserve makes one exact block for a known total") {
    core::TextArena arena;
    std::string big(100000, 'x');
    core::Text a = arena.Add("a"), b = arena.Add(big), c = arena.Add("c");
    CHECK(b.size() == big.size());
    CHECK(b == big);
    CHECK(a == "a");
    CHECK(c == "c");
    CHECK(arena.ChunkCount() >= 2);
    core::TextArena exact;
    exact.Reserve(2 + 3);
    core::Text d = exact.Add("d"), e = exact.Add("ee");
    CHECK(exact.ChunkCount() == 1);
    CHECK(exact.MemoryBytes() == 5);
    CHECK(e.data() == d.data() + 2);
    core::TextArena tail;
    core::Text f = tail.Add("f");
    exact.Append(std::move(tail));
    CHECK(exact.Holds(f));
    CHECK(exact.ChunkCount() == 2);
    CHECK(tail.ChunkCount() == 0);
}
