// Host.h — what the app asks of the platform it runs on (browser or desktop window): the
// address bar, the text mirror for screen readers and tests, the on-screen text input, QR codes,
// phone numbers to dial.
// Implemented by src/platform; the app never includes platform headers. No dependencies.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace ui {

// A QR code as modules: `size` x `size`, row by row, 1 = dark. Without the quiet zone (the 4 light
// modules around it are the drawer's). size 0: no code (the text was too long for any version).
struct QrMatrix {
    int size = 0;
    std::vector<unsigned char> modules;
    bool Dark(int x, int y) const { return modules[size_t(y) * size_t(size) + size_t(x)] != 0; }
};

class Host {
public:
    virtual ~Host() = default;
    // The current deep link changed because the user navigated in the app: push it to history
    // (web) so the back button returns here. `replace` for changes that are not a new page.
    virtual void SetRoute(const std::string& hash, bool replace) = 0;
    // The text of the current screen, for the page's hidden text mirror (aria-live).
    virtual void SetMirrorText(const std::string& text) = 0;
    virtual void SetTitle(const std::string& title) = 0;
    // The app wants typed text (an input field is active): focus the IME bridge on the web.
    virtual void SetTextInputActive(bool active) = 0;
    // The QR code of `text`, made by Nayuki's QR Code generator on every platform (the C++ library
    // natively, its JS build in the browser): encodeText, error correction level M.
    virtual QrMatrix MakeQrCode(const std::string& text) = 0;
    // The visitor tapped a phone number: the browser opens its tel: link (a phone offers to dial
    // it). Natively nothing: a kiosk PC cannot dial (the app shows no number as a link there).
    virtual void OpenLink(const std::string& /*tel_link*/) {}
    // Typed text may hold characters the bundled font has no glyph for (the font is cut to the
    // data's characters): the platform draws them with the fonts it has (the browser's own, no
    // request). GlyphAdvance: the character's advance at `px` pixels, 0 when the platform cannot
    // draw it (natively, the fallback font file is merged into the atlas instead). DrawGlyph: its
    // alpha mask, `w` x `h` pixels with the baseline at `baseline`, into `alpha` (rows `stride`
    // bytes apart).
    virtual float GlyphAdvance(unsigned int /*cp*/, float /*px*/) { return 0; }
    virtual bool DrawGlyph(unsigned int /*cp*/, float /*px*/, int /*w*/, int /*h*/, float /*baseline*/,
                           unsigned char* /*alpha*/, int /*stride*/) {
        return false;
    }
};

}  // namespace ui
