#include "HqExitCode.h"

namespace loyalty::hq {

HqExitCode exitCodeFor(Error::Code code)
{
    switch (code) {
    case Error::Code::NotFound:
        return HqExitCode::NotFound;
    case Error::Code::InvalidInput:
    case Error::Code::Refused:
    case Error::Code::Conflict:
        return HqExitCode::Refused;
    case Error::Code::DiskFull:
    case Error::Code::Storage:
    case Error::Code::SchemaTooNew:
    case Error::Code::Corrupt:
        return HqExitCode::Storage;
    }
    return HqExitCode::Storage;
}

}  // namespace loyalty::hq
