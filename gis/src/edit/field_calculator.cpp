#include "xiuhua/gis/edit/field_calculator.h"

#include "translate.h"
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

#include "geos_context.h"
#include "project/sqlite_db.h"
#include "xiuhua/gis/edit/field_constraints.h"

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("FieldCalculator", text); }

// Internal columns of the in-memory table, before the fields. The "$" keeps them apart from
// field names a planner would choose.
constexpr std::array<const char*, 6> kInternalColumns = {
    "xiuhua$row", "xiuhua$id", "xiuhua$area", "xiuhua$length", "xiuhua$x", "xiuhua$y"};
constexpr int kFirstFieldColumn = static_cast<int>(kInternalColumns.size());

QString quoteIdentifier(const QString& name) {
  QString quoted = name;
  quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
  return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// SQLite folds case of ASCII letters only when it compares identifiers.
QString sqliteFold(const QString& name) {
  QString folded = name;
  for (QChar& c : folded) {
    if (c.unicode() < 128) c = c.toLower();
  }
  return folded;
}

bool isIdentifierChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }

// Rewrites the pseudo-fields ($area …) onto the internal columns and drops comments, so that the
// text can be pasted into a larger statement. Sets problem for an unknown $name or unbalanced
// parentheses; string literals and quoted names are copied untouched.
QString rewrite(const QString& sql, bool& measures, QString& problem) {
  QString out;
  int depth = 0;
  const qsizetype n = sql.size();
  for (qsizetype i = 0; i < n;) {
    const QChar c = sql[i];
    const QChar next = i + 1 < n ? sql[i + 1] : QChar();
    if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') ||
        c == QLatin1Char('[')) {
      const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
      qsizetype j = i + 1;
      while (j < n) {
        if (sql[j] == close && !(close != QLatin1Char(']') && j + 1 < n && sql[j + 1] == close))
          break;
        j += (sql[j] == close) ? 2 : 1;  // a doubled quote is a quote inside
      }
      out += sql.mid(i, j + 1 - i);
      i = j + 1;
    } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
      while (i < n && sql[i] != QLatin1Char('\n')) ++i;
      out += QLatin1Char(' ');
    } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
      const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
      i = end < 0 ? n : end + 2;
      out += QLatin1Char(' ');
    } else if (c == QLatin1Char('$') && (i == 0 || !isIdentifierChar(sql[i - 1]))) {
      qsizetype j = i + 1;
      while (j < n && isIdentifierChar(sql[j])) ++j;
      const QString name = sql.mid(i + 1, j - i - 1).toLower();
      static const QStringList kPseudo = {QStringLiteral("id"), QStringLiteral("area"),
                                          QStringLiteral("length"), QStringLiteral("x"),
                                          QStringLiteral("y")};
      if (!kPseudo.contains(name)) {
        problem = tr("%1 is not a field; the geometry is $area, $length, $x, $y and $id.")
                      .arg(sql.mid(i, j - i));
        return {};
      }
      measures = measures || name != QLatin1String("id");
      out += quoteIdentifier(QStringLiteral("xiuhua$") + name);
      i = j;
    } else {
      if (c == QLatin1Char('(')) ++depth;
      if (c == QLatin1Char(')') && --depth < 0) break;
      out += c;
      ++i;
    }
  }
  if (depth != 0) {
    problem = tr("the parentheses do not match.");
    return {};
  }
  return out;
}

detail::SqliteDb openMemory(QString& error) {
  detail::SqliteDb db = detail::openSqlite(QStringLiteral(":memory:"),
                                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db) {
    // "nmae" must be an unknown column, not the string 'nmae'.
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
  }
  return db;
}

const char* columnType(Field::Type type) {
  switch (type) {
    case Field::Type::Integer:
      return " INTEGER";
    case Field::Type::Real:
      return " REAL";
    case Field::Type::String:
    case Field::Type::Date:
    case Field::Type::DateTime:
      return " TEXT";
    case Field::Type::Other:
      break;
  }
  return "";
}

bool createTable(sqlite3* db, const std::vector<Field>& fields, const std::vector<bool>& hasColumn,
                 QString& error) {
  QStringList columns;
  for (const char* internal : kInternalColumns)
    columns << quoteIdentifier(QString::fromLatin1(internal));
  columns[0] += QStringLiteral(" INTEGER PRIMARY KEY");
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (hasColumn[k])
      columns << quoteIdentifier(fields[k].name) + QLatin1String(columnType(fields[k].type));
  }
  const QByteArray sql =
      QStringLiteral("CREATE TABLE t(%1)").arg(columns.join(QStringLiteral(", "))).toUtf8();
  return detail::execSql(db, sql.constData(), error);
}

// Prepares one statement; fails on SQL left over after it or on a parameter (?, :name …).
detail::SqliteStmt prepareOne(sqlite3* db, const QString& sql, QString& error) {
  const QByteArray utf8 = sql.toUtf8();
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db, utf8.constData(), static_cast<int>(utf8.size()), &raw, &tail) !=
      SQLITE_OK) {
    error = QString::fromUtf8(sqlite3_errmsg(db));
    return nullptr;
  }
  detail::SqliteStmt st(raw);
  if (tail != nullptr && !QByteArray(tail).trimmed().isEmpty()) {
    error = tr("only one expression is allowed.");
    return nullptr;
  }
  if (st && sqlite3_bind_parameter_count(st.get()) > 0) {
    error =
        tr("%1 is not a field.").arg(QString::fromUtf8(sqlite3_bind_parameter_name(st.get(), 1)));
    return nullptr;
  }
  return st;
}

// "2024-05-01" or SQLite's "2024-05-01 08:30:00[.250]", formatted by hand: QDate::toString is
// the slowest step of loading 100,000 rows.
void bindDateTime(sqlite3_stmt* st, int index, const QDate& date, const QTime* time) {
  if (!date.isValid() || date.year() < 0 || date.year() > 9999) {
    sqlite3_bind_null(st, index);
    return;
  }
  char buffer[32];
  int n =
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year(), date.month(), date.day());
  if (time != nullptr && time->isValid()) {
    n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), " %02d:%02d:%02d",
                       time->hour(), time->minute(), time->second());
    if (time->msec() != 0)
      n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), ".%03d",
                         time->msec());
  }
  sqlite3_bind_text(st, index, buffer, n, SQLITE_TRANSIENT);
}

void bindValue(sqlite3_stmt* st, int index, const QVariant& value) {
  if (!value.isValid() || value.isNull()) {
    sqlite3_bind_null(st, index);
    return;
  }
  switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
      sqlite3_bind_int64(st, index, value.toLongLong());
      return;
    case QMetaType::Double:
    case QMetaType::Float:
      sqlite3_bind_double(st, index, value.toDouble());
      return;
    case QMetaType::QDate:
      bindDateTime(st, index, value.toDate(), nullptr);
      return;
    case QMetaType::QDateTime: {
      const QDateTime dt = value.toDateTime();
      const QTime time = dt.time();
      bindDateTime(st, index, dt.date(), &time);
      return;
    }
    case QMetaType::QByteArray: {
      const QByteArray bytes = value.toByteArray();
      sqlite3_bind_blob(st, index, bytes.constData(), static_cast<int>(bytes.size()),
                        SQLITE_TRANSIENT);
      return;
    }
    default:
      detail::bindText(st, index, value.toString());
  }
}

// $area, $length, $x, $y of one geometry, bound at columns 3..6; nulls for an empty geometry.
void bindMeasures(sqlite3_stmt* st, const Geometry& g) {
  for (int k = 3; k <= 6; ++k) sqlite3_bind_null(st, k);
  if (g.isEmpty()) return;
  if (g.type() == Geometry::Type::Point && g.parts().size() == 1 && !g.parts().front().empty() &&
      !g.parts().front().front().empty()) {
    const QPointF p = g.parts().front().front().front();
    sqlite3_bind_double(st, 3, 0.0);
    sqlite3_bind_double(st, 4, 0.0);
    sqlite3_bind_double(st, 5, p.x());
    sqlite3_bind_double(st, 6, p.y());
    return;
  }
  const GEOSContextHandle_t ctx = detail::geosContext();
  const detail::GeosGeomPtr geos = detail::toGeos(g);
  if (!geos) return;
  double value = 0;
  if (GEOSArea_r(ctx, geos.get(), &value) == 1) sqlite3_bind_double(st, 3, value);
  if (GEOSLength_r(ctx, geos.get(), &value) == 1) sqlite3_bind_double(st, 4, value);
  const detail::GeosGeomPtr centroid(GEOSGetCentroid_r(ctx, geos.get()));
  if (centroid && GEOSisEmpty_r(ctx, centroid.get()) == 0) {
    if (GEOSGeomGetX_r(ctx, centroid.get(), &value) == 1) sqlite3_bind_double(st, 5, value);
    if (GEOSGeomGetY_r(ctx, centroid.get(), &value) == 1) sqlite3_bind_double(st, 6, value);
  }
}

QVariant columnValue(sqlite3_stmt* st, int column) {
  switch (sqlite3_column_type(st, column)) {
    case SQLITE_INTEGER:
      return QVariant::fromValue<qlonglong>(sqlite3_column_int64(st, column));
    case SQLITE_FLOAT:
      return sqlite3_column_double(st, column);
    case SQLITE_TEXT:
      return detail::columnText(st, column);
    case SQLITE_BLOB: {
      const auto* data = static_cast<const char*>(sqlite3_column_blob(st, column));
      return QByteArray(data, sqlite3_column_bytes(st, column));
    }
    default:
      return {};
  }
}

QString targetDescription(Field::Type type) {
  switch (type) {
    case Field::Type::Integer:
      return tr("a whole number");
    case Field::Type::Real:
      return tr("a number");
    case Field::Type::Date:
      return tr("a date");
    case Field::Type::DateTime:
      return tr("a date and time");
    default:
      return tr("text");
  }
}

}  // namespace

Result<FieldCalculator> FieldCalculator::create(const std::vector<Field>& fields,
                                                const QString& expression, const QString& where) {
  FieldCalculator calc;
  calc.mFields = fields;
  calc.mExpression = expression;
  calc.mWhere = where;
  std::set<QString> seen;
  for (const char* internal : kInternalColumns) seen.insert(QString::fromLatin1(internal));
  for (const Field& f : fields)
    calc.mHasColumn.push_back(!f.name.isEmpty() && seen.insert(sqliteFold(f.name)).second);

  const auto invalid = [](const QString& what, const QString& text, const QString& why) {
    return Error{ErrorCode::InvalidArgument, what.arg(text, why)};
  };
  const QString exprMessage = tr("The expression \"%1\" is not valid: %2");
  const QString whereMessage = tr("The filter \"%1\" is not valid: %2");
  if (expression.trimmed().isEmpty()) return invalid(exprMessage, expression, tr("it is empty."));
  QString problem;
  const QString expr = rewrite(expression, calc.mNeedsMeasures, problem);
  if (!problem.isEmpty()) return invalid(exprMessage, expression, problem);
  const QString filter =
      where.trimmed().isEmpty() ? QString() : rewrite(where, calc.mNeedsMeasures, problem);
  if (!problem.isEmpty()) return invalid(whereMessage, where, problem);

  detail::SqliteDb db = openMemory(problem);
  if (!db || !createTable(db.get(), calc.mFields, calc.mHasColumn, problem)) {
    return Error{ErrorCode::IoFailed, tr("The field calculator cannot start: %1").arg(problem)};
  }
  // Newlines keep a trailing "--" comment of the user's text from eating the rest.
  if (!prepareOne(db.get(), QStringLiteral("SELECT (%1\n) FROM t").arg(expr), problem)) {
    return invalid(exprMessage, expression, problem);
  }
  if (!filter.isEmpty() &&
      !prepareOne(db.get(), QStringLiteral("SELECT 1 FROM t WHERE (%1\n)").arg(filter), problem)) {
    return invalid(whereMessage, where, problem);
  }
  calc.mSelectSql =
      QStringLiteral("SELECT \"xiuhua$row\", (%1\n) FROM t%2 ORDER BY \"xiuhua$row\"")
          .arg(expr, filter.isEmpty() ? QString() : QStringLiteral(" WHERE (%1\n)").arg(filter));
  if (!prepareOne(db.get(), calc.mSelectSql, problem))
    return invalid(exprMessage, expression, problem);
  return calc;
}

Result<CalculatorResult> FieldCalculator::evaluate(const std::vector<qint64>& fids,
                                                   const std::vector<AttributeRow>& rows,
                                                   const std::vector<Geometry>& geometries,
                                                   Field::Type targetType) const {
  if (fids.size() != rows.size() || (!geometries.empty() && geometries.size() != rows.size())) {
    return Error{
        ErrorCode::InvalidArgument,
        tr("The field calculator was given %1 features but %2 attribute rows and %3 geometries.")
            .arg(fids.size())
            .arg(rows.size())
            .arg(geometries.size())};
  }
  QString problem;
  detail::SqliteDb db = openMemory(problem);
  // The table lives only as long as this call: no journal needed.
  if (!db || !detail::execSql(db.get(), "PRAGMA journal_mode=OFF", problem) ||
      !createTable(db.get(), mFields, mHasColumn, problem) ||
      !detail::execSql(db.get(), "BEGIN", problem)) {
    return Error{ErrorCode::IoFailed, tr("The field calculator cannot start: %1").arg(problem)};
  }
  QStringList placeholders;
  const int columns =
      kFirstFieldColumn + static_cast<int>(std::count(mHasColumn.begin(), mHasColumn.end(), true));
  for (int k = 1; k <= columns; ++k) placeholders << QStringLiteral("?%1").arg(k);
  const QByteArray insertSql =
      QStringLiteral("INSERT INTO t VALUES (%1)").arg(placeholders.join(QLatin1Char(','))).toUtf8();
  const detail::SqliteStmt insert = detail::prepareSql(db.get(), insertSql.constData(), problem);
  if (!insert)
    return Error{ErrorCode::IoFailed, tr("The field calculator cannot start: %1").arg(problem)};
  std::vector<std::size_t> bound;  // the fields that have a column, in column order
  for (std::size_t k = 0; k < mFields.size(); ++k) {
    if (mHasColumn[k]) bound.push_back(k);
  }
  const bool measures = mNeedsMeasures && !geometries.empty();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    sqlite3_stmt* st = insert.get();
    sqlite3_bind_int64(st, 1, static_cast<sqlite3_int64>(i));
    sqlite3_bind_int64(st, 2, fids[i]);
    if (measures) {
      bindMeasures(st, geometries[i]);
    } else {
      for (int k = 3; k <= 6; ++k) sqlite3_bind_null(st, k);
    }
    const AttributeRow& row = rows[i];
    int column = kFirstFieldColumn + 1;
    for (const std::size_t k : bound) bindValue(st, column++, k < row.size() ? row[k] : QVariant());
    if (sqlite3_step(st) != SQLITE_DONE) {
      return Error{ErrorCode::IoFailed, tr("The field calculator cannot load feature %1: %2")
                                            .arg(fids[i])
                                            .arg(QString::fromUtf8(sqlite3_errmsg(db.get())))};
    }
    sqlite3_reset(st);
  }
  if (!detail::execSql(db.get(), "COMMIT", problem)) {
    return Error{ErrorCode::IoFailed, tr("The field calculator cannot start: %1").arg(problem)};
  }

  const detail::SqliteStmt select = prepareOne(db.get(), mSelectSql, problem);
  if (!select)
    return Error{ErrorCode::InvalidArgument,
                 tr("The expression \"%1\" is not valid: %2").arg(mExpression, problem)};
  CalculatorResult result;
  const Field target{QString(), targetType};
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
    const qint64 fid = fids[static_cast<std::size_t>(sqlite3_column_int64(select.get(), 0))];
    const QVariant raw = columnValue(select.get(), 1);
    QVariant value = raw.isValid() ? convertToFieldType(target, raw) : QVariant();
    // Blank text is null for a number or date, as in the attribute form.
    const bool blank = raw.typeId() == QMetaType::QString && raw.toString().trimmed().isEmpty();
    if (raw.isValid() && !value.isValid() && !blank) {
      return Error{ErrorCode::InvalidArgument,
                   tr("Feature %1: the value \"%2\" of \"%3\" is not %4.")
                       .arg(fid)
                       .arg(raw.toString(), mExpression, targetDescription(targetType))};
    }
    result.fids.push_back(fid);
    result.values.push_back(std::move(value));
  }
  if (rc != SQLITE_DONE) {
    return Error{ErrorCode::InvalidArgument,
                 tr("The expression \"%1\" cannot be evaluated: %2")
                     .arg(mExpression, QString::fromUtf8(sqlite3_errmsg(db.get())))};
  }
  return result;
}

}  // namespace xiuhua::gis
