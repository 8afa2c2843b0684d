# Sources of core/audit: the hash-chained audit log of manual actions, its verifier, member pseudonyms.
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AuditEntry.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditEntry.h
    ${CMAKE_CURRENT_LIST_DIR}/AuditHash.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditHash.h
    ${CMAKE_CURRENT_LIST_DIR}/AuditLog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditLog.h
    ${CMAKE_CURRENT_LIST_DIR}/AuditVerification.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditVerification.h
    ${CMAKE_CURRENT_LIST_DIR}/AuditVerifier.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AuditVerifier.h
    ${CMAKE_CURRENT_LIST_DIR}/MemberPseudonym.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MemberPseudonym.h
)
