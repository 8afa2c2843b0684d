#include "demo/DemoCorrections.h"

#include "corrections/Corrections.h"
#include "demo/DemoDataGenerator.h"
#include "members/ConsentText.h"
#include "members/MarketingConsentText.h"
#include "members/MemberRepository.h"
#include "privacy/ConsentRecorder.h"
#include "settings/TillSettings.h"
#include "staff/StaffDirectory.h"
#include "staff/StaffSession.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <functional>
#include <tuple>

namespace loyalty {

namespace {

constexpr int kEveningHour = 19;
constexpr qint64 kMinutesBetween = 7;

}  // namespace

DemoCorrections::DemoCorrections(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<DemoCorrections::Summary> DemoCorrections::generate()
{
    const auto settings = TillSettings::load(m_database.connection());
    if (!settings)
        return settings.error();
    const auto memberCount = MemberRepository(m_database.connection()).count();
    if (!memberCount)
        return memberCount.error();

    const QDate yesterday = m_clock.now().toLocalTime().date().addDays(-1);
    FixedClock clock(QDateTime(yesterday, QTime(kEveningHour, 0)));
    StaffDirectory staff(m_database, clock);
    const auto hasStaff = staff.hasStaff();
    if (!hasStaff)
        return hasStaff.error();
    if (*hasStaff)
        return Error{Error::Code::Refused,
                     tr("The demo corrections need a till without staff accounts: the demo manager is its first."),
                     QStringLiteral("staff_exist")};
    const auto session = staff.createFirstManager(kManagerName, kManagerPin);
    if (!session)
        return session.error();

    Summary summary;
    summary.managerName = kManagerName;
    Corrections corrections(m_database, clock, *settings);
    // Each correction needs members the demo shop has; with few members some are left out.
    const QList<std::pair<qint64, std::function<Result<Done>()>>> steps{
        {7,
         [&]() -> Result<Done> {
             auto done = corrections.adjustPoints(
                 *session, 7, 250, tr("Points for a purchase the till missed (receipt shown by the customer)"));
             return done ? Result<Done>(Done{}) : Result<Done>(done.error());
         }},
        {12,
         [&]() -> Result<Done> {
             auto done = corrections.adjustPoints(*session, 12, -100, tr("Welcome points booked twice by mistake"));
             return done ? Result<Done>(Done{}) : Result<Done>(done.error());
         }},
        {3,
         [&]() -> Result<Done> {
             auto done = corrections.adjustWallet(*session, 3, 500, tr("Goodwill for a damaged product"));
             return done ? Result<Done>(Done{}) : Result<Done>(done.error());
         }},
        {DemoShop::kBlockedCardEvery,
         [&]() -> Result<Done> {
             auto done =
                 corrections.unblockCard(*session, DemoDataGenerator::blockedCardNumberFor(DemoShop::kBlockedCardEvery),
                                         tr("The customer found the card they had reported lost"));
             return done ? Result<Done>(Done{}) : Result<Done>(done.error());
         }},
        {21,
         [&]() -> Result<Done> {
             auto done = corrections.merge(*session, 21, 20, tr("The same person enrolled twice"));
             return done ? Result<Done>(Done{}) : Result<Done>(done.error());
         }},
    };
    for (const auto& [neededMembers, step] : steps) {
        if (*memberCount < neededMembers)
            continue;
        clock.advanceSeconds(kMinutesBetween * 60);
        if (auto done = step(); !done)
            return done.error();
        ++summary.corrections;
    }
    // A consent history for the member the guides show (Anna Bauer, member 12): the programme's
    // consent taken at the till, offers by e-mail agreed and later withdrawn.
    if (*memberCount >= 12) {
        ConsentRecorder consents(m_database, clock, *settings);
        const QList<std::tuple<QString, bool, QString>> records{
            {QStringLiteral("programme"), true, ConsentText::version()},
            {MarketingConsentText::purpose(), true, MarketingConsentText::version()},
            {MarketingConsentText::purpose(), false, MarketingConsentText::version()},
        };
        for (const auto& [purpose, given, version] : records) {
            clock.advanceSeconds(kMinutesBetween * 60);
            if (auto recorded = consents.record(12, purpose, given, version, *session); !recorded)
                return recorded.error();
            ++summary.consents;
        }
    }
    clock.advanceSeconds(kMinutesBetween * 60);
    if (auto signedOut = staff.signOut(*session); !signedOut)
        return signedOut.error();
    return summary;
}

}  // namespace loyalty
