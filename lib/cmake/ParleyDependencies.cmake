# Finds parley's dependencies: included by parley's own build, and by the
# installed parleyConfig.cmake for consumers (where a missing dependency must
# make find_package(parley) fail gracefully rather than stop the configure).
# RE2 ships no CMake package on Debian 12, only pkg-config, so it is found
# through either.

include(CMakeFindDependencyMacro)
if(CMAKE_FIND_PACKAGE_NAME STREQUAL "parley")
  set(_parley_find find_dependency)
  set(_parley_required "")
else()
  set(_parley_find find_package)
  set(_parley_required REQUIRED)
endif()

cmake_language(CALL ${_parley_find} ICU ${_parley_required} COMPONENTS uc i18n)
cmake_language(CALL ${_parley_find} fmt ${_parley_required})
cmake_language(CALL ${_parley_find} nlohmann_json ${_parley_required})

if(NOT TARGET re2::re2)
  find_package(re2 CONFIG QUIET)
endif()
if(NOT TARGET re2::re2)
  find_package(PkgConfig ${_parley_required})
  pkg_check_modules(PARLEY_RE2 ${_parley_required} IMPORTED_TARGET GLOBAL re2)
  if(TARGET PkgConfig::PARLEY_RE2)
    add_library(re2::re2 ALIAS PkgConfig::PARLEY_RE2)
  else()
    set(parley_FOUND FALSE)
    set(parley_NOT_FOUND_MESSAGE "RE2 not found (pkg-config re2)")
  endif()
endif()
