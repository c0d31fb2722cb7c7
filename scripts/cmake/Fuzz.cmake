# Fuzz.cmake — libFuzzer targets (clang-14, ASan + UBSan): every tests/fuzz/*_fuzz.cpp becomes an
# executable linked with the core (and importer/search when present). Built by the `fuzz` preset;
# scripts/test runs each for a short while.
file(GLOB FZ_FUZZ_SOURCES CONFIGURE_DEPENDS tests/fuzz/*_fuzz.cpp)
foreach(src ${FZ_FUZZ_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE fazhitong_core)
  foreach(lib fazhitong_import fazhitong_search)
    if(TARGET ${lib})
      target_link_libraries(${name} PRIVATE ${lib})
    endif()
  endforeach()
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
endforeach()
