# Sources of ui/settings: the till's settings dialog (identity in the till database, the workstation's
# preferences in QSettings) and its pages.
target_sources(loyalty_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AppearancePage.cpp ${CMAKE_CURRENT_LIST_DIR}/AppearancePage.h
    ${CMAKE_CURRENT_LIST_DIR}/CustomerDisplayPage.cpp ${CMAKE_CURRENT_LIST_DIR}/CustomerDisplayPage.h
    ${CMAKE_CURRENT_LIST_DIR}/FieldError.cpp ${CMAKE_CURRENT_LIST_DIR}/FieldError.h
    ${CMAKE_CURRENT_LIST_DIR}/LanguagePage.cpp ${CMAKE_CURRENT_LIST_DIR}/LanguagePage.h
    ${CMAKE_CURRENT_LIST_DIR}/PrinterPage.cpp ${CMAKE_CURRENT_LIST_DIR}/PrinterPage.h
    ${CMAKE_CURRENT_LIST_DIR}/ScannerPage.cpp ${CMAKE_CURRENT_LIST_DIR}/ScannerPage.h
    ${CMAKE_CURRENT_LIST_DIR}/SettingsDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/SettingsDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/TestReceipt.cpp ${CMAKE_CURRENT_LIST_DIR}/TestReceipt.h
    ${CMAKE_CURRENT_LIST_DIR}/TillIdentityPage.cpp ${CMAKE_CURRENT_LIST_DIR}/TillIdentityPage.h
)
