# App.cmake — Dear ImGui (from FAZHITONG_IMGUI_DIR), the UI library and the app: `fazhitong`
# natively (GLFW + OpenGL 3), the web site or the one-file USB build under Emscripten.
if(NOT EXISTS "${FAZHITONG_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${FAZHITONG_IMGUI_DIR}: run scripts/setup "
                      "or pass -DFAZHITONG_IMGUI_DIR=<an ImGui 1.86+ checkout>")
endif()

add_library(imgui STATIC
  ${FAZHITONG_IMGUI_DIR}/imgui.cpp ${FAZHITONG_IMGUI_DIR}/imgui_draw.cpp
  ${FAZHITONG_IMGUI_DIR}/imgui_tables.cpp ${FAZHITONG_IMGUI_DIR}/imgui_widgets.cpp
  ${FAZHITONG_IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${FAZHITONG_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${FAZHITONG_IMGUI_DIR} ${FAZHITONG_IMGUI_DIR}/backends)
# IMGUI_USE_WCHAR32: characters beyond the Basic Multilingual Plane are characters, not '?':
# the rare ideographs of people's and places' names (CJK Extension B and after: 𠮷), and the
# emoji a visitor pastes. With ImGui's default 16-bit ImWchar they decoded to U+FFFD, and text
# drawn a character at a time (Widgets.cpp) showed the wrong glyph.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_METRICS_WINDOW IMGUI_DISABLE_OBSOLETE_FUNCTIONS
                           IMGUI_USE_WCHAR32)
if(EMSCRIPTEN)
  # Emscripten provides GLFW 3 (no compile flag needed; the link adds -sUSE_GLFW=3).
  # The backend's GL state queries answered once (src/platform/GlStateCache.h); ImGui's sscanf
  # calls answered without libc's scanf (src/platform/ImGuiScanf.h).
  set(FZ_IMGUI_SCANF "-include;${CMAKE_SOURCE_DIR}/src/platform/ImGuiScanf.h")
  set_source_files_properties(${FAZHITONG_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp PROPERTIES
    COMPILE_OPTIONS "-include;${CMAKE_SOURCE_DIR}/src/platform/GlStateCache.h;${FZ_IMGUI_SCANF}")
  set_source_files_properties(${FAZHITONG_IMGUI_DIR}/imgui.cpp ${FAZHITONG_IMGUI_DIR}/imgui_tables.cpp PROPERTIES
    COMPILE_OPTIONS "${FZ_IMGUI_SCANF}")
else()
  find_package(glfw3 3.3 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_link_libraries(imgui PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
endif()

file(GLOB FAZHITONG_UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
add_library(fazhitong_ui STATIC ${FAZHITONG_UI_SOURCES})
target_link_libraries(fazhitong_ui PUBLIC fazhitong_core imgui)
add_dependencies(fazhitong_ui fazhitong_font)

# QR codes for the hand-off to a phone: Nayuki's QR Code generator on both sides, never copied
# into this repository. Natively the C++ library from Debian (libqrcodegencpp-dev), also used by
# the UI tests' host; in the browser its JS build from npm (site/package.json), put into the page's
# script at link time (below: --extern-pre-js), so the website and the USB file make no request
# for it.
if(EMSCRIPTEN)
  set(FZ_QRCODEGEN_JS_SRC "${CMAKE_SOURCE_DIR}/site/node_modules/nayuki-qr-code-generator/index.js")
  if(NOT EXISTS "${FZ_QRCODEGEN_JS_SRC}")
    message(FATAL_ERROR "${FZ_QRCODEGEN_JS_SRC} not found: run scripts/setup (npm ci in site/)")
  endif()
  # The package is an ES module ending in `export default qrcodegen;`; a --pre-js is a plain script.
  file(READ "${FZ_QRCODEGEN_JS_SRC}" FZ_QRCODEGEN_JS_TEXT)
  string(FIND "${FZ_QRCODEGEN_JS_TEXT}" "export default qrcodegen;" FZ_QRCODEGEN_EXPORT)
  if(FZ_QRCODEGEN_EXPORT LESS 0)
    message(FATAL_ERROR "${FZ_QRCODEGEN_JS_SRC}: no `export default qrcodegen;` (another version of the package?)")
  endif()
  string(REPLACE "export default qrcodegen;" "" FZ_QRCODEGEN_JS_TEXT "${FZ_QRCODEGEN_JS_TEXT}")
  set(FZ_QRCODEGEN_PLAIN_JS "${CMAKE_BINARY_DIR}/qrcodegen/qrcodegen.js")
  file(WRITE "${FZ_QRCODEGEN_PLAIN_JS}.new" "${FZ_QRCODEGEN_JS_TEXT}")
  file(COPY_FILE "${FZ_QRCODEGEN_PLAIN_JS}.new" "${FZ_QRCODEGEN_PLAIN_JS}" ONLY_IF_DIFFERENT)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${FZ_QRCODEGEN_JS_SRC}")
  set(FZ_APP_SOURCES src/platform/main_web.cpp src/platform/Platform.cpp src/platform/QrCodeWeb.cpp
                      src/platform/GlyphsWeb.cpp)
else()
  find_path(FZ_QRCODEGEN_INCLUDE_DIR qrcodegen/qrcodegen.hpp)
  find_library(FZ_QRCODEGEN_LIBRARY qrcodegencpp)
  if(NOT FZ_QRCODEGEN_INCLUDE_DIR OR NOT FZ_QRCODEGEN_LIBRARY)
    message(FATAL_ERROR "Nayuki's QR Code generator (C++) not found: run scripts/setup (Debian libqrcodegencpp-dev)")
  endif()
  add_library(fazhitong_qrcode STATIC src/platform/QrCodeNative.cpp)
  target_include_directories(fazhitong_qrcode PUBLIC src)
  target_include_directories(fazhitong_qrcode SYSTEM PRIVATE "${FZ_QRCODEGEN_INCLUDE_DIR}")
  target_link_libraries(fazhitong_qrcode PUBLIC "${FZ_QRCODEGEN_LIBRARY}")
  set(FZ_APP_SOURCES src/platform/main_native.cpp src/platform/Platform.cpp)
endif()
add_executable(fazhitong ${FZ_APP_SOURCES})
target_link_libraries(fazhitong PRIVATE fazhitong_ui)
if(TARGET fazhitong_qrcode)
  target_link_libraries(fazhitong PRIVATE fazhitong_qrcode)
endif()
add_dependencies(fazhitong fazhitong_font)

if(EMSCRIPTEN)
  # The same app, two packagings: a site (html + js + wasm + data, cached by a service worker)
  # or one .html with everything inside for a USB stick (works from file://).
  if(FAZHITONG_SINGLE_FILE)
    set_target_properties(fazhitong PROPERTIES OUTPUT_NAME fazhitong SUFFIX ".html")
  else()
    set_target_properties(fazhitong PROPERTIES OUTPUT_NAME index SUFFIX ".html")
  endif()
  # The page shell without its comments (scripts/strip-shell.py): 1.5 KB less gzip a first visit.
  set(FZ_SHELL "${CMAKE_BINARY_DIR}/shell/shell.html")
  # The website's page asks for its module and data at once (the USB file holds both).
  if(FAZHITONG_SINGLE_FILE)
    set(FZ_SHELL_ARGS "")
  else()
    set(FZ_SHELL_ARGS --preload index.wasm,index.data)
  endif()
  add_custom_command(OUTPUT "${FZ_SHELL}"
    COMMAND "${FZ_PYTHON}" "${CMAKE_SOURCE_DIR}/scripts/strip-shell.py" ${FZ_SHELL_ARGS} "${CMAKE_SOURCE_DIR}/site/shell.html" "${FZ_SHELL}"
    DEPENDS "${CMAKE_SOURCE_DIR}/site/shell.html" "${CMAKE_SOURCE_DIR}/scripts/strip-shell.py"
    COMMENT "Stripping the page shell's comments" VERBATIM)
  add_custom_target(fazhitong_shell DEPENDS "${FZ_SHELL}")
  add_dependencies(fazhitong fazhitong_shell)
  # The heap grows by at most 1 MB beyond what is asked for (Emscripten's default, 20 % up to
  # 96 MB, left a national catalog's page holding ~40-90 MB it never used; 16 MB left the search
  # bench 4-11 MB above its malloc heap's top, 4 MB up to 4 MB; wasm memory never shrinks, and
  # each growth is in place, so smaller steps cost nothing measurable: national search bench load
  # 1,236-1,266 ms at 1 MB, 1,269-1,275 at 4; the national website's App::Load 1,364 vs 1,401 ms).
  target_link_options(fazhitong PRIVATE
    -sMEMORY_GROWTH_GEOMETRIC_CAP=1048576
    -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
    -sINITIAL_MEMORY=33554432 -sMINIFY_HTML=0 -sENVIRONMENT=web -sEXIT_RUNTIME=0
    -sEXPORTED_FUNCTIONS=_main,_fz_text_input,_fz_wake,_fz_idle,_fz_route_changed,_fz_frame_now
    "SHELL:--shell-file ${FZ_SHELL}")
  # The data travels as a binary pack made from the JSON at build time (core/Pack.h, the same
  # records and problems, and the UI strings: no JSON parsing at start-up, no JSON parser in the
  # wasm). The pack tool is compiled with em++ and run under node, so this build needs no native
  # one. The index is left out: it costs more to send
  # (about 90 KB gzip for the bundled data) than to build in the browser.
  add_executable(fazhitong-pack-node src/tools/pack_main.cpp)
  target_link_libraries(fazhitong-pack-node PRIVATE fazhitong_core)
  target_link_options(fazhitong-pack-node PRIVATE -sNODERAWFS=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1
                      -sEXIT_RUNTIME=1)
  if(FAZHITONG_DATA_PACK)
    # A pack made beforehand by fazhitong-pack from FAZHITONG_DATA_DIR (national scale: with its
    # search index, which would take seconds to build in the browser; the JSON is too big for the
    # 32-bit pack tool under node).
    set(FZ_DATA_PACK "${FAZHITONG_DATA_PACK}")
  else()
    file(GLOB_RECURSE FZ_DATA_JSON CONFIGURE_DEPENDS "${FAZHITONG_DATA_DIR}/*.json")
    file(GLOB_RECURSE FZ_I18N_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/i18n/*.json")
    set(FZ_DATA_PACK "${CMAKE_BINARY_DIR}/pack/data.fzp")
    add_custom_command(OUTPUT "${FZ_DATA_PACK}"
      COMMAND ${CMAKE_CROSSCOMPILING_EMULATOR} "$<TARGET_FILE:fazhitong-pack-node>" --no-index --quiet
              --strings "${CMAKE_SOURCE_DIR}/assets/i18n" --words "${FZ_WORDS}" "${FAZHITONG_DATA_DIR}" "${FZ_DATA_PACK}"
      DEPENDS fazhitong-pack-node ${FZ_DATA_JSON} ${FZ_I18N_FILES} "${FZ_WORDS}"
      COMMENT "Packing ${FAZHITONG_DATA_DIR} into data.fzp" VERBATIM)
    add_custom_target(fazhitong_data_pack DEPENDS "${FZ_DATA_PACK}")
    add_dependencies(fazhitong fazhitong_data_pack)
  endif()
  set_property(TARGET fazhitong APPEND PROPERTY LINK_DEPENDS "${FZ_DATA_PACK}")
  if(FAZHITONG_SINGLE_FILE)
    # One .html: the app's files and module go inside it after the link (scripts/inline-usb.py,
    # below), unpacked into the in-memory file system before main().
    target_link_options(fazhitong PRIVATE -sFORCE_FILESYSTEM=1
      -sEXPORTED_RUNTIME_METHODS=ccall,addRunDependency,removeRunDependency,FS_createPath,FS_createDataFile)
  else()
    target_link_options(fazhitong PRIVATE -sEXPORTED_RUNTIME_METHODS=ccall
      "SHELL:--preload-file ${FZ_DATA_PACK}@/assets/data.fzp"
      "SHELL:--preload-file ${FZ_FONT}@/assets/font.ttf"
      "SHELL:--exclude-file *.md")
  endif()
  # Runtime code the app does not use: GL error tracking, errno, the pre-TextDecoder decoder,
  # deferring fullscreen/pointer-lock requests to a gesture (the app makes none), and enabling
  # every WebGL extension as the context is made (ImGui's backend uses none on WebGL 2; 29
  # getExtension calls took the window's creation from 73 to 136 ms in headless Chromium).
  target_link_options(fazhitong PRIVATE -sGL_TRACK_ERRORS=0 -sTEXTDECODER=2 -sSUPPORT_ERRNO=0
    -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0)
  # Closure shrinks the generated JS to about a third (scripts/setup installs it from npm).
  set(FZ_CLOSURE "${CMAKE_SOURCE_DIR}/.deps/closure/node_modules/.bin/google-closure-compiler")
  if(EXISTS "${FZ_CLOSURE}" AND CMAKE_BUILD_TYPE STREQUAL "MinSizeRel")
    target_link_options(fazhitong PRIVATE "SHELL:--closure 1")
    set_target_properties(fazhitong PROPERTIES CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;EM_CLOSURE_COMPILER=${FZ_CLOSURE}")
  else()
    message(STATUS "google-closure-compiler not found in .deps/closure: the web build's JS stays unminified by Closure")
  endif()
  # The QR code generator goes in as it is named (an --extern-pre-js, outside the app's Closure
  # pass: ADVANCED mode dropped the library's class and kept calls to it), minified on its own by
  # Closure's SIMPLE mode, which keeps its names (45 -> 11 KB, 4 KB gzip). QrCodeWeb.cpp calls it
  # by quoted names.
  if(EXISTS "${FZ_CLOSURE}" AND CMAKE_BUILD_TYPE STREQUAL "MinSizeRel")
    set(FZ_QRCODEGEN_JS "${CMAKE_BINARY_DIR}/qrcodegen/qrcodegen.min.js")
    add_custom_command(OUTPUT "${FZ_QRCODEGEN_JS}"
      COMMAND "${FZ_CLOSURE}" --compilation_level SIMPLE --language_out ECMASCRIPT_2015
              --js "${FZ_QRCODEGEN_PLAIN_JS}" --js_output_file "${FZ_QRCODEGEN_JS}"
      DEPENDS "${FZ_QRCODEGEN_PLAIN_JS}"
      COMMENT "Minifying Nayuki's QR Code generator (Closure, SIMPLE)" VERBATIM)
  else()
    set(FZ_QRCODEGEN_JS "${FZ_QRCODEGEN_PLAIN_JS}")
  endif()
  add_custom_target(fazhitong_qrcodegen_js DEPENDS "${FZ_QRCODEGEN_JS}")
  add_dependencies(fazhitong fazhitong_qrcodegen_js)
  target_link_options(fazhitong PRIVATE "SHELL:--extern-pre-js ${FZ_QRCODEGEN_JS}")
  set_property(TARGET fazhitong APPEND PROPERTY LINK_DEPENDS "${FZ_QRCODEGEN_JS}")
  set_property(TARGET fazhitong APPEND PROPERTY LINK_DEPENDS "${FZ_SHELL}" "${FZ_FONT}" ${FZ_FONT_INPUTS})
  if(NOT FAZHITONG_SINGLE_FILE)
    # The rest of the static site: manifest, service worker, icons.
    add_custom_command(TARGET fazhitong POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/site/static" "$<TARGET_FILE_DIR:fazhitong>"
      VERBATIM)
  endif()
  # Binaryen's -Oz once more over the linked module, until it stops shrinking: the link's own
  # run comes before Emscripten's dead-code and import/export passes. -1.8 KB gzip of the first
  # visit; the 100k queries in node as fast (four alternating runs of the bench module so treated:
  # medians 0.116-0.133 vs 0.115-0.143 ms, p95 0.387-0.573 vs 0.401-0.577).
  # MVP features and mutable globals, as Emscripten 3.1.6 targets: a phone's older browser runs it.
  set(FZ_WASM "$<TARGET_FILE_DIR:fazhitong>/$<TARGET_FILE_BASE_NAME:fazhitong>.wasm")
  find_program(FZ_WASM_OPT wasm-opt)
  if(FZ_WASM_OPT AND CMAKE_BUILD_TYPE STREQUAL "MinSizeRel")
    add_custom_command(TARGET fazhitong POST_BUILD
      COMMAND "${FZ_WASM_OPT}" -Oz --converge --enable-mutable-globals "${FZ_WASM}" -o "${FZ_WASM}"
      VERBATIM)
  endif()
  if(FAZHITONG_SINGLE_FILE)
    # One file: the script goes inside the page, and the module and the files (data pack, font)
    # with it, gzip-compressed (scripts/inline-usb.py; Emscripten's -sSINGLE_FILE would carry the
    # module as base64 of its raw bytes).
    add_custom_command(TARGET fazhitong POST_BUILD
      COMMAND "${FZ_PYTHON}" "${CMAKE_SOURCE_DIR}/scripts/inline-usb.py" "$<TARGET_FILE:fazhitong>"
              "${FZ_DATA_PACK}@/assets/data.fzp" "${FZ_FONT}@/assets/font.ttf"
      VERBATIM)
    set_property(TARGET fazhitong APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/scripts/inline-usb.py")
  endif()
endif()
if(NOT EMSCRIPTEN)
  target_compile_definitions(fazhitong PRIVATE
    FZ_DEFAULT_DATA_DIR="${FAZHITONG_DATA_DIR}" FZ_DEFAULT_I18N_DIR="${CMAKE_SOURCE_DIR}/assets/i18n"
    FZ_DEFAULT_FONT="${FZ_FONT}" FZ_DEFAULT_WORDS="${FZ_WORDS}"
    # Data loaded at run time (--data) may use characters the bundled subset lacks.
    FZ_FALLBACK_FONT="${FZ_NOTO_TTC}" FZ_FALLBACK_FONT_INDEX=${FZ_NOTO_INDEX})
endif()
if(EMSCRIPTEN)
  # Every web build reports what a visitor downloads (raw and gzip).
  if(FAZHITONG_SINGLE_FILE)
    set(FZ_SIZES_ARGS --usb "$<TARGET_FILE:fazhitong>")
  else()
    set(FZ_SIZES_ARGS --web "$<TARGET_FILE_DIR:fazhitong>")
  endif()
  add_custom_command(TARGET fazhitong POST_BUILD
    COMMAND "${FZ_PYTHON}" "${CMAKE_SOURCE_DIR}/scripts/sizes.py" ${FZ_SIZES_ARGS}
    VERBATIM)
endif()
