#include "report/report_exports.h"

#include "report/report_text.h"

#include "report/indicator_report.h"
#include "report/report_map.h"
#include "report/trend_chart.h"
#include "xiuhua/gis/source_ref.h"

#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>
#include <QSvgGenerator>

#include <cmath>
#include <set>

namespace xiuhua::app {

namespace {

constexpr double kMmPerInch = 25.4;

// A number as a cell of a numeric column: exact (17 significant digits), C locale; empty when absent.
QString number(std::optional<double> value) { return value ? QString::number(*value, 'g', 17) : QString(); }
QString number(double value) { return QString::number(value, 'g', 17); }

// A name usable in a file name on every system: path separators, reserved characters and spaces
// become "_"; Chinese characters and the rest stay.
QString fileSafe(const QString& name) {
  static const QRegularExpression reserved(QStringLiteral("[\\\\/:*?\"<>|\\s\\x00-\\x1f]"));
  QString safe = name;
  safe.replace(reserved, QStringLiteral("_"));
  return safe.isEmpty() ? QStringLiteral("_") : safe;
}

gis::Error ioError(const QString& path, const QString& why) {
  return gis::Error{gis::ErrorCode::IoFailed, ReportExports::tr("%1 cannot be written (%2).").arg(path, why)};
}

gis::TableSheet summarySheet(const ReportContent& content) {
  gis::TableSheet sheet;
  sheet.name = ReportExports::tr("Summary");
  sheet.columns = {ReportExports::tr("Code"),        ReportExports::tr("Category"),     ReportExports::tr("Indicator"),
                   ReportExports::tr("Unit"),        ReportExports::tr("Baseline year"), ReportExports::tr("Baseline"),
                   ReportExports::tr("Target year"), ReportExports::tr("Target"),        ReportExports::tr("Target wording"),
                   ReportExports::tr("Latest year"), ReportExports::tr("Latest value"),  ReportExports::tr("Progress (%)"),
                   ReportExports::tr("Status"),      ReportExports::tr("Nature"),        ReportExports::tr("Responsible")};
  for (int column : {4, 5, 6, 7, 9, 10, 11}) sheet.numericColumns << sheet.columns[column];
  for (const indicators::IndicatorStatus& s : content.statuses) {
    const indicators::Indicator& i = s.indicator;
    sheet.rows.push_back({i.code, i.category, i.nameZh, i.unit, i.baselineYear ? QString::number(*i.baselineYear) : QString(),
                          number(i.baselineValue), QString::number(i.targetYear), number(i.targetValue), i.targetText,
                          s.latest ? QString::number(s.latest->first) : QString(), s.latest ? number(s.latest->second) : QString(),
                          number(s.progress.percent), indicators::statusName(s.progress.status),
                          natureText(i),
                          i.responsible.join(QStringLiteral("、"))});
  }
  return sheet;
}

// Each spatial indicator's values per sub-unit of its coarsest level, best first.
std::vector<gis::TableSheet> subunitSheets(const ReportContent& content) {
  std::vector<gis::TableSheet> sheets;
  for (const indicators::IndicatorStatus& s : content.statuses) {
    const auto spatial = content.spatial.find(s.indicator.code);
    if (spatial == content.spatial.end() || spatial->second.subunits.empty()) continue;
    gis::TableSheet sheet;
    sheet.name = QStringLiteral("%1 %2").arg(s.indicator.code, spatial->second.level);
    sheet.columns = {ReportExports::tr("Rank"), spatial->second.level, ReportExports::tr("Value"), ReportExports::tr("Year")};
    sheet.numericColumns = {sheet.columns[0], sheet.columns[2], sheet.columns[3]};
    for (const SubunitRank& r : spatial->second.subunits) {
      sheet.rows.push_back({QString::number(r.rank), r.name, number(r.value), QString::number(r.year)});
    }
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

// The atlas: for each sub-unit, each chosen indicator's value there and its rank among the sub-units.
gis::TableSheet atlasSheet(const ReportContent& content) {
  gis::TableSheet sheet;
  const QString level = content.options.atlasLevel;
  sheet.name = ReportExports::tr("Atlas %1").arg(level);
  sheet.columns = {level,
                   ReportExports::tr("Code"),
                   ReportExports::tr("Indicator"),
                   ReportExports::tr("Value"),
                   ReportExports::tr("Unit"),
                   ReportExports::tr("Year"),
                   ReportExports::tr("Rank"),
                   ReportExports::tr("Of")};
  sheet.numericColumns = {sheet.columns[3], sheet.columns[5], sheet.columns[6], sheet.columns[7]};
  for (const AtlasUnit& unit : content.atlas) {
    for (const indicators::IndicatorStatus& s : content.statuses) {
      const auto value = unit.values.find(s.indicator.code);
      if (value == unit.values.end()) continue;
      const SubunitRank& r = value->second;
      sheet.rows.push_back({unit.name, s.indicator.code, s.indicator.nameZh, number(r.value), s.indicator.unit, QString::number(r.year),
                            QString::number(r.rank), QString::number(r.of)});
    }
  }
  return sheet;
}

// An input's file as the record names it ("path|layername=x"): without the layer (a column of its
// own), relative to the project's folder when inside it.
QString inputFile(const QString& source, const QDir& projectDir) {
  const QString path = source.section(QLatin1Char('|'), 0, 0);
  if (gis::isDatabaseSource(path)) return path;
  const QString file = projectDir.absoluteFilePath(path);
  const QString relative = projectDir.relativeFilePath(file);
  return relative.startsWith(QLatin1String("..")) || QFileInfo(relative).isAbsolute() ? file : relative;
}

// How each computed value was obtained: a row per input file of its latest computation.
gis::TableSheet computationSheet(const ReportContent& content) {
  gis::TableSheet sheet;
  sheet.name = ReportExports::tr("Computations");
  sheet.columns = {ReportExports::tr("Code"),   ReportExports::tr("Computation ID"), ReportExports::tr("Computation year"),
                   ReportExports::tr("Computed at (UTC)"), ReportExports::tr("Method"), ReportExports::tr("CRS"),
                   ReportExports::tr("Role"),   ReportExports::tr("Layer"),       ReportExports::tr("File"),
                   ReportExports::tr("Features"), ReportExports::tr("Filter"),    ReportExports::tr("SHA-256")};
  sheet.numericColumns = {sheet.columns[1], sheet.columns[2], sheet.columns[9]};
  const QDir projectDir = QFileInfo(content.projectPath).absoluteDir();
  for (const indicators::IndicatorStatus& s : content.statuses) {
    const auto spatial = content.spatial.find(s.indicator.code);
    if (spatial == content.spatial.end() || !spatial->second.computation) continue;
    const SpatialIndicator& c = spatial->second;
    const QJsonObject whole = c.computation->value(QStringLiteral("whole")).toObject();
    QString method = c.computation->value(QStringLiteral("binding")).toObject().value(QStringLiteral("metric")).toString();
    const QString variant = whole.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("method")).toString();
    if (!variant.isEmpty()) method += QStringLiteral(" (%1)").arg(variant);
    const QStringList computation{s.indicator.code, QString::number(c.computationId), QString::number(c.computationYear),
                                  c.computedAt.toUTC().toString(Qt::ISODate), method};
    const QJsonArray inputs = whole.value(QStringLiteral("inputs")).toArray();
    if (inputs.isEmpty()) sheet.rows.push_back(computation + QStringList{whole.value(QStringLiteral("crs")).toString()});
    for (const QJsonValue& v : inputs) {
      const QJsonObject input = v.toObject();
      const QString crs = input.value(QStringLiteral("crs")).toString();
      sheet.rows.push_back(computation + QStringList{crs.isEmpty() ? whole.value(QStringLiteral("crs")).toString() : crs,
                                                     input.value(QStringLiteral("role")).toString(),
                                                     input.value(QStringLiteral("layer")).toString(),
                                                     inputFile(input.value(QStringLiteral("source")).toString(), projectDir),
                                                     input.contains(QStringLiteral("features"))
                                                         ? number(input.value(QStringLiteral("features")).toDouble())
                                                         : QString(),
                                                     input.value(QStringLiteral("where")).toString(),
                                                     input.value(QStringLiteral("sha256")).toString()});
    }
  }
  return sheet;
}

// The CSV files of a report's tables replace the older set all or nothing: each is written under a
// hidden name first; only when all are written do the old files step aside (kept until the new
// ones are in) and the new ones take their names; a failure puts the old set back.
gis::Status writeCsvTables(const std::vector<gis::TableSheet>& sheets, const QString& path) {
  const QFileInfo target(path);
  const QString unique = QUuid::createUuid().toString(QUuid::Id128).left(8);
  std::set<QString> taken;
  std::vector<std::pair<QString, QString>> staged;  // (written under a hidden name, final name)
  auto removeStaged = [&] {
    for (const auto& [temp, final] : staged) QFile::remove(temp);
  };
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    QString file = path;
    if (i > 0) {
      QString stem = QStringLiteral("%1_%2").arg(target.completeBaseName(), fileSafe(sheets[i].name));
      for (int n = 2; taken.contains(stem); ++n) stem = QStringLiteral("%1_%2_%3").arg(target.completeBaseName(), fileSafe(sheets[i].name)).arg(n);
      taken.insert(stem);
      file = target.absoluteDir().filePath(stem + QStringLiteral(".csv"));
    }
    const QString temp = target.absoluteDir().filePath(QStringLiteral(".%1.%2.new.csv").arg(QFileInfo(file).completeBaseName(), unique));
    if (gis::Status s = gis::TableWriter::writeSheets(temp, {sheets[i]}); !s) {
      QFile::remove(temp);
      removeStaged();
      return gis::Error{s.error().code, QString(s.error().message).replace(temp, file)};
    }
    staged.emplace_back(temp, file);
  }
  // Only files are replaced: a folder (or anything else) of a table's name stops it all, untouched.
  for (const auto& [temp, final] : staged) {
    const QFileInfo existing(final);
    if (existing.exists() && !existing.isFile()) {
      removeStaged();
      return ioError(final, ReportExports::tr("something other than a file has that name; the earlier tables are as they were"));
    }
  }
  std::vector<std::pair<QString, QString>> backups;  // (old file, its backup)
  QStringList movedIn;
  auto rollBack = [&](const QString& file) {
    for (const QString& f : movedIn) QFile::remove(f);
    for (const auto& [old, backup] : backups) QFile::rename(backup, old);
    removeStaged();
    return ioError(file, ReportExports::tr("it cannot be replaced; the earlier tables are as they were"));
  };
  for (const auto& [temp, final] : staged) {
    if (QFileInfo::exists(final)) {
      const QString backup = target.absoluteDir().filePath(QStringLiteral(".%1.%2.old").arg(QFileInfo(final).fileName(), unique));
      if (!QFile::rename(final, backup)) return rollBack(final);
      backups.emplace_back(final, backup);
    }
    if (!QFile::rename(temp, final)) return rollBack(final);
    movedIn << final;
  }
  for (const auto& [old, backup] : backups) QFile::remove(backup);
  return {};
}

// A figure file written whole or not at all: QSaveFile writes beside the target and renames.
class FigureFile {
 public:
  explicit FigureFile(const QString& path) : mFile(path) {}
  QSaveFile* open() { return mFile.open(QIODevice::WriteOnly) ? &mFile : nullptr; }
  gis::Status commit() {
    if (mFile.commit()) return {};
    return ioError(mFile.fileName(), mFile.errorString());
  }
  gis::Status openError() { return ioError(mFile.fileName(), mFile.errorString()); }

 private:
  QSaveFile mFile;
};

QFont chartFont() {
  QFont font(QString::fromLatin1(IndicatorReport::kFontFamily));
  font.setPointSizeF(9);
  return font;
}

// An exported chart: the indicator's code and name above its trend chart, on white.
void paintChartFigure(QPainter& painter, const QRectF& box, const indicators::IndicatorStatus& s) {
  const QFont font = chartFont();
  QFont title(font);
  title.setPointSizeF(font.pointSizeF() * 1.3);
  title.setBold(true);
  const double line = QFontMetricsF(title, painter.device()).height();
  painter.fillRect(box, Qt::white);
  const QRectF inner = box.adjusted(line * 0.6, line * 0.4, -line * 0.6, -line * 0.4);
  painter.setFont(title);
  painter.setPen(Qt::black);
  painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetricsF(title, painter.device())
                       .elidedText(QStringLiteral("%1  %2").arg(s.indicator.code, s.indicator.nameZh), Qt::ElideRight, inner.width()));
  paintTrendChart(painter, inner.adjusted(0, line * 1.6, 0, 0), s.indicator, s.series, s.progress.status, font, s.syntheticYears);
}

void setDpi(QImage& image, double dpi) {
  image.setDotsPerMeterX(static_cast<int>(std::lround(dpi / kMmPerInch * 1000)));
  image.setDotsPerMeterY(static_cast<int>(std::lround(dpi / kMmPerInch * 1000)));
}

gis::Status savePng(const QImage& image, const QString& path) {
  FigureFile file(path);
  QSaveFile* device = file.open();
  if (device == nullptr) return file.openError();
  if (!image.save(device, "PNG")) return ioError(path, ReportExports::tr("the image could not be encoded"));
  return file.commit();
}

// Paints onto an SVG generator of `size` pixels at 96 dpi, written to `path`.
template <typename Paint>
gis::Status saveSvg(const QString& path, const QSize& size, const QString& title, Paint paint) {
  FigureFile file(path);
  QSaveFile* device = file.open();
  if (device == nullptr) return file.openError();
  QSvgGenerator svg;
  svg.setOutputDevice(device);
  svg.setResolution(96);
  svg.setSize(size);
  svg.setViewBox(QRect(QPoint(0, 0), size));
  svg.setTitle(title);
  svg.setDescription(QStringLiteral("Xiuhua"));
  QPainter painter;
  if (!painter.begin(&svg)) return ioError(path, ReportExports::tr("the drawing could not start"));
  paint(painter);
  painter.end();
  return file.commit();
}

gis::Status writeChart(const indicators::IndicatorStatus& s, const QString& folder) {
  const QString stem = QDir(folder).filePath(fileSafe(s.indicator.code) + QStringLiteral("_chart"));
  QImage image(ReportExports::kChartPng, QImage::Format_RGB32);
  setDpi(image, ReportExports::kChartPngDpi);
  image.fill(Qt::white);
  {
    QPainter painter(&image);
    paintChartFigure(painter, QRectF(QPointF(0, 0), QSizeF(image.size())), s);
  }
  if (gis::Status st = savePng(image, stem + QStringLiteral(".png")); !st) return st;
  const QString title = QStringLiteral("%1 %2").arg(s.indicator.code, s.indicator.nameZh);
  return saveSvg(stem + QStringLiteral(".svg"), ReportExports::kChartSvg, title, [&](QPainter& painter) {
    paintChartFigure(painter, QRectF(QPointF(0, 0), QSizeF(ReportExports::kChartSvg)), s);
  });
}

gis::Status writeMap(const ReportContent& content, const indicators::Indicator& indicator, const SpatialIndicator& spatial,
                     const QString& folder, const std::atomic<bool>* cancel, QStringList* warnings) {
  const ReportMap map = ReportMap::load(spatial.mapLayers, content.project.mapCrs, spatial.attribution, cancel);
  if (warnings != nullptr) *warnings << map.problems();
  if (map.isEmpty() || map.extent().isEmpty()) return {};  // nothing to show: no file rather than a blank one
  const QString stem = QDir(folder).filePath(fileSafe(indicator.code) + QStringLiteral("_map"));
  const QSizeF printPixels(ReportExports::kMapWidthMm / kMmPerInch * ReportExports::kMapPngDpi,
                           ReportExports::kMapHeightMm / kMmPerInch * ReportExports::kMapPngDpi);
  // The figure as printed in the report: the map with its legend, scale bar, north arrow and attribution.
  const QFont font = chartFont();
  QImage image(printPixels.toSize(), QImage::Format_RGB32);
  setDpi(image, ReportExports::kMapPngDpi);
  image.fill(Qt::white);
  {
    QPainter painter(&image);
    paintMapFigure(painter, QRectF(QPointF(0, 0), printPixels), ReportExports::kMapPngDpi, ReportExports::kMapPngDpi, map, map.extent(), font);
  }
  if (cancel != nullptr && *cancel) return gis::Error{gis::ErrorCode::Cancelled, ReportExports::tr("The export was cancelled.")};
  if (gis::Status st = savePng(image, stem + QStringLiteral(".png")); !st) return st;
  const QSize screen = (QSizeF(ReportExports::kMapWidthMm, ReportExports::kMapHeightMm) / kMmPerInch * 96).toSize();
  const QString title = QStringLiteral("%1 %2").arg(indicator.code, indicator.nameZh);
  return saveSvg(stem + QStringLiteral(".svg"), screen, title, [&](QPainter& painter) {
    painter.fillRect(QRect(QPoint(0, 0), screen), Qt::white);
    paintMapFigure(painter, QRectF(QPointF(0, 0), QSizeF(screen)), 96, 96, map, map.extent(), font, {}, true);
  });
}

}  // namespace

std::vector<gis::TableSheet> ReportExports::tables(const ReportContent& content) {
  std::vector<gis::TableSheet> sheets{summarySheet(content)};
  for (gis::TableSheet& sheet : subunitSheets(content)) sheets.push_back(std::move(sheet));
  if (!content.atlas.empty()) sheets.push_back(atlasSheet(content));
  sheets.push_back(computationSheet(content));
  return sheets;
}

gis::Status ReportExports::writeTables(const ReportContent& content, const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("xlsx")) return gis::TableWriter::writeSheets(path, tables(content));
  if (suffix == QLatin1String("csv")) return writeCsvTables(tables(content), path);
  return gis::Error{gis::ErrorCode::InvalidArgument, tr("%1: tables are written as .xlsx or .csv.").arg(path)};
}

gis::Status ReportExports::writeFigures(const ReportContent& content, const QString& folder, const std::atomic<bool>* cancel,
                                       QStringList* warnings) {
  if (!QDir().mkpath(folder)) return ioError(folder, tr("the folder cannot be created"));
  auto cancelled = [&] { return cancel != nullptr && cancel->load(); };
  for (const indicators::IndicatorStatus& s : content.statuses) {
    if (cancelled()) return gis::Error{gis::ErrorCode::Cancelled, tr("The export was cancelled.")};
    if (gis::Status st = writeChart(s, folder); !st) return st;
    const auto spatial = content.spatial.find(s.indicator.code);
    if (spatial == content.spatial.end() || spatial->second.mapLayers.empty()) continue;
    if (gis::Status st = writeMap(content, s.indicator, spatial->second, folder, cancel, warnings); !st) return st;
  }
  return {};
}

}  // namespace xiuhua::app
