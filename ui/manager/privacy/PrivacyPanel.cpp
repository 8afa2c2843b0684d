#include "manager/privacy/PrivacyPanel.h"

#include "account/StoredTime.h"
#include "manager/corrections/ReasonField.h"
#include "members/ConsentText.h"
#include "members/MarketingConsentText.h"
#include "privacy/ConsentRecorder.h"
#include "privacy/Erasure.h"
#include "privacy/PrivacyExport.h"
#include "profile/MemberProfileReader.h"
#include "store/Database.h"
#include "time/Clock.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace loyalty {

namespace {
// The programme's own consent: the one whose text the till shows at enrolment (ConsentText).
const QString kProgrammePurpose = QStringLiteral("programme");

QString purposeName(const QString& purpose)
{
    if (purpose == kProgrammePurpose)
        return PrivacyPanel::tr("Loyalty programme");
    if (purpose == MarketingConsentText::purpose())
        return PrivacyPanel::tr("Offers and news (marketing)");
    return purpose;
}

// Words and a symbol: the state never rests on colour.
QString stateText(bool given)
{
    return given ? PrivacyPanel::tr("✔ given") : PrivacyPanel::tr("✖ withdrawn");
}

QString timeText(const QDateTime& at)
{
    QString format = QLocale().dateTimeFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));  // a record's year in full
    return QLocale().toString(at.toLocalTime(), format);
}

QPushButton* bigButton(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setMinimumHeight(44);
    button->setAutoDefault(false);
    return button;
}

QString chooseWithDialog(QWidget* parent, const QString& caption, const QString& suggestedPath, const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
}
}  // namespace

PrivacyPanel::PrivacyPanel(Database& database, const Clock& clock, const TillSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_recorder(std::make_unique<ConsentRecorder>(database, clock, settings))
    , m_exporter(std::make_unique<PrivacyExport>(database, clock, settings))
    , m_erasure(std::make_unique<Erasure>(database, clock, settings))
    , m_reader(std::make_unique<MemberProfileReader>(database.connection()))
    , m_clock(clock)
    , m_chooseFile(&chooseWithDialog)
    , m_exportDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
    , m_erasedNote(new QLabel(this))
    , m_consents(new QTableWidget(0, 4, this))
    , m_purposeGrid(new QGridLayout)
    , m_export(bigButton(tr("&Export data…"), QStringLiteral("exportDataButton"), this))
    , m_erase(bigButton(tr("Erase &member…"), QStringLiteral("eraseMemberButton"), this))
    , m_eraseStep(new QFrame(this))
    , m_eraseText(new QLabel(m_eraseStep))
    , m_eraseReason(new ReasonField({tr("Customer asked for erasure"), tr("Customer left the programme")}, m_eraseStep))
    , m_eraseCheck(new QCheckBox(tr("I have checked that the request comes from this customer"), m_eraseStep))
    , m_eraseNow(bigButton(tr("Erase &now"), QStringLiteral("eraseNowButton"), m_eraseStep))
    , m_eraseCancel(bigButton(tr("&Keep the member"), QStringLiteral("cancelErasureButton"), m_eraseStep))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("privacyPanel"));
    m_erasedNote->setObjectName(QStringLiteral("erasedNoteLabel"));
    m_erasedNote->setWordWrap(true);
    m_erasedNote->hide();

    m_consents->setObjectName(QStringLiteral("consentTableWidget"));
    m_consents->setAccessibleName(tr("Consent records"));
    m_consents->setHorizontalHeaderLabels({tr("Purpose"), tr("Consent"), tr("Text version"), tr("Recorded")});
    m_consents->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_consents->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_consents->verticalHeader()->hide();
    m_consents->horizontalHeader()->setStretchLastSection(true);
    m_consents->setMinimumHeight(140);

    auto* consentBox = new QGroupBox(tr("Consents"), this);
    auto* consentLayout = new QVBoxLayout(consentBox);
    consentLayout->addWidget(m_consents);
    consentLayout->addLayout(m_purposeGrid);

    auto* requests = new QGroupBox(tr("Requests of the customer"), this);
    auto* requestRow = new QHBoxLayout(requests);
    auto* exportNote = new QLabel(tr("A copy of everything stored about the member: a JSON file and a readable "
                                     "summary."),
                                  requests);
    exportNote->setWordWrap(true);
    requestRow->addWidget(exportNote, 1);
    requestRow->addWidget(m_export);
    requestRow->addWidget(m_erase);

    // The erasure's second step, in the panel rather than a message box, so what happens is read in full.
    m_eraseStep->setObjectName(QStringLiteral("erasureStepFrame"));
    m_eraseStep->setFrameShape(QFrame::StyledPanel);
    m_eraseText->setObjectName(QStringLiteral("erasureTextLabel"));
    m_eraseText->setWordWrap(true);
    m_eraseText->setTextFormat(Qt::PlainText);
    m_eraseCheck->setObjectName(QStringLiteral("erasureCheckBox"));
    m_eraseCheck->setMinimumHeight(44);
    auto* eraseButtons = new QHBoxLayout;
    eraseButtons->addWidget(m_eraseCancel);
    eraseButtons->addStretch(1);
    eraseButtons->addWidget(m_eraseNow);
    auto* eraseLayout = new QVBoxLayout(m_eraseStep);
    eraseLayout->addWidget(m_eraseText);
    eraseLayout->addWidget(m_eraseReason);
    eraseLayout->addWidget(m_eraseCheck);
    eraseLayout->addLayout(eraseButtons);
    m_eraseStep->hide();

    m_status->setObjectName(QStringLiteral("privacyStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_erasedNote);
    layout->addWidget(consentBox, 1);
    layout->addWidget(requests);
    layout->addWidget(m_eraseStep);
    layout->addWidget(m_status);

    connect(m_export, &QPushButton::clicked, this, &PrivacyPanel::exportMember);
    connect(m_erase, &QPushButton::clicked, this, &PrivacyPanel::startErasure);
    connect(m_eraseNow, &QPushButton::clicked, this, &PrivacyPanel::eraseNow);
    connect(m_eraseCancel, &QPushButton::clicked, this, &PrivacyPanel::cancelErasure);
    connect(m_eraseReason, &ReasonField::reasonChanged, this, &PrivacyPanel::updateActions);
    connect(m_eraseCheck, &QCheckBox::toggled, this, &PrivacyPanel::updateActions);
    updateActions();
}

PrivacyPanel::~PrivacyPanel() = default;

void PrivacyPanel::setSaveFileChooser(SaveFileChooser chooser)
{
    m_chooseFile = chooser ? std::move(chooser) : SaveFileChooser(&chooseWithDialog);
}

void PrivacyPanel::setExportDirectory(const QString& directory)
{
    m_exportDirectory = directory;
}

void PrivacyPanel::showMember(const MemberProfile& profile, const StaffSession& by)
{
    const bool otherMember = !m_profile || m_profile->memberId != profile.memberId;
    m_profile = profile;
    m_by = by;
    if (otherMember) {
        cancelErasure();
        m_status->clear();
    }
    if (profile.isErased()) {
        m_erasedNote->setText(tr("✖ This member was erased on %1. Name, contact details and birthday are gone; the "
                                 "ledger keeps the amounts without a name, and the consent records stay.")
                                  .arg(timeText(profile.erasedAt)));
    } else if (profile.isMerged()) {
        m_erasedNote->setText(tr("ℹ This account was merged into another one; consents and requests are handled "
                                 "there."));
    }
    m_erasedNote->setVisible(profile.isErased() || profile.isMerged());
    showConsents();
    updateActions();
}

QStringList PrivacyPanel::purposes() const
{
    QStringList list{kProgrammePurpose, MarketingConsentText::purpose()};
    if (m_profile) {
        for (const ConsentRecord& record : m_profile->consents) {
            if (!list.contains(record.purpose))
                list << record.purpose;
        }
    }
    return list;
}

std::optional<ConsentRecord> PrivacyPanel::latest(const QString& purpose) const
{
    if (!m_profile)
        return std::nullopt;
    for (auto it = m_profile->consents.crbegin(); it != m_profile->consents.crend(); ++it) {
        if (it->purpose == purpose)
            return *it;
    }
    return std::nullopt;
}

// The programme's and the marketing consent are recorded in the version of the text the till has
// today; another purpose in the version the customer last saw (the till has no text of its own for it).
QString PrivacyPanel::textVersionFor(const QString& purpose) const
{
    if (purpose == kProgrammePurpose)
        return ConsentText::version();
    if (purpose == MarketingConsentText::purpose())
        return MarketingConsentText::version();
    const auto last = latest(purpose);
    return last ? last->textVersion : QString();
}

void PrivacyPanel::showConsents()
{
    m_consents->setRowCount(0);
    if (m_profile) {
        // Newest first: what holds now is at the top; the older rows are the record.
        const QList<ConsentRecord>& records = m_profile->consents;
        m_consents->setRowCount(int(records.size()));
        for (qsizetype i = 0; i < records.size(); ++i) {
            const ConsentRecord& record = records.at(records.size() - 1 - i);
            const QStringList cells{purposeName(record.purpose), stateText(record.given), record.textVersion,
                                    timeText(record.recordedAt)};
            for (int column = 0; column < cells.size(); ++column)
                m_consents->setItem(int(i), column, new QTableWidgetItem(cells.at(column)));
        }
        m_consents->resizeColumnsToContents();
    }
    rebuildPurposeRows();
}

void PrivacyPanel::rebuildPurposeRows()
{
    for (const PurposeRow& row : std::as_const(m_rows)) {
        delete row.state;
        delete row.give;
        delete row.withdraw;
    }
    m_rows.clear();
    int line = 0;
    for (const QString& purpose : purposes()) {
        const auto last = latest(purpose);
        PurposeRow row{purpose, new QLabel(this),
                       bigButton(tr("Record given"), QStringLiteral("giveConsentButton"), this),
                       bigButton(tr("Record withdrawn"), QStringLiteral("withdrawConsentButton"), this)};
        //: A purpose and where its consent stands: "Loyalty programme: ✔ given"
        row.state->setText(
            tr("%1: %2").arg(purposeName(purpose), last ? stateText(last->given) : tr("nothing recorded")));
        row.state->setObjectName(QStringLiteral("consentStateLabel"));
        row.give->setProperty("purpose", purpose);
        row.withdraw->setProperty("purpose", purpose);
        if (purpose == kProgrammePurpose)
            row.give->setToolTip(ConsentText::text());
        else if (purpose == MarketingConsentText::purpose())
            row.give->setToolTip(MarketingConsentText::text());
        row.give->setAccessibleName(tr("Record consent given: %1").arg(purposeName(purpose)));
        row.withdraw->setAccessibleName(tr("Record consent withdrawn: %1").arg(purposeName(purpose)));
        connect(row.give, &QPushButton::clicked, this, [this, purpose] { recordConsent(purpose, true); });
        connect(row.withdraw, &QPushButton::clicked, this, [this, purpose] { recordConsent(purpose, false); });
        m_purposeGrid->addWidget(row.state, line, 0);
        m_purposeGrid->addWidget(row.give, line, 1);
        m_purposeGrid->addWidget(row.withdraw, line, 2);
        m_purposeGrid->setColumnStretch(0, 1);
        m_rows.append(row);
        ++line;
    }
}

QPushButton* PrivacyPanel::giveButton(const QString& purpose) const
{
    for (const PurposeRow& row : m_rows) {
        if (row.purpose == purpose)
            return row.give;
    }
    return nullptr;
}

QPushButton* PrivacyPanel::withdrawButton(const QString& purpose) const
{
    for (const PurposeRow& row : m_rows) {
        if (row.purpose == purpose)
            return row.withdraw;
    }
    return nullptr;
}

void PrivacyPanel::updateActions()
{
    const bool open = m_profile && !m_profile->isErased() && !m_profile->isMerged();
    for (const PurposeRow& row : std::as_const(m_rows)) {
        const auto last = latest(row.purpose);
        const bool versioned = !textVersionFor(row.purpose).isEmpty();
        // Recording the state that already holds would add nothing but noise to the record.
        row.give->setEnabled(open && versioned && !(last && last->given));
        row.withdraw->setEnabled(open && versioned && !(last && !last->given));
    }
    m_export->setEnabled(open);
    m_erase->setEnabled(open && !isConfirmingErasure());
    m_eraseNow->setEnabled(open && !m_eraseReason->reason().isEmpty() && m_eraseCheck->isChecked());
}

bool PrivacyPanel::recordConsent(const QString& purpose, bool given)
{
    if (!m_profile)
        return false;
    const auto recorded = m_recorder->record(m_profile->memberId, purpose, given, textVersionFor(purpose), m_by);
    if (!recorded) {
        say(recorded.error().message, true);
        return false;
    }
    const auto consents = m_reader->consents(m_profile->memberId);
    if (consents)
        m_profile->consents = *consents;
    showConsents();
    updateActions();
    say(given ? tr("Consent to %1 recorded as given.").arg(purposeName(purpose))
              : tr("Consent to %1 recorded as withdrawn.").arg(purposeName(purpose)),
        false);
    Q_EMIT memberChanged(m_profile->memberId);
    return true;
}

QString PrivacyPanel::suggestedPath(const QString& suffix) const
{
    //: File name of a member's data export; %1 the member number, %2 the date
    const QString name =
        tr("member-%1-%2").arg(m_profile->memberId).arg(m_clock.now().toLocalTime().date().toString(Qt::ISODate)) +
        suffix;
    return QDir(m_exportDirectory).filePath(name);
}

bool PrivacyPanel::save(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        say(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return false;
    }
    return true;
}

bool PrivacyPanel::exportMember()
{
    if (!m_profile || !m_export->isEnabled())
        return false;
    const auto exported = m_exporter->exportMember(m_by, m_profile->memberId);
    if (!exported) {
        say(exported.error().message, true);
        return false;
    }
    const QString jsonPath = m_chooseFile(this, tr("Save the member's data (JSON)"),
                                          suggestedPath(QStringLiteral(".json")), tr("JSON files (*.json)"));
    if (jsonPath.isEmpty()) {
        say(tr("Export cancelled: nothing was saved."), false);
        return false;
    }
    if (!save(jsonPath, exported->document.toJson(QJsonDocument::Indented)))
        return false;
    const QString summaryPath = m_chooseFile(this, tr("Save the readable summary"),
                                             suggestedPath(QStringLiteral(".txt")), tr("Text files (*.txt)"));
    if (summaryPath.isEmpty()) {
        say(tr("Saved %1; the summary was not saved.").arg(QDir::toNativeSeparators(jsonPath)), false);
        return true;
    }
    if (!save(summaryPath, exported->summary.toUtf8()))
        return false;
    say(tr("Saved %1 and %2. Hand them to the customer only.")
            .arg(QDir::toNativeSeparators(jsonPath), QDir::toNativeSeparators(summaryPath)),
        false);
    return true;
}

bool PrivacyPanel::isConfirmingErasure() const
{
    return m_eraseStep->isVisibleTo(this);
}

void PrivacyPanel::startErasure()
{
    if (!m_profile || !m_erase->isEnabled())
        return;
    QStringList cards;
    for (const MemberCard& card : m_profile->cards) {
        if (card.state == CardState::Active)
            cards << card.number;
    }
    QString text = tr("Erase %1 for good?").arg(m_profile->name) + QLatin1Char('\n');
    text += tr("Removed: the name, e-mail address, phone number and birthday, here and at head office.") +
            QLatin1Char('\n');
    text += (cards.isEmpty() ? tr("The member has no active card.")
                             : tr("Blocked: the cards %1; they are refused at every till from then on.")
                                   .arg(cards.join(QStringLiteral(", ")))) +
            QLatin1Char('\n');
    text += tr("Kept: purchases, points and wallet amounts without a name (for accounting), the consent records "
               "and the audit log.") +
            QLatin1Char('\n');
    text += tr("This cannot be undone.");
    m_eraseText->setText(text);
    m_eraseReason->setReason({});
    m_eraseCheck->setChecked(false);
    m_eraseStep->show();
    updateActions();
    m_eraseReason->textField()->setFocus();
}

void PrivacyPanel::cancelErasure()
{
    m_eraseStep->hide();
    m_eraseReason->setReason({});
    m_eraseCheck->setChecked(false);
    updateActions();
}

bool PrivacyPanel::eraseNow()
{
    if (!m_profile || !isConfirmingErasure() || !m_eraseNow->isEnabled())
        return false;
    const auto erased = m_erasure->erase(m_by, m_profile->memberId, m_eraseReason->reason());
    if (!erased) {
        say(erased.error().message, true);
        return false;
    }
    const qint64 memberId = m_profile->memberId;
    m_eraseStep->hide();
    m_eraseReason->setReason({});
    m_eraseCheck->setChecked(false);
    // Show the erased member at once, from the database; the page reloads as well.
    const auto consents = m_reader->consents(memberId);
    m_profile->name.clear();
    m_profile->email.clear();
    m_profile->phone.clear();
    m_profile->birthDate = {};
    m_profile->erasedAt = StoredTime::parseInstant(erased->erasedAt);
    if (!m_profile->erasedAt.isValid())
        m_profile->erasedAt = m_clock.now();
    if (consents)
        m_profile->consents = *consents;
    showMember(*m_profile, m_by);
    say(tr("The member was erased; %Ln card(s) blocked.", nullptr, int(erased->blockedCards.size())), false);
    Q_EMIT memberChanged(memberId);
    return true;
}

QString PrivacyPanel::statusText() const
{
    return m_status->text();
}

void PrivacyPanel::say(const QString& text, bool error)
{
    m_status->setText((error ? QStringLiteral("✖ ") : QStringLiteral("✔ ")) + text);
}

}  // namespace loyalty
