#include "proj_context.h"

#include "xiuhua/gis/library_messages.h"

namespace xiuhua::gis::detail {
namespace {

// PROJ's messages go through Xiuhua's handler (library_messages.h), never to standard error.
void onProjMessage(void* /*data*/, int level, const char* message) {
  if (message == nullptr) return;
  reportLibraryMessage(level <= PJ_LOG_ERROR ? LibraryMessage::Level::Warning : LibraryMessage::Level::Debug, QStringLiteral("PROJ"),
                       QString::fromUtf8(message));
}

struct ContextHolder {
  PJ_CONTEXT* ctx = proj_context_create();
  ContextHolder() {
    proj_log_func(ctx, nullptr, onProjMessage);
    proj_log_level(ctx, PJ_LOG_ERROR);
  }
  ~ContextHolder() { proj_context_destroy(ctx); }
  ContextHolder(const ContextHolder&) = delete;
  ContextHolder& operator=(const ContextHolder&) = delete;
};

}  // namespace

PJ_CONTEXT* projContext() {
  thread_local ContextHolder holder;
  return holder.ctx;
}

void PjDeleter::operator()(PJ* pj) const { proj_destroy(pj); }

const char* projLastError() {
  PJ_CONTEXT* ctx = projContext();
  return proj_context_errno_string(ctx, proj_context_errno(ctx));
}

}  // namespace xiuhua::gis::detail
