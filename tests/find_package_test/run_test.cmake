# Copyright 2026 The Parley Authors.
# SPDX-License-Identifier: Apache-2.0

# The installed package, end to end: installs parley's build tree into a
# scratch prefix, configures and builds the consumer project beside this
# file against it in a separate build tree, and runs the program; then
# builds the same program with the flags of the installed parley.pc alone.
#
#   cmake -DPARLEY_BUILD_DIR=build -DWORK_DIR=build/tests/find_package_test
#         -DGENERATOR=Ninja -DCXX_COMPILER=c++ -DBUILD_TYPE=Release
#         -P tests/find_package_test/run_test.cmake
#
# It checks the package found is the installed one, not the build tree nor a
# copy on the system, so that a header or a dependency missing from the
# install fails here.

foreach(variable PARLEY_BUILD_DIR WORK_DIR GENERATOR CXX_COMPILER BUILD_TYPE)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "run_test.cmake needs -D${variable}=...")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")

function(run step)
  execute_process(COMMAND ${ARGN}
                  RESULT_VARIABLE result
                  OUTPUT_VARIABLE output
                  ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${step} failed (${result}):\n${output}")
  endif()
  set(output "${output}" PARENT_SCOPE)
endfunction()

run("install" "${CMAKE_COMMAND}" --install "${PARLEY_BUILD_DIR}"
    --prefix "${prefix}")
run("configure" "${CMAKE_COMMAND}" -S "${CMAKE_CURRENT_LIST_DIR}"
    -B "${build}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
    "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
    "-DCMAKE_PREFIX_PATH=${prefix}"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)

file(STRINGS "${build}/CMakeCache.txt" parley_dir REGEX "^parley_DIR:")
string(REGEX REPLACE "^[^=]*=" "" parley_dir "${parley_dir}")
file(REAL_PATH "${prefix}" real_prefix)
file(REAL_PATH "${parley_dir}" real_parley_dir)
string(FIND "${real_parley_dir}" "${real_prefix}/" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR
          "found parley in ${parley_dir}, not in the install ${prefix}")
endif()

function(expect_embed_output program)
  run("run ${program}" "${program}")
  foreach(expected "P1: Ishaq Dar" "P2: Amir Khan Muttaqi" "M1: meeting")
    string(FIND "${output}" "${expected}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${program} printed no \"${expected}\":\n${output}")
    endif()
  endforeach()
endfunction()

run("build" "${CMAKE_COMMAND}" --build "${build}")
expect_embed_output("${build}/embed")
message(STATUS "embed, built against ${parley_dir}")

# pkg-config: parley is a static library, so its private dependencies come
# in with --static.
find_program(PKG_CONFIG pkg-config REQUIRED)
file(GLOB_RECURSE pc_file "${prefix}/*/parley.pc")
get_filename_component(pc_dir "${pc_file}" DIRECTORY)
set(ENV{PKG_CONFIG_PATH} "${pc_dir}")
run("pkg-config" "${PKG_CONFIG}" --static --cflags --libs parley)
string(STRIP "${output}" pc_flags)
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
run("build with pkg-config" "${CXX_COMPILER}" -std=c++20
    "${CMAKE_CURRENT_LIST_DIR}/../../examples/embed.cc"
    -o "${WORK_DIR}/embed-pkg-config" ${pc_flags})
expect_embed_output("${WORK_DIR}/embed-pkg-config")
message(STATUS "embed, built with the flags of ${pc_file}")
