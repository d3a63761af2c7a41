#pragma once

#include "xiuhua/gis/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace xiuhua::app {

// What the analyst chooses for a report; kept in the project (ReportOptions::save) so next year's
// report starts from this year's choice.
struct ReportOptions {
  int year = 0;          // the reporting year: values up to it
  QString title;         // empty: "<project title> 城市管理精细化指标进展报告"
  QString author;        // 编制单位, on the cover and in the PDF's metadata
  bool landscape = false;
  bool summary = true;   // the summary table of every chosen indicator
  bool sections = true;  // a section per category, a block with the trend chart per indicator
  bool maps = true;      // for spatial indicators: the coverage map and the per-sub-unit table
  bool appendix = true;  // how each computed value was obtained
  QStringList indicators;  // codes, catalog order kept; empty: every indicator
  QString atlasLevel;      // one page per sub-unit of this level (街镇, 网格); empty: no atlas

  QJsonObject toJson() const;
  static ReportOptions fromJson(const QJsonObject& json);
  bool operator==(const ReportOptions&) const = default;

  // The options last saved in the project file (defaults when none were); errors name the file.
  static gis::Result<ReportOptions> load(const QString& projectPath);
  static gis::Status save(const ReportOptions& options, const QString& projectPath);
};

}  // namespace xiuhua::app
