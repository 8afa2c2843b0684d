#pragma once

#include "profile/MemberHistoryItem.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace loyalty {

class Database;
class MessageStrip;

// The member page's History tab: every sale, return and ledger entry, newest first, each sale
// unfolded to the effects it gave. Loads a page at a time (PgDn at the end, or the button).
class MemberHistoryTab final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 50;

    explicit MemberHistoryTab(Database& database, QWidget* parent = nullptr);

    void showMember(qint64 memberId);
    void loadMore();
    QTreeWidget* tree() const { return m_tree; }
    int itemCount() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void load();
    void append(const MemberHistoryItem& item);

    Database& m_database;
    QTreeWidget* m_tree;
    MessageStrip* m_message;
    QPushButton* m_more;
    qint64 m_memberId = 0;
    MemberHistoryCursor m_next;
    bool m_hasMore = false;
};

}  // namespace loyalty
