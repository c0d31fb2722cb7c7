// Platform.h — the part of the platform layer both drivers share: a GLFW window with an OpenGL 3
// / WebGL 2 context, Dear ImGui's backends, an input queue that never loses a key or a
// drag, and the idle logic (draw only while something changes). main_native.cpp and main_web.cpp each drive
// it with their own loop. Depends on GLFW, ImGui backends, ui::App.
#pragma once
#include <deque>
#include <functional>
#include <set>
#include <string>

struct GLFWwindow;

namespace ui {
class App;
}

namespace platform {

// One keyboard, text or pointer event, kept in arrival order.
struct InputEvent {
    enum class Kind { Key, Char, PointerMove, PointerButton } kind = Kind::Key;
    int key = 0;  // Key: the GLFW key; PointerButton: 0 left, 1 right, 2 middle
    int scancode = 0;
    int action = 0;  // GLFW_PRESS, GLFW_RELEASE or GLFW_REPEAT
    int mods = 0;
    unsigned int codepoint = 0;
    float x = 0, y = 0;  // pointer position in ImGui's display coordinates
};

class GlfwPlatform {
public:
    // glsl_version: "#version 130" on desktop GL 3.0, "#version 300 es" on WebGL 2.
    bool Init(const char* title, int width, int height, bool chars_from_glfw, const char* glsl_version);
    void Shutdown();

    // Starts an ImGui frame: hands ImGui the queued input it can take this frame (at most one
    // transition per key; text typed after a key waits for the next frame so order is kept; a
    // pointer button change gets a frame of its own, so ImGui sees where a press happened and
    // a drag's moves before its release, even when all of it arrived between two frames).
    void BeginFrame();
    void EndFrame();  // renders and swaps
    // One frame of the app: the font atlas rebuilt first when the app asks (typed characters it
    // lacked: ui::App::FontsStale), then BeginFrame, app.Frame(), EndFrame.
    void Frame(ui::App& app);

    void PushText(const std::string& utf8);  // text from an IME or the web's text bridge
    // Pointer input (mouse, finger, pen), positions in ImGui's display coordinates (canvas pixels on
    // the web, GLFW window coordinates natively, as the backend's own). The native driver gets
    // it from GLFW; the web driver from the page's pointer events (Emscripten's GLFW ignores where
    // a finger is), after SetPointerFromGlfw(false).
    void PushPointerMove(float x, float y);
    void PushPointerButton(int button, bool down, float x, float y);
    void SetPointerFromGlfw(bool on) { m_pointer_from_glfw = on; }
    bool HasQueuedInput() const { return !m_queue.empty(); }
    void Wake(int frames = 3);               // something changed: draw a few frames
    bool WantsFrame() const { return m_frames_left > 0 || !m_queue.empty(); }
    void RecreateFontTexture();
    // A GL context lost and restored (a phone's browser drops a background tab's, a GPU reset):
    // the backend's shaders, buffers and font texture made again, the atlas with the app's glyphs.
    void RecreateGraphics(ui::App& app);

    GLFWwindow* Window() const { return m_window; }
    std::function<void()> on_wake;  // the web driver resumes its paused main loop here

private:
    struct FrameInput {  // what BeginFrame has handed ImGui so far this frame
        std::set<int> keys;
        bool key = false, pointer = false, button = false;
    };
    bool Apply(const InputEvent& e, FrameInput& taken);
    static void OnKey(GLFWwindow* w, int key, int scancode, int action, int mods);
    static void OnChar(GLFWwindow* w, unsigned int c);
    static void OnMouseButton(GLFWwindow* w, int button, int action, int mods);
    static void OnScroll(GLFWwindow* w, double x, double y);
    static void OnCursor(GLFWwindow* w, double x, double y);
    static void OnResize(GLFWwindow* w, int width, int height);
    static void OnFocus(GLFWwindow* w, int focused);

    GLFWwindow* m_window = nullptr;
    std::deque<InputEvent> m_queue;
    int m_frames_left = 3;
    std::string m_glsl_version;
    bool m_chars_from_glfw = true;
    bool m_pointer_from_glfw = true;
    float m_mouse_x = -1e9f, m_mouse_y = -1e9f;  // what ImGui sees; off screen until the first event
    bool m_mouse_down[3] = {};
};

}  // namespace platform
