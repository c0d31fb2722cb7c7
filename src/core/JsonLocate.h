// JsonLocate.h — finds where a JSON pointer's value starts in a JSON text (line, column), so
// that problems found on the parsed document can name the exact place in the file.
// Depends on the standard library only; the text is assumed syntactically valid JSON.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace core {

struct TextPosition {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, counted in Unicode code points
};

// Byte offset of the value at `pointer` ("" = whole document), or of the deepest existing
// ancestor when the pointer names something absent.
size_t LocatePointer(std::string_view json, const std::string& pointer);

// Line and column of a byte offset.
TextPosition PositionOf(std::string_view text, size_t offset);

}  // namespace core
