# Sources of core/cards/formats, added to loyalty_core: the scan decoder pipeline and its formats.
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/Code128Decoder.cpp ${CMAKE_CURRENT_LIST_DIR}/Code128Decoder.h
    ${CMAKE_CURRENT_LIST_DIR}/GtinDecoder.cpp ${CMAKE_CURRENT_LIST_DIR}/GtinDecoder.h
    ${CMAKE_CURRENT_LIST_DIR}/KeyboardLayout.cpp ${CMAKE_CURRENT_LIST_DIR}/KeyboardLayout.h
    ${CMAKE_CURRENT_LIST_DIR}/Luhn.cpp ${CMAKE_CURRENT_LIST_DIR}/Luhn.h
    ${CMAKE_CURRENT_LIST_DIR}/MagneticStripeDecoder.cpp ${CMAKE_CURRENT_LIST_DIR}/MagneticStripeDecoder.h
    ${CMAKE_CURRENT_LIST_DIR}/PaymentCardGuard.cpp ${CMAKE_CURRENT_LIST_DIR}/PaymentCardGuard.h
    ${CMAKE_CURRENT_LIST_DIR}/ScanDecoder.cpp ${CMAKE_CURRENT_LIST_DIR}/ScanDecoder.h
    ${CMAKE_CURRENT_LIST_DIR}/ScanSanitiser.cpp ${CMAKE_CURRENT_LIST_DIR}/ScanSanitiser.h
)
