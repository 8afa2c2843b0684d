#include "settings/TillIdentityPage.h"

#include "settings/FieldError.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace loyalty {

namespace {

QWidget* withError(QWidget* field, FieldError* error, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

}  // namespace

TillIdentityPage::TillIdentityPage(const TillIdentityEditor::Identity& stored, bool currencyLocked, QWidget* parent)
    : QWidget(parent)
    , m_stored(stored)
    , m_name(new QLineEdit(stored.tillName, this))
    , m_currency(new QLineEdit(stored.currency, this))
    , m_headOffice(new QLineEdit(stored.headOfficeUrl, this))
    , m_nameError(new FieldError(m_name, QStringLiteral("tillNameErrorLabel"), this))
    , m_currencyError(new FieldError(m_currency, QStringLiteral("currencyErrorLabel"), this))
    , m_headOfficeError(new FieldError(m_headOffice, QStringLiteral("headOfficeErrorLabel"), this))
{
    setObjectName(QStringLiteral("tillSettingsPage"));
    m_name->setObjectName(QStringLiteral("tillNameLineEdit"));
    m_name->setAccessibleName(tr("Till name"));
    m_name->setMaxLength(TillIdentityEditor::kMaxTillNameLength);
    m_name->setPlaceholderText(tr("e.g. Till 1"));

    m_currency->setObjectName(QStringLiteral("currencyLineEdit"));
    m_currency->setAccessibleName(tr("Currency"));
    m_currency->setMaxLength(3);
    m_currency->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,3}")), m_currency));
    m_currency->setPlaceholderText(tr("ISO code, e.g. EUR"));
    auto* currencyNote = new QLabel(this);
    currencyNote->setObjectName(QStringLiteral("currencyNoteLabel"));
    currencyNote->setWordWrap(true);
    if (currencyLocked) {
        m_currency->setReadOnly(true);
        currencyNote->setText(
            tr("Locked: this till has sales in %1. Another currency needs a new till database.").arg(stored.currency));
    } else {
        currencyNote->setText(tr("Can change only until the first sale."));
    }
    m_currency->setAccessibleDescription(currencyNote->text());

    m_headOffice->setObjectName(QStringLiteral("headOfficeLineEdit"));
    m_headOffice->setAccessibleName(tr("Head-office address"));
    m_headOffice->setPlaceholderText(tr("https://hq.example:8443"));
    auto* headOfficeNote = new QLabel(
        tr("The address this till syncs with; the pinned certificate and the till's credentials stay."), this);
    headOfficeNote->setObjectName(QStringLiteral("headOfficeNoteLabel"));
    headOfficeNote->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->setVerticalSpacing(10);
    form->setHorizontalSpacing(16);
    auto* nameLabel = new QLabel(tr("Till &name"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, withError(m_name, m_nameError, this));
    auto* currencyLabel = new QLabel(tr("C&urrency"), this);
    currencyLabel->setBuddy(m_currency);
    form->addRow(currencyLabel, withError(m_currency, m_currencyError, this));
    form->addRow(QString(), currencyNote);
    auto* headOfficeLabel = new QLabel(tr("&Head-office address"), this);
    headOfficeLabel->setBuddy(m_headOffice);
    form->addRow(headOfficeLabel, withError(m_headOffice, m_headOfficeError, this));
    form->addRow(QString(), headOfficeNote);
    auto* applies = new QLabel(tr("The till's name and currency are shown everywhere from the next start."), this);
    applies->setObjectName(QStringLiteral("tillAppliesLabel"));
    applies->setWordWrap(true);
    form->addRow(applies);

    connect(m_name, &QLineEdit::textEdited, m_nameError, &FieldError::clearMessage);
    connect(m_currency, &QLineEdit::textEdited, m_currencyError, &FieldError::clearMessage);
    connect(m_headOffice, &QLineEdit::textEdited, m_headOfficeError, &FieldError::clearMessage);
}

TillIdentityEditor::Identity TillIdentityPage::identity() const
{
    return {m_name->text().simplified(), m_currency->text().trimmed().toUpper(), m_headOffice->text().trimmed()};
}

QWidget* TillIdentityPage::validate()
{
    QWidget* first = nullptr;
    const auto refuse = [&first](FieldError* error, const QString& message) {
        error->showMessage(message);
        if (!first)
            first = error->field();
    };
    m_nameError->clearMessage();
    m_currencyError->clearMessage();
    m_headOfficeError->clearMessage();
    const TillIdentityEditor::Identity entered = identity();
    if (const auto name = TillIdentityEditor::checkTillName(entered.tillName); !name)
        refuse(m_nameError, name.error().message);
    if (entered.currency != m_stored.currency) {
        if (const auto currency = TillIdentityEditor::checkCurrency(entered.currency); !currency)
            refuse(m_currencyError, currency.error().message);
    }
    // As in core: the address is checked when it changes (a development till keeps its plain http).
    if (entered.headOfficeUrl != m_stored.headOfficeUrl) {
        if (const auto url = TillIdentityEditor::checkHeadOfficeUrl(entered.headOfficeUrl); !url)
            refuse(m_headOfficeError, url.error().message);
    }
    return first;
}

QWidget* TillIdentityPage::showSaveError(const Error& error)
{
    FieldError* target = m_nameError;
    if (error.reason.startsWith(QLatin1String("currency")))
        target = m_currencyError;
    else if (error.reason == QLatin1String("bad_url") || error.reason == QLatin1String("plain_http_refused"))
        target = m_headOfficeError;
    target->showMessage(error.message);
    return target->field();
}

}  // namespace loyalty
