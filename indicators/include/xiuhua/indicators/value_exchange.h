#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/value_store.h"

#include <optional>
#include <vector>

namespace xiuhua::indicators {

// The column layout of value files (CSV UTF-8 or XLSX), for import and export:
//   code, year, month, subunit, value, unit, author, note, level, source
// code, year and value are required; month and subunit may be empty (yearly, whole district);
// unit, when given, must be the indicator's unit; source, when given, is entered, imported or
// synthetic (an invented value, as in the demo; empty: imported).
const QStringList& valueFileColumns();

struct ValueImportRow {
  int line = 0;                    // in the file (header = 1)
  IndicatorValue value;            // source: the file's, else imported
  std::optional<double> previous;  // the current value for that code/year/sub-unit, if any
};

// What an import would change, for a preview before anything is written.
struct ValueImportPlan {
  QString path;
  std::vector<ValueImportRow> rows;
  int added = 0;      // no value yet for that code/year/sub-unit
  int changed = 0;    // replaces a different value (the old one stays in the history)
  int unchanged = 0;  // the same value again (not written)
};

// Reads and validates a value file against the project's catalog. Any bad row refuses the whole
// file, listing file:line: reason for each problem (up to 20).
gis::Result<ValueImportPlan> planValueImport(const QString& path, const Catalog& catalog, ValueStore& store,
                                             const QString& author = {});
// The plan's new and changed values (unchanged ones are not written again).
std::vector<IndicatorValue> valuesToWrite(const ValueImportPlan& plan);
// Writes valuesToWrite(plan) in one transaction (all or nothing).
gis::Status applyValueImport(const ValueImportPlan& plan, ValueStore& store);
// Writes the latest value of every indicator, year and sub-unit to a CSV or XLSX file.
gis::Status exportValues(const QString& path, const Catalog& catalog, ValueStore& store);

}  // namespace xiuhua::indicators
