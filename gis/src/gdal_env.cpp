#include "gdal_env.h"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace xiuhua::gis::detail {
namespace {

void CPL_STDCALL onGdalMessage(CPLErr level, CPLErrorNum /*code*/, const char* message) {
  if (message == nullptr || level == CE_None) return;
  const LibraryMessage::Level l = level >= CE_Failure ? LibraryMessage::Level::Failure
                                  : level == CE_Warning ? LibraryMessage::Level::Warning
                                                        : LibraryMessage::Level::Debug;
  reportLibraryMessage(l, QStringLiteral("GDAL"), QString::fromUtf8(message));
}

}  // namespace

void ensureGdalRegistered() {
  static std::once_flag once;
  std::call_once(once, [] {
    CPLSetErrorHandler(onGdalMessage);
    GDALAllRegister();
  });
}

}  // namespace xiuhua::gis::detail
