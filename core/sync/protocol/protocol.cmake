# The sync protocol's shared parts: constants and request signing, used by the till and head office.
target_sources(loyalty_core PRIVATE
    sync/protocol/RequestSignature.cpp sync/protocol/RequestSignature.h
    sync/protocol/SyncProtocol.h
    sync/SyncSettingKeys.h
)
