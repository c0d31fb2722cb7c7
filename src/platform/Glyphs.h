// Glyphs.h — characters drawn by the browser for the font atlas (GlyphsWeb.cpp): typed text the
// bundled font, cut to the data's characters, has no glyph for (App::SetScale). Uses the fonts of
// the phone or PC the page runs on, through a canvas: no request, so the USB file can too.
// Depends on emscripten.
#pragma once

namespace platform {

// The advance of `cp` at `px` pixels in the browser's sans-serif CJK fonts; 0 when none has it.
float BrowserGlyphAdvance(unsigned int cp, float px);
// Draws `cp` white on nothing, `w` x `h` with the baseline at `baseline`, and writes its alpha
// into alpha[y * stride + x]. False when the browser has no glyph for it.
bool BrowserDrawGlyph(unsigned int cp, float px, int w, int h, float baseline, unsigned char* alpha, int stride);

}  // namespace platform
