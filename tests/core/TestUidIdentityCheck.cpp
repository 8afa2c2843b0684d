// A card read from a bare NFC tag UID can be copied, so spending points or wallet with it needs the
// cashier to confirm the date of birth: complete() refuses until then and writes nothing; a wrong
// or missing date is refused; cards read by their number are not asked; the till's limit
// (cards.uid_check_above_minor) lets small redemptions through.
#include "CoreTestSupport.h"
#include "cards/CardRead.h"
#include "demo/DemoDataGenerator.h"
#include "sale/SaleSession.h"
#include "settings/SettingsRepository.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;
using namespace loyalty::test;

namespace {
constexpr qint64 kMember = 7;
const QDate kBirthDate(1984, 5, 17);
}  // namespace

class TestUidIdentityCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void redeemingWithATagNeedsTheDateOfBirth();
    void aWrongDateIsRefused();
    void aMemberWithoutDateOfBirthCannotRedeemWithATag();
    void aPrintedCardIsNotAsked();
    void smallRedemptionsPassUnderTheLimit();

private:
    std::unique_ptr<SaleSession> session(qint64 limitMinor = 0);
    void startSale(SaleSession& sale, CardRead::Kind kind);
    qint64 salesCount() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
};

void TestUidIdentityCheck::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    m_database = std::move(opened).value();
    QVERIFY(DemoDataGenerator(*m_database, *m_clock).generate(20).ok());
    const RawConnection raw(m_database->path());
    QCOMPARE(raw.exec(QStringLiteral("UPDATE members SET birth_date = '1984-05-17' WHERE id = %1").arg(kMember)),
             QString());
}

void TestUidIdentityCheck::cleanup()
{
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

std::unique_ptr<SaleSession> TestUidIdentityCheck::session(qint64 limitMinor)
{
    const auto loaded = TillSettings::load(m_database->connection());
    if (!loaded)
        return nullptr;
    TillSettings settings = *loaded;
    settings.uidCheckAboveMinor = limitMinor;
    return std::make_unique<SaleSession>(*m_database, *m_clock, settings);
}

void TestUidIdentityCheck::startSale(SaleSession& sale, CardRead::Kind kind)
{
    CardRead read;
    read.kind = kind;
    read.identifier = DemoDataGenerator::cardNumberFor(kMember);
    QCOMPARE(sale.accept(read).kind, ScanOutcome::Kind::MemberAttached);
    QCOMPARE(sale.scan(DemoDataGenerator::productEanFor(3), 5).kind, ScanOutcome::Kind::ProductAdded);
    QCOMPARE(sale.scan(DemoDataGenerator::productEanFor(4), 5).kind, ScanOutcome::Kind::ProductAdded);
    sale.setRedeemPoints(500);
    QVERIFY2(sale.effects().pointsRedeemed() == 500, qPrintable(sale.effects().notices.join(u'|')));
}

qint64 TestUidIdentityCheck::salesCount() const
{
    return RawConnection(m_database->path()).scalar(QStringLiteral("SELECT count(*) FROM sales")).toLongLong();
}

void TestUidIdentityCheck::redeemingWithATagNeedsTheDateOfBirth()
{
    auto sale = session();
    QVERIFY(sale);
    startSale(*sale, CardRead::Kind::NfcUid);
    QVERIFY(sale->identityCheckNeeded());
    const auto refused = sale->complete();
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().reason, QStringLiteral("identity-check"));
    QCOMPARE(salesCount(), 0);

    QVERIFY(sale->confirmIdentity(kBirthDate).ok());
    QVERIFY(!sale->identityCheckNeeded());
    const auto completed = sale->complete();
    QVERIFY2(completed.ok(), qPrintable(errorText(completed)));
    QCOMPARE(completed->effects.pointsRedeemed(), 500);
    QCOMPARE(salesCount(), 1);
}

void TestUidIdentityCheck::aWrongDateIsRefused()
{
    auto sale = session();
    QVERIFY(sale);
    startSale(*sale, CardRead::Kind::NfcUid);
    QVERIFY(!sale->confirmIdentity(kBirthDate.addDays(1)).ok());
    QVERIFY(sale->identityCheckNeeded());
    QVERIFY(!sale->complete().ok());
    QCOMPARE(salesCount(), 0);
    // Without redemption the sale goes through: only spending loyalty value is guarded.
    sale->clearRequests();
    QVERIFY(!sale->identityCheckNeeded());
    QVERIFY(sale->complete().ok());
}

void TestUidIdentityCheck::aMemberWithoutDateOfBirthCannotRedeemWithATag()
{
    const RawConnection raw(m_database->path());
    QCOMPARE(raw.exec(QStringLiteral("UPDATE members SET birth_date = NULL WHERE id = %1").arg(kMember)), QString());
    auto sale = session();
    QVERIFY(sale);
    startSale(*sale, CardRead::Kind::NfcUid);
    const auto confirmed = sale->confirmIdentity(kBirthDate);
    QVERIFY(!confirmed.ok());
    QVERIFY(confirmed.error().message.contains(QStringLiteral("printed card")));
    QVERIFY(sale->identityCheckNeeded());
}

void TestUidIdentityCheck::aPrintedCardIsNotAsked()
{
    auto sale = session();
    QVERIFY(sale);
    startSale(*sale, CardRead::Kind::LoyaltyNumber);
    QVERIFY(!sale->identityCheckNeeded());
    QVERIFY(sale->complete().ok());
}

void TestUidIdentityCheck::smallRedemptionsPassUnderTheLimit()
{
    auto sale = session(1000);  // 500 points are worth 5,00 €: below 10,00 €
    QVERIFY(sale);
    startSale(*sale, CardRead::Kind::NfcUid);
    QVERIFY(!sale->identityCheckNeeded());
    QVERIFY(sale->complete().ok());
}

QTEST_GUILESS_MAIN(TestUidIdentityCheck)
#include "TestUidIdentityCheck.moc"
