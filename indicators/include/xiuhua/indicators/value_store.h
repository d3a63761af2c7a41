#pragma once

#include "xiuhua/gis/store_database.h"
#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/catalog.h"
#include "xiuhua/indicators/progress.h"

#include <QDateTime>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace xiuhua::indicators {

// Where a value comes from. Synthetic: invented for a demonstration (the demo project's history),
// never an official figure — shown as such wherever values are shown.
enum class ValueSource { Entered, Computed, Imported, Synthetic };

// One value of an indicator for a year (and optionally a month) and a sub-unit ("" = the whole
// district). Values are never changed in place: a correction is a new row, the old one stays in
// the history.
struct IndicatorValue {
  qint64 id = 0;
  QString code;
  int year = 0;
  std::optional<int> month;
  QString subunit;
  QString level;  // the kind of sub-unit (街镇, 网格 …) for a sub-unit value; empty for the district
  double value = 0;
  ValueSource source = ValueSource::Entered;
  QString author;
  QDateTime time;  // UTC, set by the store
  QString note;
  // The database user who wrote it (a shared store records it; empty in a project file).
  QString dbUser;
  // Entered by a person: the id of the current value they saw for this indicator, year, month and
  // sub-unit (0: none). Writing fails with ErrorCode::EditConflict, nothing stored, when another
  // value has been written for them since — so that nobody's value is replaced unseen. Not set:
  // no check (computed values, imports).
  std::optional<qint64> replaces;
};

// A status assessed by hand for a qualitative target (完成市级下达目标, 力争前三 …), with the reason.
struct Assessment {
  QString code;
  int year = 0;
  Status status = Status::OnTrack;  // Achieved, OnTrack, Behind or SeverelyBehind
  QString reason;                   // required
  QString author;
  QDateTime time;  // UTC, set by the store
};

// An analyst's decision on a catalog row, kept in the project's audit: a doubt confirmed (with the
// unit or population basis the row then has), or a baseline entered with its source.
struct CatalogDecision {
  enum class Kind { Confirm, Baseline };
  qint64 id = 0;
  QString code;
  Kind kind = Kind::Confirm;
  QString unit;                        // Confirm: the unit confirmed
  QString basis;                       // Confirm: the population basis confirmed (户籍 / 常住)
  std::optional<int> baselineYear;     // Baseline
  std::optional<double> baselineValue;
  QString source;                      // Baseline: where the figure comes from (required)
  QString reason;                      // Confirm: why (required)
  QString author;
  QDateTime time;  // UTC, set by the store
};

// The indicator catalog, the value history and its audit of a project: in the project file, or in
// a schema on a PostgreSQL server that several workstations share (see value_sharing.h; the
// project file says which). Each instance has its own connection (SQLite: WAL, busy timeout):
// several instances, in one process or several, may write at once. Thread affinity: the
// creating thread.
class ValueStore {
 public:
  // Opens the project's values where the project keeps them, and creates the tables if they are
  // missing. A shared store that cannot be reached fails, naming the server and the schema: the
  // project file's own values are never used in its place.
  static gis::Result<std::unique_ptr<ValueStore>> open(const QString& projectPath);
  // The values in the given database (the project's file or a shared schema), tables created.
  static gis::Result<std::unique_ptr<ValueStore>> openIn(std::unique_ptr<gis::StoreDatabase> db, const QString& projectPath);

  // Adds or replaces the definitions of the catalog's indicators (all or none), under a plan name.
  gis::Status importCatalog(const Catalog& catalog, const QString& plan);
  gis::Result<Catalog> catalog();
  // The catalog as the analysts left it: every confirmation and entered baseline of the audit applied.
  // Answers a row's doubt (待确认 until then): the unit it is in (its own or the doubt's unit) or, for
  // a per-capita row, the population basis; refuses a row without a doubt, an unknown unit, an empty
  // reason. Values already stored stay as they are: they are read in the confirmed unit.
  gis::Status confirmIndicator(const QString& code, const QString& unit, const QString& basis, const QString& reason,
                               const QString& author);
  // Gives a row without a plan baseline a baseline, with its source (required); refuses to replace
  // the plan's own.
  gis::Status setBaseline(const QString& code, int year, double value, const QString& source, const QString& author);
  // The audit's decisions, oldest first (of one indicator, or all).
  gis::Result<std::vector<CatalogDecision>> decisions(const QString& code = {});
  // Replaces one indicator's definition (e.g. a corrected target); the code must exist.
  gis::Status updateIndicator(const Indicator& indicator);
  // One indicator as the catalog gives it, before the audit's decisions (what a target edit changes).
  gis::Result<Indicator> definition(const QString& code);

  // Appends a value (validated by the caller, see value_validator.h); returns its id. A value with
  // `replaces` set is checked first (see IndicatorValue::replaces).
  gis::Result<qint64> addValue(IndicatorValue value);
  // Appends several values in one transaction: all of them or none. Returns their ids.
  gis::Result<std::vector<qint64>> addValues(std::vector<IndicatorValue> values);
  // Removes values by id, in one transaction. Only for undoing the user's own additions: a
  // correction is always a new value, never a removal.
  gis::Status removeValues(const std::vector<qint64>& ids);
  // The current value of one indicator, year, month and sub-unit, if any.
  gis::Result<std::optional<IndicatorValue>> currentValue(const QString& code, int year, std::optional<int> month,
                                                          const QString& subunit);
  // The current value of every indicator, year, month and sub-unit (corrections applied).
  gis::Result<std::vector<IndicatorValue>> latestValues();
  // Every value of an indicator, oldest first (corrections included).
  gis::Result<std::vector<IndicatorValue>> history(const QString& code);
  // The latest value per year for one sub-unit ("" = district), yearly values only.
  gis::Result<std::map<int, double>> series(const QString& code, const QString& subunit = {});
  // The kinds of sub-unit (街镇, 网格 …) the indicator has values for.
  gis::Result<QStringList> subunitLevels(const QString& code);
  // The years of series() whose value is synthetic (invented for a demonstration).
  gis::Result<std::set<int>> syntheticYears(const QString& code, const QString& subunit = {});
  // Per sub-unit (街镇/网格 name), the year and current value of its latest yearly value up to
  // `year`, of one level (街镇, 网格; empty: every level; values without a level count as any level);
  // the whole district ("") is not included.
  gis::Result<std::map<QString, std::pair<int, double>>> subunitValues(const QString& code, int year,
                                                                       const QString& level = {});
  // Changes whenever a value, an assessment or a decision is added or removed (by anyone writing
  // the same store): a cheap check whether to read the values again.
  gis::Result<QString> changeStamp();
  // The project file.
  const QString& path() const { return mProjectPath; }
  // Where the values are: the project file, or "schema S on service X".
  QString location() const { return mDb->displayName(); }
  bool isShared() const { return mDb->dialect() == gis::StoreDatabase::Dialect::Postgres; }

  // The sub-units of a level that lie outside the area an indicator's target is set for (its scope):
  // they read 不适用. Replaces what was recorded for the indicator and level (a computation knows).
  gis::Status setNotApplicable(const QString& code, const QString& level, const QStringList& subunits, const QString& scope);
  // Those sub-units (of a level; empty level: of every level).
  gis::Result<std::set<QString>> notApplicable(const QString& code, const QString& level = {});

  // Records an assessment (history kept like values); refuses an empty reason or a status other
  // than the four judged ones.
  gis::Status addAssessment(Assessment assessment);
  // For each indicator, the latest assessment for a year at or before `year`.
  gis::Result<std::map<QString, Assessment>> latestAssessments(int year);

 private:
  ValueStore(std::unique_ptr<gis::StoreDatabase> db, QString projectPath);
  gis::Status addDecision(const CatalogDecision& decision);
  gis::Status checkReplaces(const IndicatorValue& value);
  gis::Result<qint64> insertValue(const IndicatorValue& value);
  std::unique_ptr<gis::StoreDatabase> mDb;
  QString mProjectPath;
};

// A decision applied to the row it is about (ValueStore::catalog() applies the audit's, in order).
void applyDecision(Indicator& indicator, const CatalogDecision& decision);

QString valueSourceName(ValueSource source);  // entered / computed / imported / synthetic
std::optional<ValueSource> valueSourceFromName(const QString& name);

}  // namespace xiuhua::indicators
