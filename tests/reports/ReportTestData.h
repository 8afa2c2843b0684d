#pragma once

// A small demo till with a history of sales for the report tests, built through the real demo
// generator and SaleService (DemoHistory) under a fixed clock.
#include "demo/DemoDataGenerator.h"
#include "demo/DemoHistory.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace loyalty::test {

struct ReportTestTill
{
    QTemporaryDir dir;
    FixedClock clock{QDateTime(QDate(2026, 6, 15), QTime(10, 0), Qt::UTC)};
    std::unique_ptr<Database> database;
    DemoHistory::Summary history;

    // Members and history as asked; false (with a QTest failure message) when anything failed.
    bool build(qint64 members, const DemoHistory::Options& options)
    {
        if (!dir.isValid())
            return false;
        auto opened = Database::open(dir.filePath(QStringLiteral("till.db")), clock);
        if (!opened) {
            qWarning("open: %s", qPrintable(opened.error().message));
            return false;
        }
        database = std::move(opened).value();
        if (auto demo = DemoDataGenerator(*database, clock).generate(members); !demo) {
            qWarning("demo: %s", qPrintable(demo.error().message));
            return false;
        }
        auto made = DemoHistory(*database, clock).generate(options);
        if (!made) {
            qWarning("history: %s", qPrintable(made.error().message));
            return false;
        }
        history = *made;
        return true;
    }
};

}  // namespace loyalty::test
