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
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
if(EMSCRIPTEN)
  # Emscripten provides GLFW 3 (no compile flag needed; the link adds -sUSE_GLFW=3).
else()
  find_package(glfw3 3.3 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_link_libraries(imgui PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
endif()

file(GLOB FAZHITONG_UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
add_library(fazhitong_ui STATIC ${FAZHITONG_UI_SOURCES})
target_link_libraries(fazhitong_ui PUBLIC fazhitong_core imgui)
add_dependencies(fazhitong_ui fazhitong_font)

if(EMSCRIPTEN)
  set(FZ_APP_SOURCES src/platform/main_web.cpp src/platform/Platform.cpp)
else()
  set(FZ_APP_SOURCES src/platform/main_native.cpp src/platform/Platform.cpp)
endif()
add_executable(fazhitong ${FZ_APP_SOURCES})
target_link_libraries(fazhitong PRIVATE fazhitong_ui)
add_dependencies(fazhitong fazhitong_font)

if(EMSCRIPTEN)
  # The same app, two packagings: a site (html + js + wasm + data, cached by a service worker)
  # or one .html with everything inside for a USB stick (works from file://).
  if(FAZHITONG_SINGLE_FILE)
    set(FZ_PACK embed-file)
    set_target_properties(fazhitong PROPERTIES OUTPUT_NAME fazhitong SUFFIX ".html")
  else()
    set(FZ_PACK preload-file)
    set_target_properties(fazhitong PROPERTIES OUTPUT_NAME index SUFFIX ".html")
  endif()
  target_link_options(fazhitong PRIVATE
    -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
    -sINITIAL_MEMORY=33554432 -sMINIFY_HTML=0 -sENVIRONMENT=web -sEXIT_RUNTIME=0
    -sEXPORTED_FUNCTIONS=_main,_fz_text_input,_fz_wake,_fz_route_changed,_fz_frame_now
    -sEXPORTED_RUNTIME_METHODS=ccall
    "SHELL:--shell-file ${CMAKE_SOURCE_DIR}/site/shell.html"
    "SHELL:--${FZ_PACK} ${FAZHITONG_DATA_DIR}@/assets/data"
    "SHELL:--${FZ_PACK} ${CMAKE_SOURCE_DIR}/assets/i18n@/assets/i18n"
    "SHELL:--${FZ_PACK} ${FZ_FONT}@/assets/font.otf"
    "SHELL:--exclude-file *.md")
  if(FAZHITONG_SINGLE_FILE)
    target_link_options(fazhitong PRIVATE -sSINGLE_FILE=1)
  endif()
  set_property(TARGET fazhitong APPEND PROPERTY LINK_DEPENDS
    "${CMAKE_SOURCE_DIR}/site/shell.html" "${FZ_FONT}" ${FZ_FONT_INPUTS})
  if(NOT FAZHITONG_SINGLE_FILE)
    # The rest of the static site: manifest, service worker, icons.
    add_custom_command(TARGET fazhitong POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/site/static" "$<TARGET_FILE_DIR:fazhitong>"
      VERBATIM)
  endif()
endif()
if(NOT EMSCRIPTEN)
  target_compile_definitions(fazhitong PRIVATE
    FZ_DEFAULT_DATA_DIR="${FAZHITONG_DATA_DIR}" FZ_DEFAULT_I18N_DIR="${CMAKE_SOURCE_DIR}/assets/i18n"
    FZ_DEFAULT_FONT="${FZ_FONT}")
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
