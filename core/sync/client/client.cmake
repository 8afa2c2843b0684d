# The till's sync client: signed HTTPS requests, push and pull rounds with backoff, provisioning.
target_sources(loyalty_core PRIVATE
    sync/client/Backoff.cpp sync/client/Backoff.h
    sync/client/CertificatePin.cpp sync/client/CertificatePin.h
    sync/client/MemberAccounts.cpp sync/client/MemberAccounts.h
    sync/client/OutboxQueue.cpp sync/client/OutboxQueue.h
    sync/client/Provisioner.cpp sync/client/Provisioner.h
    sync/client/SnapshotAdoption.cpp sync/client/SnapshotAdoption.h
    sync/client/SnapshotDownload.cpp sync/client/SnapshotDownload.h
    sync/client/SyncClient.cpp sync/client/SyncClient.h
    sync/client/SyncEngine.cpp sync/client/SyncEngine.h
    sync/client/SyncEndpoint.cpp sync/client/SyncEndpoint.h
    sync/client/SyncReply.cpp sync/client/SyncReply.h
    sync/client/SyncRoundReport.h
    sync/client/SyncStatus.h
    sync/client/SyncWorker.cpp sync/client/SyncWorker.h
    sync/client/SyncWorkerThread.cpp sync/client/SyncWorkerThread.h
)
