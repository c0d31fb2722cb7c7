// frames_main.cpp — `fazhitong-frames`: the CPU time of the app's frames, natively, screen by
// screen: the app on a data folder, drawn headless (ImGui's draw lists built and dropped, no
// window, no GL), each route opened and then drawn N times; prints a table of median and p95 ms.
// What a change to the views or widgets costs a frame, without the browser's noise.
// Run: fazhitong-frames [--data DIR] [--frames N] [--width PX] [--height PX] [ROUTE...]
// Depends on the UI tests' harness (tests/ui/app_harness.h: ui::App, ImGui, platform/QrCode).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "tools/Args.h"
#include "../ui/app_harness.h"  // the app headless, as the UI tests draw it

int main(int argc, char** argv) {
    std::string data = FAZHITONG_SOURCE_DIR "/assets/data";
    size_t frames = 400, width = 1280, height = 800;
    std::vector<std::string> routes;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--data" && has_value) data = argv[++i];
        else if (a == "--frames" && has_value) frames = tools::CountArg("fazhitong-frames", a, argv[++i], 1000000);
        else if (a == "--width" && has_value) width = tools::CountArg("fazhitong-frames", a, argv[++i], 16384);
        else if (a == "--height" && has_value) height = tools::CountArg("fazhitong-frames", a, argv[++i], 16384);
        else if (a.rfind("--", 0) == 0) {
            std::fprintf(stderr, "usage: fazhitong-frames [--data DIR] [--frames N] [--width PX] [--height PX] [ROUTE...]\n");
            return 2;
        } else routes.push_back(a);
    }
    if (routes.empty())
        routes = {"#/", "#/search?q=%E6%B3%95%E5%BE%8B", "#/plan/kunming-2021-2025-implementation-plan", "#/points",
                  "#/about"};
    if (frames == 0) frames = 1;
    width = std::max<size_t>(width, 200), height = std::max<size_t>(height, 200);

    ui::AppConfig config = test::AppHarness::Bundled();
    config.data_dir = data;
    test::AppHarness site(config);
    site.display = ImVec2(float(width), float(height));
    auto frame = [&] {  // its CPU time, ms
        const auto t0 = std::chrono::steady_clock::now();
        site.Frame();
        if (site.app.FontsStale()) site.app.SetScale(site.app.Scale());  // as the platform does
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    };
    std::printf("frame CPU, natively, %zu frames a screen at %zu x %zu (ms)\n", frames, width, height);
    std::printf("%-60s %8s %8s %8s\n", "route", "opening", "median", "p95");
    for (const std::string& route : routes) {
        site.app.OnRouteChanged(route);
        // The frame that opens it (a search route: the one that runs the search), then settled.
        const double opening = frame();
        for (int i = 0; i < 2; ++i) frame();
        std::vector<double> ms;
        for (size_t i = 0; i < frames; ++i) ms.push_back(frame());
        std::sort(ms.begin(), ms.end());
        std::printf("%-60s %8.3f %8.3f %8.3f\n", route.c_str(), opening, ms[ms.size() / 2],
                    ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]);
    }
    return 0;
}
