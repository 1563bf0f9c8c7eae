# embed_files(TARGET <lib> NAMESPACE <ns> FUNCTION <fn> BASE <dir> FILES <f>...)
#
# Builds a static library <lib> exposing
#   const std::vector<std::pair<std::string_view, std::string_view>>& <ns>::<fn>();
# which returns (path relative to BASE, file contents) for every file, sorted by path.
# The files are read at build time, so the installed binary needs no data directory.
function(embed_files)
  cmake_parse_arguments(EMB "" "TARGET;NAMESPACE;FUNCTION;BASE" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${EMB_TARGET}_embedded.cpp)
  list(SORT EMB_FILES)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAMESPACE=${EMB_NAMESPACE} -DFUNCTION=${EMB_FUNCTION}
            -DBASE=${EMB_BASE} "-DFILES=${EMB_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${EMB_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding ${EMB_TARGET}"
    VERBATIM)
  add_library(${EMB_TARGET} STATIC ${out})
endfunction()
