# Applying head office's change feed to the till database (docs/sync-protocol.md, GET /v1/changes).
target_sources(loyalty_core PRIVATE
    sync/apply/AccountChangeApplier.cpp sync/apply/AccountChangeApplier.h
    sync/apply/AppliedPage.h
    sync/apply/CatalogueChangeApplier.cpp sync/apply/CatalogueChangeApplier.h
    sync/apply/ChangeApplier.cpp sync/apply/ChangeApplier.h
    sync/apply/ChangeFields.cpp sync/apply/ChangeFields.h
    sync/apply/ChangeOutcome.h
    sync/apply/DeferredMemberSearch.cpp sync/apply/DeferredMemberSearch.h
    sync/apply/MemberChangeApplier.cpp sync/apply/MemberChangeApplier.h
    sync/apply/MemberIndex.cpp sync/apply/MemberIndex.h
    sync/apply/ProgrammeChangeApplier.cpp sync/apply/ProgrammeChangeApplier.h
)
