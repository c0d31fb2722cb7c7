// QrCode.h — QR codes for the app's Host (the hand-off to a phone), made by Nayuki's QR Code
// generator: natively the C++ library (QrCodeNative.cpp, Debian's libqrcodegencpp), in the
// browser its JS build (QrCodeWeb.cpp, npm nayuki-qr-code-generator, bundled into the page).
// CMake compiles one of the two. Depends on ui/Host.h (QrMatrix).
#pragma once
#include <string>

#include "ui/Host.h"

namespace platform {

// encodeText(text, Ecc::MEDIUM); size 0 when the text fits no QR version.
ui::QrMatrix EncodeQrCode(const std::string& text);

}  // namespace platform
