#include "proj_context.h"

namespace xiuhua::gis::detail {
namespace {

struct ContextHolder {
  PJ_CONTEXT* ctx = proj_context_create();
  ContextHolder() { proj_log_level(ctx, PJ_LOG_NONE); }
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
