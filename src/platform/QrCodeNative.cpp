// QrCodeNative.cpp — EncodeQrCode with Nayuki's C++ library (Debian: libqrcodegencpp-dev).
// Depends on qrcodegen.
#include "QrCode.h"

#include <qrcodegen/qrcodegen.hpp>

namespace platform {

ui::QrMatrix EncodeQrCode(const std::string& text) {
    ui::QrMatrix m;
    try {
        const qrcodegen::QrCode qr = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        m.size = qr.getSize();
        m.modules.resize(size_t(m.size) * size_t(m.size));
        for (int y = 0; y < m.size; ++y)
            for (int x = 0; x < m.size; ++x) m.modules[size_t(y) * size_t(m.size) + size_t(x)] = qr.getModule(x, y) ? 1 : 0;
    } catch (const qrcodegen::data_too_long&) {
        m = {};
    }
    return m;
}

}  // namespace platform
