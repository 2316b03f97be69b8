# The layers of the app: each folder is one static library, and the build enforces that data
# flows one way.
#
#   rank 0  identity, i18n, platform       what the app is, its languages, what differs by OS
#   rank 1  aws, net, keychain, obs        signing and AWS files; the loopback server; secrets;
#                                          OBS's WebSocket remote control
#   rank 2  profiles, ivs                  stored profiles; the wire operations and value types
#   rank 3  credentials, document, demo,   the provider chain; the stage document; the demo;
#           s3, recordings                 S3 on the signed transport; what recordings left
#   rank 4  model                          item models over the document and what is learnt
#   rank 5  workspace                      controllers shared by window and command line
#   rank 6  cli, ui                        the command line; the widgets
#
# Two rules, both checked by the build:
# - Linking: a layer may link only layers of a lower rank (ivs_layer() stops the configuration
#   otherwise).
# - Including: a layer's include path holds its own folder and those of the layers it links,
#   nothing else, so `#include "ui/main_window.h"` in app/model/ fails to compile. Each layer
#   gets an include root of its own in the build tree with a single entry: a link named after
#   its folder to the folder itself (tests/layering/ shows both refusals).

include(${CMAKE_CURRENT_LIST_DIR}/precompiled_headers.cmake)

# ivs_layer(NAME RANK n FOLDER folder [SOURCE_DIR dir] [DEPENDS layer...] [QT target...])
# Sources are every .cpp and .h in the folder (SOURCE_DIR, default app/<folder>).
function(ivs_layer name)
    cmake_parse_arguments(PARSE_ARGV 1 LAYER "" "RANK;FOLDER;SOURCE_DIR" "DEPENDS;QT")
    if(NOT DEFINED LAYER_RANK OR NOT LAYER_FOLDER)
        message(FATAL_ERROR "ivs_layer(${name}): RANK and FOLDER are required")
    endif()
    if(NOT LAYER_SOURCE_DIR)
        set(LAYER_SOURCE_DIR ${CMAKE_CURRENT_SOURCE_DIR}/${LAYER_FOLDER})
    endif()
    foreach(dependency IN LISTS LAYER_DEPENDS)
        if(NOT TARGET ${dependency})
            message(FATAL_ERROR "Layer ${name} depends on ${dependency}, which is not defined "
                                "yet: define lower layers first.")
        endif()
        get_target_property(dependency_rank ${dependency} IVS_LAYER_RANK)
        if(NOT dependency_rank MATCHES "^[0-9]+$" OR dependency_rank GREATER_EQUAL LAYER_RANK)
            message(FATAL_ERROR "Layer ${name} (rank ${LAYER_RANK}) may not link ${dependency} "
                                "(rank ${dependency_rank}): a layer links only lower layers.")
        endif()
    endforeach()

    file(GLOB sources CONFIGURE_DEPENDS ${LAYER_SOURCE_DIR}/*.cpp ${LAYER_SOURCE_DIR}/*.h)
    add_library(${name} STATIC ${sources})
    set(root ${CMAKE_BINARY_DIR}/layers/${name})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${LAYER_SOURCE_DIR} ${root}/${LAYER_FOLDER} SYMBOLIC)
    target_include_directories(${name} PUBLIC ${root})
    set_target_properties(${name} PROPERTIES IVS_LAYER_RANK ${LAYER_RANK}
                                             IVS_LAYER_FOLDER ${LAYER_FOLDER})
    target_link_libraries(${name} PUBLIC ${LAYER_DEPENDS} ${LAYER_QT} PRIVATE ivs_compile_options)

    # The Qt modules the layer may use, its own and those of the layers it links.
    set(modules Core)
    foreach(qt IN LISTS LAYER_QT)
        if(qt MATCHES "^Qt6::(Network|Gui|Widgets)$")
            list(APPEND modules ${CMAKE_MATCH_1})
        endif()
    endforeach()
    foreach(dependency IN LISTS LAYER_DEPENDS)
        get_target_property(dependency_modules ${dependency} IVS_LAYER_QT_MODULES)
        list(APPEND modules ${dependency_modules})
    endforeach()
    if(Widgets IN_LIST modules)
        list(APPEND modules Gui)
    endif()
    list(REMOVE_DUPLICATES modules)
    set_target_properties(${name} PROPERTIES IVS_LAYER_QT_MODULES "${modules}")
    ivs_precompile_headers(${name} MODULES ${modules})
    set_property(GLOBAL APPEND PROPERTY IVS_LAYERS ${name})
endfunction()
