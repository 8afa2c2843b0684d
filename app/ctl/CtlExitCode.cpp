#include "CtlExitCode.h"

namespace loyalty {

CtlExitCode exitCodeFor(Error::Code code)
{
    switch (code) {
    case Error::Code::NotFound:
        return CtlExitCode::NotFound;
    case Error::Code::InvalidInput:
    case Error::Code::Refused:
    case Error::Code::Conflict:
        return CtlExitCode::Refused;
    case Error::Code::DiskFull:
    case Error::Code::Storage:
    case Error::Code::SchemaTooNew:
    case Error::Code::Corrupt:
        return CtlExitCode::Storage;
    }
    return CtlExitCode::Storage;
}

CtlExitCode exitCodeFor(const Error& error)
{
    if (error.reason == QLatin1String("hq_unreachable"))
        return CtlExitCode::HeadOffice;
    if (error.reason == QLatin1String("printer"))
        return CtlExitCode::Printer;
    return exitCodeFor(error.code);
}

}  // namespace loyalty
