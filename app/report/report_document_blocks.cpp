#include "report/report_document.h"
#include "xiuhua/indicators/metrics/computation_store.h"

#include "report/indicator_report.h"
#include "report/report_document_parts.h"
#include "report/report_text.h"
#include "report/status_colors.h"
#include "xiuhua/gis/source_ref.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>

// How the report's content becomes blocks: the summary, the category sections (indicator blocks,
// maps, per-sub-unit tables), the atlas and the appendix.

namespace xiuhua::app {

namespace {

// The summary table: a heading row per category (in plan order), a row per indicator.
ReportTable summaryTable(const ReportContent& content, const QFont& font) {
  ReportTable table({IndicatorReport::tr("Code"), IndicatorReport::tr("Indicator"), IndicatorReport::tr("Baseline"),
                     IndicatorReport::tr("Target"), IndicatorReport::tr("Latest value"), IndicatorReport::tr("Progress"),
                     IndicatorReport::tr("Status"), IndicatorReport::tr("Nature"), IndicatorReport::tr("Responsible")},
                    {0.08, 0.20, 0.10, 0.14, 0.14, 0.07, 0.09, 0.07, 0.11}, font);
  for (const QString& category : content.categories()) {
    table.addRow({{category.isEmpty() ? IndicatorReport::tr("(no category)") : category}, true, {}});
    for (const auto& s : content.statuses) {
      if (s.indicator.category != category) continue;
      const indicators::Indicator& i = s.indicator;
      ReportTable::Row row;
      row.cells = {i.code,         i.nameZh, baselineText(i), targetText(i), latestText(s), progressText(s), indicators::statusName(s.progress.status),
                   natureText(i), i.responsible.join(QStringLiteral("、"))};
      row.backgrounds.resize(7);
      row.backgrounds[6] = statusColor(s.progress.status).lighter(150);
      table.addRow(std::move(row));
    }
  }
  return table;
}

// A value with its unit, "无数据" without.
QString valueOrNoData(const std::optional<double>& v, const QString& unit) {
  return v ? formatValue(v, unit) : IndicatorReport::tr("No data");
}

// "key = value" lines of a computation's parameters, in a stable order, as the computation used
// them ({year} in a filter is the year computed).
QString parameterText(const QJsonObject& parameters, int year) {
  QStringList lines;
  for (auto it = parameters.begin(); it != parameters.end(); ++it) {
    const QJsonValue v = it.value();
    QString text;
    if (v.isString()) {
      text = v.toString().replace(QLatin1String("{year}"), QString::number(year));
    } else if (v.isDouble()) {
      text = QString::number(v.toDouble(), 'g', 10);
    } else if (v.isBool()) {
      text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    } else {
      text = QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                           : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))
                 .replace(QLatin1String("{year}"), QString::number(year));
    }
    lines << QStringLiteral("%1 = %2").arg(it.key(), text);
  }
  return lines.join(QStringLiteral("；"));
}

// The role an input played in a computation, as the appendix names it.
QString roleName(const QString& role) {
  static const std::map<QString, const char*> kNames{
      {QStringLiteral("area"), QT_TRANSLATE_NOOP("ReportDocument", "area")},
      {QStringLiteral("candidates"), QT_TRANSLATE_NOOP("ReportDocument", "candidate land")},
      {QStringLiteral("facilities"), QT_TRANSLATE_NOOP("ReportDocument", "facilities")},
      {QStringLiteral("features"), QT_TRANSLATE_NOOP("ReportDocument", "features")},
      {QStringLiteral("lines"), QT_TRANSLATE_NOOP("ReportDocument", "lines")},
      {QStringLiteral("network"), QT_TRANSLATE_NOOP("ReportDocument", "street network")},
      {QStringLiteral("sub-units"), QT_TRANSLATE_NOOP("ReportDocument", "sub-units")},
      {QStringLiteral("target"), QT_TRANSLATE_NOOP("ReportDocument", "target land")},
      {QStringLiteral("targets"), QT_TRANSLATE_NOOP("ReportDocument", "target land")},
      {QStringLiteral("exclude"), QT_TRANSLATE_NOOP("ReportDocument", "excluded land")},
      {QStringLiteral("proposed"), QT_TRANSLATE_NOOP("ReportDocument", "proposed facilities")},
      {QStringLiteral("within"), QT_TRANSLATE_NOOP("ReportDocument", "within")}};
  const auto it = kNames.find(role);
  return it == kNames.end() ? role : QCoreApplication::translate("ReportDocument", it->second);
}


}  // namespace

void ReportDocument::build() {
  const ReportOptions& options = mContent.options;
  if (options.summary) {
    mTables.push_back(summaryTable(mContent, mBody));
    mBlocks.push_back(block(Block::Kind::Heading, tr("Summary of indicators"), 0, true, 0, tr("Summary of indicators")));
    mBlocks.push_back(block(Block::Kind::Table, {}, mTables.size() - 1));
  }
  if (options.sections || options.maps) {
    bool first = true;  // the sections start on a new page; a category then follows the one before
    for (const QString& category : mContent.categories()) {
      const QString name = category.isEmpty() ? IndicatorReport::tr("(no category)") : category;
      const std::size_t before = mBlocks.size();
      mBlocks.push_back(block(Block::Kind::Heading, name, 0, first, 0, name));
      for (std::size_t i = 0; i < mContent.statuses.size(); ++i) {
        if (mContent.statuses[i].indicator.category == category) addIndicatorSection(i);
      }
      if (mBlocks.size() == before + 1) {
        mBlocks.pop_back();  // maps only, and none in this category
      } else {
        first = false;
      }
    }
  }
  if (!mContent.atlas.empty()) addAtlas();
  if (options.appendix) addAppendix();
}

void ReportDocument::addIndicatorSection(std::size_t index) {
  const indicators::IndicatorStatus& s = mContent.statuses[index];
  const indicators::Indicator& i = s.indicator;
  const QString name = QStringLiteral("%1 %2").arg(i.code, i.nameZh);
  if (mContent.options.sections) mBlocks.push_back(block(Block::Kind::Indicator, {}, index, false, 1, name));
  const auto spatial = mContent.spatial.find(i.code);
  if (!mContent.options.maps || spatial == mContent.spatial.end()) return;
  const SpatialIndicator& sp = spatial->second;
  if (!mContent.options.sections) mBlocks.push_back(block(Block::Kind::SubHeading, name, 0, false, 1, name));
  // The coverage map of its latest computation; 无数据 when it has none.
  Figure figure;
  if (!sp.mapLayers.empty()) {
    auto map = std::make_shared<ReportMap>(ReportMap::load(sp.mapLayers, mContent.project.mapCrs, sp.attribution, mCancel));
    mProblems << map->problems();
    figure.extent = map->extent();
    figure.map = std::move(map);
  }
  figure.height = std::min(mArea.height() * 0.55, mArea.width() * 0.62);
  mFigures.push_back(figure);
  const QString caption = sp.computationYear > 0 ? tr("Figure: %1 %2, map of the %3 computation").arg(i.code, i.nameZh).arg(sp.computationYear)
                                                 : tr("Figure: %1 %2 (not computed)").arg(i.code, i.nameZh);
  mBlocks.push_back(block(Block::Kind::Figure, caption, mFigures.size() - 1));
  if (sp.subunits.empty()) return;
  // The per-sub-unit table, best first.
  ReportTable table({tr("Rank"), sp.level, tr("Value"), tr("Year")}, {0.12, 0.44, 0.28, 0.16}, mBody);
  for (const SubunitRank& r : sp.subunits) {
    table.addRow({{QStringLiteral("%1/%2").arg(r.rank).arg(r.of), r.name, formatValue(r.value, i.unit), QString::number(r.year)}, false, {}});
  }
  for (const QString& name : sp.notApplicable) {
    table.addRow({{QStringLiteral("—"), name, indicators::statusName(indicators::Status::NotApplicable), QString()}, false, {}});
  }
  mTables.push_back(std::move(table));
  mBlocks.push_back(block(Block::Kind::Text, i.scope.isEmpty() ? tr("%1 by %2, as of %3:").arg(i.code, sp.level).arg(mContent.options.year)
                                                               : tr("%1 by %2, as of %3 (the target is set for %4; the others: 不适用):")
                                                                     .arg(i.code, sp.level).arg(mContent.options.year).arg(i.scope)));
  mBlocks.push_back(block(Block::Kind::Table, QStringLiteral("%1 %2").arg(i.code, sp.level), mTables.size() - 1));
}

void ReportDocument::addAtlas() {
  const ReportOptions& options = mContent.options;
  // The base map: the project's visible layers, with the sub-units outlined and labelled on top.
  std::vector<gis::LayerSpec> specs;
  for (auto it = mContent.project.layers.rbegin(); it != mContent.project.layers.rend(); ++it) {
    if (it->visible && it->id != mContent.atlasLayerId && it->kind == gis::LayerSpec::Kind::Vector) specs.push_back(*it);
  }
  const auto unitLayer = std::find_if(mContent.project.layers.begin(), mContent.project.layers.end(),
                                      [&](const gis::LayerSpec& l) { return l.id == mContent.atlasLayerId; });
  if (unitLayer != mContent.project.layers.end()) {
    gis::LayerSpec units = *unitLayer;
    units.visible = true;
    units.vectorStyle = {};
    units.vectorStyle.symbol.fill = Qt::transparent;
    units.vectorStyle.symbol.stroke = QColor(0x42, 0x42, 0x42);
    units.vectorStyle.symbol.strokeWidth = 1.2;
    units.vectorStyle.labelField = mContent.atlasField;
    specs.push_back(units);
  }
  auto map = std::make_shared<const ReportMap>(ReportMap::load(specs, mContent.project.mapCrs, {}, mCancel));
  mProblems << map->problems();
  const QString heading = tr("Atlas by %1").arg(options.atlasLevel);
  mBlocks.push_back(block(Block::Kind::Heading, heading, 0, true, 0, heading));
  // In the layer's order (as the district lists its 街镇), units the layer lacks last.
  const QStringList order = map->fieldValues(mContent.atlasLayerId, mContent.atlasField);
  std::vector<const AtlasUnit*> units;
  for (const AtlasUnit& unit : mContent.atlas) units.push_back(&unit);
  std::stable_sort(units.begin(), units.end(), [&](const AtlasUnit* a, const AtlasUnit* b) {
    const auto rank = [&](const AtlasUnit* u) { return order.contains(u->name) ? order.indexOf(u->name) : order.size(); };
    return rank(a) < rank(b);
  });
  bool first = true;
  for (const AtlasUnit* unitPointer : units) {
    const AtlasUnit& unit = *unitPointer;
    Figure figure;
    figure.map = map;
    figure.highlight = {mContent.atlasLayerId, mContent.atlasField, unit.name};
    const QRectF extent = map->featureExtent(mContent.atlasLayerId, mContent.atlasField, unit.name);
    // Some context around the unit: half its size again on each side.
    figure.extent = extent.adjusted(-extent.width() * 0.25, -extent.height() * 0.25, extent.width() * 0.25, extent.height() * 0.25);
    figure.height = mArea.height() * 0.48;
    mFigures.push_back(figure);
    mBlocks.push_back(block(Block::Kind::SubHeading, unit.name, 0, !first, 1, unit.name));
    first = false;
    mBlocks.push_back(block(Block::Kind::Figure, {}, mFigures.size() - 1));
    ReportTable table({tr("Code"), tr("Indicator"), tr("Value"), tr("Rank"), tr("District")}, {0.12, 0.38, 0.2, 0.1, 0.2}, mSmall);
    // The indicators with a value at this level (the others have none to rank).
    for (const auto& s : mContent.statuses) {
      const auto v = unit.values.find(s.indicator.code);
      if (v == unit.values.end()) continue;
      table.addRow({{s.indicator.code, s.indicator.nameZh,
                     QStringLiteral("%1（%2）").arg(formatValue(v->second.value, s.indicator.unit)).arg(v->second.year),
                     QStringLiteral("%1/%2").arg(v->second.rank).arg(v->second.of),
                     valueOrNoData(s.latest ? std::optional<double>(s.latest->second) : std::nullopt, s.indicator.unit)},
                    false,
                    {}});
    }
    mTables.push_back(std::move(table));
    mBlocks.push_back(block(Block::Kind::Table, unit.name, mTables.size() - 1));
  }
}

void ReportDocument::addAppendix() {
  const QString heading = tr("Appendix: how the computed values were obtained");
  mBlocks.push_back(block(Block::Kind::Heading, heading, 0, true, 0, heading));
  bool any = false;
  for (const auto& s : mContent.statuses) {
    const auto spatial = mContent.spatial.find(s.indicator.code);
    if (spatial == mContent.spatial.end() || !spatial->second.computation) continue;
    any = true;
    const SpatialIndicator& sp = spatial->second;
    const QJsonObject& record = *sp.computation;
    const QJsonObject binding = record.value(QStringLiteral("binding")).toObject();
    const QJsonObject whole = record.value(QStringLiteral("whole")).toObject();
    const QString name = QStringLiteral("%1 %2").arg(s.indicator.code, s.indicator.nameZh);
    mBlocks.push_back(block(Block::Kind::SubHeading, name, 0, false, 1, name));
    const QStringList facts{
        tr("Computation #%1 for %2, run %3 (Beijing time).")
            .arg(sp.computationId)
            .arg(sp.computationYear)
            .arg(sp.computedAt.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
        tr("Metric: %1; coordinate system of the computation: %2; value: %3.")
            .arg(binding.value(QStringLiteral("metric")).toString(), whole.value(QStringLiteral("crs")).toString(),
                 formatValue(record.value(QStringLiteral("indicator_value")).toDouble(), s.indicator.unit)),
        tr("Parameters: %1").arg(parameterText(binding.value(QStringLiteral("parameters")).toObject(), sp.computationYear))};
    mBlocks.push_back(block(Block::Kind::Text, facts.join(QLatin1Char('\n'))));
    ReportTable inputs({tr("Role"), tr("Layer"), tr("File"), tr("Features"), tr("Filter"), tr("SHA-256")}, {0.1, 0.14, 0.2, 0.08, 0.2, 0.28},
                       mSmall);
    for (const QJsonValue& v : whole.value(QStringLiteral("inputs")).toArray()) {
      const QJsonObject in = v.toObject();
      const QString sha = in.value(QStringLiteral("sha256")).toString();
      const QFileInfo file(indicators::recordedSource(mContent.projectPath, in.value(QStringLiteral("source")).toString()).path);
      inputs.addRow({{roleName(in.value(QStringLiteral("role")).toString()), in.value(QStringLiteral("layer")).toString(),
                      file.exists() ? file.fileName() : tr("%1 (missing)").arg(file.fileName()),
                      QString::number(in.value(QStringLiteral("features")).toInt()), in.value(QStringLiteral("where")).toString(),
                      sha.left(32) + QLatin1Char('\n') + sha.mid(32)},
                     false,
                     {}});
    }
    mTables.push_back(std::move(inputs));
    mBlocks.push_back(block(Block::Kind::Table, name, mTables.size() - 1));
  }
  if (!any) mBlocks.push_back(block(Block::Kind::Text, tr("No indicator of this report was computed from the map layers.")));
  if (!mContent.missingLayers.empty()) {
    const QString missing = tr("Missing layers");
    mBlocks.push_back(block(Block::Kind::SubHeading, missing, 0, false, 1, missing));
    QStringList lines{tr("These layers of the project have no file where the project says; what is drawn from them is left out of this "
                         "report, and values computed from them cannot be checked against their files:")};
    for (const ReportContent::MissingLayer& m : mContent.missingLayers) lines << QStringLiteral("• %1 — %2").arg(m.name, m.path);
    mBlocks.push_back(block(Block::Kind::Text, lines.join(QLatin1Char('\n'))));
  }
}


}  // namespace xiuhua::app
