#pragma once

// Internal: the calling thread's PROJ context and RAII for PJ objects. Never in public headers.
#include <proj.h>

#include <memory>

namespace xiuhua::gis::detail {

// The PROJ context of the calling thread, created on first use and destroyed at thread exit.
PJ_CONTEXT* projContext();

struct PjDeleter {
  void operator()(PJ* pj) const;
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

// The last PROJ error text of this thread's context.
const char* projLastError();

}  // namespace xiuhua::gis::detail
