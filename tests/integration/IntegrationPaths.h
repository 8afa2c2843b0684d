#pragma once

#include "TestPaths.h"

// The head-office binary, beside loyalty-ctl in the same build tree.
#define LOYALTY_HQ_PATH LOYALTY_BINARY_DIR "/app/hq/loyalty-hq"
