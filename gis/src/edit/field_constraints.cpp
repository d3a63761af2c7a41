#include "xiuhua/gis/edit/field_constraints.h"

#include "translate.h"
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QTime>
#include <cmath>
#include <limits>
#include <memory>
#include <set>
#include <string>

#include "gdal_env.h"

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("FieldConstraints", text); }

const QString kYearPlaceholder = QStringLiteral("{year}");

bool isNullValue(const Field& field, const QVariant& value) {
  if (!value.isValid() || value.isNull()) return true;
  // A cleared editor of a number or date field gives blank text: that is null, not "not a number".
  return field.type != Field::Type::String && value.typeId() == QMetaType::QString &&
         value.toString().trimmed().isEmpty();
}

// ISO 8601 and OGR's own form ("2024/03/01 10:20:30+00"), with a space or a T before the time.
QDateTime parseDateTime(QString text) {
  text = text.trimmed();
  if (text.size() >= 10 && text[4] == QLatin1Char('/') && text[7] == QLatin1Char('/')) {
    text[4] = QLatin1Char('-');
    text[7] = QLatin1Char('-');
  }
  if (text.size() > 10 && text[10] == QLatin1Char(' ')) text[10] = QLatin1Char('T');
  if (text.size() == 10) {
    const QDate date = QDate::fromString(text, Qt::ISODate);
    return date.isValid() ? date.startOfDay() : QDateTime();
  }
  return QDateTime::fromString(text, Qt::ISODateWithMs);
}

std::optional<qlonglong> toInteger(const QVariant& value) {
  switch (value.typeId()) {
    case QMetaType::Bool:
      return value.toBool() ? 1 : 0;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
      return value.toLongLong();
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
      const qulonglong u = value.toULongLong();
      if (u > static_cast<qulonglong>(std::numeric_limits<qlonglong>::max())) return std::nullopt;
      return static_cast<qlonglong>(u);
    }
    case QMetaType::Double:
    case QMetaType::Float: {
      const double d = value.toDouble();
      // Whole numbers only: 2.5 in an Integer field is a mistake to report, not to round away.
      if (!std::isfinite(d) || d != std::trunc(d) || std::fabs(d) > 9.0e15) return std::nullopt;
      return static_cast<qlonglong>(d);
    }
    case QMetaType::QString:
    case QMetaType::QByteArray: {
      const QString text = value.toString().trimmed();
      bool ok = false;
      const qlonglong n = QLocale::c().toLongLong(text, &ok);
      if (ok) return n;
      const double d = QLocale::c().toDouble(text, &ok);
      return ok ? toInteger(QVariant(d)) : std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

std::optional<double> toReal(const QVariant& value) {
  switch (value.typeId()) {
    case QMetaType::QString:
    case QMetaType::QByteArray: {
      bool ok = false;
      const double d = QLocale::c().toDouble(value.toString().trimmed(), &ok);
      return ok && std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
    }
    case QMetaType::Double:
    case QMetaType::Float: {
      const double d = value.toDouble();
      return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
    }
    default: {
      const std::optional<qlonglong> n = toInteger(value);
      return n ? std::optional<double>(static_cast<double>(*n)) : std::nullopt;
    }
  }
}

QString typeDescription(Field::Type type) {
  switch (type) {
    case Field::Type::Integer:
      return tr("a whole number");
    case Field::Type::Real:
      return tr("a number");
    case Field::Type::Date:
      return tr("a date (YYYY-MM-DD)");
    case Field::Type::DateTime:
      return tr("a date and time (YYYY-MM-DD HH:MM:SS)");
    default:
      return tr("text");
  }
}

bool sameValue(const Field& field, const QVariant& a, const QVariant& b) {
  if (field.isNumeric()) {
    const std::optional<double> x = toReal(a);
    const std::optional<double> y = toReal(b);
    return x && y && *x == *y;
  }
  if (field.type == Field::Type::Date || field.type == Field::Type::DateTime) {
    return convertToFieldType(field, a) == convertToFieldType(field, b);
  }
  return a.toString() == b.toString();
}

QString valueList(const FieldConstraint& constraint) {
  constexpr std::size_t kShown = 30;
  QStringList items;
  for (const auto& [code, label] : constraint.values) {
    if (items.size() == static_cast<qsizetype>(kShown)) {
      items << QStringLiteral("…");
      break;
    }
    const QString text = code.toString();
    items << (label.isEmpty() || label == text ? text : QStringLiteral("%1 (%2)").arg(text, label));
  }
  return items.join(QStringLiteral(", "));
}

std::optional<QString> checkRange(const Field& field, const FieldConstraint& c, double x) {
  const bool low = c.minimum && (c.minimumInclusive ? x < *c.minimum : x <= *c.minimum);
  const bool high = c.maximum && (c.maximumInclusive ? x > *c.maximum : x >= *c.maximum);
  if (!low && !high) return std::nullopt;
  const QString lower = !c.minimum ? QString()
                        : c.minimumInclusive
                            ? tr("at least %1").arg(QString::number(*c.minimum))
                            : tr("greater than %1").arg(QString::number(*c.minimum));
  const QString upper = !c.maximum           ? QString()
                        : c.maximumInclusive ? tr("at most %1").arg(QString::number(*c.maximum))
                                             : tr("less than %1").arg(QString::number(*c.maximum));
  if (c.minimum && c.maximum && c.minimumInclusive && c.maximumInclusive) {
    return tr("%1 must be between %2 and %3.")
        .arg(field.name, QString::number(*c.minimum), QString::number(*c.maximum));
  }
  if (c.minimum && c.maximum) return tr("%1 must be %2 and %3.").arg(field.name, lower, upper);
  return tr("%1 must be %2.").arg(field.name, c.minimum ? lower : upper);
}

// ---- GDAL side ----------------------------------------------------------------------------

Field::Type fieldType(OGRFieldType t) {
  switch (t) {
    case OFTInteger:
    case OFTInteger64:
      return Field::Type::Integer;
    case OFTReal:
      return Field::Type::Real;
    case OFTString:
      return Field::Type::String;
    case OFTDate:
      return Field::Type::Date;
    case OFTDateTime:
      return Field::Type::DateTime;
    default:
      return Field::Type::Other;
  }
}

std::optional<double> rangeBound(OGRFieldType type, const OGRField& raw) {
  if (OGR_RawField_IsUnset(&raw) || OGR_RawField_IsNull(&raw)) return std::nullopt;
  switch (type) {
    case OFTInteger:
      return raw.Integer;
    case OFTInteger64:
      return static_cast<double>(raw.Integer64);
    case OFTReal:
      if (!std::isfinite(raw.Real)) return std::nullopt;  // GeoPackage stores an open end as ±inf
      return raw.Real;
    default:
      return std::nullopt;  // date ranges (FileGDB) are not numeric bounds
  }
}

void readDomain(const Field& field, const OGRFieldDomain& domain, FieldConstraint& c) {
  c.domainName = QString::fromStdString(domain.GetName());
  c.description = QString::fromStdString(domain.GetDescription());
  if (const auto* coded = dynamic_cast<const OGRCodedFieldDomain*>(&domain)) {
    for (const OGRCodedValue* v = coded->GetEnumeration(); v != nullptr && v->pszCode != nullptr;
         ++v) {
      const QString code = QString::fromUtf8(v->pszCode);
      const QVariant typed = convertToFieldType(field, code);
      c.values.emplace_back(typed.isValid() ? typed : QVariant(code),
                            v->pszValue != nullptr ? QString::fromUtf8(v->pszValue) : code);
    }
  } else if (const auto* range = dynamic_cast<const OGRRangeFieldDomain*>(&domain)) {
    c.minimum = rangeBound(range->GetFieldType(), range->GetMin(c.minimumInclusive));
    c.maximum = rangeBound(range->GetFieldType(), range->GetMax(c.maximumInclusive));
  } else if (const auto* glob = dynamic_cast<const OGRGlobFieldDomain*>(&domain)) {
    c.glob = QString::fromStdString(glob->GetGlob());
  }
}

GDALDatasetUniquePtr openDataset(const QString& path, bool update, Error& error) {
  if (!QFileInfo::exists(path)) {
    error = Error{ErrorCode::FileNotFound, tr("%1: the file does not exist.").arg(path)};
    return nullptr;
  }
  detail::ensureGdalRegistered();
  detail::GdalErrorCollector errors;
  const QByteArray utf8 = path.toUtf8();
  GDALDatasetUniquePtr ds(GDALDataset::Open(
      utf8.constData(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), nullptr,
      nullptr, nullptr));
  if (!ds) {
    const QString detail =
        errors.lastError().isEmpty() ? tr("not a vector format GDAL can read") : errors.lastError();
    error = Error{ErrorCode::CorruptFile,
                  update ? tr("%1: the file cannot be opened for writing: %2").arg(path, detail)
                         : tr("%1: the file cannot be read: %2").arg(path, detail)};
  }
  return ds;
}

OGRLayer* findLayer(GDALDataset& ds, const QString& path, const QString& layerName, Error& error) {
  OGRLayer* layer =
      layerName.isEmpty() ? ds.GetLayer(0) : ds.GetLayerByName(layerName.toUtf8().constData());
  if (layer == nullptr) {
    error =
        Error{ErrorCode::EmptySource,
              layerName.isEmpty() ? tr("%1: the source has no vector layers.").arg(path)
                                  : tr("%1: there is no layer named \"%2\".").arg(path, layerName)};
  }
  return layer;
}

}  // namespace

bool FieldConstraint::isEmpty() const {
  return !notNull && !minimum && !maximum && values.empty() && glob.isEmpty() &&
         defaultExpression.isEmpty();
}

QVariant convertToFieldType(const Field& field, const QVariant& value) {
  if (isNullValue(field, value)) return {};
  switch (field.type) {
    case Field::Type::Integer: {
      const std::optional<qlonglong> n = toInteger(value);
      return n ? QVariant::fromValue<qlonglong>(*n) : QVariant();
    }
    case Field::Type::Real: {
      const std::optional<double> d = toReal(value);
      return d ? QVariant(*d) : QVariant();
    }
    case Field::Type::Date: {
      if (value.typeId() == QMetaType::QDate) return value.toDate().isValid() ? value : QVariant();
      if (value.typeId() == QMetaType::QDateTime) return value.toDateTime().date();
      if (value.typeId() != QMetaType::QString) return {};
      const QDateTime dt = parseDateTime(value.toString());
      return dt.isValid() ? QVariant(dt.date()) : QVariant();
    }
    case Field::Type::DateTime: {
      if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().isValid() ? value : QVariant();
      if (value.typeId() == QMetaType::QDate) return value.toDate().startOfDay();
      if (value.typeId() != QMetaType::QString) return {};
      const QDateTime dt = parseDateTime(value.toString());
      return dt.isValid() ? QVariant(dt) : QVariant();
    }
    case Field::Type::String: {
      if (value.typeId() == QMetaType::QDate) return value.toDate().toString(Qt::ISODate);
      if (value.typeId() == QMetaType::QDateTime) return value.toDateTime().toString(Qt::ISODate);
      return value.canConvert<QString>() ? QVariant(value.toString()) : QVariant();
    }
    case Field::Type::Other:
      return value;
  }
  return {};
}

std::optional<QString> checkValue(const Field& field, const FieldConstraint& constraint,
                                  const QVariant& value) {
  if (isNullValue(field, value)) {
    if (constraint.notNull) return tr("%1 must not be empty.").arg(field.name);
    return std::nullopt;
  }
  const QVariant typed = convertToFieldType(field, value);
  if (!typed.isValid()) return tr("%1 must be %2.").arg(field.name, typeDescription(field.type));
  if (!constraint.values.empty()) {
    bool found = false;
    for (const auto& allowed : constraint.values)
      found = found || sameValue(field, allowed.first, typed);
    if (!found) return tr("%1 must be one of: %2.").arg(field.name, valueList(constraint));
  }
  if (field.isNumeric()) {
    if (std::optional<QString> message = checkRange(field, constraint, typed.toDouble()))
      return message;
  }
  if (!constraint.glob.isEmpty()) {
    const QByteArray pattern = constraint.glob.toUtf8();
    const QByteArray text =
        convertToFieldType(Field{field.name, Field::Type::String}, typed).toString().toUtf8();
    if (sqlite3_strglob(pattern.constData(), text.constData()) != 0) {
      return tr("%1 must match the pattern %2.").arg(field.name, constraint.glob);
    }
  }
  return std::nullopt;
}

QVariant defaultValue(const Field& field, const FieldConstraint& constraint, int year) {
  const QString e = constraint.defaultExpression.trimmed();
  if (e.isEmpty()) return {};
  if (e == kYearPlaceholder) return convertToFieldType(field, QVariant::fromValue<qlonglong>(year));
  const QString upper = e.toUpper();
  if (upper == QLatin1String("CURRENT_DATE"))
    return convertToFieldType(field, QDate::currentDate());
  if (upper == QLatin1String("CURRENT_TIMESTAMP")) {
    return convertToFieldType(field, QDateTime::currentDateTime());
  }
  if (upper == QLatin1String("CURRENT_TIME")) {
    const QTime now = QTime::currentTime();
    return field.type == Field::Type::Other ? QVariant(now)
                                            : convertToFieldType(field, now.toString(Qt::ISODate));
  }
  if (e.size() >= 2 && e.startsWith(QLatin1Char('\'')) && e.endsWith(QLatin1Char('\''))) {
    QString text = e.mid(1, e.size() - 2);
    text.replace(QStringLiteral("''"), QStringLiteral("'"));
    return convertToFieldType(field, text);
  }
  // A bare literal is a number; anything else is an SQL expression only the driver understands.
  bool ok = false;
  QLocale::c().toDouble(e, &ok);
  return ok ? convertToFieldType(field, e) : QVariant();
}

Result<LayerConstraints> readConstraints(const QString& path, const QString& layerName,
                                         const std::vector<Field>& fields) {
  Error error{ErrorCode::IoFailed, {}};
  GDALDatasetUniquePtr ds = openDataset(path, false, error);
  if (!ds) return error;
  OGRLayer* layer = findLayer(*ds, path, layerName, error);
  if (layer == nullptr) return error;
  const OGRFeatureDefn* defn = layer->GetLayerDefn();
  LayerConstraints result;
  result.fields.resize(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const int index = defn->GetFieldIndex(fields[i].name.toUtf8().constData());
    if (index < 0) continue;
    const OGRFieldDefn* f = defn->GetFieldDefn(index);
    FieldConstraint& c = result.fields[i];
    c.notNull = f->IsNullable() == 0;
    if (f->GetDefault() != nullptr) c.defaultExpression = QString::fromUtf8(f->GetDefault());
    if (!f->GetDomainName().empty()) {
      if (const OGRFieldDomain* domain = ds->GetFieldDomain(f->GetDomainName()))
        readDomain(fields[i], *domain, c);
    }
  }
  return result;
}

namespace {

QString describeField(const QString& path, const QString& field) {
  return tr("%1, field %2").arg(path, field);
}

bool sameDomain(const FieldConstraint& a, const FieldConstraint& b) {
  if (a.glob != b.glob || a.minimum != b.minimum || a.maximum != b.maximum ||
      a.values.size() != b.values.size())
    return false;
  if (a.minimum && a.minimumInclusive != b.minimumInclusive) return false;
  if (a.maximum && a.maximumInclusive != b.maximumInclusive) return false;
  // A GeoPackage gives the values back sorted by code, not in the order they were written.
  const auto codes = [](const FieldConstraint& c) {
    std::set<std::pair<QString, QString>> set;
    for (const auto& [code, label] : c.values)
      set.emplace(code.toString(), label.isEmpty() ? code.toString() : label);
    return set;
  };
  return codes(a) == codes(b);
}

OGRField rawBound(OGRFieldType type, const std::optional<double>& bound) {
  OGRField raw;
  OGR_RawField_SetUnset(&raw);
  if (!bound) return raw;
  if (type == OFTInteger)
    raw.Integer = static_cast<int>(*bound);
  else if (type == OFTInteger64)
    raw.Integer64 = static_cast<GIntBig>(*bound);
  else
    raw.Real = *bound;
  return raw;
}

QString codeText(const QVariant& code) {
  return code.typeId() == QMetaType::Double ? QString::number(code.toDouble(), 'g', 17)
                                            : code.toString();
}

// The GDAL domain for the constraint's value list, range or glob; null (and problem set) when the
// field's type cannot carry it.
std::unique_ptr<OGRFieldDomain> makeDomain(const std::string& name, const OGRFieldDefn& f,
                                           const FieldConstraint& c, QString& problem) {
  const std::string description = c.description.toStdString();
  const OGRFieldType type = f.GetType();
  if (!c.values.empty()) {
    std::vector<OGRCodedValue> values;
    for (const auto& [code, label] : c.values) {
      values.push_back({CPLStrdup(codeText(code).toUtf8().constData()),
                        label.isEmpty() ? nullptr : CPLStrdup(label.toUtf8().constData())});
    }
    return std::make_unique<OGRCodedFieldDomain>(name, description, type, f.GetSubType(),
                                                 std::move(values));
  }
  if (c.minimum || c.maximum) {
    if (type != OFTInteger && type != OFTInteger64 && type != OFTReal) {
      problem = tr("a range needs a numeric field");
      return nullptr;
    }
    return std::make_unique<OGRRangeFieldDomain>(name, description, type, f.GetSubType(),
                                                 rawBound(type, c.minimum), c.minimumInclusive,
                                                 rawBound(type, c.maximum), c.maximumInclusive);
  }
  if (type != OFTString) {
    problem = tr("a pattern needs a text field");
    return nullptr;
  }
  return std::make_unique<OGRGlobFieldDomain>(name, description, type, f.GetSubType(),
                                              c.glob.toStdString());
}

// Adds the domain, or reuses an identical one of the same name; returns its name.
std::optional<std::string> ensureDomain(GDALDataset& ds, const OGRFieldDefn& f,
                                        const QString& layerName, const FieldConstraint& c,
                                        const QString& where, Error& error) {
  const QString name = c.domainName.isEmpty() ? QStringLiteral("%1_%2").arg(
                                                    layerName, QString::fromUtf8(f.GetNameRef()))
                                              : c.domainName;
  const std::string utf8 = name.toStdString();
  const Field field{QString::fromUtf8(f.GetNameRef()), fieldType(f.GetType())};
  if (const OGRFieldDomain* existing = ds.GetFieldDomain(utf8)) {
    FieldConstraint current;
    readDomain(field, *existing, current);
    if (sameDomain(current, c)) return utf8;
    error = Error{ErrorCode::InvalidArgument,
                  tr("%1: a different constraint named %2 already exists.").arg(where, name)};
    return std::nullopt;
  }
  if (ds.TestCapability(ODsCAddFieldDomain) == 0) {
    error = Error{ErrorCode::InvalidArgument,
                  tr("%1: this format cannot hold value lists, ranges or patterns.").arg(where)};
    return std::nullopt;
  }
  QString problem;
  std::unique_ptr<OGRFieldDomain> domain = makeDomain(utf8, f, c, problem);
  std::string failure;
  if (!domain || !ds.AddFieldDomain(std::move(domain), failure)) {
    if (problem.isEmpty()) problem = QString::fromStdString(failure);
    error = Error{ErrorCode::IoFailed,
                  tr("%1: the constraint cannot be written: %2").arg(where, problem)};
    return std::nullopt;
  }
  return utf8;
}

// Refuses what the constraint itself gets wrong before the file is touched.
Status validate(const Field& field, const FieldConstraint& c, const QString& where) {
  const int kinds =
      (c.values.empty() ? 0 : 1) + (c.minimum || c.maximum ? 1 : 0) + (c.glob.isEmpty() ? 0 : 1);
  if (kinds > 1) {
    return Error{ErrorCode::InvalidArgument,
                 tr("%1: a field holds one kind of constraint: a value list, a range or a pattern.")
                     .arg(where)};
  }
  const QString e = c.defaultExpression.trimmed();
  if (e == kYearPlaceholder) {
    return Error{ErrorCode::InvalidArgument,
                 tr("%1: the default {year} cannot be stored in the file.").arg(where)};
  }
  if (e.isEmpty() || e.startsWith(QLatin1String("CURRENT_"), Qt::CaseInsensitive)) return {};
  const QVariant value = defaultValue(field, c, 0);
  if (!value.isValid())
    return Error{ErrorCode::InvalidArgument,
                 tr("%1: the default %2 is not a value of the field.").arg(where, e)};
  if (std::optional<QString> problem = checkValue(field, c, value)) {
    return Error{ErrorCode::InvalidArgument,
                 tr("%1: the default %2 is not allowed: %3").arg(where, e, *problem)};
  }
  return {};
}

}  // namespace

Status writeConstraint(const QString& path, const QString& layerName, const QString& fieldName,
                       const FieldConstraint& constraint) {
  const QString where = describeField(path, fieldName);
  Error error{ErrorCode::IoFailed, {}};
  GDALDatasetUniquePtr ds = openDataset(path, true, error);
  if (!ds) return error;
  OGRLayer* layer = findLayer(*ds, path, layerName, error);
  if (layer == nullptr) return error;
  const int index = layer->GetLayerDefn()->GetFieldIndex(fieldName.toUtf8().constData());
  if (index < 0) {
    return Error{ErrorCode::InvalidArgument,
                 tr("%1: there is no field named \"%2\".").arg(path, fieldName)};
  }
  OGRFieldDefn altered(layer->GetLayerDefn()->GetFieldDefn(index));
  if (Status ok = validate(Field{fieldName, fieldType(altered.GetType())}, constraint, where); !ok)
    return ok;

  std::string domain;
  if (!constraint.values.empty() || constraint.minimum || constraint.maximum ||
      !constraint.glob.isEmpty()) {
    const std::optional<std::string> name =
        ensureDomain(*ds, altered, QString::fromUtf8(layer->GetName()), constraint, where, error);
    if (!name) return error;
    domain = *name;
  }
  const QByteArray defaultText = constraint.defaultExpression.trimmed().toUtf8();
  const char* oldDefault = altered.GetDefault();
  int flags = 0;
  if (altered.GetDomainName() != domain) flags |= ALTER_DOMAIN_FLAG;
  if ((altered.IsNullable() == 0) != constraint.notNull) flags |= ALTER_NULLABLE_FLAG;
  if (QByteArray(oldDefault != nullptr ? oldDefault : "") != defaultText)
    flags |= ALTER_DEFAULT_FLAG;
  if (flags == 0) return {};
  altered.SetDomainName(domain);
  altered.SetNullable(constraint.notNull ? 0 : 1);
  altered.SetDefault(defaultText.isEmpty() ? nullptr : defaultText.constData());

  detail::GdalErrorCollector errors;
  if (layer->AlterFieldDefn(index, &altered, flags) != OGRERR_NONE) {
    return Error{ErrorCode::IoFailed,
                 tr("%1: the constraint cannot be written: %2")
                     .arg(where, errors.lastError().isEmpty() ? tr("the format cannot hold it")
                                                              : errors.lastError())};
  }
  // Some drivers accept the call and drop what the format cannot hold; check it is there.
  const OGRFieldDefn* now = layer->GetLayerDefn()->GetFieldDefn(index);
  const char* nowDefault = now->GetDefault();
  if (now->GetDomainName() != domain || (now->IsNullable() == 0) != constraint.notNull ||
      QByteArray(nowDefault != nullptr ? nowDefault : "") != defaultText) {
    return Error{ErrorCode::InvalidArgument,
                 tr("%1: this format cannot hold the constraint.").arg(where)};
  }
  ds->FlushCache();
  if (!errors.lastError().isEmpty()) {
    return Error{ErrorCode::IoFailed,
                 tr("%1: the constraint cannot be written: %2").arg(where, errors.lastError())};
  }
  return {};
}

}  // namespace xiuhua::gis
