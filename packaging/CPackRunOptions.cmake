# Read by cpack when it runs (CPACK_PROJECT_CONFIG_FILE), not at configure time: lets a caller pick
# the compression without reconfiguring, e.g. LOYALTY_DEB_COMPRESSION=gzip for the packaging test.
if(DEFINED ENV{LOYALTY_DEB_COMPRESSION} AND NOT "$ENV{LOYALTY_DEB_COMPRESSION}" STREQUAL "")
    set(CPACK_DEBIAN_COMPRESSION_TYPE "$ENV{LOYALTY_DEB_COMPRESSION}")
endif()
