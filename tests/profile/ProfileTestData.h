#pragma once

// Test data for the profile and privacy tests: the account tests' SQL writer plus members with
// contact details, cards and consents, written straight into a migrated till database.
#include "account/AccountTestData.h"

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

private:
    AccountTestData m_data;
};

}  // namespace loyalty::test
