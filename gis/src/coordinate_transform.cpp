#include "xiuhua/gis/coordinate_transform.h"

#include "proj_context.h"
#include "xiuhua/gis/library_messages.h"
#include "xiuhua/gis/bounds.h"
#include "xiuhua/gis/china_offsets.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace xiuhua::gis {

using detail::PjPtr;
using detail::projContext;

struct CoordinateTransform::Impl {
  Crs::Kind sourceKind = Crs::Kind::Proj;
  Crs::Kind targetKind = Crs::Kind::Proj;
  PjPtr pj;  // null when the PROJ step is the identity

  QPointF apply(QPointF p) const {
    if (sourceKind == Crs::Kind::Bd09) p = china::gcj02ToWgs84(china::bd09ToGcj02(p));
    if (sourceKind == Crs::Kind::Gcj02) p = china::gcj02ToWgs84(p);
    if (pj) {
      PJ_COORD c = proj_coord(p.x(), p.y(), 0, 0);
      c = proj_trans(pj.get(), PJ_FWD, c);
      if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y) || c.xy.x == HUGE_VAL) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan};
      }
      p = QPointF(c.xy.x, c.xy.y);
    }
    if (targetKind == Crs::Kind::Gcj02) p = china::wgs84ToGcj02(p);
    if (targetKind == Crs::Kind::Bd09) p = china::gcj02ToBd09(china::wgs84ToGcj02(p));
    return p;
  }
};

CoordinateTransform::CoordinateTransform(std::unique_ptr<Impl> impl) : mImpl(std::move(impl)) {}
CoordinateTransform::~CoordinateTransform() = default;

Result<std::unique_ptr<CoordinateTransform>> CoordinateTransform::create(const Crs& source,
                                                                         const Crs& target) {
  if (!source.isValid() || !target.isValid()) {
    return Error{ErrorCode::CrsInvalid,
                 QCoreApplication::translate("Crs", "Cannot transform: a coordinate system is missing.")};
  }
  auto impl = std::make_unique<Impl>();
  impl->sourceKind = source.kind();
  impl->targetKind = target.kind();
  const QString src = source.projDefinition();
  const QString dst = target.projDefinition();
  if (src != dst) {
    const QByteArray s = src.toUtf8();
    const QByteArray d = dst.toUtf8();
    const MessageCollector expected;  // a failure is returned with PROJ's words, not also reported
    PjPtr raw(proj_create_crs_to_crs(projContext(), s.constData(), d.constData(), nullptr));
    if (!raw) {
      return Error{ErrorCode::TransformFailed,
                   QCoreApplication::translate("Crs", "PROJ cannot transform from %1 to %2: %3")
                       .arg(source.name(), target.name(), QString::fromUtf8(detail::projLastError()))};
    }
    // Always x=easting/longitude, y=northing/latitude, whatever the CRS axis order says.
    PjPtr normalized(proj_normalize_for_visualization(projContext(), raw.get()));
    impl->pj = normalized ? std::move(normalized) : std::move(raw);
  }
  if (source.kind() == target.kind() && source.kind() != Crs::Kind::Proj) {
    impl->sourceKind = impl->targetKind = Crs::Kind::Proj;  // GCJ-02 to GCJ-02: identity
  }
  return std::unique_ptr<CoordinateTransform>(new CoordinateTransform(std::move(impl)));
}

bool CoordinateTransform::isIdentity() const {
  return !mImpl->pj && mImpl->sourceKind == Crs::Kind::Proj && mImpl->targetKind == Crs::Kind::Proj;
}

QPointF CoordinateTransform::transform(QPointF point) const { return mImpl->apply(point); }

bool CoordinateTransform::transform(std::vector<QPointF>& points) const {
  if (isIdentity()) return true;
  bool allOk = true;
  for (QPointF& p : points) {
    p = mImpl->apply(p);
    allOk = allOk && std::isfinite(p.x());
  }
  return allOk;
}

QRectF CoordinateTransform::transformBounds(const QRectF& rect) const {
  constexpr int kSteps = 20;
  std::vector<QPointF> pts;
  pts.reserve(4 * kSteps);
  for (int i = 0; i < kSteps; ++i) {
    const double t = static_cast<double>(i) / kSteps;
    pts.emplace_back(rect.left() + t * rect.width(), rect.top());
    pts.emplace_back(rect.right(), rect.top() + t * rect.height());
    pts.emplace_back(rect.right() - t * rect.width(), rect.bottom());
    pts.emplace_back(rect.left(), rect.bottom() - t * rect.height());
  }
  transform(pts);
  Bounds bounds;
  for (const QPointF& p : pts) bounds.add(p);
  return bounds.rect();
}

}  // namespace xiuhua::gis
