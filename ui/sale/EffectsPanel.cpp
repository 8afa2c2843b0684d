#include "sale/EffectsPanel.h"

#include "sale/EffectsModel.h"
#include "sale/SaleSession.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace loyalty {

EffectsPanel::EffectsPanel(const SaleSession& session, QWidget* parent)
    : QFrame(parent)
    , m_session(session)
    , m_model(new EffectsModel(session, this))
    , m_heading(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("effectsPanel"));
    setAccessibleName(tr("This sale's loyalty effects"));
    m_heading->setObjectName(QStringLiteral("effectsHeadingLabel"));
    m_heading->setText(tr("THIS SALE — F6 coupon · F4 redeem points · F3 reward · F2 wallet · F5 removes them"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);  // two lines at a large font scale rather than a window wider than the screen
    m_empty->setObjectName(QStringLiteral("effectsEmptyLabel"));
    m_empty->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("effectsTableView"));
    m_view->setAccessibleName(tr("Effects"));
    m_view->setModel(m_model);
    m_view->setFocusPolicy(Qt::NoFocus);  // the scan field keeps the keyboard
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(30);
    m_view->horizontalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(EffectsModel::KindColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(EffectsModel::ReasonColumn, QHeaderView::Stretch);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_heading);
    layout->addWidget(m_empty);
    layout->addWidget(m_view);
    refresh();
}

void EffectsPanel::refresh()
{
    m_model->refresh();
    const bool none = m_model->rowCount() == 0;
    // As tall as its rows (up to a limit, then it scrolls), so the basket keeps the rest.
    constexpr int kMaxVisibleRows = 7;
    const int rows = std::clamp(m_model->rowCount(), 1, kMaxVisibleRows);
    m_view->setFixedHeight(rows * m_view->verticalHeader()->defaultSectionSize() + 2 * m_view->frameWidth());
    m_view->setVisible(!none);
    m_empty->setVisible(none);
    if (!none)
        return;
    if (m_session.basket().isEmpty())
        m_empty->setText(tr("Points, savings and coupons of this sale appear here as you scan."));
    else if (!m_session.member())
        m_empty->setText(tr("No loyalty effects yet. Scan the customer's card to collect points."));
    else
        m_empty->setText(tr("Nothing in the basket earns points or savings yet."));
}

QStringList EffectsPanel::reasons() const
{
    QStringList result;
    for (int row = 0; row < m_model->rowCount(); ++row)
        result << m_model->reasonText(row);
    return result;
}

QStringList EffectsPanel::notices() const
{
    return m_session.effects().notices;
}

}  // namespace loyalty
