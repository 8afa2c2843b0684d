# Sources of core/cards/devices, added to loyalty_core: the keyboard-wedge burst detector, serial
# scanners (Qt SerialPort) and NFC readers through PC/SC (pcsclite).
find_package(Qt6 REQUIRED COMPONENTS SerialPort)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PCSC REQUIRED IMPORTED_TARGET libpcsclite)

target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/DeviceSettings.cpp ${CMAKE_CURRENT_LIST_DIR}/DeviceSettings.h
    ${CMAKE_CURRENT_LIST_DIR}/KeystrokeBurstDetector.cpp ${CMAKE_CURRENT_LIST_DIR}/KeystrokeBurstDetector.h
    ${CMAKE_CURRENT_LIST_DIR}/NdefMessage.cpp ${CMAKE_CURRENT_LIST_DIR}/NdefMessage.h
    ${CMAKE_CURRENT_LIST_DIR}/NdefRecord.cpp ${CMAKE_CURRENT_LIST_DIR}/NdefRecord.h
    ${CMAKE_CURRENT_LIST_DIR}/NfcPolicy.cpp ${CMAKE_CURRENT_LIST_DIR}/NfcPolicy.h
    ${CMAKE_CURRENT_LIST_DIR}/PcscReaderMonitor.cpp ${CMAKE_CURRENT_LIST_DIR}/PcscReaderMonitor.h
    ${CMAKE_CURRENT_LIST_DIR}/SerialScannerSource.cpp ${CMAKE_CURRENT_LIST_DIR}/SerialScannerSource.h
)
target_link_libraries(loyalty_core PUBLIC Qt6::SerialPort PRIVATE PkgConfig::PCSC)
