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
  // The last CE_Failure (or worse) message, or an empty string.
  const QString& lastError() const { return mMessages.failure; }
  // The last CE_Warning message, or an empty string.
  const QString& lastWarning() const { return mMessages.warning; }

  struct Messages {
    QString failure;
    QString warning;
  };

 private:
  Messages mMessages;
};

}  // namespace xiuhua::gis::detail
