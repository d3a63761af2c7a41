#include "table/attribute_sort.h"

#include <QCollator>
#include <QLocale>

#include <algorithm>
#include <numeric>
#include <optional>

namespace xiuhua::app {
namespace {

template <typename Key>
std::vector<int> orderByKeys(const std::vector<std::optional<Key>>& keys, bool ascending) {
  std::vector<int> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const auto& ka = keys[static_cast<std::size_t>(a)];
    const auto& kb = keys[static_cast<std::size_t>(b)];
    if (!ka || !kb) return ascending ? (!ka && kb) : (ka && !kb);  // NULLs first when ascending
    return ascending ? *ka < *kb : *kb < *ka;
  });
  return order;
}

}  // namespace

std::vector<int> sortedFeatureOrder(const gis::VectorData& data, int field, bool ascending,
                                    const std::atomic<bool>* cancel) {
  if (field < 0 || static_cast<std::size_t>(field) >= data.fields.size()) return {};
  const auto column = static_cast<std::size_t>(field);
  const std::size_t n = data.attributes.size();
  if (data.fields[column].isNumeric()) {
    std::vector<std::optional<double>> keys(n);
    for (std::size_t i = 0; i < n; ++i) {
      const QVariant& v = data.attributes[i][column];
      if (v.isValid()) keys[i] = v.toDouble();
    }
    if (cancel != nullptr && cancel->load()) return {};
    return orderByKeys(keys, ascending);
  }
  QCollator collator{QLocale()};
  collator.setNumericMode(true);  // 马陆支路2 before 马陆支路10
  std::vector<std::optional<QCollatorSortKey>> keys(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (cancel != nullptr && (i % 4096) == 0 && cancel->load()) return {};
    const QVariant& v = data.attributes[i][column];
    if (v.isValid()) keys[i] = collator.sortKey(v.toString());
  }
  return orderByKeys(keys, ascending);
}

}  // namespace xiuhua::app
