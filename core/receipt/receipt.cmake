# Sources of core/receipt: the receipt of a sale (read, composed, encoded as ESC/POS and sent to a printer).
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/Cp858.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Cp858.h
    ${CMAKE_CURRENT_LIST_DIR}/EscPosEncoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EscPosEncoder.h
    ${CMAKE_CURRENT_LIST_DIR}/QrMatrix.cpp
    ${CMAKE_CURRENT_LIST_DIR}/QrMatrix.h
    ${CMAKE_CURRENT_LIST_DIR}/Receipt.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptComposer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptComposer.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptData.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptLayout.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptLayout.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptLine.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptReader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptReader.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptRow.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptSender.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptSender.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptSource.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptSource.h
)
