# Sources of ui/manager/reports: the branch report page with its charts and the worker computing it.
target_sources(loyalty_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ReportCharts.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReportCharts.h
    ${CMAKE_CURRENT_LIST_DIR}/ReportText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReportText.h
    ${CMAKE_CURRENT_LIST_DIR}/ReportWorker.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReportWorker.h
    ${CMAKE_CURRENT_LIST_DIR}/ReportsPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReportsPage.h
)
