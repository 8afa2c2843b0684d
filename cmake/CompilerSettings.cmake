# One INTERFACE target carries every compile setting; targets link it instead of relying on
# global flags.
add_library(loyalty_compile_settings INTERFACE)
add_library(Loyalty::CompileSettings ALIAS loyalty_compile_settings)

target_compile_features(loyalty_compile_settings INTERFACE cxx_std_20)
target_compile_options(loyalty_compile_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Wshadow -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(LOYALTY_WERROR)
    target_compile_options(loyalty_compile_settings INTERFACE -Werror)
endif()
target_compile_definitions(loyalty_compile_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    LOYALTY_VERSION="${PROJECT_VERSION}")

if(LOYALTY_SANITIZE)
    target_compile_options(loyalty_compile_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(loyalty_compile_settings INTERFACE -fsanitize=address,undefined)
endif()
