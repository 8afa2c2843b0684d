# Sources of core/staff: staff accounts, PINs, sign-in, shifts and the manager check.
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ManagerGuard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ManagerGuard.h
    ${CMAKE_CURRENT_LIST_DIR}/PinHash.h
    ${CMAKE_CURRENT_LIST_DIR}/PinHasher.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PinHasher.h
    ${CMAKE_CURRENT_LIST_DIR}/StaffDirectory.cpp
    ${CMAKE_CURRENT_LIST_DIR}/StaffDirectory.h
    ${CMAKE_CURRENT_LIST_DIR}/StaffMember.h
    ${CMAKE_CURRENT_LIST_DIR}/StaffRole.h
    ${CMAKE_CURRENT_LIST_DIR}/StaffSession.h
)
