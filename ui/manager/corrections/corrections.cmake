# Sources of ui/manager/corrections (a manager's corrections of a member: points and wallet
# adjustments, merging two accounts, unblocking and replacing cards), added to loyalty_ui.
target_sources(loyalty_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AdjustBalanceDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/AdjustBalanceDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/AdjustPointsDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/AdjustPointsDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/AdjustWalletDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/AdjustWalletDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/CardActionDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/CardActionDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/MergeMembersDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/MergeMembersDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/ReasonField.cpp ${CMAKE_CURRENT_LIST_DIR}/ReasonField.h
)
