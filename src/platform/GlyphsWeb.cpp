// GlyphsWeb.cpp — see Glyphs.h. Depends on emscripten.
#include "Glyphs.h"

#include <emscripten.h>

namespace {

// One canvas, reused. The font list names the CJK sans-serif faces of common systems first,
// "sans-serif" last. (A character no font has comes out as the browser's own missing-glyph box.)
EM_JS(double, fz_glyph_advance, (unsigned int cp, double px), {
    var c = Module["fzGlyphCanvas"] || (Module["fzGlyphCanvas"] = document.createElement("canvas"));
    var g = c.getContext("2d", {"willReadFrequently": true});
    if (!g) return 0;
    g.font = px + 'px "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", ' +
             '"Hiragino Sans GB", "Microsoft YaHei", sans-serif';
    return g.measureText(String.fromCodePoint(cp)).width;
});

EM_JS(int, fz_glyph_draw, (unsigned int cp, double px, int w, int h, double baseline, unsigned char* out, int stride), {
    var c = Module["fzGlyphCanvas"] || (Module["fzGlyphCanvas"] = document.createElement("canvas"));
    if (c.width < w) c.width = w;
    if (c.height < h) c.height = h;
    var g = c.getContext("2d", {"willReadFrequently": true});
    if (!g) return 0;
    g.clearRect(0, 0, c.width, c.height);
    g.font = px + 'px "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", ' +
             '"Hiragino Sans GB", "Microsoft YaHei", sans-serif';
    g.fillStyle = "#fff";
    g.textBaseline = "alphabetic";
    g.fillText(String.fromCodePoint(cp), 0, baseline);
    var d = g.getImageData(0, 0, w, h).data;
    for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++) HEAPU8[out + y * stride + x] = d[(y * w + x) * 4 + 3];
    return 1;
});

}  // namespace

namespace platform {

float BrowserGlyphAdvance(unsigned int cp, float px) { return float(fz_glyph_advance(cp, px)); }

bool BrowserDrawGlyph(unsigned int cp, float px, int w, int h, float baseline, unsigned char* alpha, int stride) {
    return fz_glyph_draw(cp, px, w, h, baseline, alpha, stride) != 0;
}

}  // namespace platform
