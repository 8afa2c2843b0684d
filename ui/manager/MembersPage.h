#pragma once

#include "profile/MemberSearchPage.h"

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableView;

namespace loyalty {

class MemberHitModel;
class MemberSearchThread;
class MessageStrip;

// The manager's member search: searches as they type (after a short pause, on the search thread),
// shows the hits page by page, and is driven from the search field: ↑ ↓ pick, PgDn goes on (and
// loads the next page at the end), Enter opens the member.
class MembersPage final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 150;
    static constexpr int kPageSize = 20;

    explicit MembersPage(MemberSearchThread& search, QWidget* parent = nullptr);

    QLineEdit* searchField() const { return m_field; }
    QTableView* resultsView() const { return m_view; }
    MemberHitModel* model() const { return m_model; }
    MessageStrip* messageStrip() const { return m_message; }
    // Runs the pending search now instead of after the pause (a scanned card, or a test).
    void searchNow();
    // True while an answer is awaited.
    bool isSearching() const { return m_pending != 0; }

Q_SIGNALS:
    void memberOpened(qint64 memberId);
    // Every answer that reached the list (for tests and the status text).
    void resultsShown();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void startSearch();
    void loadMore();
    void showPage(quint64 requestId, const MemberSearchPage& page, qint64 cursor);
    void showFailure(quint64 requestId, const QString& message);
    void moveSelection(int delta);
    void openSelected();
    void describe();

    MemberSearchThread& m_search;
    QLineEdit* m_field;
    MessageStrip* m_message;
    QTableView* m_view;
    MemberHitModel* m_model;
    QPushButton* m_moreButton;
    QPushButton* m_openButton;
    QTimer m_debounce;
    quint64 m_pending = 0;
    MemberQueryKind m_kind = MemberQueryKind::Empty;
    bool m_hasMore = false;
    qint64 m_nextCursor = 0;
    QString m_query;
};

}  // namespace loyalty
