// GlyphsWeb.cpp — see Glyphs.h. Depends on emscripten.
#include "Glyphs.h"

#include <emscripten.h>

namespace {

// Measures `cp` at `px` pixels (w == 0) or draws it into out (w x h, baseline at `baseline`, rows
// `stride` bytes apart) and returns its advance. One canvas, reused. The font list names the CJK
// sans-serif faces of common systems first, "sans-serif" last (a character no font has comes out
// as the browser's own missing-glyph box).
EM_JS(double, fz_glyph, (unsigned int cp, double px, int w, int h, double baseline, unsigned char* out, int stride), {
    var c = Module["fzGlyphCanvas"] || (Module["fzGlyphCanvas"] = document.createElement("canvas"));
    if (c.width < w) c.width = w;
    if (c.height < h) c.height = h;
    var g = c.getContext("2d", {"willReadFrequently": true});
    if (!g) return 0;
    g.font = px + 'px "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", ' +
             '"Hiragino Sans GB", "Microsoft YaHei", sans-serif';
    var ch = String.fromCodePoint(cp);
    if (w > 0 && h > 0) {
        g.clearRect(0, 0, c.width, c.height);
        g.fillStyle = "#fff";
        g.textBaseline = "alphabetic";
        g.fillText(ch, 0, baseline);
        var d = g.getImageData(0, 0, w, h).data;
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++) HEAPU8[out + y * stride + x] = d[(y * w + x) * 4 + 3];
    }
    return g.measureText(ch).width;
});

}  // namespace

namespace platform {

float BrowserGlyphAdvance(unsigned int cp, float px) { return float(fz_glyph(cp, px, 0, 0, 0, nullptr, 0)); }

bool BrowserDrawGlyph(unsigned int cp, float px, int w, int h, float baseline, unsigned char* alpha, int stride) {
    return fz_glyph(cp, px, w, h, baseline, alpha, stride) > 0;
}

}  // namespace platform
