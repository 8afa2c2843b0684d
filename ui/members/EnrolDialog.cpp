#include "members/EnrolDialog.h"

#include "members/CardHolder.h"
#include "members/ConsentText.h"
#include "members/Enrolment.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace loyalty {

namespace {
QDate parseBirthDate(const QString& text)
{
    const QString trimmed = text.trimmed();
    for (const QString& format : {QLocale().dateFormat(QLocale::ShortFormat), QStringLiteral("d.M.yyyy"),
                                  QStringLiteral("yyyy-MM-dd"), QStringLiteral("d/M/yyyy")}) {
        const QDate date = QDate::fromString(trimmed, format);
        if (date.isValid())
            return date;
    }
    return {};
}
}  // namespace

EnrolDialog::EnrolDialog(Enrolment& enrolment, QWidget* parent)
    : QDialog(parent)
    , m_enrolment(enrolment)
    , m_name(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_birthDate(new QLineEdit(this))
    , m_card(new QLineEdit(this))
    , m_referrer(new QLineEdit(this))
    , m_consent(new QCheckBox(tr("The customer agrees (text below)"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("enrolDialog"));
    setWindowTitle(tr("Enrol a new member"));
    setMinimumWidth(640);
    m_name->setObjectName(QStringLiteral("nameLineEdit"));
    m_phone->setObjectName(QStringLiteral("phoneLineEdit"));
    m_email->setObjectName(QStringLiteral("emailLineEdit"));
    m_birthDate->setObjectName(QStringLiteral("birthDateLineEdit"));
    m_card->setObjectName(QStringLiteral("cardLineEdit"));
    m_referrer->setObjectName(QStringLiteral("referrerLineEdit"));
    m_consent->setObjectName(QStringLiteral("consentCheckBox"));
    m_error->setObjectName(QStringLiteral("enrolErrorLabel"));
    m_birthDate->setPlaceholderText(
        tr("optional, e.g. %1").arg(QLocale().toString(QDate(1990, 5, 31), QLocale::ShortFormat)));
    m_phone->setPlaceholderText(tr("optional"));
    m_email->setPlaceholderText(tr("optional"));
    m_card->setPlaceholderText(tr("scan the new card"));
    m_referrer->setPlaceholderText(tr("optional: card of the member who recommended us"));
    m_referrer->setAccessibleName(tr("Recommended by (card)"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto* form = new QFormLayout;
    form->setVerticalSpacing(10);
    form->setHorizontalSpacing(16);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Phone"), m_phone);
    form->addRow(tr("&E-mail"), m_email);
    form->addRow(tr("&Date of birth"), m_birthDate);
    form->addRow(tr("&Card"), m_card);
    form->addRow(tr("&Recommended by (card)"), m_referrer);

    auto* consentText = new QLabel(
        ConsentText::text() + QStringLiteral("\n") + tr("Consent text version %1").arg(ConsentText::version()), this);
    consentText->setObjectName(QStringLiteral("consentTextLabel"));
    consentText->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(this);
    auto* enrol = buttons->addButton(tr("&Enrol"), QDialogButtonBox::AcceptRole);
    enrol->setObjectName(QStringLiteral("enrolButton"));
    enrol->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &EnrolDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_consent);
    layout->addWidget(consentText);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_name->setFocus();
}

void EnrolDialog::acceptScan(const QString& code)
{
    (m_referrer->hasFocus() ? m_referrer : m_card)->setText(code.trimmed());
}

const CardHolder* EnrolDialog::enrolled() const
{
    return m_enrolled.get();
}

QString EnrolDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void EnrolDialog::showError(const QString& text)
{
    m_error->setText(QStringLiteral("✖ ") + text);
    m_error->setVisible(true);
}

void EnrolDialog::submit()
{
    const QString birth = m_birthDate->text().trimmed();
    const QDate birthDate = parseBirthDate(birth);
    if (!birth.isEmpty() && !birthDate.isValid()) {
        showError(tr("The date of birth is not a date. Write it like %1.")
                      .arg(QLocale().toString(QDate(1990, 5, 31), QLocale::ShortFormat)));
        m_birthDate->setFocus();
        return;
    }
    EnrolmentRequest request;
    request.name = m_name->text();
    request.phone = m_phone->text();
    request.email = m_email->text();
    request.birthDate = birthDate;
    request.cardNumber = m_card->text().trimmed();
    request.referrerCardNumber = m_referrer->text().trimmed();
    request.consentGiven = m_consent->isChecked();
    request.consentTextVersion = ConsentText::version();
    auto result = m_enrolment.enrol(request);
    if (!result) {
        showError(result.error().message);
        return;
    }
    m_enrolled = std::make_unique<CardHolder>(*result);
    accept();
}

}  // namespace loyalty
