# Sources of core/profile: member search and the member page's readers (profile, history).
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/MemberHistoryItem.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberHistoryReader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MemberHistoryReader.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberHit.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberProfile.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberProfileReader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MemberProfileReader.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberSearch.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MemberSearch.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberSearchPage.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberSearchThread.cpp ${CMAKE_CURRENT_LIST_DIR}/MemberSearchThread.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberSearchWorker.cpp ${CMAKE_CURRENT_LIST_DIR}/MemberSearchWorker.h
    ${CMAKE_CURRENT_LIST_DIR}/ReadConnection.cpp ${CMAKE_CURRENT_LIST_DIR}/ReadConnection.h
)
