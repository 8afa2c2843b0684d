#pragma once

#include <QByteArray>
#include <QList>

// Just enough HTTP/1.1 framing for FaultProxy: where a request or response in a byte stream ends.
struct HttpMessage
{
    // The value of header `name` (case-insensitive) in `head` (start line and headers), or empty.
    static QByteArray header(const QByteArray& head, const QByteArray& name)
    {
        const QList<QByteArray> lines = head.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

    // Length of the complete message at the start of `buffer`, or -1 while it is incomplete.
    static qsizetype completeLength(const QByteArray& buffer, bool response)
    {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return -1;
        const qsizetype bodyStart = headEnd + 4;
        const QByteArray head = buffer.left(headEnd);
        if (response) {
            const int status = head.mid(9, 3).toInt();
            if (status == 204 || status == 304 || (status >= 100 && status < 200))
                return bodyStart;
        }
        if (header(head, "transfer-encoding").toLower().contains("chunked")) {
            qsizetype at = bodyStart;
            for (;;) {
                const qsizetype lineEnd = buffer.indexOf("\r\n", at);
                if (lineEnd < 0)
                    return -1;
                bool ok = false;
                const qsizetype size = buffer.mid(at, lineEnd - at).split(';').first().trimmed().toLongLong(&ok, 16);
                if (!ok)
                    return -1;
                at = lineEnd + 2;
                if (size == 0) {
                    // Optional trailers, then the empty line.
                    const qsizetype end = buffer.indexOf("\r\n", at);
                    if (end < 0)
                        return -1;
                    if (end == at)
                        return at + 2;
                    const qsizetype trailersEnd = buffer.indexOf("\r\n\r\n", at);
                    return trailersEnd < 0 ? -1 : trailersEnd + 4;
                }
                if (buffer.size() < at + size + 2)
                    return -1;
                at += size + 2;
            }
        }
        const qsizetype length = header(head, "content-length").toLongLong();
        return buffer.size() < bodyStart + length ? -1 : bodyStart + length;
    }

    static qsizetype headLength(const QByteArray& message)
    {
        const qsizetype headEnd = message.indexOf("\r\n\r\n");
        return headEnd < 0 ? message.size() : headEnd + 4;
    }

    // "/v1/events" of "POST /v1/events HTTP/1.1".
    static QByteArray target(const QByteArray& request)
    {
        const qsizetype lineEnd = request.indexOf("\r\n");
        const QList<QByteArray> parts = request.left(lineEnd).split(' ');
        return parts.size() >= 2 ? parts.at(1) : QByteArray();
    }
};
