# Sources of core/reports: branch figures for a period (sales, members, points, ABC, rewards) and their CSV.
target_sources(loyalty_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/BranchFigures.h
    ${CMAKE_CURRENT_LIST_DIR}/BranchReport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/BranchReport.h
    ${CMAKE_CURRENT_LIST_DIR}/ReportCsv.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReportCsv.h
    ${CMAKE_CURRENT_LIST_DIR}/ReportPeriod.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReportPeriod.h
)
