#pragma once

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace loyalty {

class Database;
class MessageStrip;

// The audit log, newest first and read-only, with the chain's verification on top: who did what
// to which (pseudonymous) member, why, before and after. PgDn or the button loads older entries.
class AuditLogPage final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 100;

    explicit AuditLogPage(Database& database, QWidget* parent = nullptr);

    // Reads the newest entries again and verifies the chain.
    void refresh();
    void loadOlder();
    QTableWidget* table() const { return m_table; }
    MessageStrip* verificationStrip() const { return m_verification; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void load();

    Database& m_database;
    MessageStrip* m_verification;
    QTableWidget* m_table;
    QPushButton* m_older;
    qint64 m_oldestSeq = 0;
    bool m_hasMore = false;
};

}  // namespace loyalty
