# Small helpers in the manner of Abseil's absl_cc_library / absl_cc_test.

# Layers (tests/layering checks every include against them):
#   engine    sees engine/ and Abseil only: no service/, clients/, generated protos;
#   service   sees everything but clients/, bench/ and tests/;
#   clients   sees everything but service/ (service/transport/ aside), bench/ and tests/.
# The engine's rule is kept by the compiler: an engine target is compiled against the
# engine include root, a build folder holding a link to engine/ alone, so that an
# include of service/, clients/ or a .pb.h from the engine fails to compile. Targets
# outside the engine see the source root, as before.
set(AZM_ENGINE_INCLUDE_ROOT ${PROJECT_BINARY_DIR}/include_roots/engine)
file(MAKE_DIRECTORY ${AZM_ENGINE_INCLUDE_ROOT})
if(NOT EXISTS ${AZM_ENGINE_INCLUDE_ROOT}/engine)
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/engine ${AZM_ENGINE_INCLUDE_ROOT}/engine SYMBOLIC)
endif()
# The include folder of an engine library as its user sees it: the engine root for an
# engine target (property AZM_LAYER "engine"), the source root for any other.
set(AZM_ENGINE_USAGE_INCLUDES
    "$<IF:$<STREQUAL:$<TARGET_PROPERTY:AZM_LAYER>,engine>,${AZM_ENGINE_INCLUDE_ROOT},${PROJECT_SOURCE_DIR}>")

# azm_abseil: the Abseil libraries the service, the clients and the benchmarks build on
# (status, strings and formatting, time, locks, hash containers), named once so that a
# library's DEPS say `azm_abseil` instead of repeating the list. Engine targets name
# their few Abseil libraries themselves.
add_library(azm_abseil INTERFACE)
target_link_libraries(azm_abseil INTERFACE
    absl::status absl::statusor absl::strings absl::str_format absl::synchronization
    absl::time absl::flat_hash_map absl::flat_hash_set)

# azm_engine_layer(target): marks `target` (declared under engine/) as an engine target.
function(azm_engine_layer target)
  set_target_properties(${target} PROPERTIES AZM_LAYER engine)
endfunction()

# azm_cc_library(NAME name SRCS ... DEPS ...): a static library whose headers are
# included from the project root (e.g. "engine/assignment/sparse_assignment.h").
# Under engine/ it is an engine target (see "Layers" above).
function(azm_cc_library)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  add_library(${ARG_NAME} STATIC ${ARG_SRCS})
  file(RELATIVE_PATH folder ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
  if(folder MATCHES "^engine(/|$)")
    azm_engine_layer(${ARG_NAME})
    target_include_directories(${ARG_NAME} PUBLIC ${AZM_ENGINE_USAGE_INCLUDES})
  else()
    target_include_directories(${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/proto)
  endif()
  target_link_libraries(${ARG_NAME} PUBLIC ${ARG_DEPS})
endfunction()

# azm_cc_test(NAME name SRCS ... DEPS ... [LABELS ...]): a GoogleTest program; every
# TEST in it becomes one ctest test.
function(azm_cc_test)
  cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SRCS;DEPS;LABELS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  add_executable(${ARG_NAME} ${ARG_SRCS})
  set_target_properties(${ARG_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  target_include_directories(${ARG_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${ARG_NAME}
    DISCOVERY_TIMEOUT 60
    PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}")
endfunction()

# azm_add_subdirectories(): adds every immediate subfolder that has a CMakeLists.txt,
# in name order, so that each component owns its own folder and build file.
function(azm_add_subdirectories)
  file(GLOB children LIST_DIRECTORIES true RELATIVE ${CMAKE_CURRENT_SOURCE_DIR}
       ${CMAKE_CURRENT_SOURCE_DIR}/*)
  list(SORT children)
  foreach(child IN LISTS children)
    if(IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/${child} AND
       EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${child}/CMakeLists.txt)
      add_subdirectory(${child})
    endif()
  endforeach()
endfunction()
