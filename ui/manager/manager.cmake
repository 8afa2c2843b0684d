# Sources of ui/manager: the till's shell (sign-in, first run, idle lock), the manager screens'
# frame, the member search and the member page, the audit log and staff pages.
target_sources(loyalty_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AuditLogPage.cpp ${CMAKE_CURRENT_LIST_DIR}/AuditLogPage.h
    ${CMAKE_CURRENT_LIST_DIR}/CardStateText.cpp ${CMAKE_CURRENT_LIST_DIR}/CardStateText.h
    ${CMAKE_CURRENT_LIST_DIR}/FirstRunPage.cpp ${CMAKE_CURRENT_LIST_DIR}/FirstRunPage.h
    ${CMAKE_CURRENT_LIST_DIR}/ManagerScreen.cpp ${CMAKE_CURRENT_LIST_DIR}/ManagerScreen.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberHistoryTab.cpp ${CMAKE_CURRENT_LIST_DIR}/MemberHistoryTab.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberHitModel.cpp ${CMAKE_CURRENT_LIST_DIR}/MemberHitModel.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberOverviewTab.cpp ${CMAKE_CURRENT_LIST_DIR}/MemberOverviewTab.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberPage.cpp ${CMAKE_CURRENT_LIST_DIR}/MemberPage.h
    ${CMAKE_CURRENT_LIST_DIR}/MembersPage.cpp ${CMAKE_CURRENT_LIST_DIR}/MembersPage.h
    ${CMAKE_CURRENT_LIST_DIR}/StaffPage.cpp ${CMAKE_CURRENT_LIST_DIR}/StaffPage.h
    ${CMAKE_CURRENT_LIST_DIR}/StaffPinPage.cpp ${CMAKE_CURRENT_LIST_DIR}/StaffPinPage.h
    ${CMAKE_CURRENT_LIST_DIR}/TillShell.cpp ${CMAKE_CURRENT_LIST_DIR}/TillShell.h
)
