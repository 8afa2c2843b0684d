// Writes a backlog of real outbox events fast, for the 100,000-event scenario. Usage:
//   backlog_maker <till database> <sales> <members>
// Completes `sales` sales through the till's own SaleSession/SaleService (each one transaction with its
// outbox event, exactly as at the till), spread over the first `members` demo members and over the
// days of the outage that ends now (about 500 sales a day, as a busy till makes them), and prints
// "done N" with the number of sales. Only this helper's connection writes without fsync: the events
// and their effects are the real code path's, only their durability against power loss is given up.
#include "catalog/ProductRepository.h"
#include "demo/DemoDataGenerator.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"
#include "time/SystemClock.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <cstdio>

using namespace loyalty;

namespace {
int fail(const QString& message)
{
    std::fprintf(stderr, "backlog_maker: %s\n", qPrintable(message));
    return 2;
}
}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 4)
        return fail(QStringLiteral("usage: backlog_maker <database> <sales> <members>"));
    const qint64 sales = arguments.at(2).toLongLong();
    const qint64 members = arguments.at(3).toLongLong();
    if (sales < 1 || members < 1)
        return fail(QStringLiteral("sales and members must be positive"));

    const SystemClock clock;
    auto opened = Database::open(arguments.at(1), clock, Database::OpenMode::MustExist);
    if (!opened)
        return fail(opened.error().message);
    Database& database = **opened;
    QSqlQuery pragma(database.connection());
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous = OFF")))
        return fail(QStringLiteral("PRAGMA synchronous failed"));
    const auto settings = TillSettings::load(database.connection());
    if (!settings)
        return fail(settings.error().message);
    const auto products = ProductRepository(database.connection()).list(100000);
    if (!products || products->isEmpty())
        return fail(QStringLiteral("the database holds no products"));

    // The outage's days: a till's sale number of the day is counted among that day's sales, so a
    // hundred thousand sales on one day would be neither realistic nor quick.
    const qint64 outageMs = (sales / 500 + 1) * 86'400'000LL;
    const QDateTime start = clock.now().addMSecs(-outageMs);
    FixedClock saleClock(start);
    SaleSession session(database, saleClock, *settings);
    for (qint64 sale = 0; sale < sales; ++sale) {
        saleClock.set(start.addMSecs(outageMs * sale / sales));
        const qint64 member = 1 + sale % members;
        if (session.scan(DemoDataGenerator::cardNumberFor(member)).kind != ScanOutcome::Kind::MemberAttached)
            return fail(QStringLiteral("card of member %1 refused").arg(member));
        const QString& ean = products->at(int(sale % products->size())).ean;
        if (session.scan(ean, 1 + sale % 3).kind != ScanOutcome::Kind::ProductAdded)
            return fail(QStringLiteral("product %1 refused").arg(ean));
        const auto completed = session.complete();
        if (!completed)
            return fail(completed.error().message);
    }
    std::printf("done %lld\n", static_cast<long long>(sales));
    return 0;
}
