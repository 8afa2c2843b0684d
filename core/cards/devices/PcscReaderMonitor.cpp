#include "cards/devices/PcscReaderMonitor.h"

#include "cards/devices/NdefMessage.h"

#include <QThread>

#include <optional>
#include <type_traits>
#include <winscard.h>

namespace loyalty {

static_assert(std::is_same_v<SCARDCONTEXT, long>, "PcscReaderMonitor stores SCARDCONTEXT as long");

namespace {

constexpr DWORD kWaitMs = 1000;            // every blocking PC/SC wait is bounded by this
constexpr qsizetype kMaxNdefBytes = 1024;  // NTAG216 holds 888 bytes of user memory
const char* const kPnpNotification = "\\\\?PnP?\\Notification";

bool serviceGone(LONG rv)
{
    return rv == SCARD_E_NO_SERVICE || rv == SCARD_E_SERVICE_STOPPED || rv == SCARD_E_INVALID_HANDLE;
}

QList<QByteArray> listReaders(SCARDCONTEXT context, LONG* rv)
{
    DWORD length = 0;
    *rv = SCardListReaders(context, nullptr, nullptr, &length);
    if (*rv != SCARD_S_SUCCESS || length == 0)
        return {};
    QByteArray buffer(static_cast<qsizetype>(length), '\0');
    *rv = SCardListReaders(context, nullptr, buffer.data(), &length);
    if (*rv != SCARD_S_SUCCESS)
        return {};
    QList<QByteArray> readers;
    // A multi-string: names separated by NUL, ended by an empty name.
    for (const QByteArray& name : buffer.left(static_cast<qsizetype>(length)).split('\0')) {
        if (!name.isEmpty())
            readers.append(name);
    }
    return readers;
}

// Sends one APDU; answers the response data when the status word is 90 00.
std::optional<QByteArray> transmit(SCARDHANDLE card, DWORD protocol, const QByteArray& apdu)
{
    const SCARD_IO_REQUEST* pci = protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    unsigned char response[258] = {};
    DWORD responseLength = sizeof(response);
    const LONG rv = SCardTransmit(card, pci, reinterpret_cast<const unsigned char*>(apdu.constData()),
                                  static_cast<DWORD>(apdu.size()), nullptr, response, &responseLength);
    if (rv != SCARD_S_SUCCESS || responseLength < 2 || response[responseLength - 2] != 0x90 ||
        response[responseLength - 1] != 0x00)
        return std::nullopt;
    return QByteArray(reinterpret_cast<const char*>(response), static_cast<qsizetype>(responseLength - 2));
}

}  // namespace

PcscReaderMonitor::PcscReaderMonitor(QObject* parent)
    : QObject(parent)
{
}

PcscReaderMonitor::~PcscReaderMonitor()
{
    stop();
}

bool PcscReaderMonitor::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void PcscReaderMonitor::start()
{
    if (m_thread)
        return;
    m_stop = false;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("pcsc-monitor"));
    m_thread->start();
}

void PcscReaderMonitor::stop()
{
    if (!m_thread)
        return;
    m_stop = true;
    {
        QMutexLocker lock(&m_mutex);
        if (m_context)
            SCardCancel(m_context);  // ends a pending SCardGetStatusChange at once
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void PcscReaderMonitor::report(const QString& status)
{
    QMetaObject::invokeMethod(
        this,
        [this, status] {
            if (status == m_status)
                return;
            m_status = status;
            Q_EMIT statusChanged(status);
        },
        Qt::QueuedConnection);
}

void PcscReaderMonitor::sleepBeforeRetry()
{
    QMutexLocker lock(&m_mutex);
    if (!stopping())
        m_wake.wait(&m_mutex, static_cast<unsigned long>(m_retryMs.load()));
}

void PcscReaderMonitor::run()
{
    SCARDCONTEXT context = 0;
    const auto releaseContext = [&] {
        QMutexLocker lock(&m_mutex);
        m_context = 0;
        if (context)
            SCardReleaseContext(context);
        context = 0;
    };

    while (!stopping()) {
        if (!context) {
            const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
            if (rv != SCARD_S_SUCCESS) {
                context = 0;
                if (rv == SCARD_E_NO_SERVICE)
                    report(tr("PC/SC service not running — NFC off"));
                else
                    report(tr("NFC off: PC/SC error %1").arg(QString::fromLatin1(pcsc_stringify_error(rv))));
                sleepBeforeRetry();
                continue;
            }
            QMutexLocker lock(&m_mutex);
            m_context = context;
        }

        LONG rv = SCARD_S_SUCCESS;
        const QList<QByteArray> readers = listReaders(context, &rv);
        if (serviceGone(rv)) {
            releaseContext();
            continue;
        }
        if (readers.isEmpty()) {
            report(tr("No NFC reader connected"));
            // Wait for a reader to be plugged in; pcsclite signals it on the PnP pseudo-reader.
            SCARD_READERSTATE pnp{};
            pnp.szReader = kPnpNotification;
            pnp.dwCurrentState = SCARD_STATE_UNAWARE;
            rv = SCardGetStatusChange(context, kWaitMs, &pnp, 1);
            if (serviceGone(rv))
                releaseContext();
            else if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT && rv != SCARD_E_CANCELLED)
                sleepBeforeRetry();  // no PnP support: poll at the retry pace, never spin
            continue;
        }

        const QByteArray& reader = readers.first();
        report(tr("NFC reader %1 ready").arg(QString::fromLocal8Bit(reader)));
        rv = watchReader(context, reader);
        if (serviceGone(rv))
            releaseContext();
    }
    releaseContext();
}

long PcscReaderMonitor::watchReader(long context, const QByteArray& reader)
{
    SCARD_READERSTATE state{};
    state.szReader = reader.constData();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    bool cardSeen = false;
    while (!stopping()) {
        const LONG rv = SCardGetStatusChange(context, kWaitMs, &state, 1);
        if (rv == SCARD_E_TIMEOUT || rv == SCARD_E_CANCELLED)
            continue;
        if (rv != SCARD_S_SUCCESS)
            return rv;  // the reader or the service went away
        state.dwCurrentState = state.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
        if (state.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE | SCARD_STATE_IGNORE))
            return SCARD_E_UNKNOWN_READER;
        const bool present = (state.dwEventState & SCARD_STATE_PRESENT) && !(state.dwEventState & SCARD_STATE_MUTE);
        if (present && !cardSeen)
            readCard(context, reader);  // once per tap: the card must leave before it is read again
        cardSeen = present;
    }
    return SCARD_E_CANCELLED;
}

void PcscReaderMonitor::readCard(long context, const QByteArray& reader)
{
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    const auto failed = [this] {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT readFailed(tr("The card could not be read — hold it still on the reader.")); },
            Qt::QueuedConnection);
    };
    if (SCardConnect(context, reader.constData(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card,
                     &protocol) != SCARD_S_SUCCESS) {
        failed();
        return;
    }
    // GET DATA, UID (PC/SC part 3 pseudo-APDU for contactless readers).
    const std::optional<QByteArray> uid = transmit(card, protocol, QByteArray::fromHex("FFCA000000"));
    if (!uid || uid->isEmpty() || uid->size() > 10) {
        SCardDisconnect(card, SCARD_LEAVE_CARD);
        failed();
        return;
    }
    // NFC Forum Type 2 data area from page 4, 16 bytes (4 pages) per READ BINARY, until the NDEF
    // TLV is complete. Other tags (ISO 14443-4, including payment cards) answer with an error
    // status and are left at their UID: nothing else is ever read from them.
    QString text;
    QByteArray area;
    for (int page = 4; page <= 0xfc && area.size() < kMaxNdefBytes; page += 4) {
        QByteArray readBinary = QByteArray::fromHex("FFB00000") + char(0x10);
        readBinary[3] = static_cast<char>(page);
        const std::optional<QByteArray> block = transmit(card, protocol, readBinary);
        if (!block || block->isEmpty())
            break;
        area += *block;
        const Result<NdefMessage> message = NdefMessage::fromType2Tag(area);
        if (message.ok()) {
            text = message->firstText().value_or(message->firstUri().value_or(QString()));
            break;
        }
        if (message.error().reason != QStringLiteral("ndef_truncated"))
            break;
    }
    SCardDisconnect(card, SCARD_LEAVE_CARD);
    const QString uidHex = QString::fromLatin1(uid->toHex().toUpper());
    QMetaObject::invokeMethod(
        this, [this, uidHex, text] { Q_EMIT tagRead(uidHex, text); }, Qt::QueuedConnection);
}

}  // namespace loyalty
