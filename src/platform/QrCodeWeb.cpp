// QrCodeWeb.cpp — EncodeQrCode with Nayuki's JS library (npm nayuki-qr-code-generator), which the
// build puts into the page's script (scripts/cmake/App.cmake: an --extern-pre-js, left out of the
// app's Closure pass), so the website and the USB file need no request for it. Its names are
// quoted here, so Closure leaves them as the library has them. Depends on emscripten.
#include "QrCode.h"

#include <emscripten.h>

namespace {

// Writes the modules (1 = dark) of the code for `text` into out[0 .. size*size) and returns size;
// 0 when the text fits no version, -size when out is too small.
EM_JS(int, fz_qr_encode, (const char* text, unsigned char* out, int capacity), {
    var QrCode = window["qrcodegen"]["QrCode"];
    var qr;
    try {
        qr = QrCode["encodeText"](UTF8ToString(text), QrCode["Ecc"]["MEDIUM"]);
    } catch (e) {
        return 0;
    }
    var n = qr["size"];
    if (n * n > capacity) return -n;
    for (var y = 0; y < n; y++)
        for (var x = 0; x < n; x++) HEAPU8[out + y * n + x] = qr["getModule"](x, y) ? 1 : 0;
    return n;
});

}  // namespace

namespace platform {

ui::QrMatrix EncodeQrCode(const std::string& text) {
    constexpr int kMaxSize = 177;  // version 40
    ui::QrMatrix m;
    m.modules.resize(size_t(kMaxSize) * kMaxSize);
    const int n = fz_qr_encode(text.c_str(), m.modules.data(), int(m.modules.size()));
    if (n <= 0) return {};
    m.size = n;
    m.modules.resize(size_t(n) * size_t(n));
    return m;
}

}  // namespace platform
