// Platform.cpp — GLFW window + ImGui backends + ordered input queue + idle logic, shared by the
// native and the web driver. Depends on GLFW, OpenGL, imgui_impl_glfw, imgui_impl_opengl3, ui::App.
#include "Platform.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "core/TextNorm.h"
#include "ui/App.h"

namespace platform {
namespace {
GlfwPlatform* Self(GLFWwindow* w) { return static_cast<GlfwPlatform*>(glfwGetWindowUserPointer(w)); }

// Decodes UTF-8 into code points, skipping invalid bytes and control characters.
template <class F>
void ForEachCodepoint(const std::string& s, F f) {
    for (size_t pos = 0; pos < s.size();) {
        uint32_t cp = core::DecodeUtf8(s, pos);
        if (cp != core::kInvalidCodepoint && cp >= 0x20 && cp != 0x7F) f(cp);
    }
}
}  // namespace

bool GlfwPlatform::Init(const char* title, int width, int height, bool chars_from_glfw, const char* glsl_version) {
    m_chars_from_glfw = chars_from_glfw;
    if (!glfwInit()) return false;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // Dear ImGui draws with blending and scissor rectangles only: no depth or stencil buffer. (A
    // browser allocates them with the canvas: Init took 78 -> 34 ms in headless Chromium.)
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
#ifdef GLFW_SCALE_TO_MONITOR
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
#endif
    m_window = glfwCreateWindow(width, height, title, nullptr, nullptr);
    if (!m_window) return false;
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);
    glfwSetWindowUserPointer(m_window, this);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                    // a kiosk and a website keep no layout files
    io.ConfigInputTextCursorBlink = false;       // a blinking cursor would need frames while idle
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    // Our callbacks queue input and forward it to the backend in order (install_callbacks=false).
    ImGui_ImplGlfw_InitForOpenGL(m_window, false);
    m_glsl_version = glsl_version;
    ImGui_ImplOpenGL3_Init(glsl_version);
    glfwSetKeyCallback(m_window, OnKey);
    glfwSetCharCallback(m_window, OnChar);
    glfwSetMouseButtonCallback(m_window, OnMouseButton);
    glfwSetScrollCallback(m_window, OnScroll);
    glfwSetCursorPosCallback(m_window, OnCursor);
    glfwSetFramebufferSizeCallback(m_window, OnResize);
    glfwSetWindowFocusCallback(m_window, OnFocus);
    return true;
}

void GlfwPlatform::Shutdown() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

void GlfwPlatform::RecreateFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void GlfwPlatform::RecreateGraphics(ui::App& app) {
    // The backend anew, not just its objects: it keeps its buffers' sizes and would only update
    // the new, empty ones (ImGui 1.86). Its objects of the lost context are deleted in vain; the
    // next frame makes them again, the font texture from the atlas rebuilt here with the app's
    // glyphs (its pixels were freed once uploaded).
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init(m_glsl_version.c_str());
    app.SetScale(app.Scale());
    Wake();
}

void GlfwPlatform::Frame(ui::App& app) {
    if (app.FontsStale()) {
        app.SetScale(app.Scale());
        RecreateFontTexture();
    }
    BeginFrame();
    app.Frame();
    EndFrame();
    if (app.FontsStale()) Wake();  // (noted in this frame: the next one shows them)
}

void GlfwPlatform::Wake(int frames) {
    if (m_frames_left < frames) m_frames_left = frames;
    if (on_wake) on_wake();
}

void GlfwPlatform::PushText(const std::string& utf8) {
    ForEachCodepoint(utf8, [&](unsigned int cp) {
        InputEvent e;
        e.kind = InputEvent::Kind::Char;
        e.codepoint = cp;
        m_queue.push_back(e);
    });
    Wake();
}

void GlfwPlatform::PushPointerMove(float x, float y) {
    InputEvent e;
    e.kind = InputEvent::Kind::PointerMove;
    e.x = x;
    e.y = y;
    m_queue.push_back(e);
    Wake();
}

void GlfwPlatform::PushPointerButton(int button, bool down, float x, float y) {
    if (button < 0 || button >= 3) return;
    InputEvent e;
    e.kind = InputEvent::Kind::PointerButton;
    e.key = button;
    e.action = down ? GLFW_PRESS : GLFW_RELEASE;
    e.x = x;
    e.y = y;
    m_queue.push_back(e);
    Wake();
}

// ImGui 1.86 reads key and mouse state once per frame: a press and release inside one frame
// would be lost, a character typed after Backspace would be inserted before it is processed, and
// a flick (press, moves, release between two frames) would look like a tap where it ended.
// Returns false when `e` has to wait for the next frame.
bool GlfwPlatform::Apply(const InputEvent& e, FrameInput& taken) {
    switch (e.kind) {
        case InputEvent::Kind::Char:
            if (taken.key) return false;
            ImGui::GetIO().AddInputCharacter(e.codepoint);
            return true;
        case InputEvent::Kind::Key:
            if (!taken.keys.insert(e.key).second) return false;  // one transition per key and frame
            taken.key = true;
            // A repeat keeps the key down; ImGui derives repeats from how long it is held.
            ImGui_ImplGlfw_KeyCallback(m_window, e.key, e.scancode, e.action == GLFW_REPEAT ? GLFW_PRESS : e.action,
                                       e.mods);
            return true;
        case InputEvent::Kind::PointerMove:
            if (taken.button) return false;  // ImGui must see a press where it happened
            break;
        case InputEvent::Kind::PointerButton:
            if (taken.pointer) return false;  // a release after moves: ImGui sees the drag first
            m_mouse_down[e.key] = e.action == GLFW_PRESS;
            taken.button = true;
            break;
    }
    m_mouse_x = e.x;
    m_mouse_y = e.y;
    taken.pointer = true;
    return true;
}

void GlfwPlatform::BeginFrame() {
    FrameInput taken;
    while (!m_queue.empty() && Apply(m_queue.front(), taken)) m_queue.pop_front();
    if (!m_queue.empty()) Wake(2);
    if (m_frames_left > 0) --m_frames_left;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // The atlas is on the GPU now (the backend uploads it as RGBA, four bytes a pixel, and keeps
    // that copy and the alpha one): the CPU's pixels are freed. Glyph metrics stay; a texture
    // made again (a new scale, a lost GL context) builds the atlas again from the fonts.
    io.Fonts->ClearTexData();
    // The backend polls GLFW's current pointer; ImGui gets the queued one instead.
    io.MousePos = ImVec2(m_mouse_x, m_mouse_y);
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = m_mouse_down[b];
    if (io.DeltaTime <= 0) io.DeltaTime = 1e-4f;  // frames run back to back (fz_frame_now)
    ImGui::NewFrame();
}

void GlfwPlatform::EndFrame() {
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.957f, 0.965f, 0.976f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(m_window);
}

void GlfwPlatform::OnKey(GLFWwindow* w, int key, int scancode, int action, int mods) {
    InputEvent e;
    e.key = key;
    e.scancode = scancode;
    e.action = action;
    e.mods = mods;
    Self(w)->m_queue.push_back(e);
    Self(w)->Wake();
}
void GlfwPlatform::OnChar(GLFWwindow* w, unsigned int c) {
    if (!Self(w)->m_chars_from_glfw) return;  // the web takes text from its IME bridge instead
    InputEvent e;
    e.kind = InputEvent::Kind::Char;
    e.codepoint = c;
    Self(w)->m_queue.push_back(e);
    Self(w)->Wake();
}
void GlfwPlatform::OnMouseButton(GLFWwindow* w, int button, int action, int) {
    if (!Self(w)->m_pointer_from_glfw) return;
    double x = 0, y = 0;
    glfwGetCursorPos(w, &x, &y);
    Self(w)->PushPointerButton(button, action == GLFW_PRESS, float(x), float(y));
}
void GlfwPlatform::OnScroll(GLFWwindow* w, double x, double y) {
    ImGui_ImplGlfw_ScrollCallback(w, x, y);
    Self(w)->Wake();
}
void GlfwPlatform::OnCursor(GLFWwindow* w, double x, double y) {
    if (Self(w)->m_pointer_from_glfw) Self(w)->PushPointerMove(float(x), float(y));
}
void GlfwPlatform::OnResize(GLFWwindow* w, int, int) { Self(w)->Wake(); }
void GlfwPlatform::OnFocus(GLFWwindow* w, int) { Self(w)->Wake(); }

}  // namespace platform
