#include "xiuhua/indicators/value_exchange.h"

#include "xiuhua/gis/table_reader.h"
#include "xiuhua/gis/table_writer.h"
#include "xiuhua/indicators/value_validator.h"

#include <QCoreApplication>

#include <map>
#include <tuple>

namespace xiuhua::indicators {
namespace {

using Key = std::tuple<QString, int, int, QString>;  // code, year, month (0 = yearly), sub-unit

Key keyOf(const IndicatorValue& v) { return {v.code, v.year, v.month.value_or(0), v.subunit}; }

}  // namespace

const QStringList& valueFileColumns() {
  static const QStringList kColumns = {QStringLiteral("code"),    QStringLiteral("year"),  QStringLiteral("month"),
                                       QStringLiteral("subunit"), QStringLiteral("value"), QStringLiteral("unit"),
                                       QStringLiteral("author"),  QStringLiteral("note"),  QStringLiteral("level"),
                                       QStringLiteral("source")};
  return kColumns;
}

gis::Result<ValueImportPlan> planValueImport(const QString& path, const Catalog& catalog, ValueStore& store,
                                             const QString& author) {
  auto table = gis::TableReader::read(path);
  if (!table.ok()) return table.error();
  QStringList problems;
  for (const char* required : {"code", "year", "value"}) {
    if (table->column(QLatin1String(required)) < 0) {
      problems << QCoreApplication::translate("ValueImport", "%1:1: the column \"%2\" is missing").arg(path, QLatin1String(required));
    }
  }
  if (!problems.isEmpty()) return gis::Error{gis::ErrorCode::InvalidArgument, problems.join(QLatin1Char('\n'))};
  auto latest = store.latestValues();
  if (!latest.ok()) return latest.error();
  std::map<Key, double> current;
  for (const IndicatorValue& v : latest.value()) current[keyOf(v)] = v.value;

  ValueImportPlan plan;
  plan.path = table->path;
  for (std::size_t i = 0; i < table->rows.size(); ++i) {
    const QStringList& row = table->rows[i];
    auto cell = [&](const char* column) { return row.value(table->column(QLatin1String(column))).trimmed(); };
    const int line = table->lines[i];
    const Indicator* indicator = catalog.find(cell("code"));
    if (indicator == nullptr) {
      problems << QCoreApplication::translate("ValueImport", "%1:%2: no indicator with code \"%3\" in the project").arg(path).arg(line).arg(cell("code"));
      continue;
    }
    bool yearOk = false;
    const int year = cell("year").toInt(&yearOk);
    auto value = validateValue(*indicator, cell("value"), cell("unit"), yearOk ? year : 0);
    if (!yearOk || !value.ok()) {
      problems << QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(
                      yearOk ? value.error().message : QCoreApplication::translate("ValueImport", "the year \"%1\" is not a year").arg(cell("year")));
      continue;
    }
    ValueImportRow r;
    r.line = line;
    r.value.code = indicator->code;
    r.value.year = year;
    if (const QString month = cell("month"); !month.isEmpty()) r.value.month = month.toInt();
    r.value.subunit = cell("subunit");
    // A sub-unit value without a level belongs to the indicator's breakdown (街镇 …).
    r.value.level = r.value.subunit.isEmpty() ? QString() : cell("level").isEmpty() ? indicator->breakdown : cell("level");
    r.value.value = value.value();
    // A file may say where its values come from (the demo's invented history says "synthetic");
    // without, they are imported — and so is a value computed elsewhere: in this project no
    // computation record stands behind it.
    const QString source = cell("source");
    std::optional<ValueSource> named = source.isEmpty() ? std::optional(ValueSource::Imported) : valueSourceFromName(source);
    if (named == ValueSource::Computed) named = ValueSource::Imported;
    if (!named) {
      problems << QCoreApplication::translate("ValueImport", "%1:%2: the source \"%3\" is not one a file can give (entered, imported, synthetic)")
                      .arg(path)
                      .arg(line)
                      .arg(source);
      continue;
    }
    r.value.source = *named;
    r.value.author = cell("author").isEmpty() ? author : cell("author");
    r.value.note = cell("note");
    if (const auto it = current.find(keyOf(r.value)); it != current.end()) r.previous = it->second;
    if (!r.previous) ++plan.added;
    else if (*r.previous == r.value.value) ++plan.unchanged;
    else ++plan.changed;
    plan.rows.push_back(std::move(r));
  }
  if (!problems.isEmpty()) {
    QString message = problems.mid(0, 20).join(QLatin1Char('\n'));
    if (problems.size() > 20) message += QLatin1Char('\n') + QCoreApplication::translate("ValueImport", "… and %1 more problems").arg(problems.size() - 20);
    return gis::Error{gis::ErrorCode::InvalidArgument, message};
  }
  return plan;
}

std::vector<IndicatorValue> valuesToWrite(const ValueImportPlan& plan) {
  std::vector<IndicatorValue> values;
  for (const ValueImportRow& r : plan.rows) {
    if (!r.previous || *r.previous != r.value.value) values.push_back(r.value);
  }
  return values;
}

gis::Status applyValueImport(const ValueImportPlan& plan, ValueStore& store) {
  auto ids = store.addValues(valuesToWrite(plan));
  if (!ids.ok()) return ids.error();
  return {};
}

gis::Status exportValues(const QString& path, const Catalog& catalog, ValueStore& store) {
  auto latest = store.latestValues();
  if (!latest.ok()) return latest.error();
  std::vector<QStringList> rows;
  for (const IndicatorValue& v : latest.value()) {
    const Indicator* indicator = catalog.find(v.code);
    rows.push_back({v.code, QString::number(v.year), v.month ? QString::number(*v.month) : QString(), v.subunit,
                    QString::number(v.value, 'g', 15), indicator != nullptr ? indicator->unit : QString(), v.author, v.note,
                    v.level, valueSourceName(v.source)});
  }
  return gis::TableWriter::write(path, valueFileColumns(), rows, {QStringLiteral("value")});
}

}  // namespace xiuhua::indicators
