# Tests.cmake — one doctest binary for everything below tests/ (one file per topic, mirroring
# src/), run by ctest natively and, for the core, compiled with em++ and run under node.
file(GLOB FZ_TEST_SOURCES CONFIGURE_DEPENDS tests/core/*.cpp tests/import/*.cpp tests/search/*.cpp tests/platform/*.cpp)
if(NOT EMSCRIPTEN AND FAZHITONG_BUILD_APP)
  file(GLOB FZ_UI_TEST_SOURCES CONFIGURE_DEPENDS tests/ui/*.cpp)
  list(APPEND FZ_TEST_SOURCES ${FZ_UI_TEST_SOURCES})
endif()
add_executable(fazhitong_tests tests/main.cpp ${FZ_TEST_SOURCES})
target_link_libraries(fazhitong_tests PRIVATE fazhitong_core doctest::doctest)
foreach(lib fazhitong_import fazhitong_search)
  if(TARGET ${lib})
    target_link_libraries(fazhitong_tests PRIVATE ${lib})
  endif()
endforeach()
if(NOT EMSCRIPTEN AND FAZHITONG_BUILD_APP)
  target_link_libraries(fazhitong_tests PRIVATE fazhitong_ui fazhitong_qrcode)
  target_compile_definitions(fazhitong_tests PRIVATE FAZHITONG_FONT="${FZ_FONT}"
    FAZHITONG_FALLBACK_FONT="${FZ_NOTO_TTC}" FAZHITONG_FALLBACK_FONT_INDEX=${FZ_NOTO_INDEX})
endif()
target_compile_definitions(fazhitong_tests PRIVATE FAZHITONG_SOURCE_DIR="${CMAKE_SOURCE_DIR}" FAZHITONG_WORDS="${FZ_WORDS}")
if(EMSCRIPTEN)
  # Exceptions on for doctest's CHECK_THROWS; the real file system through node for fixtures.
  target_compile_options(fazhitong_tests PRIVATE -fexceptions)
  target_link_options(fazhitong_tests PRIVATE -fexceptions -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1
                      -sENVIRONMENT=node -sEXIT_RUNTIME=1)
  add_test(NAME core_tests_wasm COMMAND fazhitong_tests --no-colors)
else()
  list(APPEND CMAKE_MODULE_PATH "${doctest_DIR}")
  include(doctest)
  doctest_discover_tests(fazhitong_tests ADD_LABELS 0 EXTRA_ARGS --no-colors)
endif()

# The native app itself, under a virtual display: a malformed data file shows up in the problem
# panel with its exact location, and the rest of the data still loads.
find_program(FZ_XVFB_RUN xvfb-run)
if(FZ_XVFB_RUN AND TARGET fazhitong AND NOT EMSCRIPTEN)
  add_test(NAME native_app_problem_panel
    COMMAND "${CMAKE_SOURCE_DIR}/tests/native/app_smoke.sh" "$<TARGET_FILE:fazhitong>"
            "${CMAKE_SOURCE_DIR}/tests/fixtures/data-bad" "#/problems"
            "plans/kunming.json:56:25 /sections/1/tasks/3/lead_units: expected array of strings, got number"
            "plans/broken.json:5:3 invalid JSON")
  add_test(NAME native_app_home
    COMMAND "${CMAKE_SOURCE_DIR}/tests/native/app_smoke.sh" "$<TARGET_FILE:fazhitong>"
            "${CMAKE_SOURCE_DIR}/tests/fixtures/data-good" "#/"
            "# 法治通" "示范区法治政府建设实施方案（2021—2025年）" "示范区公共法律服务中心")
  # The hand-off to a phone: the QR code the native app draws, tapped open, decoded by zbarimg.
  add_test(NAME native_app_hand_off_decodes
    COMMAND "${CMAKE_SOURCE_DIR}/tests/native/hand_off_decode.sh" "$<TARGET_FILE:fazhitong>"
            "${CMAKE_SOURCE_DIR}/assets/data" "https://example.org/fz/" "#/plan/kunming-2021-2025-implementation-plan"
            "${CMAKE_BINARY_DIR}/native-hand-off.png")
endif()
if(NOT EMSCRIPTEN)
  # fazhitong-check exits 1 on a malformed folder and prints the located message.
  add_test(NAME check_tool_reports_bad_data
    COMMAND sh -c "out=$(\"$0\" \"$1\" 2>&1); test $? -eq 1 && printf '%s' \"$out\" | grep -qF \"$2\""
            "$<TARGET_FILE:fazhitong-check>" "${CMAKE_SOURCE_DIR}/tests/fixtures/data-bad"
            "data-bad/plans/kunming.json:56:25 /sections/1/tasks/3/lead_units: expected array of strings, got number")
  add_test(NAME check_tool_passes_good_data COMMAND fazhitong-check "${CMAKE_SOURCE_DIR}/tests/fixtures/data-good")
  # An unknown option is a usage error (exit 2, named), not a data folder of that name.
  add_test(NAME check_tool_refuses_unknown_option
    COMMAND sh -c "out=$(\"$0\" --qiuet \"$1\" 2>&1); test $? -eq 2 && printf '%s' \"$out\" | grep -qF 'unknown option --qiuet'"
            "$<TARGET_FILE:fazhitong-check>" "${CMAKE_SOURCE_DIR}/tests/fixtures/data-good")
endif()
if(NOT EMSCRIPTEN AND TARGET fazhitong-pack)
  # fazhitong-pack packs the bundled data, and --verify finds the pack equal to the JSON field by
  # field (catalog, problems, and the same search results when the index loads from the pack).
  add_test(NAME pack_tool_assets_data
    COMMAND "$<TARGET_FILE:fazhitong-pack>" --quiet "${CMAKE_SOURCE_DIR}/assets/data" "${CMAKE_BINARY_DIR}/test-packs/assets-data.fzp")
  add_test(NAME pack_tool_verify_assets_data
    COMMAND "$<TARGET_FILE:fazhitong-pack>" --verify "${CMAKE_BINARY_DIR}/test-packs/assets-data.fzp" "${CMAKE_SOURCE_DIR}/assets/data")
  set_tests_properties(pack_tool_verify_assets_data PROPERTIES DEPENDS pack_tool_assets_data)
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/test-packs")
  # Data with errors still packs (exit 0), and the pack keeps the located problems.
  add_test(NAME pack_tool_bad_data
    COMMAND "$<TARGET_FILE:fazhitong-pack>" --quiet "${CMAKE_SOURCE_DIR}/tests/fixtures/data-bad" "${CMAKE_BINARY_DIR}/test-packs/data-bad.fzp")
  add_test(NAME pack_tool_verify_bad_data
    COMMAND "$<TARGET_FILE:fazhitong-pack>" --verify "${CMAKE_BINARY_DIR}/test-packs/data-bad.fzp" "${CMAKE_SOURCE_DIR}/tests/fixtures/data-bad")
  set_tests_properties(pack_tool_verify_bad_data PROPERTIES DEPENDS pack_tool_bad_data)
  if(TARGET fazhitong-search)
    # fazhitong-search reads a pack (with its index) as well as a folder, with the same answers.
    add_test(NAME search_tool_pack_equals_folder
      COMMAND "${CMAKE_SOURCE_DIR}/tests/native/search_tool_pack.sh" "$<TARGET_FILE:fazhitong-search>"
              "${CMAKE_SOURCE_DIR}/assets/data" "${CMAKE_BINARY_DIR}/test-packs/assets-data.fzp")
    set_tests_properties(search_tool_pack_equals_folder PROPERTIES DEPENDS pack_tool_assets_data)
  endif()
endif()
if(NOT EMSCRIPTEN AND TARGET fazhitong-search)
  # A count option that is no whole number is refused, naming it (strtoul read -1 as 2^64 - 1).
  foreach(bad -1 abc 20x 99999999999999999999)
    add_test(NAME search_tool_refuses_limit_${bad}
      COMMAND sh -c "out=$(\"$0\" --data \"$1\" --limit \"$2\" 法律 2>&1); test $? -eq 2 && printf '%s' \"$out\" | grep -qF -- \"--limit takes a whole number\""
              "$<TARGET_FILE:fazhitong-search>" "${CMAKE_SOURCE_DIR}/assets/data" "${bad}")
  endforeach()
  # A usage error exits 2 with the usage on stderr: stdout carries hits only (a script reading the
  # JSON lines never reads the usage as one).
  add_test(NAME search_tool_usage_error_on_stderr
    COMMAND sh -c "out=$(\"$0\" --bogus 法律 2>/dev/null); test $? -eq 2 && test -z \"$out\" && \"$0\" --bogus 法律 2>&1 >/dev/null | grep -qF 'usage: fazhitong-search'"
            "$<TARGET_FILE:fazhitong-search>")
  # --typed searches each prefix first, a character (not a byte) more each time, and says so on
  # stderr; the hits are the whole query's.
  add_test(NAME search_tool_typed_prefixes
    COMMAND sh -c "err=$(\"$0\" --data \"$1\" --typed --limit 1 法律援助 2>&1 >/dev/null); test $(printf '%s\\n' \"$err\" | grep -c '^typed ') -eq 3 && printf '%s' \"$err\" | grep -qF 'typed \"法律援\"' && \"$0\" --data \"$1\" --typed --limit 1 法律援助 2>/dev/null | grep -qF '法律援助'"
            "$<TARGET_FILE:fazhitong-search>" "${CMAKE_SOURCE_DIR}/assets/data")
  # With pauses between keystrokes: warmed up first, the same keystrokes and hits.
  add_test(NAME search_tool_typed_paused
    COMMAND sh -c "err=$(\"$0\" --data \"$1\" --typed --pause 50 --limit 1 flyzzx 2>&1 >/dev/null); printf '%s' \"$err\" | grep -q '^search warmed up in' && test $(printf '%s\\n' \"$err\" | grep -c '^typed ') -eq 5 && printf '%s' \"$err\" | grep -qF 'matches of \"flyzz\"'"
            "$<TARGET_FILE:fazhitong-search>" "${CMAKE_SOURCE_DIR}/assets/data")
endif()

if(NOT EMSCRIPTEN AND TARGET fazhitong-bench)
  # --designs: each other index design's counts equal the linear scan's on every query (its rows
  # end "N of N"; one that lost or invented matches would not), and all six designs are there.
  add_test(NAME bench_tool_designs_count_right
    COMMAND sh -c "out=$(\"$0\" --flat 3000 --queries 40 --designs --sources \"$1\") || exit 1; printf '%s\\n' \"$out\" | awk -F'|' '/^[|] (lists of|bigram lists)/ { rows++; split($9, c, \" of \"); if ($9 !~ /not counted/ && c[1] + 0 != c[2] + 0) bad++ } END { exit !(rows == 6 && bad == 0) }'"
            "$<TARGET_FILE:fazhitong-bench>" "${CMAKE_SOURCE_DIR}/assets/sources")
endif()

# The font subset holds every synonym the search screen may name (the rules' `to` terms, the
# groups) and leaves out what is only ever typed (a rule's `from`: 赡 of 赡养, in no other string
# of the bundled data), which the typed-glyph path draws.
if(TARGET fazhitong_font AND FZ_PYTHON AND NOT EMSCRIPTEN)  # (the native build makes the font)
  add_test(NAME font_subset_leaves_out_typed_synonyms
    COMMAND "${FZ_PYTHON}" -c "import json, sys
s = json.load(open(sys.argv[1], encoding='utf-8'))
c = open(sys.argv[2], encoding='utf-8').read()
shown = ''.join(t for r in s['rules'] for t in r['to']) + ''.join(''.join(g) for g in s['groups'])
missing = sorted(set(x for x in shown if x not in c))
sys.exit(('missing: ' + ''.join(missing)) if missing else ('赡 is in the subset' if '赡' in c else 0))"
            "${FAZHITONG_DATA_DIR}/synonyms.json" "${CMAKE_BINARY_DIR}/font/chars.txt")
endif()

# fazhitong-frames: the app's frame CPU natively, screen by screen (tests/bench/frames_main.cpp),
# a benchmark that prints a table, not a test.
if(NOT EMSCRIPTEN AND FAZHITONG_BUILD_APP)
  add_executable(fazhitong-frames tests/bench/frames_main.cpp)
  target_link_libraries(fazhitong-frames PRIVATE fazhitong_ui fazhitong_qrcode)
  target_compile_definitions(fazhitong-frames PRIVATE FAZHITONG_SOURCE_DIR="${CMAKE_SOURCE_DIR}" FAZHITONG_FONT="${FZ_FONT}")
endif()
if(TARGET fazhitong-frames)
  add_test(NAME frames_tool_prints_a_table COMMAND fazhitong-frames --frames 3 "#/" "#/points")
  set_tests_properties(frames_tool_prints_a_table PROPERTIES PASS_REGULAR_EXPRESSION "#/points +[0-9.]+ +[0-9.]+")
  add_test(NAME frames_tool_refuses_frames_abc COMMAND fazhitong-frames --frames abc)
  set_tests_properties(frames_tool_refuses_frames_abc PROPERTIES PASS_REGULAR_EXPRESSION "--frames takes a whole number")
endif()
