#include "manager/StaffPage.h"

#include "sale/MessageStrip.h"
#include "staff/StaffDirectory.h"
#include "time/Clock.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace loyalty {

StaffPage::StaffPage(StaffDirectory& staff, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_staff(staff)
    , m_clock(clock)
    , m_table(new QTableWidget(0, 3, this))
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_pin(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_message(new MessageStrip(this))
    , m_add(new QPushButton(tr("Add account\nF6"), this))
    , m_deactivate(new QPushButton(tr("Deactivate selected\nF8"), this))
{
    setObjectName(QStringLiteral("staffPage"));
    m_table->setObjectName(QStringLiteral("staffTableWidget"));
    m_table->setAccessibleName(tr("Staff"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("State")});
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(44);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);

    m_name->setObjectName(QStringLiteral("staffNameLineEdit"));
    m_role->setObjectName(QStringLiteral("staffRoleComboBox"));
    m_role->addItem(tr("Cashier"), int(StaffRole::Cashier));
    m_role->addItem(tr("Manager"), int(StaffRole::Manager));
    m_pin->setObjectName(QStringLiteral("staffPinLineEdit"));
    m_repeat->setObjectName(QStringLiteral("staffRepeatLineEdit"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    for (QWidget* field : {static_cast<QWidget*>(m_name), static_cast<QWidget*>(m_role), static_cast<QWidget*>(m_pin),
                           static_cast<QWidget*>(m_repeat)})
        field->setMinimumHeight(44);
    connect(m_repeat, &QLineEdit::returnPressed, this, &StaffPage::add);

    m_add->setObjectName(QStringLiteral("addStaffButton"));
    m_add->setAccessibleName(tr("Add account"));
    m_deactivate->setObjectName(QStringLiteral("deactivateStaffButton"));
    m_deactivate->setAccessibleName(tr("Deactivate selected"));
    for (QPushButton* button : {m_add, m_deactivate}) {
        button->setMinimumHeight(52);
        button->setFocusPolicy(Qt::NoFocus);
    }
    connect(m_add, &QPushButton::clicked, this, &StaffPage::add);
    connect(m_deactivate, &QPushButton::clicked, this, &StaffPage::deactivate);

    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Role"), m_role);
    form->addRow(tr("PIN"), m_pin);
    form->addRow(tr("PIN again"), m_repeat);
    auto* addBox = new QGroupBox(tr("New account"), this);
    auto* addLayout = new QVBoxLayout(addBox);
    addLayout->addLayout(form);
    addLayout->addWidget(m_add);
    addLayout->addStretch(1);

    auto* listLayout = new QVBoxLayout;
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_deactivate, 0, Qt::AlignRight);

    auto* columns = new QHBoxLayout;
    columns->addLayout(listLayout, 3);
    columns->addWidget(addBox, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addLayout(columns, 1);
}

void StaffPage::showFor(const StaffSession& manager)
{
    m_manager = manager;
    m_message->clear();
    refresh();
    m_name->setFocus();
}

void StaffPage::refresh()
{
    const auto members = m_staff.list();
    if (!members) {
        m_message->show(MessageStrip::Severity::Error, members.error().message);
        return;
    }
    m_members = *members;
    const QLocale locale;
    const QDateTime now = m_clock.now();
    m_table->setRowCount(int(m_members.size()));
    for (int row = 0; row < m_members.size(); ++row) {
        const StaffMember& member = m_members.at(row);
        QString state = member.active ? tr("active") : tr("deactivated");
        if (member.active && member.isLockedAt(now))
            state = tr("locked until %1")
                        .arg(locale.toString(member.lockedUntil.toLocalTime().time(), QLocale::ShortFormat));
        m_table->setItem(row, 0, new QTableWidgetItem(member.name));
        m_table->setItem(row, 1,
                         new QTableWidgetItem(member.role == StaffRole::Manager ? tr("Manager") : tr("Cashier")));
        m_table->setItem(row, 2, new QTableWidgetItem(state));
    }
}

void StaffPage::add()
{
    if (m_pin->text() != m_repeat->text()) {
        m_message->show(MessageStrip::Severity::Error, tr("The two PINs differ. Type the PIN twice the same."));
        m_pin->clear();
        m_repeat->clear();
        m_pin->setFocus();
        return;
    }
    const auto role = StaffRole(m_role->currentData().toInt());
    const auto added = m_staff.add(m_manager, m_name->text().trimmed(), role, m_pin->text());
    m_pin->clear();
    m_repeat->clear();
    if (!added) {
        m_message->show(MessageStrip::Severity::Error, added.error().message);
        return;
    }
    m_message->show(MessageStrip::Severity::Success,
                    role == StaffRole::Manager ? tr("Manager %1 added. They sign in with their PIN.").arg(added->name)
                                               : tr("Cashier %1 added. They sign in with their PIN.").arg(added->name));
    m_name->clear();
    refresh();
    m_name->setFocus();
}

void StaffPage::deactivate()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_members.size()) {
        m_message->show(MessageStrip::Severity::Warning, tr("Select an account in the list first."));
        return;
    }
    const StaffMember member = m_members.at(row);
    if (auto done = m_staff.deactivate(m_manager, member.id); !done) {
        m_message->show(MessageStrip::Severity::Error, done.error().message);
        return;
    }
    m_message->show(MessageStrip::Severity::Success, tr("%1 can no longer sign in.").arg(member.name));
    refresh();
}

bool StaffPage::handleKey(int key)
{
    switch (key) {
    case Qt::Key_F6:
        add();
        return true;
    case Qt::Key_F8:
        deactivate();
        return true;
    default:
        return false;
    }
}

}  // namespace loyalty
