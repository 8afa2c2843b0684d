#include "loyalty/IdentityCheckDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace loyalty {

IdentityCheckDialog::IdentityCheckDialog(const QString& memberName, QWidget* parent)
    : QDialog(parent)
    , m_date(new QDateEdit(this))
{
    setObjectName(QStringLiteral("identityCheckDialog"));
    setWindowTitle(tr("Confirm the customer"));
    setMinimumWidth(560);
    auto* why = new QLabel(tr("This card is a contactless tag that can be copied. Before points or wallet are used, "
                              "ask %1 for the date of birth and type it in.")
                               .arg(memberName),
                           this);
    why->setObjectName(QStringLiteral("identityCheckReasonLabel"));
    why->setWordWrap(true);

    m_date->setObjectName(QStringLiteral("birthDateEdit"));
    m_date->setAccessibleName(tr("Date of birth"));
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat).contains(QLatin1String("yyyy"))
                                 ? QLocale().dateFormat(QLocale::ShortFormat)
                                 : QStringLiteral("dd.MM.yyyy"));
    m_date->setDateRange(QDate(1900, 1, 1), QDate::currentDate());
    m_date->setDate(QDate(1980, 1, 1));
    m_date->setCalendarPopup(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Date of birth"), m_date);

    auto* buttons = new QDialogButtonBox(this);
    auto* confirm = buttons->addButton(tr("&Confirm"), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmIdentityButton"));
    confirm->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_date->setFocus();
}

QDate IdentityCheckDialog::birthDate() const
{
    return m_date->date();
}

}  // namespace loyalty
