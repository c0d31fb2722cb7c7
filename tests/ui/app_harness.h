// app_harness.h — the app on the bundled data, drawn headless frame by frame (no window, no GL:
// ImGui's draw lists are built and dropped), with a finger (the mouse) to tap with. Shared by the
// UI tests and the frame benchmark (tests/bench/frames_main.cpp). Its host makes real QR codes with
// the native app's generator (platform/QrCode.h, Nayuki's C++ library). Depends on ui::App,
// platform/QrCode, ImGui.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "platform/QrCode.h"
#include "ui/App.h"

namespace test {

// No address bar, mirror or IME; what the app last pushed, and the links it opened, are kept for
// the tests to read.
struct TestHost : ui::Host {
    void SetRoute(const std::string& hash, bool) override { route = hash; }
    void SetMirrorText(const std::string&) override {}
    void SetTitle(const std::string&) override {}
    void SetTextInputActive(bool) override {}
    ui::QrMatrix MakeQrCode(const std::string& text) override {
        qr_texts.push_back(text);
        return platform::EncodeQrCode(text);
    }
    void OpenLink(const std::string& link) override { links.push_back(link); }
    std::string route;
    std::vector<std::string> qr_texts;  // every text a QR code was asked for
    std::vector<std::string> links;     // every link opened (a tapped phone number)
};

struct AppHarness {
    TestHost host;
    ui::App app{host};

    // share_url: the hand-off's base address (AppConfig::share_url), "" for none; locale: the UI's
    // language at start ("" for the default, zh-CN).
    explicit AppHarness(bool kiosk = false, double idle_reset_seconds = 0, const std::string& share_url = "",
                        const std::string& locale = "")
        : AppHarness([&] {
              ui::AppConfig config = Bundled();
              config.kiosk = kiosk;
              config.idle_reset_seconds = idle_reset_seconds;
              config.share_url = share_url;
              if (!locale.empty()) config.locale = locale;
              return config;
          }()) {}
    explicit AppHarness(const ui::AppConfig& config) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;  // as the platform does: no layout file
        app.Load(config);
        app.SetScale(1.0f);
    }
    // The bundled data, UI strings and font, read as the native app reads them.
    static ui::AppConfig Bundled() {
        ui::AppConfig config;
        config.data_dir = FAZHITONG_SOURCE_DIR "/assets/data";
        config.load_data = core::LoadData;
        config.i18n_dir = FAZHITONG_SOURCE_DIR "/assets/i18n";
        config.load_strings = core::LoadStringsFolder;
        config.font_path = FAZHITONG_FONT;
        return config;
    }
    ~AppHarness() { ImGui::DestroyContext(); }
    AppHarness(const AppHarness&) = delete;
    AppHarness& operator=(const AppHarness&) = delete;

    ImVec2 display{1280, 800};  // the window's size, in pixels
    // One frame; the finger at `finger` (off screen by default), pressed or not.
    void Frame(ImVec2 finger = ImVec2(-1, -1), bool down = false, float seconds = 1.0f / 60) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = display;
        io.DeltaTime = seconds;
        io.MousePos = finger;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        app.Frame();
        ImGui::Render();
    }
    // Opens a deep link and draws it.
    void Open(const std::string& hash) {
        app.OnRouteChanged(hash);
        Frame();
        Frame();
    }
    // Presses and releases at a point, then lets the app draw what follows.
    void Tap(ImVec2 at) {
        Frame(at, true);
        Frame(at, false);
        Frame();
        Frame();
    }
    std::string Mirror() const { return app.Mirror().Text(); }
};

}  // namespace test
