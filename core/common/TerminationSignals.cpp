#include "common/TerminationSignals.h"

#include <QSocketNotifier>

#include <array>
#include <sys/socket.h>
#include <unistd.h>

namespace loyalty {

namespace {

// Enough for every signal a program asks for; the handler itself may only touch these globals.
constexpr int kMaxSignals = 8;

int g_pipe[2] = {-1, -1};
std::array<struct sigaction, kMaxSignals> g_previous;

extern "C" void onTerminationSignal(int signalNumber)
{
    // Only async-signal-safe calls here: write one byte naming the signal.
    const char byte = char(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[0], &byte, 1);
}

}  // namespace

TerminationSignals::TerminationSignals(QList<int> signalNumbers, QObject* parent)
    : QObject(parent)
    , m_signals(signalNumbers.mid(0, kMaxSignals))
{
    if (g_pipe[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_pipe) != 0)
        return;
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (qsizetype i = 0; i < m_signals.size(); ++i)
        ::sigaction(m_signals[i], &action, &g_previous[std::size_t(i)]);
    m_notifier = std::make_unique<QSocketNotifier>(g_pipe[1], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &TerminationSignals::readSignal);
}

TerminationSignals::~TerminationSignals()
{
    if (!m_notifier)
        return;
    m_notifier.reset();
    for (qsizetype i = 0; i < m_signals.size(); ++i)
        ::sigaction(m_signals[i], &g_previous[std::size_t(i)], nullptr);
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

void TerminationSignals::readSignal()
{
    char byte = 0;
    if (::read(g_pipe[1], &byte, 1) != 1)
        return;
    if (m_received == 0)
        m_received = int(byte);
    Q_EMIT requested(int(byte));
}

}  // namespace loyalty
