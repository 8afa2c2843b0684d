# Sources of core/corrections: a manager's audited corrections of member accounts and cards.
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/Corrections.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Corrections.h
)
