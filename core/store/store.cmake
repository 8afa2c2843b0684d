# Sources of core/store beyond the list in core/CMakeLists.txt: the integrity check that runs in the
# background after the till's first paint. It interrupts a running check through SQLite's C API
# (sqlite3_interrupt), on the connection QtSql's driver (linked against the same libsqlite3) opened.
find_package(SQLite3 REQUIRED)
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/BackgroundIntegrityCheck.cpp ${CMAKE_CURRENT_LIST_DIR}/BackgroundIntegrityCheck.h
    ${CMAKE_CURRENT_LIST_DIR}/QuickCheck.cpp ${CMAKE_CURRENT_LIST_DIR}/QuickCheck.h
)
target_link_libraries(loyalty_core PRIVATE SQLite::SQLite3)
