# Sources of ui/customer: the customer-facing display on a second screen and its placement.
target_sources(loyalty_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/CustomerDisplay.cpp ${CMAKE_CURRENT_LIST_DIR}/CustomerDisplay.h
    ${CMAKE_CURRENT_LIST_DIR}/CustomerDisplayOption.cpp ${CMAKE_CURRENT_LIST_DIR}/CustomerDisplayOption.h
    ${CMAKE_CURRENT_LIST_DIR}/CustomerDisplayPlacement.cpp ${CMAKE_CURRENT_LIST_DIR}/CustomerDisplayPlacement.h
)
