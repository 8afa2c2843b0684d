#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HeadOffice;

// `snapshot`: builds and publishes a till snapshot now (TillSnapshotBuilder), which `serve` hands
// new tills at GET /v1/snapshot.
class SnapshotCommand final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotCommand)

public:
    static Result<HqReport> run(HeadOffice& office);
};

}  // namespace loyalty::hq
