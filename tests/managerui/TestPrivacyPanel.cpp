// The member page's Privacy tab driven like a manager: a consent withdrawn and given again is
// recorded with its text version, the export writes a valid JSON file and the readable summary
// where the manager chose, and the erasure happens only after the second step and blanks the member.
#include "demo/DemoDataGenerator.h"
#include "i18n/TranslationLoader.h"
#include "manager/corrections/ReasonField.h"
#include "manager/privacy/PrivacyPanel.h"
#include "members/ConsentText.h"
#include "privacy/PrivacyExport.h"
#include "profile/MemberProfileReader.h"
#include "sale/ActiveProgramme.h"
#include "settings/TillSettings.h"
#include "staff/StaffDirectory.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestPrivacyPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void consentWithdrawnAndGivenIsRecorded();
    void exportWritesJsonAndSummary();
    void cancelledExportSavesNothing();
    void erasureNeedsTheSecondStepAndBlanksTheMember();
    void keepingTheMemberErasesNothing();

private:
    MemberProfile profile(qint64 memberId);
    std::unique_ptr<PrivacyPanel> panelFor(qint64 memberId);
    qint64 count(const QString& sql) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::optional<TillSettings> m_settings;
    std::optional<Programme> m_programme;
    std::unique_ptr<StaffDirectory> m_staff;
    StaffSession m_manager;
};

void TestPrivacyPanel::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestPrivacyPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    m_database = std::move(opened).value();
    QVERIFY(DemoDataGenerator(*m_database, *m_clock).generate(30).ok());
    const auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_settings = *settings;
    m_programme = ActiveProgramme::load(*m_database, *m_settings);
    m_staff = std::make_unique<StaffDirectory>(*m_database, *m_clock);
    const auto manager = m_staff->createFirstManager(QStringLiteral("Maria Manager"), QStringLiteral("246810"));
    QVERIFY2(manager.ok(), qPrintable(manager.ok() ? QString() : manager.error().message));
    m_manager = *manager;
}

void TestPrivacyPanel::cleanup()
{
    m_staff.reset();
    m_programme.reset();
    m_settings.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

MemberProfile TestPrivacyPanel::profile(qint64 memberId)
{
    MemberProfileReader reader(m_database->connection());
    auto read = reader.read(memberId, m_clock->now(), *m_programme);
    if (!read) {
        qWarning("%s", qPrintable(read.error().message));
        return {};
    }
    return std::move(read).value();
}

std::unique_ptr<PrivacyPanel> TestPrivacyPanel::panelFor(qint64 memberId)
{
    auto panel = std::make_unique<PrivacyPanel>(*m_database, *m_clock, *m_settings);
    panel->showMember(profile(memberId), m_manager);
    panel->resize(900, 700);
    panel->show();
    return panel;
}

qint64 TestPrivacyPanel::count(const QString& sql) const
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestPrivacyPanel::consentWithdrawnAndGivenIsRecorded()
{
    auto panel = panelFor(5);
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    QSignalSpy changed(panel.get(), &PrivacyPanel::memberChanged);
    QVERIFY(panel->purposes().contains(QStringLiteral("programme")));
    const int rowsBefore = panel->consentTable()->rowCount();
    QPushButton* withdraw = panel->withdrawButton(QStringLiteral("programme"));
    QVERIFY(withdraw);
    QVERIFY(withdraw->minimumHeight() >= 44);
    QVERIFY(withdraw->isEnabled());

    // Keyboard: focus the button and press Space, as a manager tabbing through the panel would.
    withdraw->setFocus();
    QTest::keyClick(withdraw, Qt::Key_Space);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(panel->consentTable()->rowCount(), rowsBefore + 1);
    QVERIFY(panel->consentTable()->item(0, 1)->text().contains(QStringLiteral("withdrawn")));
    QCOMPARE(panel->consentTable()->item(0, 2)->text(), ConsentText::version());

    MemberProfileReader reader(m_database->connection());
    auto consents = reader.consents(5);
    QVERIFY(consents.ok());
    QVERIFY(!consents->isEmpty());
    QCOMPARE(consents->last().purpose, QStringLiteral("programme"));
    QCOMPARE(consents->last().given, false);
    QCOMPARE(consents->last().textVersion, ConsentText::version());
    QCOMPARE(consents->last().recordedAt, m_clock->now());

    // What already holds cannot be recorded twice; the other way round can.
    QVERIFY(!panel->withdrawButton(QStringLiteral("programme"))->isEnabled());
    QPushButton* give = panel->giveButton(QStringLiteral("programme"));
    QVERIFY(give->isEnabled());
    QTest::mouseClick(give, Qt::LeftButton);
    consents = reader.consents(5);
    QVERIFY(consents.ok());
    QCOMPARE(consents->last().given, true);
    QCOMPARE(panel->consentTable()->rowCount(), rowsBefore + 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox_events WHERE type = 'consent.recorded'")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'consent.recorded'")), 2);
}

void TestPrivacyPanel::exportWritesJsonAndSummary()
{
    const MemberProfile member = profile(6);
    auto panel = panelFor(6);
    QStringList suggested;
    QStringList chosen{m_dir->filePath(QStringLiteral("out.json")), m_dir->filePath(QStringLiteral("out.txt"))};
    panel->setSaveFileChooser([&](QWidget*, const QString&, const QString& path, const QString&) {
        suggested << path;
        return chosen.isEmpty() ? QString() : chosen.takeFirst();
    });
    panel->setExportDirectory(m_dir->path());
    QTest::mouseClick(panel->exportButton(), Qt::LeftButton);

    QCOMPARE(suggested.size(), 2);
    QVERIFY2(suggested.at(0).endsWith(QStringLiteral("member-6-2026-11-22.json")), qPrintable(suggested.at(0)));
    QVERIFY2(suggested.at(1).endsWith(QStringLiteral("member-6-2026-11-22.txt")), qPrintable(suggested.at(1)));
    QVERIFY(suggested.at(0).startsWith(m_dir->path()));

    QFile json(m_dir->filePath(QStringLiteral("out.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isObject());
    QCOMPARE(document.object().value(QStringLiteral("format")).toString(), PrivacyExport::kFormat);
    QVERIFY(QString::fromUtf8(QJsonDocument(document).toJson()).contains(member.name));

    QFile summary(m_dir->filePath(QStringLiteral("out.txt")));
    QVERIFY(summary.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(summary.readAll());
    QVERIFY(text.contains(member.name));
    QVERIFY(panel->statusText().startsWith(QStringLiteral("✔")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'member.exported'")), 1);
}

void TestPrivacyPanel::cancelledExportSavesNothing()
{
    auto panel = panelFor(6);
    panel->setSaveFileChooser([](QWidget*, const QString&, const QString&, const QString&) { return QString(); });
    QVERIFY(!panel->exportMember());
    QVERIFY(QDir(m_dir->path()).entryList({QStringLiteral("*.json"), QStringLiteral("*.txt")}).isEmpty());
}

void TestPrivacyPanel::erasureNeedsTheSecondStepAndBlanksTheMember()
{
    const MemberProfile before = profile(7);
    QVERIFY(!before.name.isEmpty());
    const qint64 ledgerRows = count(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE member_id = 7"));
    auto panel = panelFor(7);
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    QSignalSpy changed(panel.get(), &PrivacyPanel::memberChanged);

    QVERIFY(!panel->isConfirmingErasure());
    QTest::mouseClick(panel->eraseButton(), Qt::LeftButton);
    QVERIFY(panel->isConfirmingErasure());
    // The second step names what goes and what stays.
    const QString text = panel->erasureText()->text();
    QVERIFY(text.contains(before.name));
    QVERIFY(text.contains(QStringLiteral("Removed")));
    QVERIFY(text.contains(QStringLiteral("Kept")));
    QVERIFY(text.contains(DemoDataGenerator::cardNumberFor(7)));
    QVERIFY(panel->erasureReason()->textField()->hasFocus());

    QVERIFY(!panel->eraseNowButton()->isEnabled());
    QTest::keyClicks(panel->erasureReason()->textField(), QStringLiteral("Customer asked by letter"));
    QVERIFY(!panel->eraseNowButton()->isEnabled());  // the identity check is not ticked yet
    QTest::keyClick(panel->erasureReason()->textField(), Qt::Key_Return);
    QCOMPARE(profile(7).name, before.name);
    panel->erasureCheck()->setFocus();
    QTest::keyClick(panel->erasureCheck(), Qt::Key_Space);
    QVERIFY(panel->erasureCheck()->isChecked());
    QVERIFY(panel->eraseNowButton()->isEnabled());
    QVERIFY(panel->eraseNowButton()->minimumHeight() >= 44);
    panel->eraseNowButton()->setFocus();
    QTest::keyClick(panel->eraseNowButton(), Qt::Key_Space);

    QCOMPARE(changed.count(), 1);
    const MemberProfile after = profile(7);
    QVERIFY(after.isErased());
    QVERIFY(after.name.isEmpty());
    QVERIFY(after.email.isEmpty());
    QVERIFY(after.phone.isEmpty());
    QVERIFY(after.birthDate.isNull());
    for (const MemberCard& card : after.cards)
        QVERIFY(card.state != CardState::Active);
    // The ledger keeps its amounts for accounting.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE member_id = 7")), ledgerRows);

    // The panel shows the member as erased and offers nothing more.
    auto* note = panel->findChild<QLabel*>(QStringLiteral("erasedNoteLabel"));
    QVERIFY(note && note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("erased")));
    QVERIFY(!panel->isConfirmingErasure());
    QVERIFY(!panel->eraseButton()->isEnabled());
    QVERIFY(!panel->exportButton()->isEnabled());
    QVERIFY(!panel->giveButton(QStringLiteral("programme"))->isEnabled());
    QVERIFY(!panel->withdrawButton(QStringLiteral("programme"))->isEnabled());

    // The page reloads: the panel shown the member from the database says the same.
    panel->showMember(after, m_manager);
    QVERIFY(note->isVisible());
    QVERIFY(!panel->eraseButton()->isEnabled());
}

void TestPrivacyPanel::keepingTheMemberErasesNothing()
{
    const MemberProfile before = profile(8);
    auto panel = panelFor(8);
    QTest::mouseClick(panel->eraseButton(), Qt::LeftButton);
    QTest::keyClicks(panel->erasureReason()->textField(), QStringLiteral("Customer asked"));
    panel->erasureCheck()->setChecked(true);
    auto* keep = panel->findChild<QPushButton*>(QStringLiteral("cancelErasureButton"));
    QVERIFY(keep);
    QTest::mouseClick(keep, Qt::LeftButton);
    QVERIFY(!panel->isConfirmingErasure());
    QVERIFY(!panel->eraseNow());
    QCOMPARE(profile(8).name, before.name);
    QVERIFY(!profile(8).isErased());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'member.erased'")), 0);
}

QTEST_MAIN(TestPrivacyPanel)
#include "TestPrivacyPanel.moc"
