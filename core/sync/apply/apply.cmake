# Applying head office's change feed to the till database (docs/sync-protocol.md, GET /v1/changes).
target_sources(loyalty_core PRIVATE
)
