# Sources of core/config, added to loyalty_core: the workstation's preferences (printer, appearance,
# customer display, scanner, database path, language), stored with QSettings.
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AppearanceSetup.h
    ${CMAKE_CURRENT_LIST_DIR}/CustomerDisplaySetup.h
    ${CMAKE_CURRENT_LIST_DIR}/PrinterSetup.h
    ${CMAKE_CURRENT_LIST_DIR}/ScannerSetup.cpp ${CMAKE_CURRENT_LIST_DIR}/ScannerSetup.h
    ${CMAKE_CURRENT_LIST_DIR}/TillPreferences.cpp ${CMAKE_CURRENT_LIST_DIR}/TillPreferences.h
    # The till's identity in the database (core/settings has no source list of its own).
    ${CMAKE_CURRENT_LIST_DIR}/../settings/TillIdentityEditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../settings/TillIdentityEditor.h
)
