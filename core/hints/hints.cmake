# Sources of core/hints: the customer-value hint on the cashier's member panel.
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AThresholdWarmup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AThresholdWarmup.h
    ${CMAKE_CURRENT_LIST_DIR}/CustomerHint.h
    ${CMAKE_CURRENT_LIST_DIR}/CustomerValueHint.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CustomerValueHint.h
)
