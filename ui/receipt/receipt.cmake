# Sources of ui/receipt: the receipt painted for office printers, PDF and the screen, the print service that
# routes a sale's receipt to the workstation's printer, and the receipt history with reprint.
target_sources(loyalty_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptHistoryDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/ReceiptHistoryDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptPainter.cpp ${CMAKE_CURRENT_LIST_DIR}/ReceiptPainter.h
    ${CMAKE_CURRENT_LIST_DIR}/ReceiptPrintService.cpp ${CMAKE_CURRENT_LIST_DIR}/ReceiptPrintService.h
)
