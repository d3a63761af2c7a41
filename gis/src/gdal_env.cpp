#include "gdal_env.h"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace xiuhua::gis::detail {
namespace {

void CPL_STDCALL collectError(CPLErr level, CPLErrorNum /*code*/, const char* message) {
  if (level < CE_Warning) return;
  auto* self = static_cast<QString*>(CPLGetErrorHandlerUserData());
  if (self != nullptr && message != nullptr && (level >= CE_Failure || self->isEmpty())) {
    *self = QString::fromUtf8(message);
  }
}

}  // namespace

void ensureGdalRegistered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

GdalErrorCollector::GdalErrorCollector() { CPLPushErrorHandlerEx(collectError, &mLastError); }
GdalErrorCollector::~GdalErrorCollector() { CPLPopErrorHandler(); }

}  // namespace xiuhua::gis::detail
