# Sources of ui/input, added to loyalty_ui.
target_sources(loyalty_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/WedgeScanCapture.cpp ${CMAKE_CURRENT_LIST_DIR}/WedgeScanCapture.h
)
