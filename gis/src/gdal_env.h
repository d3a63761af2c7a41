#pragma once

// Internal: GDAL registration and error capture. Never in public headers.
#include <QString>

namespace xiuhua::gis::detail {

// Registers GDAL/OGR drivers once per process; safe to call from any thread.
void ensureGdalRegistered();

// Collects GDAL error messages raised on this thread while alive, instead of printing them.
class GdalErrorCollector {
 public:
  GdalErrorCollector();
  ~GdalErrorCollector();
  GdalErrorCollector(const GdalErrorCollector&) = delete;
  GdalErrorCollector& operator=(const GdalErrorCollector&) = delete;
  // The last failure message, or an empty string.
  const QString& lastError() const { return mLastError; }

 private:
  QString mLastError;
};

}  // namespace xiuhua::gis::detail
