#include "receipt/ReceiptReader.h"

#include "account/PointsHistory.h"
#include "account/PointsLots.h"
#include "account/StoredTime.h"
#include "account/TierStanding.h"
#include "program/format/ProgrammeParser.h"
#include "program/model/Programme.h"
#include "sale/ActiveProgramme.h"
#include "settings/SettingsRepository.h"
#include "settings/TillSettings.h"
#include "store/StoreError.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace loyalty {

namespace {

const QString kStampsPrefix = QStringLiteral("stamps:");

std::optional<EffectKind> effectKindFrom(const QString& name)
{
    for (const EffectKind kind :
         {EffectKind::PointsEarned, EffectKind::PointsRedeemed, EffectKind::Discount, EffectKind::WalletEarned,
          EffectKind::WalletSpent, EffectKind::CreditEarned, EffectKind::CreditSpent, EffectKind::StampsEarned,
          EffectKind::StampsRedeemed, EffectKind::Membership}) {
        if (effectKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

}  // namespace

ReceiptReader::ReceiptReader(const QSqlDatabase& db, std::optional<DigitalCardIssuer> cardIssuer)
    : m_db(db)
    , m_cardIssuer(std::move(cardIssuer))
{
}

QString ReceiptReader::maskCardNumber(const QString& cardNumber)
{
    const QString number = cardNumber.trimmed();
    // Numbers of four characters or fewer are masked completely: the last four would be all of it.
    if (number.size() <= 4)
        return QStringLiteral("••••");
    return QStringLiteral("•••• •••• ") + number.right(4);
}

Result<ReceiptData> ReceiptReader::read(qint64 saleId) const
{
    QSqlQuery sale(m_db);
    sale.prepare(QStringLiteral("SELECT uuid, till_id, member_id, card_number, currency, total_minor, completed_at,"
                                " discount_minor, coalesce(programme_version, 0) FROM sales WHERE id = ?"));
    sale.bindValue(0, saleId);
    if (!sale.exec())
        return StoreError::from(sale.lastError());
    if (!sale.next()) {
        return Error{Error::Code::NotFound, tr("There is no sale number %1 at this till.").arg(saleId),
                     QStringLiteral("sale")};
    }
    ReceiptData data;
    data.saleId = saleId;
    data.saleUuid = sale.value(0).toString();
    data.tillId = sale.value(1).toString();
    std::optional<qint64> memberId;
    if (!sale.value(2).isNull())
        memberId = sale.value(2).toLongLong();
    const QString cardNumber = sale.value(3).toString();
    data.currency = sale.value(4).toString();
    data.totalMinor = sale.value(5).toLongLong();
    const QString completedAt = sale.value(6).toString();
    data.completedAt = StoredTime::parseInstant(completedAt).toUTC();
    data.discountMinor = sale.value(7).toLongLong();
    const int programmeVersion = sale.value(8).toInt();
    sale.finish();

    if (auto done = readTill(data); !done)
        return done.error();
    if (auto done = readLines(data); !done)
        return done.error();
    if (auto done = readEffects(data); !done)
        return done.error();
    if (memberId) {
        if (auto done = readMember(*memberId, cardNumber, programmeVersion, data); !done)
            return done.error();
    }
    if (auto done = readQr(memberId, data); !done)
        return done.error();
    return data;
}

Result<std::optional<QString>> ReceiptReader::setting(const QString& key) const
{
    return SettingsRepository(m_db).value(key);
}

Result<Done> ReceiptReader::readTill(ReceiptData& data) const
{
    const auto name = setting(TillSettings::kTillName);
    if (!name)
        return name.error();
    data.tillName = name->value_or(QString());
    const auto header = setting(kHeaderKey);
    if (!header)
        return header.error();
    for (const QString& line : header->value_or(QString()).split(u'\n')) {
        if (!line.trimmed().isEmpty())
            data.headerLines.append(line.trimmed());
    }
    // A sale keeps the till id it was made under; the current one only fills in for a damaged row.
    if (data.tillId.isEmpty()) {
        const auto id = setting(TillSettings::kTillId);
        if (!id)
            return id.error();
        data.tillId = id->value_or(QString());
    }
    return Done{};
}

Result<Done> ReceiptReader::readLines(ReceiptData& data) const
{
    QSqlQuery lines(m_db);
    lines.prepare(QStringLiteral("SELECT line_no, name, quantity, unit_price_minor, line_total_minor FROM sale_lines"
                                 " WHERE sale_id = ? ORDER BY line_no"));
    lines.bindValue(0, data.saleId);
    if (!lines.exec())
        return StoreError::from(lines.lastError());
    while (lines.next()) {
        ReceiptSaleLine line;
        line.lineNo = lines.value(0).toInt();
        line.name = lines.value(1).toString();
        line.quantity = lines.value(2).toLongLong();
        line.unitPriceMinor = lines.value(3).toLongLong();
        line.lineTotalMinor = lines.value(4).toLongLong();
        data.subtotalMinor += line.lineTotalMinor;
        data.itemCount += line.quantity;
        data.lines.append(line);
    }
    return Done{};
}

Result<Done> ReceiptReader::readEffects(ReceiptData& data) const
{
    QSqlQuery effects(m_db);
    effects.prepare(QStringLiteral("SELECT rule_id, kind, account, amount, discount_minor, code, explanation"
                                   " FROM sale_effects WHERE sale_id = ? ORDER BY effect_no"));
    effects.bindValue(0, data.saleId);
    if (!effects.exec())
        return StoreError::from(effects.lastError());
    while (effects.next()) {
        const auto kind = effectKindFrom(effects.value(1).toString());
        if (!kind) {
            return Error{Error::Code::Corrupt,
                         tr("Sale %1 has an effect of an unknown kind (%2); its receipt cannot be printed.")
                             .arg(data.saleId)
                             .arg(effects.value(1).toString()),
                         QStringLiteral("effect_kind")};
        }
        ReceiptEffect effect;
        effect.kind = *kind;
        effect.ruleId = effects.value(0).toString();
        effect.account = effects.value(2).toString();
        effect.amount = effects.value(3).toLongLong();
        effect.discountMinor = effects.value(4).toLongLong();
        effect.code = effects.value(5).toString();
        effect.explanation = effects.value(6).toString();
        data.effects.append(effect);
    }
    return Done{};
}

Result<qint64> ReceiptReader::lastLedgerEntryOf(qint64 saleId, qint64 memberId, const QString& completedAt) const
{
    // The sale's own entries are the last ones its transaction wrote; ledger ids only grow, so
    // everything up to them is what the member had right after the sale. A sale that booked nothing
    // ends at the member's last entry made before or at it.
    QSqlQuery own(m_db);
    own.prepare(QStringLiteral("SELECT max(id) FROM ledger_entries WHERE sale_id = ? AND member_id = ?"));
    own.bindValue(0, saleId);
    own.bindValue(1, memberId);
    if (!own.exec() || !own.next())
        return StoreError::from(own.lastError());
    if (!own.value(0).isNull())
        return own.value(0).toLongLong();
    QSqlQuery before(m_db);
    before.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM ledger_entries WHERE member_id = ?"
                                  " AND created_at <= ?"));
    before.bindValue(0, memberId);
    before.bindValue(1, completedAt);
    if (!before.exec() || !before.next())
        return StoreError::from(before.lastError());
    return before.value(0).toLongLong();
}

Result<Programme> ReceiptReader::programmeOf(int version) const
{
    // The programme the sale was made under gives the tier and stamp card names; a sale at the
    // basic earn rate (version 0) has neither.
    if (version > 0) {
        QSqlQuery document(m_db);
        document.prepare(QStringLiteral("SELECT document FROM programmes WHERE version = ?"));
        document.bindValue(0, version);
        if (!document.exec())
            return StoreError::from(document.lastError());
        if (document.next())
            return ProgrammeParser::parse(document.value(0).toByteArray());
    }
    const auto settings = TillSettings::load(m_db);
    if (!settings)
        return settings.error();
    return ActiveProgramme::basic(*settings);
}

Result<Done> ReceiptReader::readMember(qint64 memberId, const QString& cardNumber, int programmeVersion,
                                       ReceiptData& data) const
{
    QSqlQuery row(m_db);
    row.prepare(QStringLiteral("SELECT name FROM members WHERE id = ?"));
    row.bindValue(0, memberId);
    if (!row.exec())
        return StoreError::from(row.lastError());
    ReceiptMember member;
    if (row.next())
        member.name = row.value(0).toString();
    row.finish();
    member.maskedCard = cardNumber.isEmpty() ? QString() : maskCardNumber(cardNumber);

    const QString completedAt = StoredTime::instant(data.completedAt);
    const auto last = lastLedgerEntryOf(data.saleId, memberId, completedAt);
    if (!last)
        return last.error();
    const auto programme = programmeOf(programmeVersion);
    if (!programme)
        return programme.error();

    QSqlQuery balances(m_db);
    balances.prepare(QStringLiteral("SELECT account, sum(points) FROM ledger_entries"
                                    " WHERE member_id = ? AND id <= ? GROUP BY account"));
    balances.bindValue(0, memberId);
    balances.bindValue(1, *last);
    if (!balances.exec())
        return StoreError::from(balances.lastError());
    QHash<QString, qint64> stamps;
    while (balances.next()) {
        const QString account = balances.value(0).toString();
        const qint64 sum = balances.value(1).toLongLong();
        if (account == u"points")
            member.pointsAfter = sum;
        else if (account == u"wallet")
            member.walletAfterMinor = sum;
        else if (account.startsWith(kStampsPrefix))
            stamps.insert(account.mid(kStampsPrefix.size()), sum);
    }
    balances.finish();
    for (const StampCardDefinition& card : programme->stampCards) {
        member.stampCards.append(
            {card.name.isEmpty() ? card.id : card.name, int(stamps.value(card.id)), std::max(1, card.stampsNeeded)});
    }

    PointsHistory history(m_db);
    auto movements = history.movements(memberId);
    if (!movements)
        return movements.error();
    QList<PointsMovement> untilSale;
    for (const PointsMovement& movement : *movements) {
        if (movement.entryId <= *last)
            untilSale.append(movement);
    }
    const ExpiringPoints expiring =
        PointsLots::replay(untilSale).expiringWithin(StoredTime::localDay(data.completedAt), kExpiringDays);
    member.expiringPoints = expiring.points;
    member.expiringOn = expiring.firstOn;

    member.hasTiers = !programme->tiers.isEmpty();
    if (member.hasTiers) {
        TierStanding tiers(m_db);
        const auto progress = tiers.read(memberId, data.completedAt, *programme);
        if (!progress)
            return progress.error();
        member.tier = *progress;
        if (const TierDefinition* held = programme->tier(progress->tierId))
            member.tierName = held->name.isEmpty() ? held->id : held->name;
    }
    data.member = member;
    return Done{};
}

Result<Done> ReceiptReader::readQr(const std::optional<qint64>& memberId, ReceiptData& data) const
{
    QString memberUuid;
    if (memberId) {
        QSqlQuery member(m_db);
        member.prepare(QStringLiteral("SELECT m.uuid, (SELECT c.number FROM cards c WHERE c.member_id = m.id"
                                      " AND c.kind = 'digital' AND c.state = 'active' ORDER BY c.issued_at DESC"
                                      " LIMIT 1) FROM members m WHERE m.id = ?"));
        member.bindValue(0, *memberId);
        if (!member.exec())
            return StoreError::from(member.lastError());
        if (member.next()) {
            memberUuid = member.value(0).toString();
            const QString digitalCard = member.value(1).toString();
            if (m_cardIssuer && !digitalCard.isEmpty()) {
                // Issued at the sale's time, so every print of the receipt carries the same code.
                DigitalCardToken token;
                token.cardId = digitalCard;
                token.issued = QDateTime::fromSecsSinceEpoch(data.completedAt.toSecsSinceEpoch(), Qt::UTC);
                token.expiry = token.issued.addDays(kDigitalCardValidDays);
                auto issued = m_cardIssuer->issue(token);
                if (!issued)
                    return issued.error();
                data.qrKind = ReceiptData::QrKind::DigitalCard;
                data.qrPayload = *issued;
                return Done{};
            }
        }
    }
    const auto url = setting(kQrUrlKey);
    if (!url)
        return url.error();
    const QString pattern = url->value_or(QString()).trimmed();
    if (pattern.isEmpty())
        return Done{};
    QString payload = pattern;
    payload.replace(QStringLiteral("{sale}"), data.saleUuid)
        .replace(QStringLiteral("{member}"), memberUuid)
        .replace(QStringLiteral("{till}"), data.tillId);
    data.qrKind = ReceiptData::QrKind::Survey;
    data.qrPayload = payload;
    return Done{};
}

}  // namespace loyalty
