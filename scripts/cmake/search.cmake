# search.cmake — the search engine's build-time data and tools: compact pinyin and traditional ->
# simplified tables generated from Unihan (unicode-data) into the core, the `fazhitong-search`
# and `fazhitong-bench` command-line tools (native), and the wasm bench module (Emscripten).
find_program(FZ_PYTHON python3 REQUIRED)
set(FZ_UNIHAN_DIR "/usr/share/unicode" CACHE PATH "Folder with Unihan_Readings.txt.bz2 and Unihan_Variants.txt.bz2")
set(FZ_UNIHAN_CPP "${CMAKE_BINARY_DIR}/generated/UnihanTables.cpp")
foreach(f Unihan_Readings.txt.bz2 Unihan_Variants.txt.bz2)
  if(NOT EXISTS "${FZ_UNIHAN_DIR}/${f}")
    message(FATAL_ERROR "${FZ_UNIHAN_DIR}/${f} is missing: install unicode-data (scripts/setup)")
  endif()
endforeach()
add_custom_command(
  OUTPUT "${FZ_UNIHAN_CPP}"
  COMMAND "${FZ_PYTHON}" "${CMAKE_SOURCE_DIR}/scripts/gen-unihan-tables.py"
          --readings "${FZ_UNIHAN_DIR}/Unihan_Readings.txt.bz2"
          --variants "${FZ_UNIHAN_DIR}/Unihan_Variants.txt.bz2" --out "${FZ_UNIHAN_CPP}"
  DEPENDS "${CMAKE_SOURCE_DIR}/scripts/gen-unihan-tables.py"
          "${FZ_UNIHAN_DIR}/Unihan_Readings.txt.bz2" "${FZ_UNIHAN_DIR}/Unihan_Variants.txt.bz2"
  COMMENT "Generating pinyin and traditional->simplified tables from Unihan"
  VERBATIM)
target_sources(fazhitong_core PRIVATE "${FZ_UNIHAN_CPP}")
# jieba's dictionary (python3-jieba): which pairs of characters are words (core/Lexicon.h). The
# web builds carry only the words their data holds, in the data pack (App.cmake); the native
# tools and app read it where it was found.
set(FZ_WORDS "/usr/lib/python3/dist-packages/jieba/dict.txt" CACHE FILEPATH "jieba's dictionary (dict.txt)")
if(NOT EXISTS "${FZ_WORDS}")
  message(FATAL_ERROR "${FZ_WORDS} is missing: install python3-jieba (scripts/setup)")
endif()

file(GLOB FZ_SYNTH_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/tools/SyntheticData.cpp")
if(NOT EMSCRIPTEN)
  if(EXISTS "${CMAKE_SOURCE_DIR}/src/tools/search_main.cpp")
    add_executable(fazhitong-search src/tools/search_main.cpp)
    target_link_libraries(fazhitong-search PRIVATE fazhitong_core)
    target_compile_definitions(fazhitong-search PRIVATE FZ_DEFAULT_WORDS="${FZ_WORDS}")
  endif()
  if(EXISTS "${CMAKE_SOURCE_DIR}/src/tools/bench_main.cpp")
    add_executable(fazhitong-bench src/tools/bench_main.cpp src/tools/IndexDesigns.cpp ${FZ_SYNTH_SOURCES})
    target_link_libraries(fazhitong-bench PRIVATE fazhitong_core)
  endif()
elseif(EXISTS "${CMAKE_SOURCE_DIR}/tests/bench/search_wasm.cpp")
  # The search engine alone as a wasm module for the browser bench; never part of the app.
  add_executable(fazhitong-search-wasm EXCLUDE_FROM_ALL tests/bench/search_wasm.cpp ${FZ_SYNTH_SOURCES})
  set_source_files_properties(${FZ_SYNTH_SOURCES} PROPERTIES COMPILE_OPTIONS "-O2;-finline-functions;-fno-lto")
  target_link_libraries(fazhitong-search-wasm PRIVATE fazhitong_core)
  target_include_directories(fazhitong-search-wasm PRIVATE src/tools)
  target_compile_options(fazhitong-search-wasm PRIVATE -O2 -finline-functions -fno-lto)
  # Growth as the app's (App.cmake): at most 1 MB beyond what is asked for.
  target_link_options(fazhitong-search-wasm PRIVATE -O2 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB
    -sMEMORY_GROWTH_GEOMETRIC_CAP=1048576
    -sINITIAL_MEMORY=16777216 -sMODULARIZE=1 -sEXPORT_NAME=FazhitongSearch -sENVIRONMENT=web,node
    -sFORCE_FILESYSTEM=1 -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8,FS
    -sEXPORTED_FUNCTIONS=_malloc,_free,_fzb_add,_fzb_add_utf16,_fzb_build,_fzb_search,_fzb_prepare,_fzb_results,_fzb_heap_bytes,_fzb_index_bytes,_fzb_reset,_fzb_generate,_fzb_generate_ms,_fzb_records,_fzb_load_pack,_fzb_pack_part,_fzb_heap_top,_fzb_heap_in_use,_fzb_memory_report)
  set_target_properties(fazhitong-search-wasm PROPERTIES OUTPUT_NAME fazhitong-search SUFFIX ".js")
endif()

# The wasm build is -Oz for the smallest download, and emcc then adds -fno-inline-functions
# (even after a later -O2), which leaves every vector::operator[] a call and makes the search's
# inner loops 4-5x slower. The search sources are compiled for speed; they add a few KB. So are
# the pack reader and the atom and atom-list pools (every InStream read was a call; +18 KB raw,
# +4 KB gzip on the app; interning 1.4 million lists at -Oz added ~100 ms to a national decode). Catalog.cpp stays small: for speed it cost +47 KB raw / +8 KB gzip for ~100 ms of a
# national load in Chromium. Text folding and pinyin (TextNorm.cpp, Pinyin.cpp) stay -Oz: they
# run once per distinct character of a build and per query plan, never per match or per record
# (-O3 for them was 2.7 KB gzip of the app). -O3 rather than -O2: +5 KB raw / +2 KB gzip, national keystroke
# medians in Chromium 8-15 % lower (two alternating runs each: full pinyin 9.4 vs 9.9-10.6 ms,
# initials 14.3-15.0 vs 17.2-17.8 ms; 100k corpus 0.31-0.33 vs 0.35-0.36 ms).
if(EMSCRIPTEN)
  set_source_files_properties(
    "${CMAKE_SOURCE_DIR}/src/core/Search.cpp" "${CMAKE_SOURCE_DIR}/src/core/SearchCatalog.cpp"
    "${CMAKE_SOURCE_DIR}/src/core/Pack.cpp" "${CMAKE_SOURCE_DIR}/src/core/Atom.cpp"
    "${CMAKE_SOURCE_DIR}/src/core/AtomList.cpp"
    TARGET_DIRECTORY fazhitong_core PROPERTIES COMPILE_OPTIONS "-O3;-finline-functions;-fno-lto")
endif()
