// Completes sales on a till database until it is killed, for TestSaleKill. Usage:
//   sale_loop <database> <seed>
// Prints "ready" once the first sale is committed; anything else goes to stderr.
#include "catalog/ProductRepository.h"
#include "demo/DemoDataGenerator.h"
#include "members/MemberRepository.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/SystemClock.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace loyalty;

namespace {
int fail(const QString& message)
{
    std::fprintf(stderr, "sale_loop: %s\n", qPrintable(message));
    return 2;
}
}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3)
        return fail(QStringLiteral("usage: sale_loop <database> <seed>"));

    const SystemClock clock;
    auto opened = Database::open(arguments.at(1), clock, Database::OpenMode::MustExist);
    if (!opened)
        return fail(opened.error().message);
    Database& database = **opened;
    const auto settings = TillSettings::load(database.connection());
    if (!settings)
        return fail(settings.error().message);
    const auto members = MemberRepository(database.connection()).count();
    if (!members || *members < 1)
        return fail(QStringLiteral("the database holds no members"));
    const auto products = ProductRepository(database.connection()).list(100000);
    if (!products || products->isEmpty())
        return fail(QStringLiteral("the database holds no products"));

    QRandomGenerator random(arguments.at(2).toUInt());
    SaleSession session(database, clock, *settings);
    for (qint64 sales = 0;; ++sales) {
        const qint64 member = 1 + random.bounded(int(*members));
        if (session.scan(DemoDataGenerator::cardNumberFor(member)).kind != ScanOutcome::Kind::MemberAttached)
            return fail(QStringLiteral("card of member %1 refused").arg(member));
        const int items = random.bounded(2, 5);
        for (int item = 0; item < items; ++item) {
            const QString& ean = products->at(random.bounded(int(products->size()))).ean;
            const qint64 quantity = random.bounded(1, 4);
            if (session.scan(ean, quantity).kind != ScanOutcome::Kind::ProductAdded)
                return fail(QStringLiteral("product %1 refused").arg(ean));
        }
        const auto completed = session.complete();
        if (!completed)
            return fail(completed.error().message);
        if (sales == 0) {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
        }
    }
}
