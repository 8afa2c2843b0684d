#pragma once

#include <QByteArray>
#include <QList>

namespace loyalty::hq {

// Each pushed event's payload as the till wrote it, cut out of the request body, so head office
// stores the till's own (signed) text instead of serialising the parsed payload again with
// QJsonDocument::toJson (the largest single cost of applying a backlog). Only ever used on a body
// that QJsonDocument already accepted as JSON; this scanner then only has to find the bytes of the
// values the parser read. Whatever it cannot place with certainty — a key written with escapes, a
// key given twice, a shape other than {"events": [{..., "payload": {...}}, ...]} — it leaves to
// the serialiser: an empty text for that event, or no texts at all.
class EventPayloadTexts final
{
public:
    // One entry per element of the body's "events" array (empty: serialise that payload), or an
    // empty list when the body's shape is not the expected one.
    static QList<QByteArray> cut(const QByteArray& body);
};

}  // namespace loyalty::hq
