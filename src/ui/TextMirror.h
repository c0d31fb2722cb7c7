// TextMirror.h — collects the text of the current screen while views draw it, so the page can
// keep a hidden, screen-reader-readable copy of what the canvas shows. Depends on nothing.
#pragma once
#include <string>
#include <string_view>

namespace ui {

class TextMirror {
public:
    void BeginFrame() { m_next.clear(); }
    void Heading(std::string_view s, int level = 2) {
        m_next.append(size_t(level < 1 ? 1 : level > 6 ? 6 : level), '#');
        m_next += ' ';
        m_next += s;
        m_next += '\n';
    }
    void Line(std::string_view s) {
        m_next += s;
        m_next += '\n';
    }
    // True when the text differs from what was last published; then `Text()` is the new text.
    bool EndFrame() {
        if (m_next == m_published) return false;
        m_published = m_next;
        return true;
    }
    const std::string& Text() const { return m_published; }

private:
    std::string m_next;
    std::string m_published;
};

}  // namespace ui
