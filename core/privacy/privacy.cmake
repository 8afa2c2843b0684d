# Sources of core/privacy: a member's data export, erasure on request, consent records.
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ConsentRecorder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ConsentRecorder.h
    ${CMAKE_CURRENT_LIST_DIR}/Erasure.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Erasure.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberExport.h
    ${CMAKE_CURRENT_LIST_DIR}/PrivacyExport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PrivacyExport.h
)
