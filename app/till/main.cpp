// loyalty-till: the cashier's sale screen behind the shift sign-in, with the manager screens over it.
// This file only wires core and ui together.
#include "TillCardDevices.h"
#include "TillStartup.h"
#include "account/ExpiryRun.h"
#include "common/TerminationSignals.h"
#include "config/TillPreferences.h"
#include "customer/CustomerDisplay.h"
#include "customer/CustomerDisplayOption.h"
#include "customer/CustomerDisplayPlacement.h"
#include "i18n/TranslationLoader.h"
#include "manager/ManagerScreen.h"
#include "manager/TillShell.h"
#include "members/CardLifecycle.h"
#include "members/Enrolment.h"
#include "receipt/ReceiptHistoryDialog.h"
#include "receipt/ReceiptPrintService.h"
#include "receipt/ReceiptSource.h"
#include "sale/ActiveProgramme.h"
#include "sale/MemberPanel.h"
#include "sale/MessageStrip.h"
#include "sale/SaleSession.h"
#include "sale/SaleWindow.h"
#include "settings/SettingsDialog.h"
#include "settings/SettingsRepository.h"
#include "settings/TillIdentityEditor.h"
#include "settings/TillSettings.h"
#include "staff/StaffDirectory.h"
#include "store/BackgroundIntegrityCheck.h"
#include "store/Database.h"
#include "style/TillStyle.h"
#include "sync/client/OutboxQueue.h"
#include "sync/client/SyncEndpoint.h"
#include "sync/client/SyncWorkerThread.h"
#include "time/LocalTimeZone.h"
#include "time/SystemClock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLineEdit>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSocketNotifier>

#include <cstdio>
#include <memory>
#include <optional>
#include <unistd.h>

namespace {

struct TillOptions
{
    QString databasePath;
    QString language;
    bool fullScreen = false;
};

void describe(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Loyalty Till: the sale screen where cashiers scan member cards and goods."));
    parser.addHelpOption();
    parser.addVersionOption();
    // No default value here: an absent --db lets the settings file's database/path apply.
    parser.addOption({QStringLiteral("db"),
                      QCoreApplication::translate("main", "The till database (default: database/path in the till's "
                                                          "settings, else loyalty-till.db)."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("lang"),
                      QCoreApplication::translate("main", "Language of the screen: de or en (default: the language "
                                                          "in the till's settings, else the system's)."),
                      QStringLiteral("de|en")});
    parser.addOption({QStringLiteral("fullscreen"), QCoreApplication::translate("main", "Fill the whole screen.")});
    parser.addOption(loyalty::CustomerDisplayOption::helpEntry());
}

bool wantsOnlyText(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-v" || arg == "--version" || arg == "--help-all")
            return true;
    }
    return false;
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("loyalty-till"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOYALTY_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Loyalty Till"));
}

// Books the points lots whose day has come before the first sale, so balances are right. A failure
// is told but does not keep the till from selling: the next start (or loyalty-ctl expire) retries.
QString bookExpiredPoints(loyalty::Database& database, const loyalty::Clock& clock,
                          const loyalty::TillSettings& settings)
{
    const auto expired = loyalty::ExpiryRun(database.connection(), settings.tillId)
                             .run(clock.now(), loyalty::ActiveProgramme::load(database, settings));
    if (expired)
        return {};
    const QString message =
        QCoreApplication::translate("main", "Expired points could not be booked: %1").arg(expired.error().message);
    std::fprintf(stderr, "loyalty-till: %s\n", qPrintable(message));
    return message;
}

// A provisioned till (it has head office's credentials, the snapshot complete or not) syncs in a
// worker thread of its own; the window only shows its status and wakes it after a sale.
std::unique_ptr<loyalty::sync::SyncWorkerThread> startSync(loyalty::Database& database, const QString& databasePath,
                                                           const loyalty::Clock& clock, loyalty::SaleWindow& window)
{
    const auto endpoint = loyalty::sync::SyncEndpoint::load(database.connection());
    if (!endpoint || !endpoint->hasCredentials())
        return nullptr;
    loyalty::sync::SyncWorker::Options options;
    options.databasePath = databasePath;
    auto sync = std::make_unique<loyalty::sync::SyncWorkerThread>(options, clock);
    QObject::connect(sync.get(), &loyalty::sync::SyncWorkerThread::statusChanged, &window,
                     &loyalty::SaleWindow::showSyncStatus);
    QObject::connect(&window, &loyalty::SaleWindow::saleCompleted, sync.get(), &loyalty::sync::SyncWorkerThread::wake);
    loyalty::sync::SyncStatus connecting;
    if (const auto counts = loyalty::sync::OutboxQueue(database.connection()).counts()) {
        connecting.pending = counts->pending;
        connecting.rejected = counts->rejected;
    }
    window.showSyncStatus(connecting);
    sync->start();
    return sync;
}

int refuseToStart(const QString& message)
{
    std::fprintf(stderr, "loyalty-till: %s\n", qPrintable(message));
    QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Loyalty Till cannot start"), message);
    return 2;
}

// For loyalty-bench's cold start (tests/bench/ColdStartFigure): "ready" once the database is open,
// the first frame is painted, the expiry is booked and the first page's field has the keyboard
// focus, then quit when stdin closes so the bench can read the peak RSS meanwhile. The event loop
// goes on while it waits, so the till still answers a SIGTERM (TestTillTermination).
void sayReadyWhenFocused(QWidget& window)
{
    const auto sayReady = [&window] {
        std::puts("ready");
        std::fflush(stdout);
        auto* input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &window);
        QObject::connect(input, &QSocketNotifier::activated, input, [input] {
            char buffer[256];
            if (::read(STDIN_FILENO, buffer, sizeof buffer) > 0)
                return;
            input->setEnabled(false);  // end of input (or an error): the bench is done with us
            QCoreApplication::quit();
        });
    };
    const QWidget* focus = QApplication::focusWidget();
    if (focus && focus->window() == &window) {
        sayReady();
        return;
    }
    auto* waiting = new QObject(&window);
    QObject::connect(qApp, &QApplication::focusChanged, waiting, [&window, waiting, sayReady](QWidget*, QWidget* now) {
        if (!now || now->window() != &window)
            return;
        waiting->deleteLater();
        sayReady();
    });
}

struct TillRun
{
    int exitCode = 0;
    // What the background integrity check found: the till stopped selling; the file is moved aside
    // once every connection to it is closed.
    std::optional<QString> damage;
};

TillRun runTill(QApplication& application, const TillOptions& options, const loyalty::TillPreferences& preferences,
                QSettings& preferenceStore, const loyalty::CustomerDisplayOption& customerDisplayOption,
                const loyalty::Clock& clock, const loyalty::TerminationSignals& termination)
{
    // Checked at open only after an unclean shutdown; after a clean one in the background, below.
    auto database = loyalty::Database::open(options.databasePath, clock, loyalty::Database::OpenMode::MustExist,
                                            loyalty::Database::IntegrityCheck::AfterUncleanShutdown);
    if (!database)
        return {refuseToStart(database.error().message), {}};
    const auto settings = loyalty::TillSettings::load((*database)->connection());
    if (!settings)
        return {refuseToStart(settings.error().message), {}};
    const loyalty::SettingsRepository settingsTable((*database)->connection());
    const auto devices = loyalty::DeviceSettings::load(settingsTable);
    if (!devices)
        return {refuseToStart(devices.error().message), {}};
    const auto nfcPolicy = loyalty::NfcPolicy::load(settingsTable);
    if (!nfcPolicy)
        return {refuseToStart(nfcPolicy.error().message), {}};

    loyalty::SaleSession session(**database, clock, *settings);
    loyalty::Enrolment enrolment(**database, clock, *settings);
    loyalty::CardLifecycle cards(**database, clock, *settings);
    loyalty::StaffDirectory staff(**database, clock);
    // The shell owns the sale screen as one of its pages (and the card devices with it).
    auto* window = new loyalty::SaleWindow(session, enrolment, cards);
    window->enableReturns(**database, clock);
    window->memberPanel()->enableCustomerHints(**database, clock);
    // Owned by the window; this workstation's scanner setup (QSettings) wins over the database's.
    auto* cardDevices = new loyalty::TillCardDevices(*devices, preferences.scanner, *nfcPolicy, *window);
    // Receipts: one after each sale to this workstation's printer, and Ctrl+P for earlier ones (reprint, PDF).
    const loyalty::ReceiptSource receipts((*database)->connection());
    loyalty::ReceiptPrintService receiptPrinting(receipts, preferences.printer);
    QObject::connect(window, &loyalty::SaleWindow::saleCompleted, &receiptPrinting, [&session, &receiptPrinting] {
        if (const auto& sale = session.lastCompleted())
            receiptPrinting.printAfterSale(sale->saleId);
    });
    QObject::connect(&receiptPrinting, &loyalty::ReceiptPrintService::failed, window, [window](const QString& message) {
        window->messageStrip()->show(loyalty::MessageStrip::Severity::Error, message);
    });
    // The sale's own success line stays and gets the receipt added, until the next customer's first scan.
    QObject::connect(
        &receiptPrinting, &loyalty::ReceiptPrintService::printed, window, [window, &session](const QString& message) {
            loyalty::MessageStrip* strip = window->messageStrip();
            if (strip->severity() == loyalty::MessageStrip::Severity::Success && session.basket().lineCount() == 0)
                strip->show(loyalty::MessageStrip::Severity::Success, strip->text() + QStringLiteral("  ") + message);
        });
    QObject::connect(window, &loyalty::SaleWindow::receiptsRequested, window, [&, window] {
        loyalty::ReceiptHistoryDialog dialog(**database, receiptPrinting, window);
        dialog.exec();
        window->scanField()->setFocus();
    });
    loyalty::TillShell shell(window, **database, clock, *settings, staff);
    // The customer display: --customer-display[=SCREEN] wins over the preference. Made even when off
    // (hidden), so the placement can take a changed setting while the till runs (the settings dialog).
    loyalty::CustomerDisplay customerDisplay(session);
    loyalty::CustomerDisplayPlacement customerDisplayPlacement(customerDisplay, &shell,
                                                               customerDisplayOption.over(preferences.customerDisplay));
    QObject::connect(&customerDisplayPlacement, &loyalty::CustomerDisplayPlacement::placed, &customerDisplayPlacement,
                     [](const QString& status) { std::fprintf(stderr, "loyalty-till: %s\n", qPrintable(status)); });
    // F6 on the manager screens: the settings dialog, acting as the manager signed in there.
    QObject::connect(&shell, &loyalty::TillShell::settingsRequested, &shell, [&] {
        loyalty::TillIdentityEditor identity(**database, clock);
        loyalty::SettingsDialog dialog(
            {preferenceStore, identity, shell.managerScreen()->manager(), *devices, settings->cardPrefix, clock},
            &shell);
        dialog.setScanCapture(window->wedgeCapture());
        // The shell does not lock behind a dialog: the dialog itself goes after the same idle time.
        dialog.setIdleTimeout(shell.autoLockInterval());
        // What can change while the till runs is re-applied on OK (the look is already applied).
        QObject::connect(
            &dialog, &loyalty::SettingsDialog::preferencesSaved, cardDevices,
            [cardDevices](const loyalty::TillPreferences& saved) { cardDevices->applyScanner(saved.scanner); });
        QObject::connect(
            &dialog, &loyalty::SettingsDialog::preferencesSaved, &receiptPrinting,
            [&receiptPrinting](const loyalty::TillPreferences& saved) { receiptPrinting.setSetup(saved.printer); });
        // The command line's --customer-display still wins over what was saved.
        QObject::connect(&dialog, &loyalty::SettingsDialog::preferencesSaved, &customerDisplayPlacement,
                         [&](const loyalty::TillPreferences& saved) {
                             customerDisplayPlacement.setSetup(customerDisplayOption.over(saved.customerDisplay));
                         });
        dialog.exec();
    });
    // Declared after the database: interrupted and joined before it closes.
    std::unique_ptr<loyalty::sync::SyncWorkerThread> sync;
    std::unique_ptr<loyalty::BackgroundIntegrityCheck> integrity;
    std::optional<QString> damage;
    // Made before the shell is shown, so it sees the first paint.
    loyalty::TillStartup startup(shell);
    startup.afterFirstPaint([&] {
        const QString expiryProblem = bookExpiredPoints(**database, clock, *settings);
        if (!expiryProblem.isEmpty())
            window->messageStrip()->show(loyalty::MessageStrip::Severity::Warning, expiryProblem);
    });
    startup.afterFirstPaint([&] {
        if (!(*database)->integrityCheckPending())
            return;
        // PRAGMA quick_check reads the whole file (seconds on a large till): on a thread of its own, at
        // idle priority so the cashier's scans come first.
        integrity = std::make_unique<loyalty::BackgroundIntegrityCheck>((*database)->path());
        QObject::connect(integrity.get(), &loyalty::BackgroundIntegrityCheck::damaged, &application,
                         [&damage](const QString& finding) {
                             // Stop selling at once: nothing more is written to the damaged file.
                             damage = finding;
                             QCoreApplication::exit(2);
                         });
        QObject::connect(
            integrity.get(), &loyalty::BackgroundIntegrityCheck::failed, &application, [](const QString& message) {
                // Not a finding: the next start checks again.
                std::fprintf(stderr, "loyalty-till: the integrity check could not run: %s\n", qPrintable(message));
            });
        integrity->start(QThread::IdlePriority);
    });
    startup.afterFirstPaint([&] { sync = startSync(**database, options.databasePath, clock, *window); });
    if (qEnvironmentVariableIsSet("LOYALTY_TILL_EXIT_WHEN_READY"))
        startup.afterFirstPaint([&shell] { sayReadyWhenFocused(shell); });
    // The till's design size, but never larger than the screen: a smaller till screen gets the
    // whole of it rather than a window cut off at the edge.
    const QScreen* screen = QGuiApplication::primaryScreen();
    shell.resize(screen ? screen->availableGeometry().size().boundedTo(QSize(1366, 768)) : QSize(1366, 768));
    shell.start();
    if (options.fullScreen)
        shell.showFullScreen();
    else
        shell.show();
    // Placed once the till window is shown, so it can avoid the till's screen.
    customerDisplayPlacement.place();

    // A signal taken by an event loop before this one (a message box) would be lost to exec().
    const int exitCode = termination.received() != 0 ? 0 : application.exec();
    // Joined before the windows and the database go: a request in flight is abandoned, nothing is lost.
    sync.reset();
    integrity.reset();
    return {exitCode, damage};
}

}  // namespace

int main(int argc, char** argv)
{
    loyalty::LocalTimeZone::pinForThisProcess();  // before any thread: glibc then reads the zone once
    if (wantsOnlyText(argc, argv)) {
        // --help and --version must work without a display (packaging checks run them headless).
        QCoreApplication application(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        describe(parser);
        parser.process(application);
        return 0;
    }

    QApplication application(argc, argv);
    setIdentity();
    // From here to the end: a kill, Ctrl+C or the session's end quits like closing the window, so the
    // database closes cleanly (a sale is committed or not; an open basket is dropped as on any quit).
    // It leaves every event loop, a dialog's too; one that comes during the shutdown stays unread.
    const loyalty::TerminationSignals termination({SIGTERM, SIGINT, SIGHUP});
    QObject::connect(&termination, &loyalty::TerminationSignals::requested, &application, [](int signalNumber) {
        std::fprintf(stderr, "loyalty-till: %s\n",
                     qPrintable(QCoreApplication::translate("main", "Signal %1: closing.").arg(signalNumber)));
        QCoreApplication::exit(0);
    });
    QCommandLineParser parser;
    describe(parser);
    // --customer-display[=SCREEN] has an optional value, which QCommandLineParser cannot parse: taken out first.
    const loyalty::CustomerDisplayOption customerDisplayOption(QCoreApplication::arguments());
    parser.process(customerDisplayOption.remainingArguments());
    // This workstation's preferences (QSettings: ~/.config, then /etc/xdg); the command line wins.
    const std::unique_ptr<QSettings> preferenceStore = loyalty::TillPreferences::openDefault();
    const loyalty::TillPreferences preferences = loyalty::TillPreferences::load(*preferenceStore);
    const TillOptions options{preferences.databasePathFor(parser.value(QStringLiteral("db"))),
                              preferences.languageFor(parser.value(QStringLiteral("lang"))),
                              parser.isSet(QStringLiteral("fullscreen"))};

    loyalty::TranslationLoader::install(&application, options.language);
    loyalty::TillStyle::apply(application, preferences.appearance);

    const loyalty::SystemClock clock;
    const TillRun run =
        runTill(application, options, preferences, *preferenceStore, customerDisplayOption, clock, termination);
    if (!run.damage)
        return run.exitCode;
    // Everything that had the file open is gone now: the same quarantine as a damaged file gets at open.
    const loyalty::Error damaged = loyalty::Database::quarantineDamaged(options.databasePath, *run.damage, clock.now());
    std::fprintf(stderr, "loyalty-till: %s\n", qPrintable(damaged.message));
    QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Loyalty Till stopped selling"),
                          damaged.message);
    return 2;
}
