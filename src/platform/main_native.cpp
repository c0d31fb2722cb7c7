// main_native.cpp — the desktop / kiosk driver: a GLFW window, `while (open) frame();`, waiting
// for events when nothing changes so an all-day kiosk idles at ~0% CPU.
// Depends on Platform, ui::App, GLFW.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "Platform.h"
#include "QrCode.h"
#include "core/Share.h"
#include "ui/App.h"

namespace {

class NativeHost : public ui::Host {
public:
    explicit NativeHost(platform::GlfwPlatform& p) : m_platform(p) {}
    void SetRoute(const std::string& hash, bool) override { route = hash; }
    void SetMirrorText(const std::string& text) override { mirror = text; }
    void SetTitle(const std::string& title) override {
        if (m_platform.Window()) glfwSetWindowTitle(m_platform.Window(), title.c_str());
    }
    void SetTextInputActive(bool) override {}
    ui::QrMatrix MakeQrCode(const std::string& text) override { return platform::EncodeQrCode(text); }
    std::string route, mirror;

private:
    platform::GlfwPlatform& m_platform;
};

void Usage() {
    std::printf(
        "usage: fazhitong [options]\n"
        "  --data DIR        data folder (default: the bundled assets/data)\n"
        "  --words FILE      dictionary that tells words from fragments when a query is read by its\n"
        "                    parts (default: jieba's dict.txt, found at build time; a pack's own words\n"
        "                    come first; --words '' for none)\n"
        "  --i18n DIR        UI strings folder\n"
        "  --font FILE       font file (the subset built with the app)\n"
        "  --scale S         UI scale (default: the monitor's content scale; 2 for a 4K kiosk)\n"
        "  --route HASH      open at a deep link, e.g. '#/plan/kunming-2021-2025'\n"
        "  --locale L        zh-CN (default) or en\n"
        "  --kiosk           full screen on the primary monitor, on-screen keyboard, idle reset after 120 s\n"
        "  --idle-reset S    seconds without input before the screen resets for the next visitor\n"
        "  --share-url URL   the public website's address (e.g. https://example.org/fazhitong/): detail and\n"
        "                    search screens offer a QR code of URL + the current deep link for a phone\n"
        "  --frames N        draw N frames and exit (for tests and screenshots)\n"
        "  --mirror-out FILE write the text mirror of the last frame to FILE\n");
}

}  // namespace

int main(int argc, char** argv) {
    ui::AppConfig config;
    config.data_dir = FZ_DEFAULT_DATA_DIR;
    config.i18n_dir = FZ_DEFAULT_I18N_DIR;
    config.load_strings = core::LoadStringsFolder;  // JSON (a deployer's edits show at once)
    config.load_data = core::LoadData;  // JSON folders (a deployer's edits show at once) and packs
    config.font_path = FZ_DEFAULT_FONT;
    config.words_path = FZ_DEFAULT_WORDS;
    config.load_words = core::UseDictionary;
    config.fallback_font_path = FZ_FALLBACK_FONT;
    config.fallback_font_index = FZ_FALLBACK_FONT_INDEX;
    float scale = 0;
    int max_frames = -1;
    bool kiosk = false;
    std::string route, mirror_out;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "fazhitong: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--data") config.data_dir = next();
        else if (a == "--words") config.words_path = next();
        else if (a == "--i18n") config.i18n_dir = next();
        else if (a == "--font") config.font_path = next();
        else if (a == "--scale") scale = std::strtof(next().c_str(), nullptr);
        else if (a == "--route") route = next();
        else if (a == "--locale") config.locale = next();
        else if (a == "--kiosk") kiosk = true;
        else if (a == "--idle-reset") config.idle_reset_seconds = std::atof(next().c_str());
        else if (a == "--share-url") config.share_url = next();
        else if (a == "--frames") max_frames = std::atoi(next().c_str());
        else if (a == "--mirror-out") mirror_out = next();
        else if (a == "-h" || a == "--help") { Usage(); return 0; }
        else { std::fprintf(stderr, "fazhitong: unknown option %s\n", a.c_str()); Usage(); return 2; }
    }

    if (!(scale <= 0) && ui::App::ClampScale(scale) != scale)  // (0 or less: the monitor's)
        std::fprintf(stderr, "fazhitong: --scale is taken between %g and %g\n", double(ui::App::kMinScale),
                     double(ui::App::kMaxScale));
    config.kiosk = kiosk;
    if (!config.share_url.empty() && core::ShareBase(config.share_url).empty())
        std::fprintf(stderr, "fazhitong: --share-url %s is not a public http(s) address (a phone cannot open a file or "
                             "localhost): no QR hand-off\n", config.share_url.c_str());
    platform::GlfwPlatform plat;
    if (!plat.Init("法治通 Fazhitong", 1280, 800, /*chars_from_glfw=*/true, "#version 130")) {
        std::fprintf(stderr, "fazhitong: cannot open a window (no display or no OpenGL 3)\n");
        return 1;
    }
    if (kiosk) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr)
            glfwSetWindowMonitor(plat.Window(), monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    }
    if (scale <= 0) {
        float sx = 1, sy = 1;
        glfwGetWindowContentScale(plat.Window(), &sx, &sy);
        scale = sx > 0 ? sx : 1;
    }
    NativeHost host(plat);
    ui::App app(host);
    app.Load(config);
    app.SetScale(scale);
    if (!route.empty()) app.OnRouteChanged(route);
    for (const core::Problem& p : app.Problems()) std::fprintf(stderr, "%s\n", p.ToString().c_str());

    int frames = 0;
    while (!glfwWindowShouldClose(plat.Window())) {
        if (plat.WantsFrame() || max_frames >= 0) {
            plat.Frame(app);
            ++frames;
            if (max_frames >= 0 && frames >= max_frames) break;
            glfwPollEvents();
        } else if (app.IdleWork()) {
            glfwPollEvents();  // more idle work: a slice at a time, input between the slices
        } else {
            // Idle: sleep until input arrives, or until the app's next timer (kiosk idle reset).
            double timer = app.SecondsUntilTimer();
            if (timer >= 0) {
                glfwWaitEventsTimeout(timer + 0.05);
                plat.Wake(2);
            } else {
                glfwWaitEvents();
            }
        }
    }
    if (!mirror_out.empty()) std::ofstream(mirror_out, std::ios::binary) << host.mirror;
    plat.Shutdown();
    return 0;
}
