# Sources of ui/loyalty (the customer's requests on a sale: coupons, points, rewards, wallet),
# added to loyalty_ui.
target_sources(loyalty_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/CouponDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/CouponDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/IdentityCheckDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/IdentityCheckDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/RedeemPointsDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/RedeemPointsDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/RewardPickerDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/RewardPickerDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/WalletSpendDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/WalletSpendDialog.h
)
