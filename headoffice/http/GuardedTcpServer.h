#pragma once

#include <QTcpServer>

#include <functional>

namespace loyalty::hq {

// A plain TCP server that hands each new socket to `attach` before anyone else sees it, so the
// ConnectionGuard's readyRead runs before the HTTP server's. (QSslServer has startedEncryptionHandshake
// for the same purpose.)
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    GuardedTcpServer(std::function<void(QTcpSocket*)> attach, QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr handle) override;

private:
    std::function<void(QTcpSocket*)> m_attach;
};

}  // namespace loyalty::hq
