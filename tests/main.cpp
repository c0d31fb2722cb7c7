// main.cpp — the doctest runner for every unit test topic. Depends on doctest.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
