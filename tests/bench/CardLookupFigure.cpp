#include "CardLookupFigure.h"

#include "BenchData.h"
#include "ProcStatus.h"
#include "TillOnDisk.h"
#include "sale/SaleSession.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlQuery>

#include <random>

namespace loyalty::bench {

namespace {

// The naive till: every member and card in memory before the first scan, as peers do.
QString naiveLoad(const QSqlDatabase& db)
{
    const qint64 rssBefore = ProcStatus::kilobytes(0, QStringLiteral("VmRSS"));
    QElapsedTimer timer;
    timer.start();
    QHash<qint64, QString> names;
    QHash<QString, qint64> cards;
    QSqlQuery members(db);
    members.setForwardOnly(true);
    if (!members.exec(QStringLiteral("SELECT id, name FROM members")))
        return QStringLiteral("naive load failed");
    while (members.next())
        names.insert(members.value(0).toLongLong(), members.value(1).toString());
    QSqlQuery numbers(db);
    numbers.setForwardOnly(true);
    if (!numbers.exec(QStringLiteral("SELECT number, member_id FROM cards")))
        return QStringLiteral("naive load failed");
    while (numbers.next())
        cards.insert(numbers.value(0).toString(), numbers.value(1).toLongLong());
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 rssAfter = ProcStatus::kilobytes(0, QStringLiteral("VmRSS"));
    return QStringLiteral("naive: loading all %1 members and %2 cards into hash tables took %3 s and %4 MB of RSS "
                          "before the first lookup could be answered (names and card numbers only, no balances)")
        .arg(names.size())
        .arg(cards.size())
        .arg(seconds, 0, 'f', 2)
        .arg(double(rssAfter - rssBefore) / 1024.0, 0, 'f', 0);
}

}  // namespace

QString CardLookupFigure::name() const
{
    return QStringLiteral("card_read");
}

QList<FigureResult> CardLookupFigure::run(BenchData& data)
{
    const QString title = QStringLiteral("card read to member and balances ready, in core");
    const auto path = data.tillDatabase();
    if (!path)
        return {FigureResult::failed(name(), title, path.error().message)};
    auto till = TillOnDisk::open(*path);
    if (!till)
        return {FigureResult::failed(name(), title, till.error().message)};
    SaleSession session((*till)->database(), (*till)->clock(), (*till)->settings());
    const qint64 members = data.options().members();
    std::mt19937_64 random(8001);
    SampleSet samples;
    const int warmUp = 50;
    for (int i = 0; i < warmUp + data.options().iterations(); ++i) {
        const qint64 member = 1 + qint64(random() % quint64(members));
        const QString card = (member % data.options().extraCardEvery() == 0 && i % 2 == 1)
                                 ? BenchData::secondCardOf(member)
                                 : BenchData::cardOf(member);
        QElapsedTimer timer;
        timer.start();
        const ScanOutcome outcome = session.scan(card, 1, CardSource::KeyboardWedge);
        const bool ready = outcome.kind == ScanOutcome::Kind::MemberAttached && session.standing().has_value() &&
                           session.memberBalance().has_value();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!ready)
            return {FigureResult::failed(name(), title, QStringLiteral("card %1: %2").arg(card, outcome.message))};
        if (i >= warmUp)
            samples.add(ms);
        session.voidSale();
    }
    FigureResult result = FigureResult::of(name(), title, QStringLiteral("ms"), samples);
    result.target = QStringLiteral("p99 <= 1 ms");
    result.met = result.p99 <= 1.0;
    result.how = QStringLiteral("SaleSession::scan(card) on the %1-member database (ScanDecoder, MemberRepository::"
                                "findByCard, MemberStandingReader, ProgrammeEngine on the empty basket) until the "
                                "member, standing and balance are set; random members (seed 8001), half of the "
                                "members with two cards scanned by the second; %2 warm-up scans not counted")
                     .arg(members)
                     .arg(warmUp);
    result.comparison = naiveLoad((*till)->database().connection());
    return {result};
}

}  // namespace loyalty::bench
