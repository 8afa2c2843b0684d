# Sources of ui/returns (taking back items of an earlier sale), added to loyalty_ui.
target_sources(loyalty_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ReturnDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/ReturnDialog.h
)
