// app_harness.h — the app on the bundled data, drawn headless frame by frame (no window, no GL:
// ImGui's draw lists are built and dropped), with a finger (the mouse) to tap with. Shared by the
// UI tests. Depends on ui::App, ImGui, doctest.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include <imgui.h>

#include "ui/App.h"

namespace test {

struct NullHost : ui::Host {
    void SetRoute(const std::string&, bool) override {}
    void SetMirrorText(const std::string&) override {}
    void SetTitle(const std::string&) override {}
    void SetTextInputActive(bool) override {}
};

struct AppHarness {
    NullHost host;
    ui::App app{host};

    explicit AppHarness(bool kiosk = false) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;  // as the platform does: no layout file
        ui::AppConfig config;
        config.data_dir = FAZHITONG_SOURCE_DIR "/assets/data";
        config.load_data = core::LoadData;
        config.i18n_dir = FAZHITONG_SOURCE_DIR "/assets/i18n";
        config.font_path = FAZHITONG_FONT;
        config.kiosk = kiosk;
        app.Load(config);
        app.SetScale(1.0f);
    }
    ~AppHarness() { ImGui::DestroyContext(); }
    AppHarness(const AppHarness&) = delete;
    AppHarness& operator=(const AppHarness&) = delete;

    // One frame at 1280 x 800; the finger at `finger` (off screen by default), pressed or not.
    void Frame(ImVec2 finger = ImVec2(-1, -1), bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60;
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
