// GlStateCache.h — the web build's answer to the state queries of ImGui's OpenGL3 backend, which
// backs up and restores the GL state (13 glGetIntegerv, 5 glIsEnabled in WebGL 1) around every frame it
// draws. In a browser each query is a WebGL getParameter or isEnabled call, which can wait on the
// GPU process: here, in headless Chromium, a frame took 3 ms median with them and 1 ms without.
// Only the backend draws with this context, and it restores what it read when it is done, so
// the first answer to each query stays true: it is read from WebGL once and kept. (The
// platform's own glViewport before a frame is restored over by the backend's stale viewport at
// the frame's end; the next frame sets it again before drawing.) Force-included into
// imgui_impl_opengl3.cpp by scripts/cmake/App.cmake, under Emscripten only. A context lost and
// restored (main_web.cpp) forgets every answer.
#pragma once
// The headers the backend includes on Emscripten (WebGL 1: GL ES 2 and its extensions).
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES
#endif
#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>

#ifdef __cplusplus
namespace fz_gl_cache {
struct Entry {
    GLenum pname;
    GLint value[4];
};
inline Entry entries[32];
inline int used = 0;
// A restored context (after a lost one) starts from WebGL's defaults: every answer read again.
inline void Forget() { used = 0; }
inline GLint* Find(GLenum pname, bool& fresh) {
    for (int i = 0; i < used; ++i)
        if (entries[i].pname == pname) return fresh = false, entries[i].value;
    if (used == 32) return fresh = true, nullptr;  // (never: the backend asks about 20 things)
    entries[used].pname = pname;
    fresh = true;
    return entries[used++].value;
}
inline void GetIntegerv(GLenum pname, GLint* data) {
    bool fresh = false;
    GLint* kept = Find(pname, fresh);
    if (!kept) return glGetIntegerv(pname, data);
    if (fresh) {
        for (int i = 0; i < 4; ++i) kept[i] = 0;
        glGetIntegerv(pname, kept);
    }
    const int n = pname == GL_VIEWPORT || pname == GL_SCISSOR_BOX ? 4 : 1;
    for (int i = 0; i < n; ++i) data[i] = kept[i];
}
inline GLboolean IsEnabled(GLenum cap) {
    bool fresh = false;
    GLint* kept = Find(0x10000 | cap, fresh);
    if (!kept) return glIsEnabled(cap);
    if (fresh) kept[0] = glIsEnabled(cap);
    return GLboolean(kept[0]);
}
}  // namespace fz_gl_cache
#ifndef FZ_GL_CACHE_NO_MACROS  // (main_web.cpp includes it for Forget alone)
#define glGetIntegerv fz_gl_cache::GetIntegerv
#define glIsEnabled fz_gl_cache::IsEnabled
#endif
#endif
