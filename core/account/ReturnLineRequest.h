#pragma once

#include <QtGlobal>

namespace loyalty {

// Items of one sale line the customer brings back.
struct ReturnLineRequest
{
    int lineNo = 0;  // sale_lines.line_no
    qint64 quantity = 0;
};

}  // namespace loyalty
