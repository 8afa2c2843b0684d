# Head office's HTTP/JSON API over TLS (docs/sync-protocol.md): routes, signed-request
# authentication, the body-size guard, the self-signed certificate of `loyalty-hq cert`.
target_sources(loyalty_headoffice PRIVATE
    http/ApiError.h
    http/ApiRequest.cpp http/ApiRequest.h
    http/ApiResponse.cpp http/ApiResponse.h
    http/CertificatePin.cpp http/CertificatePin.h
    http/ConnectionGuard.cpp http/ConnectionGuard.h
    http/GuardedTcpServer.cpp http/GuardedTcpServer.h
    http/HqEndpoints.cpp http/HqEndpoints.h
    http/HqServeLoop.cpp http/HqServeLoop.h
    http/HqServer.cpp http/HqServer.h
    http/HqWorkerPool.cpp http/HqWorkerPool.h
    http/RequestAuthenticator.cpp http/RequestAuthenticator.h
    http/SelfSignedCertificate.cpp http/SelfSignedCertificate.h
    http/SnapshotRoute.cpp http/SnapshotRoute.h
    http/ServeOptions.cpp http/ServeOptions.h
    http/TlsIdentity.cpp http/TlsIdentity.h
)
