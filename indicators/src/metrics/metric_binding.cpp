#include "xiuhua/indicators/metrics/metric_binding.h"

#include <QJsonArray>

namespace xiuhua::indicators {

std::vector<Breakdown> breakdowns(const MetricBinding& binding) {
  std::vector<Breakdown> out;
  for (const QJsonValue& v : binding.parameters.value(QStringLiteral("per")).toArray()) {
    const QJsonObject per = v.toObject();
    const QString layer = per.value(QStringLiteral("layer")).toString();
    const QString level = per.value(QStringLiteral("level")).toString();
    out.push_back({layer, per.value(QStringLiteral("field")).toString(), level.isEmpty() ? layer : level});
  }
  return out;
}

}  // namespace xiuhua::indicators
