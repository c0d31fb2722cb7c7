// Host.h — what the app asks of the platform it runs on (browser or desktop window): the
// address bar, the text mirror for screen readers and tests, the on-screen text input.
// Implemented by src/platform; the app never includes platform headers. No dependencies.
#pragma once
#include <string>

namespace ui {

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
};

}  // namespace ui
