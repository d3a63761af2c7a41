#include "gdal_env.h"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace xiuhua::gis::detail {
namespace {

void CPL_STDCALL collectError(CPLErr level, CPLErrorNum /*code*/, const char* message) {
  auto* messages = static_cast<GdalErrorCollector::Messages*>(CPLGetErrorHandlerUserData());
  if (messages == nullptr || message == nullptr || level < CE_Warning) return;
  (level >= CE_Failure ? messages->failure : messages->warning) = QString::fromUtf8(message);
}

}  // namespace

void ensureGdalRegistered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

GdalErrorCollector::GdalErrorCollector() { CPLPushErrorHandlerEx(collectError, &mMessages); }
GdalErrorCollector::~GdalErrorCollector() { CPLPopErrorHandler(); }

}  // namespace xiuhua::gis::detail
