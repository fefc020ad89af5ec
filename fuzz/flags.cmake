# The libFuzzer build (`cmake -S . -B build-fuzz -DGONGJIAN_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++`,
# see fuzz/README.md): every library is compiled with coverage feedback for libFuzzer plus
# AddressSanitizer and UBSan (any undefined behaviour aborts, so the fuzzer reports it as a crash).
# Included by the top CMakeLists.txt before the libraries are declared; fuzz/CMakeLists.txt declares
# the targets.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "GONGJIAN_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                    -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
