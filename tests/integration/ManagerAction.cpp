// A store manager's action on a till database, through the till's own core classes (Corrections,
// Erasure), for the scenarios: loyalty-ctl has no command for corrections. Usage:
//   manager_action <till database> adjust <card> <points> <reason>
//   manager_action <till database> merge <source card> <target card> <reason>
//   manager_action <till database> unblock <card> <reason>
//   manager_action <till database> erase <card> <reason>
//   manager_action <till database> consent <card> <purpose> <given: 1|0> <text version>
//   manager_action <till database> block <card> <reason>      (a cashier's CardLifecycle::block, to set up an unblock)
// The first run creates the till's first manager ("Integration Manager"), later runs sign in as
// them. Prints a JSON object with what the action did; exit 0 on success, 2 on any failure.
#include "corrections/Corrections.h"
#include "members/CardLifecycle.h"
#include "privacy/ConsentRecorder.h"
#include "privacy/Erasure.h"
#include "settings/TillSettings.h"
#include "staff/StaffDirectory.h"
#include "store/Database.h"
#include "time/SystemClock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <cstdio>

using namespace loyalty;

namespace {
const QString kManager = QStringLiteral("Integration Manager");
const QString kPin = QStringLiteral("246813");

int fail(const QString& message)
{
    std::fprintf(stderr, "manager_action: %s\n", qPrintable(message));
    return 2;
}

std::optional<qint64> memberOfCard(Database& database, const QString& card)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT member_id FROM cards WHERE number = ?"));
    query.bindValue(0, card);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

int print(const QJsonObject& object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    return 0;
}
}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 5)
        return fail(QStringLiteral("usage: manager_action <database> adjust|merge|unblock|erase ARGUMENTS... REASON"));
    const QString action = arguments.at(2);

    const SystemClock clock;
    auto opened = Database::open(arguments.at(1), clock, Database::OpenMode::MustExist);
    if (!opened)
        return fail(opened.error().message);
    Database& database = **opened;
    const auto settings = TillSettings::load(database.connection());
    if (!settings)
        return fail(settings.error().message);
    StaffDirectory staff(database, clock);
    const auto hasStaff = staff.hasStaff();
    if (!hasStaff)
        return fail(hasStaff.error().message);
    const auto session = *hasStaff ? staff.signIn(kManager, kPin) : staff.createFirstManager(kManager, kPin);
    if (!session)
        return fail(session.error().message);

    const auto member = memberOfCard(database, arguments.at(3));
    if (!member)
        return fail(QStringLiteral("no card %1 at this till").arg(arguments.at(3)));
    const QString reason = arguments.back();
    Corrections corrections(database, clock, *settings);
    if (action == QLatin1String("adjust") && arguments.size() == 6) {
        const auto adjusted = corrections.adjustPoints(*session, *member, arguments.at(4).toLongLong(), reason);
        if (!adjusted)
            return fail(adjusted.error().message);
        return print({{QStringLiteral("before"), adjusted->before}, {QStringLiteral("after"), adjusted->after}});
    }
    if (action == QLatin1String("merge") && arguments.size() == 6) {
        const auto target = memberOfCard(database, arguments.at(4));
        if (!target)
            return fail(QStringLiteral("no card %1 at this till").arg(arguments.at(4)));
        const auto merged = corrections.merge(*session, *member, *target, reason);
        if (!merged)
            return fail(merged.error().message);
        return print({{QStringLiteral("points_moved"), merged->pointsMoved},
                      {QStringLiteral("moved_cards"), QJsonArray::fromStringList(merged->movedCards)}});
    }
    if (action == QLatin1String("unblock") && arguments.size() == 5) {
        const auto unblocked = corrections.unblockCard(*session, arguments.at(3), reason);
        if (!unblocked)
            return fail(unblocked.error().message);
        return print({{QStringLiteral("card"), arguments.at(3)}});
    }
    if (action == QLatin1String("consent") && arguments.size() == 7) {
        const auto recorded =
            ConsentRecorder(database, clock, *settings)
                .record(*member, arguments.at(4), arguments.at(5) == QLatin1String("1"), arguments.at(6), *session);
        if (!recorded)
            return fail(recorded.error().message);
        return print({{QStringLiteral("recorded_at"), recorded->recordedAt}});
    }
    if (action == QLatin1String("block") && arguments.size() == 5) {
        if (auto blocked = CardLifecycle(database, clock, *settings).block(arguments.at(3), reason); !blocked)
            return fail(blocked.error().message);
        return print({{QStringLiteral("card"), arguments.at(3)}});
    }
    if (action == QLatin1String("erase") && arguments.size() == 5) {
        const auto erased = Erasure(database, clock, *settings).erase(*session, *member, reason);
        if (!erased)
            return fail(erased.error().message);
        return print({{QStringLiteral("member_uuid"), erased->memberUuid},
                      {QStringLiteral("erased_at"), erased->erasedAt},
                      {QStringLiteral("blocked_cards"), QJsonArray::fromStringList(erased->blockedCards)}});
    }
    return fail(QStringLiteral("unknown action or wrong number of arguments: %1").arg(arguments.mid(2).join(u' ')));
}
