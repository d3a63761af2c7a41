#pragma once

#include "report/report_content.h"
#include "xiuhua/gis/result.h"
#include "xiuhua/gis/table_writer.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

#include <atomic>
#include <vector>

namespace xiuhua::app {

// The report's tables and figures as files an analyst can reuse in a spreadsheet or a slide:
// the tables as XLSX or CSV (through GDAL, numbers as numbers), the trend charts and coverage maps
// as PNG (raster, for print) and SVG (vectors). Every file is written whole or not at all (a
// temporary file renamed over the target); errors name the file. Needs a QGuiApplication (fonts);
// may run on a worker thread (it reads only `content`).
class ReportExports {
  Q_DECLARE_TR_FUNCTIONS(ReportExports)

 public:
  // Pixel sizes of the figures. Charts: 8 × 4.5 in, at 200 dpi (PNG) and 96 dpi (SVG). Maps: the
  // map of the report's figure, 180 × 130 mm, at 300 dpi (PNG, ± a pixel of rounding) and 96 dpi (SVG).
  static constexpr QSize kChartPng{1600, 900};
  static constexpr int kChartPngDpi = 200;
  static constexpr QSize kChartSvg{768, 432};
  static constexpr double kMapWidthMm = 180;
  static constexpr double kMapHeightMm = 130;
  static constexpr int kMapPngDpi = 300;

  // The tables, in order: the summary of every chosen indicator (raw values; years, values and
  // progress as numbers), a per-sub-unit table for each spatial indicator with sub-unit values
  // (named "<code> <level>"), the atlas table when there is an atlas, and the computation record
  // (one row per input of each computed indicator: its file, feature count, filter and SHA-256).
  static std::vector<gis::TableSheet> tables(const ReportContent& content);
  // By the suffix of `path`: .xlsx — one workbook, a worksheet per table; .csv — the summary in
  // `path` and each other table beside it as "<stem>_<table>.csv". When one CSV file fails, the
  // ones this call created are removed again.
  static gis::Status writeTables(const ReportContent& content, const QString& path);
  // Into `folder` (created when missing): "<code>_chart.png/.svg" for every chosen indicator and
  // "<code>_map.png/.svg" for every spatial indicator with a coverage map. Polls `cancel` between
  // figures (and while a map is read); a cancelled export returns ErrorCode::Cancelled, keeping
  // the figures already written.
  // `warnings` (optional) receives the map layers that could not be read (named).
  static gis::Status writeFigures(const ReportContent& content, const QString& folder, const std::atomic<bool>* cancel = nullptr,
                                  QStringList* warnings = nullptr);
};

}  // namespace xiuhua::app
