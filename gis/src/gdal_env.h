#pragma once

// Internal: GDAL registration and error capture. Never in public headers.
#include "xiuhua/gis/library_messages.h"

#include <QString>

namespace xiuhua::gis::detail {

// Registers GDAL/OGR drivers once per process and routes GDAL's messages through Xiuhua's handler
// (see library_messages.h); safe to call from any thread.
void ensureGdalRegistered();

// Collects the GDAL (and PROJ, GEOS) messages raised on this thread while alive, instead of
// letting them reach the user unread; the wrappers read the library's words of the last one.
class GdalErrorCollector : public MessageCollector {
 public:
  GdalErrorCollector() { ensureGdalRegistered(); }
  // The last CE_Failure (or worse) message, or an empty string.
  QString lastError() const { return lastFailure(); }
};

}  // namespace xiuhua::gis::detail
