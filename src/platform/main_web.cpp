// main_web.cpp — the browser driver: emscripten's main loop (paused while nothing changes, so an
// idle tab costs no CPU), canvas sized to CSS pixels x devicePixelRatio, hash routing, the text
// mirror, the IME bridge, the pointer events of site/shell.html, the hand-off's address
// (?share=URL) and a WebGL context lost and restored. Depends on Platform, QrCode, ui::App, emscripten.
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include "Platform.h"
#define FZ_GL_CACHE_NO_MACROS
#include "GlStateCache.h"
#include "Glyphs.h"
#include "QrCode.h"
#include "core/Route.h"
#include "ui/App.h"

namespace {

class WebHost : public ui::Host {
public:
    void SetRoute(const std::string& hash, bool replace) override {
        EM_ASM({ window["fzSetRoute"](UTF8ToString($0), $1); }, hash.c_str(), replace ? 1 : 0);
    }
    void SetMirrorText(const std::string& text) override {
        EM_ASM({ window["fzSetMirror"](UTF8ToString($0)); }, text.c_str());
    }
    void SetTitle(const std::string& title) override {
        EM_ASM({ window["fzSetTitle"](UTF8ToString($0)); }, title.c_str());
    }
    void SetTextInputActive(bool active) override { EM_ASM({ window["fzTextInput"]($0); }, active ? 1 : 0); }
    ui::QrMatrix MakeQrCode(const std::string& text) override { return platform::EncodeQrCode(text); }
    void OpenLink(const std::string& tel_link) override {
        EM_ASM({ window["fzOpenLink"](UTF8ToString($0)); }, tel_link.c_str());
    }
    float GlyphAdvance(unsigned int cp, float px) override { return platform::BrowserGlyphAdvance(cp, px); }
    bool DrawGlyph(unsigned int cp, float px, int w, int h, float baseline, unsigned char* alpha, int stride) override {
        return platform::BrowserDrawGlyph(cp, px, w, h, baseline, alpha, stride);
    }
};

platform::GlfwPlatform g_platform;
WebHost g_host;
std::unique_ptr<ui::App> g_app;
bool g_paused = false;
bool g_context_lost = false;  // the WebGL context is lost: nothing is drawn until it is restored
int g_frames = 0;
double g_canvas_w = 0, g_canvas_h = 0, g_dpr = 0;
// Start-up figures for the benchmarks (ms since navigation): main() entered, WebGL ready (window
// and ImGui backends), data and strings loaded; and the font atlas's build + upload time.
double g_main_ms = 0, g_gl_ms = 0, g_loaded_ms = 0, g_font_ms = 0;

// The string the page left in Module["fzPass"], as UTF-8, whole, in the heap. (A ccall "string"
// argument is copied onto the 5 MB wasm stack: 2 million pasted characters overflowed it.)
std::string TakePassedString() {
    const int bytes = EM_ASM_INT({ return lengthBytesUTF8(Module["fzPass"] || "") + 1; });
    std::string out(size_t(bytes), '\0');
    EM_ASM({ stringToUTF8(Module["fzPass"] || "", $0, $1); delete Module["fzPass"]; }, out.data(), bytes);
    out.resize(size_t(bytes) - 1);
    return out;
}

// A part of the page's address, whole: a shared link's long query is never cut inside a
// character or a %-escape (a fixed buffer cut 法法…法 into 法法…%E, searched as 法法… and "E").
enum LocationPart { kHash, kQuery, kAddress };  // #..., ?..., the address without either
std::string PageLocation(LocationPart part) {
    EM_ASM({
        const l = location;
        Module["fzPass"] = $0 == 0 ? l.hash || "" : $0 == 1 ? l.search || "" : l.protocol + "//" + l.host + l.pathname;
    }, int(part));
    return TakePassedString();
}

// Keeps the canvas's drawing buffer at CSS size x devicePixelRatio so text is crisp on HiDPI
// screens; the UI scale follows the ratio (fonts are rebuilt, never stretched).
void SyncCanvasSize() {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    double dpr = emscripten_get_device_pixel_ratio();
    if (dpr <= 0) dpr = 1;
    if (w == g_canvas_w && h == g_canvas_h && dpr == g_dpr) return;
    g_canvas_w = w;
    g_canvas_h = h;
    // Not glfwSetWindowSize: Emscripten's requests fullscreen and then pointer lock when the size
    // equals the screen's (a kiosk, or any page at devicePixelRatio 1 whose viewport is the
    // screen). Where the browser grants it, mouse events stop moving and the app's pointer stays
    // at 0,0. Browser.setCanvasSize resizes the canvas and tells GLFW (framebuffer callback).
    EM_ASM({ Browser.setCanvasSize($0, $1); }, int(std::lround(w * dpr)), int(std::lround(h * dpr)));
    if (dpr != g_dpr) {
        g_dpr = dpr;
        double t0 = emscripten_get_now();
        g_app->SetScale(float(dpr));
        g_platform.RecreateFontTexture();
        g_font_ms += emscripten_get_now() - t0;
    }
    g_platform.Wake();
}

// Cursor shapes set on the canvas directly. ImGui's GLFW backend would call glfwSetInputMode
// every frame, which Emscripten's GLFW turns into pointer-lock calls that Chromium rejects
// ("A user gesture is required to request Pointer Lock").
void SyncCursor() {
    static int shown = -2;
    int cursor = ImGui::GetMouseCursor();
    if (cursor == shown) return;
    shown = cursor;
    const char* css = "default";
    switch (cursor) {
        case ImGuiMouseCursor_TextInput: css = "text"; break;
        case ImGuiMouseCursor_Hand: css = "pointer"; break;
        case ImGuiMouseCursor_ResizeNS: css = "ns-resize"; break;
        case ImGuiMouseCursor_ResizeEW: css = "ew-resize"; break;
        case ImGuiMouseCursor_NotAllowed: css = "not-allowed"; break;
        default: break;
    }
    EM_ASM({ document.getElementById("canvas").style.cursor = UTF8ToString($0); }, css);
}

// The app's idle work (App::IdleWork: the search warm-up the first time, then refining the last
// query's matches) runs in slices while the main loop is paused: each slice its own browser
// task, posted on a MessageChannel, so the browser handles input (which it ranks above such
// tasks) between them; a slice that finds the loop running does nothing. (requestIdleCallback
// gave one slice per idle period of up to 50 ms: a sixth of the time.)
void ScheduleIdleWork() {
    EM_ASM({
        if (!Module["fzIdle"]) {
            Module["fzIdle"] = new MessageChannel();
            Module["fzIdle"].port1.onmessage = function() { Module["_fz_idle"](); };
        }
        Module["fzIdle"].port2.postMessage(0);
    });
}

void Frame() {
    SyncCanvasSize();
    if (!g_platform.WantsFrame() || g_context_lost) {
        ScheduleIdleWork();
        // Nothing changed: stop the requestAnimationFrame loop until an event wakes it, or until
        // the app's next timer (the kiosk's idle reset).
        emscripten_pause_main_loop();
        g_paused = true;
        double timer = g_app->SecondsUntilTimer();
        if (timer >= 0) EM_ASM({ setTimeout(function() { Module["_fz_wake"](); }, $0); }, timer * 1000 + 50);
        return;
    }
    double t0 = emscripten_get_now();
    g_platform.Frame(*g_app);
    double frame_ms = emscripten_get_now() - t0;
    SyncCursor();
    if (++g_frames == 1) {
        const ui::LoadStats& st = g_app->Stats();
        // (EM_ASM cannot take object literals with commas: fields are set one by one.)
        EM_ASM({
            var s = window["fzStats"] = {};
            s["loadMs"] = $0;
            s["indexMs"] = $1;
            s["indexBytes"] = $2;
            s["firstFrameMs"] = $3;
            s["heapBytes"] = HEAP8.length;
            s["heapNow"] = function() { return HEAP8.length; };  // (benchmarks: after typing)
            s["mainMs"] = $4;
            s["glMs"] = $5;
            s["loadedMs"] = $6;
            s["fontMs"] = $7;
            s["indexFromPack"] = $8;
        }, st.load_ms, st.index_ms, double(st.index_bytes), frame_ms, g_main_ms, g_gl_ms, g_loaded_ms, g_font_ms,
           st.index_from_pack ? 1 : 0);
        EM_ASM({ window["fzReady"](); });
    }
    // Frame count (tests check that an idle page draws nothing) and, when a benchmark asks for
    // it, every frame's CPU time.
    // And how many characters of the search box have no glyph (tests: none should show as '?').
    EM_ASM({
        window["fzFrames"] = $0;
        window["fzMissingGlyphs"] = $2;
        if (window["fzFrameLog"]) window["fzFrameLog"].push($1);
    }, g_frames, frame_ms, int(g_app->MissingGlyphs()));
}

EM_BOOL OnResize(int, const EmscriptenUiEvent*, void*) {
    g_platform.Wake();
    return EM_FALSE;
}

// A phone's browser drops the WebGL context of a tab left in the background, and a GPU reset drops
// any: the canvas is blank until the page draws with a new one. Taking the loss (EM_TRUE: its
// default prevented) lets the browser restore the context; then the GL state cache forgets its
// answers and the backend's objects and the font texture are made again.
EM_BOOL OnContextLost(int, const void*, void*) {
    g_context_lost = true;
    return EM_TRUE;
}
EM_BOOL OnContextRestored(int, const void*, void*) {
    g_context_lost = false;
    fz_gl_cache::Forget();
    g_platform.RecreateGraphics(*g_app);
    return EM_TRUE;
}

}  // namespace

extern "C" {
// Text typed or composed (site/shell.html's IME bridge), left in Module["fzPass"].
EMSCRIPTEN_KEEPALIVE void fz_text_input() { g_platform.PushText(TakePassedString()); }
EMSCRIPTEN_KEEPALIVE void fz_wake() { g_platform.Wake(); }
EMSCRIPTEN_KEEPALIVE void fz_idle() {
    if (!g_paused || !g_app) return;
    const bool more = g_app->IdleWork();
    static bool reported = false;  // the warm-up's figures, for the benchmarks
    if (!reported && g_app->Stats().warm_up_ms >= 0) {
        reported = true;
        EM_ASM({
            var s = window["fzStats"];
            if (s) {
                s["warmUpMs"] = $0;
                s["heapAfterWarmUp"] = HEAP8.length;
            }
        }, g_app->Stats().warm_up_ms);
    }
    if (more) ScheduleIdleWork();
}
// Pointer events from site/shell.html: button -1 is a move, else 0 left, 1 right, 2 middle.
EMSCRIPTEN_KEEPALIVE void fz_pointer(int button, int down, float x, float y) {
    if (button < 0)
        g_platform.PushPointerMove(x, y);
    else
        g_platform.PushPointerButton(button, down != 0, x, y);
}
// Runs frames now until the app has seen the queued input (a tap takes a frame for its press and
// one for its release), so a tap on a text field can focus the IME bridge in the user gesture.
EMSCRIPTEN_KEEPALIVE void fz_frame_now() {
    if (!g_app) return;
    for (int i = 0; i < 4; ++i) {
        g_platform.Wake();
        Frame();
        if (!g_platform.HasQueuedInput()) break;
    }
}
// The page's address changed (site/shell.html's hashchange): the app follows its hash.
EMSCRIPTEN_KEEPALIVE void fz_route_changed() {
    if (!g_app) return;
    g_app->OnRouteChanged(PageLocation(kHash));
    g_platform.Wake();
}
}

int main() {
    g_main_ms = emscripten_get_now();
    if (!g_platform.Init("法治通 Fazhitong", 1280, 800, /*chars_from_glfw=*/false, "#version 300 es")) {
        EM_ASM({ Module["onAbort"]("WebGL 2 is not available"); });
        return 1;
    }
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // see SyncCursor
    g_platform.SetPointerFromGlfw(false);  // site/shell.html sends pointer events to fz_pointer
    g_platform.on_wake = [] {
        if (g_paused) {
            g_paused = false;
            emscripten_resume_main_loop();
        }
    };
    g_gl_ms = emscripten_get_now();
    g_app = std::make_unique<ui::App>(g_host);
    ui::AppConfig config;
    // A kiosk browser opens the site as ...?kiosk (idle reset after 120 s) or ?kiosk&idle=S.
    const std::string search = PageLocation(kQuery);
    std::string idle;
    if (core::FindQueryParam(search, "kiosk", nullptr)) config.kiosk = true;  // (its idle reset: App::Load)
    if (core::FindQueryParam(search, "idle", &idle)) config.idle_reset_seconds = core::ParseSeconds(idle);
    // The hand-off's base address: ?share=URL, else the page's own address (without ?kiosk and the
    // like). The app refuses one a phone cannot open (file:// on a USB stick, localhost).
    if (!core::FindQueryParam(search, "share", &config.share_url)) config.share_url = PageLocation(kAddress);
    config.data_dir = "/assets/data.fzp";  // made from the JSON at build time (scripts/cmake/App.cmake)
    config.font_path = "/assets/font.ttf";
    config.font_covers_data = true;  // subset from the data at build time (scripts/cmake/Font.cmake)
    g_app->Load(config);
    g_loaded_ms = emscripten_get_now();
    g_app->OnRouteChanged(PageLocation(kHash));
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, OnResize);
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, OnContextLost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, OnContextRestored);
    SyncCanvasSize();
    emscripten_set_main_loop(Frame, 0, false);
    // The first frame now, not at the next animation frame: the page shows content sooner.
    Frame();
    return 0;
}
