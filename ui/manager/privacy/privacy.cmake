# Sources of ui/manager/privacy (the member page's Privacy tab: consents, export, erasure), added to loyalty_ui.
target_sources(loyalty_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/PrivacyPanel.cpp ${CMAKE_CURRENT_LIST_DIR}/PrivacyPanel.h
)
