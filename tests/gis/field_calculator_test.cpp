// The field calculator: SQLite expressions over the attribute table, with geometry pseudo-fields,
// a filter, conversion to the target field's type, and SQLite's own error messages.
#include "xiuhua/gis/edit/field_calculator.h"

#include <gtest/gtest.h>

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>

namespace xiuhua::gis {
namespace {

const std::vector<Field> kFields = {
    {QStringLiteral("名称"), Field::Type::String},
    {QStringLiteral("长度 m"), Field::Type::Real},
    {QStringLiteral("count"), Field::Type::Integer},
    {QStringLiteral("say \"hi\""), Field::Type::String},
    {QStringLiteral("built"), Field::Type::Date},
    {QStringLiteral("checked"), Field::Type::DateTime},
};

const std::vector<qint64> kFids = {11, 12, 13};
const std::vector<AttributeRow> kRows = {
    {QStringLiteral("曹安"), 1.5, QVariant::fromValue<qlonglong>(2), QStringLiteral("a"),
     QDate(2023, 12, 31), QDateTime(QDate(2024, 1, 1), QTime(8, 30))},
    {QStringLiteral("嘉定"), 10.0, QVariant::fromValue<qlonglong>(7), QStringLiteral("b"),
     QDate(2024, 2, 28), QDateTime(QDate(2024, 6, 30), QTime(23, 15, 5))},
    {QVariant(), QVariant(), QVariant::fromValue<qlonglong>(5), QVariant(), QVariant(), QVariant()},
};

Geometry square(double x, double y, double size) {
  return Geometry(Geometry::Type::Polygon,
                  {Geometry::Part{Geometry::Ring{
                      {x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}});
}

Result<CalculatorResult> run(const QString& expression, Field::Type target,
                             const QString& where = {},
                             const std::vector<Geometry>& geometries = {}) {
  const Result<FieldCalculator> calc = FieldCalculator::create(kFields, expression, where);
  if (!calc.ok()) return calc.error();
  return calc->evaluate(kFids, kRows, geometries, target);
}

TEST(FieldCalculator, ArithmeticOnFields) {
  const Result<CalculatorResult> r =
      run(QStringLiteral("\"长度 m\" * 2 + count"), Field::Type::Real);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  ASSERT_EQ(r->fids, kFids);
  EXPECT_EQ(r->values[0], QVariant(5.0));
  EXPECT_EQ(r->values[1], QVariant(27.0));
  EXPECT_FALSE(r->values[2].isValid());  // null stays null

  const Result<CalculatorResult> i = run(QStringLiteral("count * 10 + 1"), Field::Type::Integer);
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->values[2], QVariant::fromValue<qlonglong>(51));
  EXPECT_EQ(i->values[2].typeId(), QMetaType::LongLong);
}

TEST(FieldCalculator, ChineseTextConcatenationAndQuotedNames) {
  const Result<CalculatorResult> r =
      run(QStringLiteral("\"名称\" || '路' || \"say \"\"hi\"\"\""), Field::Type::String);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_EQ(r->values[0], QVariant(QStringLiteral("曹安路a")));
  EXPECT_EQ(r->values[1], QVariant(QStringLiteral("嘉定路b")));
  EXPECT_FALSE(r->values[2].isValid());  // NULL || … is NULL

  const Result<CalculatorResult> unquoted =
      run(QStringLiteral("名称 || [长度 m]"), Field::Type::String);
  ASSERT_TRUE(unquoted.ok()) << unquoted.error().message.toStdString();
  EXPECT_EQ(unquoted->values[0], QVariant(QStringLiteral("曹安1.5")));
}

TEST(FieldCalculator, CaseAndFilter) {
  const Result<CalculatorResult> r =
      run(QStringLiteral("CASE WHEN count > 5 THEN '大' ELSE '小' END"), Field::Type::String,
          QStringLiteral("count >= 5"));
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_EQ(r->fids, (std::vector<qint64>{12, 13}));
  EXPECT_EQ(r->values, (std::vector<QVariant>{QStringLiteral("大"), QStringLiteral("小")}));

  const Result<CalculatorResult> none =
      run(QStringLiteral("1"), Field::Type::Integer, QStringLiteral("\"名称\" = '没有'"));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->fids.empty());
}

TEST(FieldCalculator, DatesAsIsoText) {
  const Result<CalculatorResult> d =
      run(QStringLiteral("date(built, '+1 day')"), Field::Type::Date);
  ASSERT_TRUE(d.ok()) << d.error().message.toStdString();
  EXPECT_EQ(d->values[0], QVariant(QDate(2024, 1, 1)));
  EXPECT_EQ(d->values[1], QVariant(QDate(2024, 2, 29)));

  const Result<CalculatorResult> t =
      run(QStringLiteral("datetime(checked, '+1 hour')"), Field::Type::DateTime,
          QStringLiteral("checked > '2024-06-30'"));
  ASSERT_TRUE(t.ok()) << t.error().message.toStdString();
  EXPECT_EQ(t->fids, (std::vector<qint64>{12}));
  EXPECT_EQ(t->values[0], QVariant(QDateTime(QDate(2024, 7, 1), QTime(0, 15, 5))));

  const Result<CalculatorResult> y =
      run(QStringLiteral("strftime('%Y', built)"), Field::Type::Integer);
  ASSERT_TRUE(y.ok());
  EXPECT_EQ(y->values[0], QVariant::fromValue<qlonglong>(2023));
  const Result<CalculatorResult> s = run(QStringLiteral("built"), Field::Type::String);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->values[1], QVariant(QStringLiteral("2024-02-28")));
}

TEST(FieldCalculator, GeometryPseudoFields) {
  const std::vector<Geometry> geometries = {
      square(100, 200, 10),  // area 100, perimeter 40
      Geometry(Geometry::Type::Line,
               {Geometry::Part{Geometry::Ring{{0, 0}, {3, 4}, {3, 10}}}}),  // length 5 + 6
      Geometry::point({7, -3}),
  };
  const Result<CalculatorResult> area =
      run(QStringLiteral("$area"), Field::Type::Real, {}, geometries);
  ASSERT_TRUE(area.ok()) << area.error().message.toStdString();
  EXPECT_DOUBLE_EQ(area->values[0].toDouble(), 100.0);
  EXPECT_DOUBLE_EQ(area->values[1].toDouble(), 0.0);
  const Result<CalculatorResult> length =
      run(QStringLiteral("$LENGTH"), Field::Type::Real, {}, geometries);
  ASSERT_TRUE(length.ok());
  EXPECT_DOUBLE_EQ(length->values[0].toDouble(), 40.0);
  EXPECT_DOUBLE_EQ(length->values[1].toDouble(), 11.0);
  const Result<CalculatorResult> xy =
      run(QStringLiteral("$x || ',' || $y"), Field::Type::String, {}, geometries);
  ASSERT_TRUE(xy.ok());
  EXPECT_EQ(xy->values[0], QVariant(QStringLiteral("105.0,205.0")));
  EXPECT_EQ(xy->values[2], QVariant(QStringLiteral("7.0,-3.0")));
  const Result<CalculatorResult> id = run(QStringLiteral("$id * 100"), Field::Type::Integer,
                                          QStringLiteral("$area > 50"), geometries);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(id->fids, (std::vector<qint64>{11}));
  EXPECT_EQ(id->values[0], QVariant::fromValue<qlonglong>(1100));
  // '$area' inside a string literal is text, not the pseudo-field.
  const Result<CalculatorResult> literal =
      run(QStringLiteral("'$area'"), Field::Type::String, {}, geometries);
  ASSERT_TRUE(literal.ok());
  EXPECT_EQ(literal->values[0], QVariant(QStringLiteral("$area")));
  // Without geometries the measures are null.
  const Result<CalculatorResult> none = run(QStringLiteral("$area"), Field::Type::Real);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->values[0].isValid());
}

TEST(FieldCalculator, TypeConversionErrorsNameTheFidAndValue) {
  const Result<CalculatorResult> text =
      run(QStringLiteral("CASE WHEN $id = 12 THEN 'abc' ELSE 1 END"), Field::Type::Integer);
  ASSERT_FALSE(text.ok());
  EXPECT_TRUE(text.error().message.contains(QStringLiteral("12")));
  EXPECT_TRUE(text.error().message.contains(QStringLiteral("\"abc\"")));

  const Result<CalculatorResult> fraction = run(QStringLiteral("\"长度 m\""), Field::Type::Integer);
  ASSERT_FALSE(fraction.ok());  // 1.5 is not a whole number
  EXPECT_TRUE(fraction.error().message.contains(QStringLiteral("11")));
  EXPECT_TRUE(fraction.error().message.contains(QStringLiteral("1.5")));

  const Result<CalculatorResult> whole =
      run(QStringLiteral("round(\"长度 m\")"), Field::Type::Integer);
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->values[0], QVariant::fromValue<qlonglong>(2));

  const Result<CalculatorResult> real = run(QStringLiteral("'12.25'"), Field::Type::Real);
  ASSERT_TRUE(real.ok());
  EXPECT_EQ(real->values[0], QVariant(12.25));
  EXPECT_FALSE(run(QStringLiteral("'2024-02-30'"), Field::Type::Date).ok());
  EXPECT_FALSE(run(QStringLiteral("count"), Field::Type::Date).ok());
}

TEST(FieldCalculator, BadExpressionsGiveSqliteMessages) {
  const Result<FieldCalculator> syntax =
      FieldCalculator::create(kFields, QStringLiteral("count +"));
  ASSERT_FALSE(syntax.ok());
  EXPECT_TRUE(syntax.error().message.contains(QStringLiteral("\"count +\"")))
      << syntax.error().message.toStdString();
  EXPECT_TRUE(syntax.error().message.contains(QStringLiteral("syntax error")))
      << syntax.error().message.toStdString();

  const Result<FieldCalculator> typo =
      FieldCalculator::create(kFields, QStringLiteral("\"nmae\" || 'x'"));
  ASSERT_FALSE(typo.ok());  // not silently the string 'nmae'
  EXPECT_TRUE(typo.error().message.contains(QStringLiteral("no such column: nmae")))
      << typo.error().message.toStdString();

  const Result<FieldCalculator> filter =
      FieldCalculator::create(kFields, QStringLiteral("1"), QStringLiteral("count >"));
  ASSERT_FALSE(filter.ok());
  EXPECT_TRUE(filter.error().message.contains(QStringLiteral("\"count >\"")));

  EXPECT_FALSE(FieldCalculator::create(kFields, QStringLiteral("$perimeter")).ok());
  EXPECT_FALSE(FieldCalculator::create(kFields, QStringLiteral(":name")).ok());
  EXPECT_FALSE(FieldCalculator::create(kFields, QStringLiteral("  ")).ok());
  EXPECT_FALSE(
      FieldCalculator::create(kFields, QStringLiteral("1); DELETE FROM t; SELECT (1")).ok());
  EXPECT_FALSE(FieldCalculator::create(kFields, QStringLiteral("1) FROM t; SELECT (1")).ok());
  EXPECT_TRUE(FieldCalculator::create(kFields, QStringLiteral("1 -- comment")).ok());
  // A trailing comment does not swallow the filter.
  const Result<CalculatorResult> commented =
      run(QStringLiteral("count -- the count"), Field::Type::Integer, QStringLiteral("count > 5"));
  ASSERT_TRUE(commented.ok());
  EXPECT_EQ(commented->fids, (std::vector<qint64>{12}));
}

TEST(FieldCalculator, MismatchedInputsAreAnError) {
  const Result<FieldCalculator> calc = FieldCalculator::create(kFields, QStringLiteral("count"));
  ASSERT_TRUE(calc.ok());
  EXPECT_FALSE(calc->evaluate({1, 2}, kRows, {}, Field::Type::Integer).ok());
  EXPECT_FALSE(calc->evaluate(kFids, kRows, {Geometry()}, Field::Type::Integer).ok());
}

TEST(FieldCalculator, HundredThousandRowsAreEvaluated) {
  constexpr int kCount = 100000;
  std::vector<qint64> fids;
  std::vector<AttributeRow> rows;
  std::vector<Geometry> geometries;
  for (int i = 0; i < kCount; ++i) {
    fids.push_back(i + 1);
    rows.push_back({QStringLiteral("路%1").arg(i), i * 0.5, QVariant::fromValue<qlonglong>(i % 10),
                    QVariant(), QDate(2024, 1, 1), QVariant()});
    geometries.push_back(square(i, 0, 2));
  }
  const Result<FieldCalculator> calc = FieldCalculator::create(
      kFields, QStringLiteral("\"名称\" || '-' || (count + $area)"), QStringLiteral("count < 5"));
  ASSERT_TRUE(calc.ok());
  QElapsedTimer timer;
  timer.start();
  const Result<CalculatorResult> r = calc->evaluate(fids, rows, geometries, Field::Type::String);
  const qint64 ms = timer.elapsed();
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  ASSERT_EQ(r->fids.size(), static_cast<std::size_t>(kCount / 2));
  EXPECT_EQ(r->values[3], QVariant(QStringLiteral("路3-7.0")));
  EXPECT_EQ(r->fids.back(), 99995);
  // The time is printed, not judged: the machines are shared (a debug build: about 0.7 s, 2.7 s
  // seen under a loaded ./test.sh); speed belongs to the benchmarks, never to a test.
  std::printf("100000 rows (with GEOS area): %lld ms\n", static_cast<long long>(ms));

  const Result<FieldCalculator> attributes =
      FieldCalculator::create(kFields, QStringLiteral("\"长度 m\" * 2 + count"));
  ASSERT_TRUE(attributes.ok());
  timer.restart();
  const Result<CalculatorResult> all =
      attributes->evaluate(fids, rows, geometries, Field::Type::Real);
  const qint64 attributeMs = timer.elapsed();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->values.size(), static_cast<std::size_t>(kCount));
  EXPECT_EQ(all->values[99999], QVariant(99999 + 9.0));
  std::printf("100000 rows (attributes only): %lld ms\n", static_cast<long long>(attributeMs));
}

}  // namespace
}  // namespace xiuhua::gis
