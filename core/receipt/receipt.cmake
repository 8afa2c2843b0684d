# Sources of core/receipt: the receipt of a sale (read, composed, encoded as ESC/POS and sent to a printer).
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/QrMatrix.cpp
    ${CMAKE_CURRENT_LIST_DIR}/QrMatrix.h
    ${CMAKE_CURRENT_LIST_DIR}/Receipt.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptLine.h
)
