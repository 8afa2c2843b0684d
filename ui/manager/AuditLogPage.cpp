#include "manager/AuditLogPage.h"

#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "sale/MessageStrip.h"
#include "settings/TillIdentityEditor.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace loyalty {

namespace {
// The action's stable word with the manager's words for it ("Points adjusted (points.adjusted)").
QString actionText(const QString& action)
{
    static const QHash<QString, const char*> words{
        {AuditLog::kPointsAdjusted, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Points adjusted")},
        {AuditLog::kWalletAdjusted, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Wallet adjusted")},
        {AuditLog::kMembersMerged, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Accounts merged")},
        {AuditLog::kCardUnblocked, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Card unblocked")},
        {AuditLog::kCardReplaced, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Card replaced")},
        {AuditLog::kMemberErased, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Member erased")},
        {AuditLog::kMemberExported, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Member data exported")},
        {AuditLog::kConsentRecorded, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Consent recorded")},
        {AuditLog::kStaffAdded, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Staff account added")},
        {AuditLog::kStaffLocked, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Staff account locked")},
        {AuditLog::kStaffDeactivated, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Staff account deactivated")},
        {AuditLog::kStaffPinChanged, QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "PIN changed")},
        {TillIdentityEditor::kIdentityChangedAction,
         QT_TRANSLATE_NOOP("loyalty::AuditLogPage", "Till name, currency or head office changed")},
    };
    const auto it = words.constFind(action);
    if (it == words.cend())
        return action;
    return QCoreApplication::translate("loyalty::AuditLogPage", it.value()) + QStringLiteral(" (") + action +
           QLatin1Char(')');
}

QString compact(const QJsonObject& object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
}  // namespace

AuditLogPage::AuditLogPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_verification(new MessageStrip(this))
    , m_table(new QTableWidget(0, 7, this))
    , m_older(new QPushButton(tr("Older\nPgDn"), this))
{
    setObjectName(QStringLiteral("auditLogPage"));
    m_verification->setObjectName(QStringLiteral("auditVerificationStrip"));
    m_table->setObjectName(QStringLiteral("auditLogTableWidget"));
    m_table->setAccessibleName(tr("Audit log"));
    m_table->setHorizontalHeaderLabels(
        {tr("No."), tr("When"), tr("Who"), tr("Action"), tr("Member (pseudonym)"), tr("Reason"), tr("Before → after")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->installEventFilter(this);
    m_older->setObjectName(QStringLiteral("olderAuditButton"));
    m_older->setAccessibleName(tr("Older"));
    m_older->setMinimumHeight(52);
    m_older->setFocusPolicy(Qt::NoFocus);
    connect(m_older, &QPushButton::clicked, this, &AuditLogPage::loadOlder);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_older);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verification);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

void AuditLogPage::refresh()
{
    const auto verified = AuditVerifier(m_database.connection()).run();
    const QLocale locale;
    if (!verified) {
        m_verification->show(MessageStrip::Severity::Error, verified.error().message);
    } else if (verified->ok()) {
        m_verification->show(MessageStrip::Severity::Success,
                             tr("Chain verified: %1 entries, none edited, inserted or deleted.")
                                 .arg(locale.toString(verified->entries)));
    } else {
        m_verification->show(MessageStrip::Severity::Error,
                             tr("The audit chain is broken: %1 Tell head office.").arg(verified->message));
    }
    m_table->setRowCount(0);
    m_oldestSeq = 0;
    m_hasMore = false;
    load();
}

void AuditLogPage::loadOlder()
{
    if (m_hasMore)
        load();
}

void AuditLogPage::load()
{
    const auto entries = AuditLog(m_database.connection()).list(kPageSize + 1, m_oldestSeq);
    if (!entries) {
        m_verification->show(MessageStrip::Severity::Error, entries.error().message);
        return;
    }
    const QLocale locale;
    m_hasMore = entries->size() > kPageSize;
    const auto shown = std::min<qsizetype>(entries->size(), kPageSize);
    for (qsizetype i = 0; i < shown; ++i) {
        const AuditEntry& entry = entries->at(i);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QDateTime at = QDateTime::fromString(entry.recordedAt, Qt::ISODateWithMs);
        const QStringList cells{locale.toString(entry.seq),
                                at.isValid() ? locale.toString(at.toLocalTime(), QLocale::ShortFormat)
                                             : entry.recordedAt,
                                entry.staffName,
                                actionText(entry.action),
                                entry.memberRef,
                                entry.reason,
                                compact(entry.before) + QStringLiteral(" → ") + compact(entry.after)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));  // before and after are long: the whole text on hover
            m_table->setItem(row, column, item);
        }
        m_oldestSeq = entry.seq;
    }
    m_older->setEnabled(m_hasMore);
}

bool AuditLogPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_PageDown && m_table->currentRow() >= m_table->rowCount() - 5)
        loadOlder();
    return QWidget::eventFilter(watched, event);
}

}  // namespace loyalty
