#pragma once

#include "demo/DemoDataGenerator.h"
#include "manager/TillShell.h"
#include "members/CardLifecycle.h"
#include "members/Enrolment.h"
#include "sale/SaleSession.h"
#include "sale/SaleWindow.h"
#include "settings/TillSettings.h"
#include "staff/StaffDirectory.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace loyalty {

// The real till as main.cpp builds it (sale screen inside the shell) on a demo database in a
// temporary directory, for the manager screen tests.
struct ManagerTestTill
{
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    FixedClock clock{QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC)};
    std::unique_ptr<Database> database;
    std::optional<TillSettings> settings;
    std::unique_ptr<SaleSession> session;
    std::unique_ptr<Enrolment> enrolment;
    std::unique_ptr<CardLifecycle> cards;
    std::unique_ptr<StaffDirectory> staff;
    std::unique_ptr<TillShell> shell;

    // False (with a QTest failure) when the database could not be made.
    bool create(qint64 members)
    {
        if (!dir->isValid())
            return false;
        auto opened = Database::open(dir->filePath(QStringLiteral("till.db")), clock);
        if (!opened) {
            qWarning("%s", qPrintable(opened.error().message));
            return false;
        }
        database = std::move(opened).value();
        if (!DemoDataGenerator(*database, clock).generate(members).ok())
            return false;
        auto loaded = TillSettings::load(database->connection());
        if (!loaded)
            return false;
        settings = *loaded;
        session = std::make_unique<SaleSession>(*database, clock, *settings);
        enrolment = std::make_unique<Enrolment>(*database, clock, *settings);
        cards = std::make_unique<CardLifecycle>(*database, clock, *settings);
        staff = std::make_unique<StaffDirectory>(*database, clock);
        return true;
    }

    void startShell()
    {
        auto* sale = new SaleWindow(*session, *enrolment, *cards);
        sale->enableReturns(*database, clock);
        shell = std::make_unique<TillShell>(sale, *database, clock, *settings, *staff);
        shell->resize(1366, 768);
        shell->start();
        shell->show();
        QVERIFY(QTest::qWaitForWindowExposed(shell.get()));
        shell->activateWindow();
    }

    void stop()
    {
        shell.reset();
        staff.reset();
        cards.reset();
        enrolment.reset();
        session.reset();
        database.reset();
        dir.reset();
    }

    SaleWindow* sale() const { return shell->saleWindow(); }

    // Types into the focused widget the way a person does (no timestamps: the wedge lets it through).
    static void type(const QString& text)
    {
        QWidget* focus = QApplication::focusWidget();
        QVERIFY2(focus, "nothing has the keyboard");
        QTest::keyClicks(focus, text);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    }

    static void press(Qt::Key key)
    {
        QWidget* focus = QApplication::focusWidget();
        QVERIFY2(focus, "nothing has the keyboard");
        QTest::keyClick(focus, key);
    }
};

}  // namespace loyalty
