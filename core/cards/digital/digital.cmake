# Sources of core/cards/digital: head office signed digital card QR codes, verified offline.
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/CardTrustList.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CardTrustList.h
    ${CMAKE_CURRENT_LIST_DIR}/DigitalCardDecoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DigitalCardDecoder.h
    ${CMAKE_CURRENT_LIST_DIR}/DigitalCardIssuer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DigitalCardIssuer.h
    ${CMAKE_CURRENT_LIST_DIR}/DigitalCardPolicy.h
    ${CMAKE_CURRENT_LIST_DIR}/DigitalCardQr.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DigitalCardQr.h
    ${CMAKE_CURRENT_LIST_DIR}/DigitalCardToken.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DigitalCardToken.h
    ${CMAKE_CURRENT_LIST_DIR}/Ed25519.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Ed25519.h
    ${CMAKE_CURRENT_LIST_DIR}/RevokedCardList.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RevokedCardList.h
    ${CMAKE_CURRENT_LIST_DIR}/RotatingCodeSigner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RotatingCodeSigner.h
    ${CMAKE_CURRENT_LIST_DIR}/TrustedKey.h)
