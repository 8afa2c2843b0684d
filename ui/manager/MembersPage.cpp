#include "manager/MembersPage.h"

#include "manager/MemberHitModel.h"
#include "profile/MemberSearchThread.h"
#include "sale/MessageStrip.h"
#include "style/TillStyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace loyalty {

MembersPage::MembersPage(MemberSearchThread& search, QWidget* parent)
    : QWidget(parent)
    , m_search(search)
    , m_field(new QLineEdit(this))
    , m_message(new MessageStrip(this))
    , m_view(new QTableView(this))
    , m_model(new MemberHitModel(this))
    , m_moreButton(new QPushButton(tr("More\nPgDn"), this))
    , m_openButton(new QPushButton(tr("Open member\nEnter"), this))
{
    setObjectName(QStringLiteral("membersPage"));
    m_field->setObjectName(QStringLiteral("memberSearchLineEdit"));
    m_field->setAccessibleName(tr("Member search"));
    m_field->setPlaceholderText(tr("Card number, name, phone or e-mail"));
    m_field->setMinimumHeight(48);
    m_field->installEventFilter(this);
    TillStyle::setRelativeFont(m_field, 1.3);

    m_view->setObjectName(QStringLiteral("memberResultsTableView"));
    m_view->setAccessibleName(tr("Members found"));
    m_view->setModel(m_model);
    TillStyle::setRelativeFont(m_view, 1.3);
    m_view->setFocusPolicy(Qt::NoFocus);  // the search field keeps the keyboard
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(44);
    m_view->horizontalHeader()->setSectionResizeMode(MemberHitModel::NameColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setMinimumSectionSize(120);
    m_view->horizontalHeader()->setDefaultSectionSize(200);
    connect(m_view, &QTableView::doubleClicked, this, &MembersPage::openSelected);

    for (QPushButton* button : {m_moreButton, m_openButton}) {
        button->setFocusPolicy(Qt::NoFocus);
        button->setMinimumHeight(52);
        button->setMinimumWidth(180);
    }
    m_moreButton->setObjectName(QStringLiteral("moreMembersButton"));
    m_moreButton->setAccessibleName(tr("More"));
    m_openButton->setObjectName(QStringLiteral("openMemberButton"));
    m_openButton->setAccessibleName(tr("Open member"));
    connect(m_moreButton, &QPushButton::clicked, this, &MembersPage::loadMore);
    connect(m_openButton, &QPushButton::clicked, this, &MembersPage::openSelected);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &MembersPage::startSearch);
    connect(m_field, &QLineEdit::textEdited, this, [this] { m_debounce.start(); });
    connect(&m_search, &MemberSearchThread::found, this, &MembersPage::showPage);
    connect(&m_search, &MemberSearchThread::failed, this, &MembersPage::showFailure);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_moreButton);
    buttons->addWidget(m_openButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_field);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    describe();
}

void MembersPage::searchNow()
{
    m_debounce.stop();
    startSearch();
}

void MembersPage::startSearch()
{
    m_query = m_field->text();
    if (m_query.trimmed().isEmpty()) {
        m_pending = 0;
        m_model->setHits({});
        m_hasMore = false;
        m_kind = MemberQueryKind::Empty;
        describe();
        return;
    }
    m_pending = m_search.request(m_query, 0, kPageSize);
}

void MembersPage::loadMore()
{
    if (!m_hasMore || m_pending != 0)
        return;
    m_pending = m_search.request(m_query, m_nextCursor, kPageSize);
}

void MembersPage::showPage(quint64 requestId, const MemberSearchPage& page, qint64 cursor)
{
    if (requestId != m_pending)
        return;  // an answer to a query the manager has typed past
    m_pending = 0;
    m_kind = page.kind;
    m_hasMore = page.hasMore;
    m_nextCursor = page.nextCursor;
    if (cursor == 0) {
        m_model->setHits(page.hits);
        if (!page.hits.isEmpty())
            m_view->selectRow(0);
    } else {
        const int selected = m_view->currentIndex().row();
        m_model->appendHits(page.hits);
        m_view->selectRow(std::min(selected + 1, m_model->rowCount() - 1));
    }
    describe();
    Q_EMIT resultsShown();
}

void MembersPage::showFailure(quint64 requestId, const QString& message)
{
    if (requestId != m_pending)
        return;
    m_pending = 0;
    m_message->show(MessageStrip::Severity::Error, message);
    Q_EMIT resultsShown();
}

void MembersPage::describe()
{
    m_moreButton->setEnabled(m_hasMore);
    m_openButton->setEnabled(m_model->rowCount() > 0);
    if (m_query.trimmed().isEmpty()) {
        m_message->show(MessageStrip::Severity::Info,
                        tr("Type a card number, a name, a phone number or an e-mail address."));
        return;
    }
    if (m_model->rowCount() == 0) {
        m_message->show(MessageStrip::Severity::Warning,
                        tr("No member found for “%1”. Check the spelling or search by card number.").arg(m_query));
        return;
    }
    const QString shown = tr("%Ln member(s) listed", nullptr, m_model->rowCount());
    m_message->show(MessageStrip::Severity::Info,
                    m_hasMore ? tr("%1 — PgDn for more. Enter opens the selected member.").arg(shown)
                              : tr("%1. Enter opens the selected member.").arg(shown));
}

void MembersPage::moveSelection(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int current = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
    const int wanted = current + delta;
    if (wanted >= rows && m_hasMore) {
        m_view->selectRow(rows - 1);
        loadMore();
        return;
    }
    const int row = std::clamp(wanted, 0, rows - 1);
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
}

void MembersPage::openSelected()
{
    const QModelIndex current = m_view->currentIndex();
    const MemberHit* hit = current.isValid() ? m_model->hit(current.row()) : nullptr;
    if (!hit) {
        m_message->show(MessageStrip::Severity::Warning, tr("Search for a member first, then Enter."));
        return;
    }
    Q_EMIT memberOpened(hit->memberId);
}

bool MembersPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Up:
            moveSelection(-1);
            return true;
        case Qt::Key_Down:
            moveSelection(1);
            return true;
        case Qt::Key_PageDown:
            moveSelection(10);
            return true;
        case Qt::Key_PageUp:
            moveSelection(-10);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // Enter on a fresh query searches first; on a shown list it opens the selection.
            if (m_debounce.isActive() || m_query != m_field->text())
                searchNow();
            else
                openSelected();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MembersPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_field->setFocus();
}

}  // namespace loyalty
