// Field constraints: GeoPackage domains (range, enum, glob), NOT NULL and DEFAULT read through
// GDAL, the checks the attribute form makes, defaults for new features, and writing them back.
#include "xiuhua/gis/edit/field_constraints.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <QDate>
#include <QDateTime>
#include <map>

#include "support/temp_dir.h"

namespace xiuhua::gis {
namespace {

const Field kHeight{QStringLiteral("高度"), Field::Type::Real};
const Field kStatus{QStringLiteral("状态"), Field::Type::String};
const Field kCode{QStringLiteral("编号"), Field::Type::String};
const Field kYear{QStringLiteral("year"), Field::Type::Integer};
const Field kBuilt{QStringLiteral("built"), Field::Type::Date};
const Field kNote{QStringLiteral("备注 note"), Field::Type::String};

std::vector<Field> allFields() { return {kHeight, kStatus, kCode, kYear, kBuilt, kNote}; }

// Code → label; the order of a GeoPackage's values is GDAL's business.
std::map<QString, QString> labels(const FieldConstraint& c) {
  std::map<QString, QString> map;
  for (const auto& [code, label] : c.values) map[code.toString()] = label;
  return map;
}

OGRField real(double v) {
  OGRField f;
  f.Real = v;
  return f;
}

// A GeoPackage written with GDAL alone (not with writeConstraint): layer "poles" whose fields carry
// a range 0 ≤ 高度 < 100, an enum overhead/buried labelled 架空/入地, a glob, NOT NULL and
// DEFAULTs.
QString makeConstrainedGeoPackage(const test::TempDir& dir) {
  GDALAllRegister();
  const QString path = dir.path(QStringLiteral("杆塔 约束.gpkg"));
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
  EXPECT_TRUE(ds);
  std::string why;
  EXPECT_TRUE(ds->AddFieldDomain(
      std::make_unique<OGRRangeFieldDomain>("height_range", "杆高 (m)", OFTReal, OFSTNone, real(0),
                                            true, real(100), false),
      why));
  std::vector<OGRCodedValue> codes;
  codes.push_back({CPLStrdup("overhead"), CPLStrdup("架空")});
  codes.push_back({CPLStrdup("buried"), CPLStrdup("入地")});
  EXPECT_TRUE(ds->AddFieldDomain(
      std::make_unique<OGRCodedFieldDomain>("status", "", OFTString, OFSTNone, std::move(codes)),
      why));
  EXPECT_TRUE(ds->AddFieldDomain(
      std::make_unique<OGRGlobFieldDomain>("code_pattern", "", OFTString, OFSTNone, "[A-Z][0-9]*"),
      why));

  OGRLayer* layer = ds->CreateLayer("poles", nullptr, wkbPoint, nullptr);
  OGRFieldDefn height("高度", OFTReal);
  height.SetDomainName("height_range");
  OGRFieldDefn status("状态", OFTString);
  status.SetDomainName("status");
  status.SetNullable(0);
  status.SetDefault("'buried'");
  OGRFieldDefn code("编号", OFTString);
  code.SetDomainName("code_pattern");
  OGRFieldDefn year("year", OFTInteger);
  year.SetDefault("2025");
  OGRFieldDefn built("built", OFTDate);
  built.SetDefault("CURRENT_DATE");
  OGRFieldDefn note("备注 note", OFTString);
  for (OGRFieldDefn* f : {&height, &status, &code, &year, &built, &note})
    EXPECT_EQ(layer->CreateField(f), OGRERR_NONE);
  OGRFeature feature(layer->GetLayerDefn());
  feature.SetField("状态", "overhead");
  EXPECT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
  return path;
}

// A layer with plain fields and one feature, for writeConstraint.
QString makePlainGeoPackage(const test::TempDir& dir) {
  GDALAllRegister();
  const QString path = dir.path(QStringLiteral("plain.gpkg"));
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
  OGRLayer* layer = ds->CreateLayer("lines", nullptr, wkbLineString, nullptr);
  OGRFieldDefn status("状态", OFTString);
  OGRFieldDefn share("share", OFTReal);
  OGRFieldDefn lanes("lanes", OFTInteger);
  OGRFieldDefn code("编号", OFTString);
  for (OGRFieldDefn* f : {&status, &share, &lanes, &code})
    EXPECT_EQ(layer->CreateField(f), OGRERR_NONE);
  OGRFeature feature(layer->GetLayerDefn());
  feature.SetField("状态", "overhead");
  feature.SetField("lanes", 2);
  EXPECT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
  return path;
}

TEST(FieldConstraints, ReadsGeoPackageDomainsNotNullAndDefaults) {
  const test::TempDir dir;
  const QString path = makeConstrainedGeoPackage(dir);
  std::vector<Field> fields = allFields();
  fields.push_back({QStringLiteral("not in layer"), Field::Type::String});
  const Result<LayerConstraints> read = readConstraints(path, QStringLiteral("poles"), fields);
  ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
  ASSERT_EQ(read->fields.size(), 7u);

  const FieldConstraint& height = read->fields[0];
  EXPECT_EQ(height.domainName, QStringLiteral("height_range"));
  EXPECT_EQ(height.description, QStringLiteral("杆高 (m)"));
  ASSERT_TRUE(height.minimum && height.maximum);
  EXPECT_EQ(*height.minimum, 0.0);
  EXPECT_EQ(*height.maximum, 100.0);
  EXPECT_TRUE(height.minimumInclusive);
  EXPECT_FALSE(height.maximumInclusive);
  EXPECT_FALSE(height.notNull);
  EXPECT_TRUE(height.values.empty());

  const FieldConstraint& status = read->fields[1];
  EXPECT_TRUE(status.notNull);
  EXPECT_EQ(status.defaultExpression, QStringLiteral("'buried'"));
  EXPECT_EQ(labels(status),
            (std::map<QString, QString>{{QStringLiteral("overhead"), QStringLiteral("架空")},
                                        {QStringLiteral("buried"), QStringLiteral("入地")}}));
  for (const auto& value : status.values) EXPECT_EQ(value.first.typeId(), QMetaType::QString);
  EXPECT_FALSE(status.minimum || status.maximum);

  EXPECT_EQ(read->fields[2].glob, QStringLiteral("[A-Z][0-9]*"));
  EXPECT_EQ(read->fields[3].defaultExpression, QStringLiteral("2025"));
  EXPECT_EQ(read->fields[4].defaultExpression, QStringLiteral("CURRENT_DATE"));
  EXPECT_TRUE(read->fields[5].isEmpty());
  EXPECT_TRUE(read->fields[6].isEmpty());  // not in the layer
}

TEST(FieldConstraints, EmptyLayerNameMeansTheFirstLayer) {
  const test::TempDir dir;
  const QString path = makeConstrainedGeoPackage(dir);
  const Result<LayerConstraints> read = readConstraints(path, {}, {kStatus});
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->fields[0].values.size(), 2u);
}

TEST(FieldConstraints, ShapefileGivesEmptyConstraints) {
  GDALAllRegister();
  const test::TempDir dir;
  const QString path = dir.path(QStringLiteral("roads.shp"));
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(
        driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = ds->CreateLayer("roads", nullptr, wkbLineString, nullptr);
    OGRFieldDefn name("name", OFTString);
    OGRFieldDefn lanes("lanes", OFTInteger);
    ASSERT_EQ(layer->CreateField(&name), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&lanes), OGRERR_NONE);
  }
  const Result<LayerConstraints> read =
      readConstraints(path, {},
                      {{QStringLiteral("name"), Field::Type::String},
                       {QStringLiteral("lanes"), Field::Type::Integer}});
  ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
  ASSERT_EQ(read->fields.size(), 2u);
  EXPECT_TRUE(read->fields[0].isEmpty());
  EXPECT_TRUE(read->fields[1].isEmpty());
}

TEST(FieldConstraints, UnreadableSourceIsAnErrorNamingTheFile) {
  const test::TempDir dir;
  const QString missing = dir.path(QStringLiteral("没有.gpkg"));
  const Result<LayerConstraints> a = readConstraints(missing, {}, {kStatus});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, ErrorCode::FileNotFound);
  EXPECT_TRUE(a.error().message.contains(missing));

  const QString garbage =
      dir.write(QStringLiteral("坏.gpkg"), QByteArray("this is not a GeoPackage at all"));
  const Result<LayerConstraints> b = readConstraints(garbage, {}, {kStatus});
  ASSERT_FALSE(b.ok());
  EXPECT_TRUE(b.error().message.contains(garbage));

  const QString path = makeConstrainedGeoPackage(dir);
  const Result<LayerConstraints> c = readConstraints(path, QStringLiteral("nope"), {kStatus});
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(c.error().message.contains(QStringLiteral("nope")));
}

TEST(FieldConstraints, RangeEdgesInclusiveAndExclusive) {
  FieldConstraint halfOpen;  // 0 ≤ x < 100, as in the GeoPackage above
  halfOpen.minimum = 0;
  halfOpen.maximum = 100;
  halfOpen.maximumInclusive = false;
  EXPECT_EQ(checkValue(kHeight, halfOpen, 0.0), std::nullopt);
  EXPECT_EQ(checkValue(kHeight, halfOpen, 99.999), std::nullopt);
  EXPECT_EQ(checkValue(kHeight, halfOpen, QStringLiteral(" 50.5 ")), std::nullopt);
  ASSERT_TRUE(checkValue(kHeight, halfOpen, 100.0));
  EXPECT_EQ(*checkValue(kHeight, halfOpen, 100.0),
            QStringLiteral("高度 must be at least 0 and less than 100."));
  EXPECT_TRUE(checkValue(kHeight, halfOpen, -0.001));

  FieldConstraint closed;
  closed.minimum = 1;
  closed.maximum = 6;
  EXPECT_EQ(checkValue(kYear, closed, 1), std::nullopt);
  EXPECT_EQ(checkValue(kYear, closed, 6), std::nullopt);
  ASSERT_TRUE(checkValue(kYear, closed, 7));
  EXPECT_EQ(*checkValue(kYear, closed, 7), QStringLiteral("year must be between 1 and 6."));
  EXPECT_TRUE(checkValue(kYear, closed, 0));

  FieldConstraint openBelow;  // 0 < x, no maximum
  openBelow.minimum = 0;
  openBelow.minimumInclusive = false;
  EXPECT_TRUE(checkValue(kHeight, openBelow, 0.0));
  EXPECT_EQ(checkValue(kHeight, openBelow, 1e-9), std::nullopt);
  EXPECT_EQ(checkValue(kHeight, openBelow, 1e12), std::nullopt);
  EXPECT_EQ(*checkValue(kHeight, openBelow, -1), QStringLiteral("高度 must be greater than 0."));
}

TEST(FieldConstraints, ValueMustConvertToTheFieldType) {
  const FieldConstraint none;
  ASSERT_TRUE(checkValue(kYear, none, QStringLiteral("abc")));
  EXPECT_EQ(*checkValue(kYear, none, QStringLiteral("abc")),
            QStringLiteral("year must be a whole number."));
  EXPECT_TRUE(checkValue(kYear, none, QStringLiteral("2.5")));
  EXPECT_TRUE(checkValue(kYear, none, 2.5));
  EXPECT_EQ(checkValue(kYear, none, QStringLiteral("2024")), std::nullopt);
  EXPECT_EQ(checkValue(kYear, none, 2024.0), std::nullopt);
  EXPECT_TRUE(checkValue(kHeight, none, QStringLiteral("12 m")));
  EXPECT_EQ(checkValue(kHeight, none, QStringLiteral("12.5")), std::nullopt);
  EXPECT_TRUE(checkValue(kBuilt, none, QStringLiteral("2024-13-01")));
  EXPECT_EQ(checkValue(kBuilt, none, QStringLiteral("2024-02-29")), std::nullopt);
  EXPECT_EQ(checkValue(kBuilt, none, QDate(2024, 2, 29)), std::nullopt);

  EXPECT_EQ(convertToFieldType(kYear, QStringLiteral(" 2024 ")),
            QVariant::fromValue<qlonglong>(2024));
  EXPECT_EQ(convertToFieldType(kBuilt, QStringLiteral("2024/03/01")), QVariant(QDate(2024, 3, 1)));
  EXPECT_EQ(convertToFieldType({QStringLiteral("t"), Field::Type::DateTime},
                               QStringLiteral("2024-03-01 10:20:30")),
            QVariant(QDateTime(QDate(2024, 3, 1), QTime(10, 20, 30))));
  EXPECT_EQ(convertToFieldType(kNote, QDate(2024, 3, 1)), QVariant(QStringLiteral("2024-03-01")));
}

TEST(FieldConstraints, NullIsFineUnlessNotNull) {
  FieldConstraint required;
  required.notNull = true;
  const FieldConstraint optional;
  EXPECT_EQ(checkValue(kHeight, optional, QVariant()), std::nullopt);
  EXPECT_EQ(checkValue(kHeight, optional, QStringLiteral("  ")),
            std::nullopt);  // a cleared number editor
  ASSERT_TRUE(checkValue(kStatus, required, QVariant()));
  EXPECT_EQ(*checkValue(kStatus, required, QVariant()), QStringLiteral("状态 must not be empty."));
  EXPECT_TRUE(checkValue(kHeight, required, QStringLiteral("")));
  EXPECT_EQ(checkValue(kStatus, required, QStringLiteral("")),
            std::nullopt);  // empty text is a value, not null
}

TEST(FieldConstraints, ValueListAndGlob) {
  const test::TempDir dir;
  const Result<LayerConstraints> read =
      readConstraints(makeConstrainedGeoPackage(dir), QStringLiteral("poles"), allFields());
  ASSERT_TRUE(read.ok());
  const FieldConstraint& status = read->fields[1];
  EXPECT_EQ(checkValue(kStatus, status, QStringLiteral("overhead")), std::nullopt);
  EXPECT_EQ(checkValue(kStatus, status, QStringLiteral("buried")), std::nullopt);
  ASSERT_TRUE(checkValue(kStatus, status, QStringLiteral("架空")));  // a label is not a code
  const QString refusal = *checkValue(kStatus, status, QStringLiteral("cable"));
  EXPECT_TRUE(refusal.startsWith(QStringLiteral("状态 must be one of: "))) << refusal.toStdString();
  EXPECT_TRUE(refusal.contains(QStringLiteral("overhead (架空)")) &&
              refusal.contains(QStringLiteral("buried (入地)")));
  FieldConstraint ordered;
  ordered.values = {{QStringLiteral("overhead"), QStringLiteral("架空")},
                    {QStringLiteral("buried"), QStringLiteral("入地")}};
  EXPECT_EQ(*checkValue(kStatus, ordered, QStringLiteral("cable")),
            QStringLiteral("状态 must be one of: overhead (架空), buried (入地)."));
  EXPECT_TRUE(checkValue(kStatus, status, QVariant()));  // NOT NULL

  const FieldConstraint& code = read->fields[2];
  EXPECT_EQ(checkValue(kCode, code, QStringLiteral("A1")), std::nullopt);
  EXPECT_EQ(checkValue(kCode, code, QStringLiteral("Z9-东")), std::nullopt);
  EXPECT_TRUE(checkValue(kCode, code, QStringLiteral("a1")));  // GLOB is case-sensitive
  ASSERT_TRUE(checkValue(kCode, code, QStringLiteral("AB")));
  EXPECT_EQ(*checkValue(kCode, code, QStringLiteral("AB")),
            QStringLiteral("编号 must match the pattern [A-Z][0-9]*."));

  FieldConstraint lanes;  // integer codes compare as numbers
  lanes.values = {{QVariant::fromValue<qlonglong>(2), QStringLiteral("双车道")},
                  {QVariant::fromValue<qlonglong>(4), QString()}};
  const Field lanesField{QStringLiteral("lanes"), Field::Type::Integer};
  EXPECT_EQ(checkValue(lanesField, lanes, QStringLiteral("4")), std::nullopt);
  EXPECT_EQ(checkValue(lanesField, lanes, 2.0), std::nullopt);
  EXPECT_EQ(*checkValue(lanesField, lanes, 3),
            QStringLiteral("lanes must be one of: 2 (双车道), 4."));
}

TEST(FieldConstraints, Defaults) {
  FieldConstraint c;
  EXPECT_FALSE(defaultValue(kStatus, c, 2025).isValid());
  c.defaultExpression = QStringLiteral("'buried'");
  EXPECT_EQ(defaultValue(kStatus, c, 2025), QVariant(QStringLiteral("buried")));
  c.defaultExpression = QStringLiteral("'it''s'");
  EXPECT_EQ(defaultValue(kStatus, c, 2025), QVariant(QStringLiteral("it's")));
  c.defaultExpression = QStringLiteral("2025");
  EXPECT_EQ(defaultValue(kYear, c, 1999), QVariant::fromValue<qlonglong>(2025));
  c.defaultExpression = QStringLiteral("{year}");
  EXPECT_EQ(defaultValue(kYear, c, 2031), QVariant::fromValue<qlonglong>(2031));
  EXPECT_EQ(defaultValue(kNote, c, 2031), QVariant(QStringLiteral("2031")));
  c.defaultExpression = QStringLiteral("CURRENT_DATE");
  const QDate today = QDate::currentDate();
  const QVariant date = defaultValue(kBuilt, c, 2025);
  EXPECT_TRUE(date.toDate() == today || date.toDate() == today.addDays(1))
      << date.toString().toStdString();
  EXPECT_EQ(defaultValue(kBuilt, c, 2025).typeId(), QMetaType::QDate);
  c.defaultExpression = QStringLiteral("CURRENT_TIMESTAMP");
  const QVariant now = defaultValue({QStringLiteral("ts"), Field::Type::DateTime}, c, 2025);
  ASSERT_EQ(now.typeId(), QMetaType::QDateTime);
  EXPECT_LT(std::abs(now.toDateTime().secsTo(QDateTime::currentDateTime())), 5);
  c.defaultExpression = QStringLiteral("'2024/03/01 10:20:30'");  // OGR's datetime literal
  EXPECT_EQ(defaultValue({QStringLiteral("ts"), Field::Type::DateTime}, c, 2025),
            QVariant(QDateTime(QDate(2024, 3, 1), QTime(10, 20, 30))));
  c.defaultExpression =
      QStringLiteral("(strftime('%Y','now'))");  // driver-specific: not understood
  EXPECT_FALSE(defaultValue(kNote, c, 2025).isValid());
}

TEST(FieldConstraints, WriteConstraintRoundTrip) {
  const test::TempDir dir;
  const QString path = makePlainGeoPackage(dir);
  FieldConstraint status;
  status.values = {{QStringLiteral("overhead"), QStringLiteral("架空")},
                   {QStringLiteral("buried"), QStringLiteral("入地")}};
  status.notNull = true;
  status.defaultExpression = QStringLiteral("'buried'");
  status.description = QStringLiteral("敷设方式");
  const Status a = writeConstraint(path, QStringLiteral("lines"), QStringLiteral("状态"), status);
  ASSERT_TRUE(a.ok()) << a.error().message.toStdString();
  FieldConstraint share;
  share.minimum = 0;
  share.minimumInclusive = false;
  share.maximum = 1;
  share.domainName = QStringLiteral("fraction");
  ASSERT_TRUE(writeConstraint(path, QStringLiteral("lines"), QStringLiteral("share"), share).ok());
  FieldConstraint lanes;
  lanes.minimum = 1;
  lanes.maximum = 8;
  lanes.defaultExpression = QStringLiteral("2");
  ASSERT_TRUE(writeConstraint(path, QStringLiteral("lines"), QStringLiteral("lanes"), lanes).ok());
  FieldConstraint code;
  code.glob = QStringLiteral("L[0-9]*");
  ASSERT_TRUE(writeConstraint(path, QStringLiteral("lines"), QStringLiteral("编号"), code).ok());

  // Independently through GDAL: the file opens, the old feature is intact, and the domains,
  // NOT NULL and DEFAULT are where GDAL expects them.
  {
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName("lines");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), 1);
    OGRFeatureUniquePtr feature(layer->GetNextFeature());
    ASSERT_TRUE(feature);
    EXPECT_STREQ(feature->GetFieldAsString("状态"), "overhead");
    EXPECT_EQ(feature->GetFieldAsInteger("lanes"), 2);
    const OGRFieldDefn* statusDefn =
        layer->GetLayerDefn()->GetFieldDefn(layer->GetLayerDefn()->GetFieldIndex("状态"));
    EXPECT_FALSE(statusDefn->IsNullable());
    EXPECT_STREQ(statusDefn->GetDefault(), "'buried'");
    EXPECT_EQ(statusDefn->GetDomainName(), "lines_状态");
    const auto* coded = dynamic_cast<const OGRCodedFieldDomain*>(ds->GetFieldDomain("lines_状态"));
    ASSERT_NE(coded, nullptr);
    std::map<std::string, std::string> values;
    for (const OGRCodedValue* v = coded->GetEnumeration(); v->pszCode != nullptr; ++v)
      values[v->pszCode] = v->pszValue;
    EXPECT_EQ(values,
              (std::map<std::string, std::string>{{"overhead", "架空"}, {"buried", "入地"}}));
    const auto* range = dynamic_cast<const OGRRangeFieldDomain*>(ds->GetFieldDomain("fraction"));
    ASSERT_NE(range, nullptr);
    bool inclusive = true;
    EXPECT_EQ(range->GetMin(inclusive).Real, 0.0);
    EXPECT_FALSE(inclusive);
  }
  // A new feature without 状态 gets the table's DEFAULT.
  {
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    OGRLayer* layer = ds->GetLayerByName("lines");
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetField("编号", "L7");
    ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    OGRFeatureUniquePtr back(layer->GetFeature(feature.GetFID()));
    EXPECT_STREQ(back->GetFieldAsString("状态"), "buried");
  }

  const std::vector<Field> fields = {kStatus,
                                     {QStringLiteral("share"), Field::Type::Real},
                                     {QStringLiteral("lanes"), Field::Type::Integer},
                                     kCode};
  const Result<LayerConstraints> read = readConstraints(path, QStringLiteral("lines"), fields);
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(read->fields[0].notNull);
  EXPECT_EQ(read->fields[0].defaultExpression, QStringLiteral("'buried'"));
  EXPECT_EQ(labels(read->fields[0]),
            (std::map<QString, QString>{{QStringLiteral("overhead"), QStringLiteral("架空")},
                                        {QStringLiteral("buried"), QStringLiteral("入地")}}));
  EXPECT_EQ(read->fields[0].description, QStringLiteral("敷设方式"));
  EXPECT_EQ(read->fields[1].domainName, QStringLiteral("fraction"));
  EXPECT_EQ(read->fields[1].minimum, 0.0);
  EXPECT_FALSE(read->fields[1].minimumInclusive);
  EXPECT_EQ(read->fields[1].maximum, 1.0);
  EXPECT_TRUE(read->fields[1].maximumInclusive);
  EXPECT_EQ(read->fields[2].minimum, 1.0);
  EXPECT_EQ(read->fields[2].maximum, 8.0);
  EXPECT_EQ(read->fields[2].defaultExpression, QStringLiteral("2"));
  EXPECT_FALSE(read->fields[2].notNull);
  EXPECT_EQ(read->fields[3].glob, QStringLiteral("L[0-9]*"));

  // Clearing: an empty constraint removes the domain, NOT NULL and DEFAULT.
  ASSERT_TRUE(
      writeConstraint(path, QStringLiteral("lines"), QStringLiteral("状态"), FieldConstraint{})
          .ok());
  const Result<LayerConstraints> cleared =
      readConstraints(path, QStringLiteral("lines"), {kStatus});
  ASSERT_TRUE(cleared.ok());
  EXPECT_TRUE(cleared->fields[0].isEmpty());
  // Writing the same domain again reuses it.
  EXPECT_TRUE(writeConstraint(path, QStringLiteral("lines"), QStringLiteral("状态"), status).ok());
}

TEST(FieldConstraints, WriteConstraintRefusals) {
  const test::TempDir dir;
  const QString path = makePlainGeoPackage(dir);
  const QString layer = QStringLiteral("lines");

  FieldConstraint twoKinds;
  twoKinds.values = {{QStringLiteral("a"), QString()}};
  twoKinds.glob = QStringLiteral("a*");
  const Status a = writeConstraint(path, layer, QStringLiteral("状态"), twoKinds);
  ASSERT_FALSE(a.ok());
  EXPECT_TRUE(a.error().message.contains(path) &&
              a.error().message.contains(QStringLiteral("状态")));

  FieldConstraint year;
  year.defaultExpression = QStringLiteral("{year}");
  EXPECT_FALSE(writeConstraint(path, layer, QStringLiteral("lanes"), year).ok());

  FieldConstraint badDefault;
  badDefault.minimum = 1;
  badDefault.maximum = 8;
  badDefault.defaultExpression = QStringLiteral("9");
  EXPECT_FALSE(writeConstraint(path, layer, QStringLiteral("lanes"), badDefault).ok());

  FieldConstraint range;
  range.minimum = 0;
  const Status b = writeConstraint(path, layer, QStringLiteral("状态"), range);  // a range on text
  ASSERT_FALSE(b.ok());
  EXPECT_TRUE(b.error().message.contains(QStringLiteral("状态")));

  const Status c = writeConstraint(path, layer, QStringLiteral("没有"), range);
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(c.error().message.contains(QStringLiteral("没有")));

  FieldConstraint first;
  first.values = {{QStringLiteral("x"), QString()}};
  first.domainName = QStringLiteral("shared");
  ASSERT_TRUE(writeConstraint(path, layer, QStringLiteral("状态"), first).ok());
  FieldConstraint other = first;
  other.values = {{QStringLiteral("y"), QString()}};
  const Status d = writeConstraint(path, layer, QStringLiteral("编号"), other);
  ASSERT_FALSE(d.ok());
  EXPECT_TRUE(d.error().message.contains(QStringLiteral("shared")));

  // NOT NULL on a field that already holds nulls cannot be written; the file stays readable.
  FieldConstraint required;
  required.notNull = true;
  EXPECT_FALSE(writeConstraint(path, layer, QStringLiteral("share"), required).ok());
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  EXPECT_EQ(ds->GetLayerByName("lines")->GetFeatureCount(), 1);
}

TEST(FieldConstraints, ShapefileCannotHoldDomains) {
  GDALAllRegister();
  const test::TempDir dir;
  const QString path = dir.path(QStringLiteral("roads.shp"));
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(
        driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = ds->CreateLayer("roads", nullptr, wkbLineString, nullptr);
    OGRFieldDefn status("status", OFTString);
    ASSERT_EQ(layer->CreateField(&status), OGRERR_NONE);
  }
  FieldConstraint c;
  c.values = {{QStringLiteral("overhead"), QString()}};
  const Status a = writeConstraint(path, {}, QStringLiteral("status"), c);
  ASSERT_FALSE(a.ok());
  EXPECT_TRUE(a.error().message.contains(path));
  FieldConstraint required;
  required.notNull = true;
  EXPECT_FALSE(writeConstraint(path, {}, QStringLiteral("status"), required).ok());
}

}  // namespace
}  // namespace xiuhua::gis
