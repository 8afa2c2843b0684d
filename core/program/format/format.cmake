# Sources of core/program/format: the programme JSON document, its validation and storage, and the
# built-in demo programme a till runs until head office activates one (:/programmes/demo.json).
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ProgrammeParser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProgrammeParser.h
    ${CMAKE_CURRENT_LIST_DIR}/ProgrammeStore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProgrammeStore.h
    ${CMAKE_CURRENT_LIST_DIR}/ProgrammeWriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ProgrammeWriter.h
)
qt_add_resources(loyalty_core "programmes"
    PREFIX "/programmes"
    BASE ${PROJECT_SOURCE_DIR}/resources/programmes
    FILES ${PROJECT_SOURCE_DIR}/resources/programmes/demo.json
)
