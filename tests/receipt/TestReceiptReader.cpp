// ReceiptReader on a real demo till: a sale with a member reads back with its lines, its effects and
// their reasons, the member's balances right after it (unchanged by later sales), points expiring soon,
// the tier, a masked card, and the QR payload; a sale without member gets the plain receipt.
#include "ReceiptFixture.h"
#include "account/TierProgressText.h"
#include "account/TierStanding.h"
#include "cards/digital/DigitalCardQr.h"
#include "cards/digital/DigitalCardToken.h"
#include "cards/digital/Ed25519.h"
#include "ledger/LedgerRepository.h"
#include "money/MoneyFormatter.h"
#include "program/format/ProgrammeStore.h"
#include "receipt/EscPosEncoder.h"
#include "receipt/ReceiptComposer.h"
#include "receipt/ReceiptLayout.h"
#include "receipt/ReceiptReader.h"
#include "receipt/ReceiptSource.h"

#include <QTest>

using namespace loyalty;
using namespace loyalty::test;

namespace {

template <typename T>
QString errorOf(const Result<T>& result)
{
    return result.ok() ? QString() : result.error().message;
}

QString allText(const Receipt& receipt)
{
    QStringList parts;
    for (const ReceiptLine& line : receipt.lines)
        parts << line.text << line.amount;
    return parts.join(u'\n');
}

}  // namespace

class TestReceiptReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void saleWithMemberReadsItsLinesAndEffects();
    void balancesAreThoseRightAfterTheSale();
    void laterSalesDoNotChangeTheReceipt();
    void cardIsMaskedEverywhere();
    void composedReceiptShowsTheLoyaltyPart();
    void pointsExpiringWithinThirtyDays();
    void tierAndTheWayToTheNextOne();
    void saleWithoutMemberInvitesToJoin();
    void surveyQrFromTheSettings();
    void digitalCardQrWhenTheTillCanSignOne();
    void copyIsMarked();
    void unknownSaleIsNotFound();

private:
    std::unique_ptr<ReceiptFixture> m_till;
    QString m_card;
    qint64 m_member = 3;
};

void TestReceiptReader::init()
{
    m_till = std::make_unique<ReceiptFixture>();
    const QString problem = m_till->open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_card = DemoDataGenerator::cardNumberFor(m_member);
}

void TestReceiptReader::cleanup()
{
    m_till.reset();
}

void TestReceiptReader::saleWithMemberReadsItsLinesAndEffects()
{
    const auto sale = m_till->sell(m_card, {ReceiptFixture::kBread, ReceiptFixture::kBread, ReceiptFixture::kEspresso});
    QVERIFY2(sale.ok(), qPrintable(errorOf(sale)));
    const auto data = ReceiptReader(m_till->db()).read(sale->saleId);
    QVERIFY2(data.ok(), qPrintable(errorOf(data)));

    QCOMPARE(data->saleId, sale->saleId);
    QCOMPARE(data->saleUuid, sale->saleUuid);
    QCOMPARE(data->tillId, m_till->settings().tillId);
    QCOMPARE(data->tillName, m_till->settings().tillName);
    QCOMPARE(data->completedAt, m_till->clock().now());
    QCOMPARE(data->currency, sale->total.currency());
    QCOMPARE(data->totalMinor, sale->total.minorUnits());
    QCOMPARE(data->itemCount, 3);
    QCOMPARE(data->lines.size(), 2);  // the second scan of the bread counts up its line
    QCOMPARE(data->lines.at(0).quantity, 2);
    QCOMPARE(data->lines.at(0).lineTotalMinor, 2 * data->lines.at(0).unitPriceMinor);
    QCOMPARE(data->lines.at(1).quantity, 1);
    QCOMPARE(data->subtotalMinor - data->discountMinor, data->totalMinor);

    // Every effect the sale screen showed, in its order, with the same reason.
    QCOMPARE(data->effects.size(), sale->effects.effects.size());
    QVERIFY(data->effects.size() >= 2);
    for (qsizetype i = 0; i < data->effects.size(); ++i) {
        const Effect& shown = sale->effects.effects.at(i);
        const ReceiptEffect& read = data->effects.at(i);
        QCOMPARE(read.kind, shown.kind);
        QCOMPARE(read.ruleId, shown.ruleId);
        QCOMPARE(read.amount, shown.amount);
        QCOMPARE(read.explanation, shown.explanation);
        QVERIFY(!read.explanation.isEmpty());
    }
    QVERIFY(data->member.has_value());
    QCOMPARE(data->member->name, sale->memberName);
}

void TestReceiptReader::balancesAreThoseRightAfterTheSale()
{
    const auto sale = m_till->sell(m_card, {ReceiptFixture::kBread, ReceiptFixture::kCoffee});
    QVERIFY2(sale.ok(), qPrintable(errorOf(sale)));
    const auto data = ReceiptReader(m_till->db()).read(sale->saleId);
    QVERIFY2(data.ok(), qPrintable(errorOf(data)));
    QVERIFY(sale->newBalance.has_value());
    QCOMPARE(data->member->pointsAfter, *sale->newBalance);
    QCOMPARE(data->member->walletAfterMinor, sale->newWalletMinor);
    const qint64 stamps = m_till
                              ->scalar(QStringLiteral("SELECT coalesce(sum(points), 0) FROM ledger_entries"
                                                      " WHERE member_id = ? AND account = 'stamps:coffee'"),
                                       {m_member})
                              .toLongLong();
    QVERIFY(stamps > 0);
    bool coffeeCard = false;
    for (const ReceiptStampCard& card : data->member->stampCards) {
        if (card.name == u"Coffee card") {
            coffeeCard = true;
            QCOMPARE(card.stamps, int(stamps));
            QCOMPARE(card.needed, 10);
        }
    }
    QVERIFY(coffeeCard);
}

void TestReceiptReader::laterSalesDoNotChangeTheReceipt()
{
    const auto first = m_till->sell(m_card, {ReceiptFixture::kBread, ReceiptFixture::kCoffee});
    QVERIFY2(first.ok(), qPrintable(errorOf(first)));
    const ReceiptSource source(m_till->db());
    const auto before = source.receiptFor(first->saleId, false);
    QVERIFY2(before.ok(), qPrintable(errorOf(before)));
    const auto dataBefore = ReceiptReader(m_till->db()).read(first->saleId);
    QVERIFY(dataBefore.ok());

    // A week of further sales for the same member, and one booked straight to the ledger.
    for (int i = 0; i < 3; ++i) {
        m_till->clock().advanceSeconds(2 * 24 * 3600);
        const auto later = m_till->sell(m_card, {ReceiptFixture::kEspresso, ReceiptFixture::kCoffee});
        QVERIFY2(later.ok(), qPrintable(errorOf(later)));
        QVERIFY(*later->newBalance > *first->newBalance);
    }
    LedgerEntry bonus;
    bonus.memberId = m_member;
    bonus.kind = QStringLiteral("earn");
    bonus.points = 500;
    bonus.reason = QStringLiteral("test.bonus");
    bonus.createdAt = m_till->clock().nowIso();
    QVERIFY(LedgerRepository(m_till->db()).append(bonus).ok());

    const auto dataAfter = ReceiptReader(m_till->db()).read(first->saleId);
    QVERIFY2(dataAfter.ok(), qPrintable(errorOf(dataAfter)));
    QCOMPARE(dataAfter->member->pointsAfter, *first->newBalance);
    QCOMPARE(dataAfter->member->pointsAfter, dataBefore->member->pointsAfter);
    QCOMPARE(dataAfter->member->stampCards.at(0).stamps, dataBefore->member->stampCards.at(0).stamps);
    QCOMPARE(dataAfter->member->tier.neededForNext, dataBefore->member->tier.neededForNext);
    const auto after = source.receiptFor(first->saleId, false);
    QVERIFY(after.ok());
    QCOMPARE(ReceiptLayout::plainText(*after, 48), ReceiptLayout::plainText(*before, 48));
    QCOMPARE(EscPosEncoder().encode(*after, 80), EscPosEncoder().encode(*before, 80));
}

void TestReceiptReader::cardIsMaskedEverywhere()
{
    const auto sale = m_till->sell(m_card, {ReceiptFixture::kBread});
    QVERIFY2(sale.ok(), qPrintable(errorOf(sale)));
    QVERIFY(m_card.size() == 13);
    const auto data = ReceiptReader(m_till->db()).read(sale->saleId);
    QVERIFY(data.ok());
    QCOMPARE(data->member->maskedCard, QStringLiteral("•••• •••• ") + m_card.right(4));
    QCOMPARE(ReceiptReader::maskCardNumber(QStringLiteral("1234")), QStringLiteral("••••"));

    const auto receipt = ReceiptSource(m_till->db()).receiptFor(sale->saleId, true);
    QVERIFY(receipt.ok());
    const QString text = ReceiptLayout::plainText(*receipt, 48) + ReceiptLayout::plainText(*receipt, 32);
    QVERIFY(text.contains(m_card.right(4)));
    // Neither the whole number nor the part before the last four digits, in any form.
    for (const QString& secret : {m_card, m_card.left(9), m_card.mid(4, 5)}) {
        QVERIFY2(!text.contains(secret), qPrintable(secret));
        QVERIFY(!EscPosEncoder().encode(*receipt, 58).contains(secret.toLatin1()));
        QVERIFY(!EscPosEncoder().encode(*receipt, 80).contains(secret.toLatin1()));
    }
}

void TestReceiptReader::composedReceiptShowsTheLoyaltyPart()
{
    const auto sale = m_till->sell(m_card, {ReceiptFixture::kBread, ReceiptFixture::kEspresso});
    QVERIFY2(sale.ok(), qPrintable(errorOf(sale)));
    const auto data = ReceiptReader(m_till->db()).read(sale->saleId);
    QVERIFY(data.ok());
    const ReceiptComposer composer;
    const Receipt receipt = composer.compose(*data, false);
    QCOMPARE(receipt.saleId, sale->saleId);
    QCOMPARE(receipt.saleUuid, sale->saleUuid);
    QVERIFY(!receipt.copy);
    const QString text = allText(receipt);
    QVERIFY(text.contains(data->member->name));
    QVERIFY(text.contains(data->member->maskedCard));
    for (const ReceiptEffect& effect : data->effects) {
        QVERIFY2(text.contains(effect.explanation), qPrintable(effect.explanation));
        QVERIFY(text.contains(composer.effectAmount(effect, data->currency)));
    }
    for (const Effect& effect : sale->effects.effects) {
        if (effect.kind == EffectKind::PointsEarned)
            QVERIFY(text.contains(QStringLiteral("+%1 P").arg(effect.amount)));
    }
    QVERIFY(text.contains(QStringLiteral("%1 P").arg(QLocale().toString(*sale->newBalance))));
    QVERIFY(!text.contains(QStringLiteral("COPY")));
    // Every line of the sale and the total.
    for (const ReceiptSaleLine& line : data->lines)
        QVERIFY(text.contains(line.name));
    bool total = false;
    for (const ReceiptLine& line : receipt.lines) {
        if (line.kind == ReceiptLine::Kind::Amount && line.text == u"TOTAL") {
            total = true;
            QCOMPARE(line.amount, MoneyFormatter().format(sale->total));
            QVERIFY(line.bold && line.large);
        }
    }
    QVERIFY(total);
}

void TestReceiptReader::pointsExpiringWithinThirtyDays()
{
    // Two older lots: one gone 10 days after the sale, one 40 days after (not "soon").
    const QDate saleDay = m_till->clock().now().addSecs(3600).toLocalTime().date();
    for (const auto& [points, days] : {std::pair<qint64, int>{70, 10}, std::pair<qint64, int>{90, 40}}) {
        LedgerEntry lot;
        lot.memberId = m_member;
        lot.kind = QStringLiteral("earn");
        lot.points = points;
        lot.reason = QStringLiteral("test.lot");
        lot.createdAt = m_till->clock().nowIso();
        lot.expiresOn = saleDay.addDays(days).toString(Qt::ISODate);
        QVERIFY(LedgerRepository(m_till->db()).append(lot).ok());
    }
    const auto sale = m_till->sell(m_card, {ReceiptFixture::kBread});
    QVERIFY2(sale.ok(), qPrintable(errorOf(sale)));
    const auto data = ReceiptReader(m_till->db()).read(sale->saleId);
    QVERIFY(data.ok());
    QCOMPARE(data->member->expiringPoints, 70);
    QCOMPARE(data->member->expiringOn, saleDay.addDays(10));
    const QString text = allText(ReceiptComposer().compose(*data, false));
    QVERIFY2(text.contains(QStringLiteral("70 point(s) expire on")), qPrintable(text));

    // Read again 20 days later: still what was expiring as of the sale.
    m_till->clock().advanceSeconds(20 * 24 * 3600);
    const auto later = ReceiptReader(m_till->db()).read(sale->saleId);
    QVERIFY(later.ok());
    QCOMPARE(later->member->expiringPoints, 70);
}

void TestReceiptReader::tierAndTheWayToTheNextOne()
{
    const auto sale = m_till->sell(m_card, {ReceiptFixture::kBread, ReceiptFixture::kEspresso});
    QVERIFY2(sale.ok(), qPrintable(errorOf(sale)));
    const auto data = ReceiptReader(m_till->db()).read(sale->saleId);
    QVERIFY(data.ok());
    const ReceiptMember& member = *data->member;
    QVERIFY(member.hasTiers);
    QVERIFY(!member.tierName.isEmpty());
    QVERIFY(!member.tier.nextTierName.isEmpty());
    QVERIFY(member.tier.neededForNext > 0);
    const qint64 threshold = member.tier.nextTierId == u"silver" ? 50000 : 150000;
    QCOMPARE(member.tier.neededForNext, threshold - member.tier.qualifyingValue);
    // This sale's spend counts: the value right before it plus what the sale made eligible.
    const auto programme = ProgrammeStore(m_till->db()).active();
    QVERIFY(programme.ok());
    const auto before = TierStanding(m_till->db()).read(m_member, data->completedAt.addMSecs(-1), *programme);
    QVERIFY(before.ok());
    const qint64 eligible =
        m_till->scalar(QStringLiteral("SELECT eligible_minor FROM sales WHERE id = ?"), {sale->saleId}).toLongLong();
    QVERIFY(eligible > 0);
    QCOMPARE(member.tier.qualifyingValue, before->qualifyingValue + eligible);
    const QString next = TierProgressText::toNextTier(member.tier, data->currency);
    QVERIFY(next.endsWith(QStringLiteral(" to ") + member.tier.nextTierName));
    const QString text = allText(ReceiptComposer().compose(*data, false));
    QVERIFY2(text.contains(QStringLiteral("Tier %1 · %2").arg(member.tierName, next)), qPrintable(text));
}

void TestReceiptReader::saleWithoutMemberInvitesToJoin()
{
    const auto sale = m_till->sell(QString(), {ReceiptFixture::kBread, ReceiptFixture::kSecond});
    QVERIFY2(sale.ok(), qPrintable(errorOf(sale)));
    const auto data = ReceiptReader(m_till->db()).read(sale->saleId);
    QVERIFY2(data.ok(), qPrintable(errorOf(data)));
    QVERIFY(!data->member.has_value());
    QCOMPARE(data->qrKind, ReceiptData::QrKind::None);
    QCOMPARE(data->totalMinor, sale->total.minorUnits());
    const Receipt receipt = ReceiptComposer().compose(*data, false);
    const QString text = allText(receipt);
    QVERIFY(text.contains(QStringLiteral("Not a member yet?")));
    QVERIFY(!text.contains(QStringLiteral("LOYALTY")));
    for (const ReceiptLine& line : receipt.lines)
        QVERIFY(line.kind != ReceiptLine::Kind::Qr);
}

void TestReceiptReader::surveyQrFromTheSettings()
{
    QCOMPARE(m_till->setSetting(ReceiptReader::kQrUrlKey,
                                QStringLiteral("https://shop.example/feedback?sale={sale}&m={member}&t={till}")),
             QString());
    const auto withMember = m_till->sell(m_card, {ReceiptFixture::kBread});
    const auto without = m_till->sell(QString(), {ReceiptFixture::kBread});
    QVERIFY(withMember.ok() && without.ok());
    const QString memberUuid =
        m_till->scalar(QStringLiteral("SELECT uuid FROM members WHERE id = ?"), {m_member}).toString();
    const auto data = ReceiptReader(m_till->db()).read(withMember->saleId);
    QVERIFY(data.ok());
    QCOMPARE(data->qrKind, ReceiptData::QrKind::Survey);
    QCOMPARE(data->qrPayload, QStringLiteral("https://shop.example/feedback?sale=%1&m=%2&t=%3")
                                  .arg(withMember->saleUuid, memberUuid, m_till->settings().tillId));
    const auto plain = ReceiptReader(m_till->db()).read(without->saleId);
    QVERIFY(plain.ok());
    QCOMPARE(plain->qrKind, ReceiptData::QrKind::Survey);
    QCOMPARE(plain->qrPayload, QStringLiteral("https://shop.example/feedback?sale=%1&m=&t=%2")
                                   .arg(without->saleUuid, m_till->settings().tillId));
    const Receipt receipt = ReceiptComposer().compose(*plain, false);
    bool qr = false;
    for (const ReceiptLine& line : receipt.lines)
        qr = qr || (line.kind == ReceiptLine::Kind::Qr && line.text == plain->qrPayload);
    QVERIFY(qr);

    // An empty key means no QR code.
    QCOMPARE(m_till->setSetting(ReceiptReader::kQrUrlKey, QStringLiteral(" ")), QString());
    QCOMPARE(ReceiptReader(m_till->db()).read(without->saleId)->qrKind, ReceiptData::QrKind::None);
}

void TestReceiptReader::digitalCardQrWhenTheTillCanSignOne()
{
    QCOMPARE(m_till->exec(QStringLiteral("INSERT INTO cards (number, member_id, state, issued_at, kind)"
                                         " VALUES ('APP-0003-XYZ', ?, 'active', ?, 'digital')"),
                          {m_member, m_till->clock().nowIso()}),
             QString());
    QCOMPARE(m_till->setSetting(ReceiptReader::kQrUrlKey, QStringLiteral("https://shop.example/f/{sale}")), QString());
    const auto sale = m_till->sell(m_card, {ReceiptFixture::kBread});
    QVERIFY2(sale.ok(), qPrintable(errorOf(sale)));

    // Without head office's key (every ordinary till) the survey code stands in.
    QCOMPARE(ReceiptReader(m_till->db()).read(sale->saleId)->qrKind, ReceiptData::QrKind::Survey);

    const auto keys = Ed25519::generate();
    QVERIFY(keys.ok());
    const ReceiptReader reader(m_till->db(), DigitalCardIssuer(7, keys->secretKey));
    const auto data = reader.read(sale->saleId);
    QVERIFY2(data.ok(), qPrintable(errorOf(data)));
    QCOMPARE(data->qrKind, ReceiptData::QrKind::DigitalCard);
    const auto qr = DigitalCardQr::parse(data->qrPayload);
    QVERIFY(qr.has_value());
    QVERIFY(Ed25519::verify(keys->publicKey, DigitalCardToken::signedMessage(qr->payload), qr->signature));
    const auto token = DigitalCardToken::decodePayload(qr->payload);
    QVERIFY(token.has_value());
    QCOMPARE(token->cardId, QStringLiteral("APP-0003-XYZ"));
    QCOMPARE(token->keyId, 7);
    QCOMPARE(token->issued, QDateTime::fromSecsSinceEpoch(m_till->clock().now().toSecsSinceEpoch(), Qt::UTC));
    // A reprint carries the very same code.
    QCOMPARE(reader.read(sale->saleId)->qrPayload, data->qrPayload);
}

void TestReceiptReader::copyIsMarked()
{
    const auto sale = m_till->sell(m_card, {ReceiptFixture::kBread});
    QVERIFY(sale.ok());
    const auto copy = ReceiptSource(m_till->db()).receiptFor(sale->saleId, true);
    QVERIFY(copy.ok());
    QVERIFY(copy->copy);
    QCOMPARE(copy->lines.first().text, QStringLiteral("COPY"));
    QVERIFY(copy->lines.first().large);
    QVERIFY(allText(*copy).contains(QStringLiteral("Reprint")));
}

void TestReceiptReader::unknownSaleIsNotFound()
{
    const auto data = ReceiptReader(m_till->db()).read(4711);
    QVERIFY(!data.ok());
    QCOMPARE(data.error().code, Error::Code::NotFound);
    QVERIFY(data.error().message.contains(QStringLiteral("4711")));
    QVERIFY(!ReceiptSource(m_till->db()).receiptFor(4711, false).ok());
}

QTEST_GUILESS_MAIN(TestReceiptReader)
#include "TestReceiptReader.moc"
