# Font.cmake — subsets Noto Sans CJK SC to exactly the characters the app can show: every string
# in assets/data (but the synonym rules' `from` terms, only ever typed) and assets/i18n, the UI
# sources' literals, ASCII and CJK punctuation. The build
# fails if a shown character is missing from the subset (it would render as '?').
# Debian's python3 has fontTools (package fonttools); a python3 earlier on PATH (pyenv) may not.
find_program(FZ_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT FZ_PYTHON)
  find_program(FZ_PYTHON python3 REQUIRED)
endif()
set(FZ_NOTO_TTC "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" CACHE FILEPATH "Noto Sans CJK collection")
set(FZ_NOTO_INDEX 2 CACHE STRING "Face of Noto Sans CJK SC in the collection")
set(FZ_FONT "${CMAKE_BINARY_DIR}/font/fazhitong-sc.ttf")
file(GLOB_RECURSE FZ_FONT_INPUTS CONFIGURE_DEPENDS
  "${FAZHITONG_DATA_DIR}/*.json" "${CMAKE_SOURCE_DIR}/assets/i18n/*.json"
  "${CMAKE_SOURCE_DIR}/src/ui/*.cpp" "${CMAKE_SOURCE_DIR}/src/ui/*.h")
add_custom_command(
  OUTPUT "${FZ_FONT}" "${CMAKE_BINARY_DIR}/font/chars.txt"
  COMMAND "${FZ_PYTHON}" "${CMAKE_SOURCE_DIR}/scripts/subset-font.py"
          --ttc "${FZ_NOTO_TTC}" --font-number ${FZ_NOTO_INDEX} --out "${FZ_FONT}" --chars-out "${CMAKE_BINARY_DIR}/font/chars.txt"
          ${FZ_FONT_INPUTS}
  DEPENDS ${FZ_FONT_INPUTS} "${CMAKE_SOURCE_DIR}/scripts/subset-font.py"
  COMMENT "Subsetting Noto Sans CJK SC to the characters the app shows"
  VERBATIM)
add_custom_target(fazhitong_font DEPENDS "${FZ_FONT}")
