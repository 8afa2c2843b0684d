#pragma once

// Test data for the profile and privacy tests: the account tests' SQL writer plus members with
// contact details, cards and consents, written straight into a migrated till database.
#include "account/AccountTestData.h"
#include "account/ReturnService.h"
#include "program/model/Programme.h"
#include "settings/TillSettings.h"
#include "staff/StaffDirectory.h"

namespace loyalty::test {

class ProfileTestData final
{
public:
    explicit ProfileTestData(const QDateTime& now)
        : m_data(now)
    {
    }
    Q_DISABLE_COPY_MOVE(ProfileTestData)

    AccountTestData& data() { return m_data; }
    FixedClock& clock() { return m_data.clock(); }

    // A second loyalty::Database on the same file, for the classes that take one (AccountTestData
    // keeps its own to itself). Committed writes of either connection are seen by the other.
    Database* database()
    {
        if (!m_database) {
            auto opened = Database::open(db().databaseName(), m_data.clock(), Database::OpenMode::MustExist);
            if (!opened.ok()) {
                qWarning("%s", qPrintable(opened.error().message));
                return nullptr;
            }
            m_database = std::move(opened).value();
        }
        return m_database.get();
    }
    TillSettings settings()
    {
        auto loaded = TillSettings::load(db());
        return loaded.ok() ? loaded.value() : TillSettings{};
    }

    // The till's staff: manager Mara (PIN 2580) and cashier Carl (PIN 7193). A till has one open
    // shift at a time, so `manager` is signed in now and `cashier` holds Carl's earlier, closed
    // shift; signInAs() gives a current session of either.
    bool signInStaff(StaffSession& manager, StaffSession& cashier)
    {
        StaffDirectory staff(*database(), m_data.clock());
        auto first = staff.createFirstManager(QStringLiteral("Mara"), QStringLiteral("2580"));
        if (!first.ok()) {
            qWarning("%s", qPrintable(first.error().message));
            return false;
        }
        if (auto added = staff.add(first.value(), QStringLiteral("Carl"), StaffRole::Cashier, QStringLiteral("7193"));
            !added.ok()) {
            qWarning("%s", qPrintable(added.error().message));
            return false;
        }
        cashier = signInAs(QStringLiteral("Carl"));
        manager = signInAs(QStringLiteral("Mara"));
        return cashier.staffId != 0 && manager.staffId != 0;
    }
    StaffSession signInAs(const QString& name)
    {
        StaffDirectory staff(*database(), m_data.clock());
        auto signedIn = staff.signIn(name, name == u"Mara" ? QStringLiteral("2580") : QStringLiteral("7193"));
        if (!signedIn.ok()) {
            qWarning("%s", qPrintable(signedIn.error().message));
            return {};
        }
        return signedIn.value();
    }

    bool isOpen() const { return m_data.isOpen(); }
    QSqlDatabase db() const { return m_data.db(); }

    qint64 member(const QString& name, const QString& email = {}, const QString& phone = {})
    {
        const qint64 id = m_data.addMember(name, QDate(1980, 4, 1));
        QSqlQuery query(db());
        query.prepare(QStringLiteral("UPDATE members SET email = ?, phone = ? WHERE id = ?"));
        query.bindValue(0, email.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(email));
        query.bindValue(1, phone.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(phone));
        query.bindValue(2, id);
        if (!query.exec())
            qWarning("%s", qPrintable(query.lastError().text()));
        return id;
    }

    void card(qint64 memberId, const QString& number, const QString& state = QStringLiteral("active"),
              const QDateTime& issuedAt = {}, const QString& replacedBy = {})
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("INSERT INTO cards (number, member_id, state, issued_at, kind, replaced_by)"
                                     " VALUES (?, ?, ?, ?, 'number', ?)"));
        query.bindValue(0, number);
        query.bindValue(1, memberId);
        query.bindValue(2, state);
        query.bindValue(3, StoredTime::instant(issuedAt.isValid() ? issuedAt : m_data.clock().now()));
        query.bindValue(4, replacedBy.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(replacedBy));
        if (!query.exec())
            qWarning("%s", qPrintable(query.lastError().text()));
    }

    void consent(qint64 memberId, const QString& purpose, bool given, const QString& version, const QDateTime& at)
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("INSERT INTO consents (member_id, purpose, given, text_version, recorded_at)"
                                     " VALUES (?, ?, ?, ?, ?)"));
        query.bindValue(0, memberId);
        query.bindValue(1, purpose);
        query.bindValue(2, given ? 1 : 0);
        query.bindValue(3, version);
        query.bindValue(4, StoredTime::instant(at));
        if (!query.exec())
            qWarning("%s", qPrintable(query.lastError().text()));
    }

    // The programme of the rich member: spend tiers Bronze/Silver, a coffee stamp card of ten,
    // points expiring 24 months after they are earned, a 60-day warning.
    static Programme programme()
    {
        Programme p;
        p.id = QStringLiteral("test");
        p.currency = QStringLiteral("EUR");
        p.tiers = {{QStringLiteral("bronze"), QStringLiteral("Bronze"), 0, 100, 0},
                   {QStringLiteral("silver"), QStringLiteral("Silver"), 10000, 150, 0}};
        StampCardDefinition coffee;
        coffee.id = QStringLiteral("coffee");
        coffee.name = QStringLiteral("Coffee card");
        coffee.stampsNeeded = 10;
        p.stampCards = {coffee};
        p.expiry.mode = ExpiryPolicy::Mode::AfterMonths;
        p.expiry.months = 24;
        p.expiry.warnDays = 60;
        return p;
    }

    // A member with everything the member page shows, as of `now` (2026-11-20): an opening
    // balance expiring soon, two sales with effects (one partly returned), an adjustment, an
    // expiry, wallet, stamps, a credit, two cards (one replaced) and consents.
    struct RichMember
    {
        qint64 id = 0;
        qint64 firstSale = 0;
        qint64 secondSale = 0;
        qint64 returnId = 0;
        qint64 adjustment = 0;
        qint64 opening = 0;
        qint64 expiry = 0;
    };
    RichMember richMember()
    {
        RichMember rich;
        const QDateTime now = m_data.clock().now();
        rich.id = member(QStringLiteral("Anna Müller"), QStringLiteral("anna.mueller@example.com"),
                         QStringLiteral("+49 170 1234567"));
        card(rich.id, QStringLiteral("2000000000015"), QStringLiteral("replaced"), now.addYears(-2),
             QStringLiteral("2000000000022"));
        card(rich.id, QStringLiteral("2000000000022"), QStringLiteral("active"), now.addYears(-1));
        consent(rich.id, QStringLiteral("programme"), true, QStringLiteral("2026-11-programme-v1"), now.addYears(-2));
        consent(rich.id, QStringLiteral("marketing"), true, QStringLiteral("marketing-v1"), now.addYears(-2));
        consent(rich.id, QStringLiteral("marketing"), false, QStringLiteral("marketing-v1"), now.addMonths(-1));
        rich.opening = m_data.addEntry(rich.id, QStringLiteral("points"), QStringLiteral("opening"), 500,
                                       now.addYears(-2), QStringLiteral("opening"), now.date().addDays(11));
        rich.expiry = m_data.addEntry(rich.id, QStringLiteral("points"), QStringLiteral("earn"), 40, now.addYears(-3),
                                      QStringLiteral("earn.base"), now.date().addDays(-30));
        m_data.addEntry(rich.id, QStringLiteral("points"), QStringLiteral("expire"), -40, now.addDays(-30),
                        QStringLiteral("expiry"));
        rich.expiry = m_data.scalar(QStringLiteral("SELECT max(id) FROM ledger_entries")).toLongLong();
        rich.firstSale = m_data.addSale(rich.id, now.addDays(-20),
                                        {{QStringLiteral("Rye bread"), 3, 900}, {QStringLiteral("Milk"), 2, 240}});
        m_data.addEffect(rich.firstSale, QStringLiteral("earn.base"), QStringLiteral("points_earned"),
                         QStringLiteral("points"), 12, {{1, 9}, {2, 3}}, now.date().addDays(-20).addMonths(24));
        m_data.addEffect(rich.firstSale, QStringLiteral("redeem.points"), QStringLiteral("points_redeemed"),
                         QStringLiteral("points"), 100, {{1, 75}, {2, 25}});
        m_data.addEffect(rich.firstSale, QStringLiteral("stamps.coffee"), QStringLiteral("stamps_earned"),
                         QStringLiteral("stamps:coffee"), 3, {{1, 3}});
        m_data.addEffect(rich.firstSale, QStringLiteral("cashback"), QStringLiteral("wallet_earned"),
                         QStringLiteral("wallet"), 30, {{1, 24}, {2, 6}});
        m_data.addEffect(rich.firstSale, QStringLiteral("promo.bread"), QStringLiteral("discount"), QStringLiteral(""),
                         50, {{1, 50}});
        rich.secondSale = m_data.addSale(rich.id, now.addDays(-5), {{QStringLiteral("Coffee"), 1, 350}});
        m_data.addEffect(rich.secondSale, QStringLiteral("earn.base"), QStringLiteral("points_earned"),
                         QStringLiteral("points"), 3, {{1, 3}}, now.date().addDays(-5).addMonths(24));
        m_data.addEffect(rich.secondSale, QStringLiteral("stamps.coffee"), QStringLiteral("stamps_earned"),
                         QStringLiteral("stamps:coffee"), 1, {{1, 1}});
        rich.adjustment = m_data.addEntry(rich.id, QStringLiteral("points"), QStringLiteral("adjustment"), 25,
                                          now.addDays(-3), QStringLiteral("manager"));
        m_data.addEntry(rich.id, QStringLiteral("credit:sub"), QStringLiteral("earn"), 500, now.addDays(-3));
        m_data.exec(QStringLiteral("INSERT INTO member_segments (member_id, segment) VALUES (%1, 'vip')").arg(rich.id));
        // Two of the three breads come back two days after the first sale.
        m_data.clock().set(now.addDays(-18));
        ReturnService returns(db(), m_data.clock(), m_data.tillId());
        const auto returned = returns.returnLines(rich.firstSale, {{1, 2}}, programme());
        if (!returned.ok())
            qWarning("%s", qPrintable(returned.error().message));
        else
            rich.returnId = returned->returnId;
        m_data.clock().set(now);
        return rich;
    }

private:
    AccountTestData m_data;
    std::unique_ptr<Database> m_database;
};

}  // namespace loyalty::test
