// The catalogs shipped in resources/catalogs/ parse, and every row says what its plan says: its quote
// stands in the plan text, inside the part its plan_ref names, and holds the target's number
// (resources/catalogs/README.md, "How a plan becomes a catalog").
#include "xiuhua/gis/table_reader.h"
#include "xiuhua/indicators/catalog.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace xiuhua::indicators {
namespace {

const QString kJiading = QStringLiteral(CATALOG_DIR "/jiading-14th-fyp.csv");
const QString kPutuo = QStringLiteral(CATALOG_DIR "/putuo-14th-fyp.csv");
const QString kSongjiang = QStringLiteral(CATALOG_DIR "/songjiang-2024-2026.csv");

QString readText(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// ---------------------------------------------------------------------------------------------
// A plan's text and the parts plan_ref names.

// The text as lines; a part is a range of lines [first, end).
class PlanText {
 public:
  using Span = std::pair<int, int>;

  explicit PlanText(const QString& text) : mText(text), mLines(text.split(QLatin1Char('\n'))) {}

  const QString& text() const { return mText; }

  QString part(Span span) const { return mLines.mid(span.first, span.second - span.first).join(QLatin1Char('\n')); }

  bool isCellOf(const QString& quote, Span span) const {
    for (int i = span.first; i < span.second; ++i) {
      if (mLines[i].trimmed() == quote) return true;
    }
    return false;
  }

  // plan_ref → the part of the text it names:
  //   五(一)3, 二(一)7, 四(一)      headings 一、 / (一) / 1. or 1、, each to the next heading of its level or above
  //   四(三) 重要指标目标表 第N项   Jiading's unnumbered table in 四(三): a row ends at its 责任单位 cell (…局, …委)
  //   表2 第N项                     a numbered table: row N from the line "N" to the line "N+1"
  std::optional<Span> resolve(const QString& ref) const {
    static const QRegularExpression kNumbered(QStringLiteral("^表(\\d+) 第(\\d+)项$"));
    static const QRegularExpression kJiadingTable(
        QStringLiteral("^([一二三四五六七八九十]+)\\(([一二三四五六七八九十]+)\\) 重要指标目标表 第(\\d+)项$"));
    static const QRegularExpression kSection(QStringLiteral("^([一二三四五六七八九十]+)(?:\\(([一二三四五六七八九十]+)\\))?(\\d+)?$"));
    if (const auto m = kNumbered.match(ref); m.hasMatch()) return numberedTableRow(m.captured(1), m.captured(2).toInt());
    if (const auto m = kJiadingTable.match(ref); m.hasMatch()) {
      const auto section = this->section(m.captured(1), m.captured(2), {});
      return section ? responsibleTableRow(*section, m.captured(3).toInt()) : std::nullopt;
    }
    if (const auto m = kSection.match(ref); m.hasMatch()) return section(m.captured(1), m.captured(2), m.captured(3));
    return std::nullopt;
  }

 private:
  // 1: 一、 2: (一) 3: 1. or 1、 (not 1.5); 0: not a heading. `label` is the heading's numeral.
  int level(int line, QString* label = nullptr) const {
    static const QRegularExpression kLevel1(QStringLiteral("^([一二三四五六七八九十]+)、"));
    static const QRegularExpression kLevel2(QStringLiteral("^\\(([一二三四五六七八九十]+)\\)"));
    static const QRegularExpression kLevel3(QStringLiteral("^(\\d+)[.、](?!\\d)"));
    const QString s = mLines[line].trimmed();
    int n = 1;
    for (const QRegularExpression* re : {&kLevel1, &kLevel2, &kLevel3}) {
      if (const auto m = re->match(s); m.hasMatch()) {
        if (label) *label = m.captured(1);
        return n;
      }
      ++n;
    }
    return 0;
  }

  // The one heading of `lvl` named `label` within [from, to): its part, up to the next heading of its level or above.
  std::optional<Span> child(Span within, int lvl, const QString& label) const {
    std::optional<int> found;
    for (int i = within.first; i < within.second; ++i) {
      QString l;
      if (level(i, &l) == lvl && l == label) {
        if (found) return std::nullopt;  // ambiguous
        found = i;
      }
    }
    if (!found) return std::nullopt;
    int end = *found + 1;
    while (end < within.second && !(level(end) > 0 && level(end) <= lvl)) ++end;
    return Span{*found, end};
  }

  std::optional<Span> section(const QString& l1, const QString& l2, const QString& l3) const {
    auto span = child({0, static_cast<int>(mLines.size())}, 1, l1);
    if (span && !l2.isEmpty()) span = child({span->first + 1, span->second}, 2, l2);
    if (span && !l3.isEmpty()) span = child({span->first + 1, span->second}, 3, l3);
    return span;
  }

  std::optional<Span> numberedTableRow(const QString& table, int n) const {
    int start = -1;
    for (int i = 0; i < mLines.size(); ++i) {
      if (mLines[i].startsWith(QStringLiteral("表") + table)) {
        if (start >= 0) return std::nullopt;
        start = i;
      }
    }
    if (start < 0) return std::nullopt;
    int end = start + 1;
    while (end < mLines.size() && level(end) != 1) ++end;
    std::vector<int> rows;  // the lines "1", "2", … in order
    for (int i = start + 1; i < end; ++i) {
      if (mLines[i].trimmed() == QString::number(static_cast<int>(rows.size()) + 1)) rows.push_back(i);
    }
    if (n < 1 || n > static_cast<int>(rows.size())) return std::nullopt;
    return Span{rows[n - 1], n < static_cast<int>(rows.size()) ? rows[n] : end};
  }

  std::optional<Span> responsibleTableRow(Span section, int n) const {
    int header = -1;
    for (int i = section.first; i < section.second; ++i) {
      if (mLines[i].contains(QStringLiteral("重要指标目标"))) {
        if (header >= 0) return std::nullopt;
        header = i;
      }
    }
    if (header < 0) return std::nullopt;
    while (header < section.second && mLines[header].trimmed() != QStringLiteral("责任单位")) ++header;
    static const QRegularExpression kResponsible(QStringLiteral("[局委]$"));
    std::vector<int> ends;  // each row's 责任单位 cell
    for (int i = header + 1; i < section.second; ++i) {
      if (kResponsible.match(mLines[i].trimmed()).hasMatch()) ends.push_back(i);
    }
    if (n < 1 || n > static_cast<int>(ends.size())) return std::nullopt;
    return Span{n == 1 ? header + 1 : ends[n - 2] + 1, ends[n - 1] + 1};
  }

  QString mText;
  QStringList mLines;
};

// The value as the plan would print it: its shortest decimal form (75, 5.8, 3.08, 90).
QString printed(double value) { return QString::number(value, 'g', 15); }

// Whether `text` holds the number `value` as a whole number (not 1 inside 100 or 1.3), or in the plan's
// words for it: 一 … 十 for 1–10 (一处, 三条), 零 for 0 (清零), and for 100 % 全覆盖 / 全面 / 全部 / 全量 / 配齐.
bool holdsNumber(const QString& text, double value, const QString& unit) {
  const QString s = printed(value);
  for (qsizetype at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
    const qsizetype end = at + s.size();
    const bool digitBefore = at > 0 && (text[at - 1].isDigit() || text[at - 1] == QLatin1Char('.'));
    const bool digitAfter = end < text.size() && (text[end].isDigit() || (text[end] == QLatin1Char('.') && end + 1 < text.size() && text[end + 1].isDigit()));
    if (!digitBefore && !digitAfter) return true;
  }
  static const QString kNumerals = QStringLiteral("零一二三四五六七八九十");
  if (value == 0) return text.contains(QStringLiteral("零"));
  if (value == static_cast<int>(value) && value >= 1 && value <= 10) {
    return text.contains(kNumerals[static_cast<int>(value)]) || (value == 2 && text.contains(QStringLiteral("两")));
  }
  if (value == 100 && unit == QStringLiteral("%")) {
    for (const char* words : {"全覆盖", "全面", "全部", "全量", "配齐"}) {
      if (text.contains(QString::fromUtf8(words))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The catalogs as text tables.

struct Plan {
  QString prefix;
  QString catalog;
  QString seed;
  QString period;
};

const std::vector<Plan>& plans() {
  static const std::vector<Plan> kPlans = {
      {QStringLiteral("JD"), kJiading, QStringLiteral(SEEDS_DIR "/jiading-14th-fyp-urban-management.txt"), QStringLiteral("2021-2025")},
      {QStringLiteral("PT"), kPutuo, QStringLiteral(SEEDS_DIR "/putuo-14th-fyp-urban-management.txt"), QStringLiteral("2021-2025")},
      {QStringLiteral("SJ"), kSongjiang, QStringLiteral(SEEDS_DIR "/songjiang-2024-2026-action-plan.txt"), QStringLiteral("2024-2026")}};
  return kPlans;
}

// One catalog row, by column name.
struct Row {
  const gis::TextTable* table;
  const QStringList* cells;
  QString operator[](const char* column) const { return cells->value(table->column(QString::fromUtf8(column))); }
  std::string code() const { return (*this)["code"].toStdString(); }
};

struct Catalog {
  gis::TextTable table;
  std::vector<Row> rows() const {
    std::vector<Row> out;
    for (const QStringList& r : table.rows) out.push_back({&table, &r});
    return out;
  }
};

const Catalog& catalog(const QString& path) {
  static std::map<QString, Catalog> cache;
  auto it = cache.find(path);
  if (it == cache.end()) {
    auto table = gis::TableReader::read(path);
    EXPECT_TRUE(table.ok()) << path.toStdString();
    it = cache.emplace(path, Catalog{table.ok() ? *table : gis::TextTable{}}).first;
  }
  return it->second;
}

std::optional<Row> find(const Catalog& c, const QString& code) {
  for (const Row& r : c.rows()) {
    if (r["code"] == code) return r;
  }
  return std::nullopt;
}

// The rows whose name holds `fragment`.
std::vector<Row> named(const Catalog& c, const QString& fragment) {
  std::vector<Row> out;
  for (const Row& r : c.rows()) {
    if (r["name_zh"].contains(fragment)) out.push_back(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

TEST(ShippedCatalogs, AllParse) {
  for (const auto& [path, count] : {std::pair{kJiading, 38}, std::pair{kPutuo, 53}, std::pair{kSongjiang, 24}}) {
    auto catalog = CatalogReader::read(path);
    ASSERT_TRUE(catalog.ok()) << catalog.error().message.toStdString();
    EXPECT_EQ(static_cast<int>(catalog->indicators.size()), count) << path.toStdString();
  }
}

TEST(ShippedCatalogs, JiadingTableTargets) {
  auto catalog = CatalogReader::read(kJiading);
  ASSERT_TRUE(catalog.ok());
  // name fragment → (target, unit), from the plan's 12-row indicator table.
  const std::vector<std::tuple<QString, double, QString>> expected = {
      {QStringLiteral("美丽街区"), 15, QStringLiteral("个")},
      {QStringLiteral("旧住房综合改造"), 150, QStringLiteral("万平方米")},
      {QStringLiteral("城镇污水处理率"), 99, QStringLiteral("%")},
      {QStringLiteral("生活垃圾资源化利用率"), 45, QStringLiteral("%")},
      {QStringLiteral("道路冲洗率"), 95, QStringLiteral("%")},
      {QStringLiteral("路网密度"), 3.08, QStringLiteral("公里/平方公里")},
      {QStringLiteral("公交站点500m半径覆盖率"), 90, QStringLiteral("%")},
      {QStringLiteral("架空线入地"), 30, QStringLiteral("公里")},
      {QStringLiteral("燃气支管改造"), 1.3, QStringLiteral("万户")},
      {QStringLiteral("供水合格率"), 99, QStringLiteral("%")}};
  for (const auto& [name, target, unit] : expected) {
    const Indicator* found = nullptr;
    for (const Indicator& i : catalog->indicators) {
      if (i.nameZh.contains(name) && i.planRef.contains(QStringLiteral("重要指标")) ) found = &i;
    }
    ASSERT_NE(found, nullptr) << name.toStdString();
    ASSERT_TRUE(found->targetValue.has_value()) << name.toStdString();
    EXPECT_DOUBLE_EQ(*found->targetValue, target) << name.toStdString();
    EXPECT_EQ(found->unit, unit) << name.toStdString();
  }
}

// tests/data/seeds/SAMPLES.tsv: code, column, expected cell, and the plan's words that prove it.
TEST(ShippedCatalogs, SampledCellsMatchThePlanText) {
  const std::map<QString, QString> seeds = {
      {QStringLiteral("JD"), readText(QStringLiteral(SEEDS_DIR "/jiading-14th-fyp-urban-management.txt"))},
      {QStringLiteral("PT"), readText(QStringLiteral(SEEDS_DIR "/putuo-14th-fyp-urban-management.txt"))},
      {QStringLiteral("SJ"), readText(QStringLiteral(SEEDS_DIR "/songjiang-2024-2026-action-plan.txt"))}};
  const std::map<QString, QString> catalogs = {{QStringLiteral("JD"), kJiading}, {QStringLiteral("PT"), kPutuo},
                                               {QStringLiteral("SJ"), kSongjiang}};
  std::map<QString, gis::TextTable> tables;
  for (const auto& [prefix, path] : catalogs) tables[prefix] = gis::TableReader::read(path).value();
  const QStringList lines = readText(QStringLiteral(SEEDS_DIR "/SAMPLES.tsv")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  ASSERT_GE(lines.size(), 57);
  for (const QString& line : lines) {
    const QStringList f = line.split(QLatin1Char('\t'));
    ASSERT_EQ(f.size(), 4) << line.toStdString();
    const QString prefix = f[0].left(2);
    EXPECT_TRUE(seeds.at(prefix).contains(f[3])) << "not in the plan: " << f[3].toStdString();
    const gis::TextTable& table = tables.at(prefix);
    const int column = table.column(f[1]);
    ASSERT_GE(column, 0) << f[1].toStdString();
    bool found = false;
    for (const QStringList& row : table.rows) {
      if (row.value(table.column(QStringLiteral("code"))) != f[0]) continue;
      found = true;
      EXPECT_EQ(row.value(column), f[2]) << f[0].toStdString() << " " << f[1].toStdString();
    }
    EXPECT_TRUE(found) << f[0].toStdString();
  }
}

// 1 and 2: every row quotes its plan exactly, and the quote holds the target (and the top of a range).
TEST(ShippedCatalogs, EveryQuoteStandsInThePlanAndHoldsTheTarget) {
  for (const Plan& plan : plans()) {
    const QString text = readText(plan.seed);
    ASSERT_FALSE(text.isEmpty()) << plan.seed.toStdString();
    const Catalog& c = catalog(plan.catalog);
    ASSERT_FALSE(c.table.rows.empty()) << plan.catalog.toStdString();
    for (const Row& r : c.rows()) {
      const QString quote = r["quote"];
      ASSERT_FALSE(quote.isEmpty()) << r.code();
      EXPECT_TRUE(text.contains(quote)) << r.code() << " quotes words not in the plan: " << quote.toStdString();
      for (const char* column : {"target_value", "target_max"}) {
        if (r[column].isEmpty()) continue;
        bool ok = false;
        const double value = r[column].toDouble(&ok);
        ASSERT_TRUE(ok) << r.code() << " " << column;
        EXPECT_TRUE(holdsNumber(quote, value, r["unit"]))
            << r.code() << ": " << printed(value).toStdString() << " is not in the quote " << quote.toStdString();
      }
    }
  }
}

// 3: the quote lies in the part of the text plan_ref names (a table row's quote is one of its cells).
TEST(ShippedCatalogs, EveryQuoteLiesWhereItsPlanRefPoints) {
  static const QRegularExpression kTableRow(QStringLiteral("第\\d+项$"));
  for (const Plan& plan : plans()) {
    const PlanText text(readText(plan.seed));
    ASSERT_FALSE(catalog(plan.catalog).table.rows.empty()) << plan.catalog.toStdString();
    for (const Row& r : catalog(plan.catalog).rows()) {
      const auto span = text.resolve(r["plan_ref"]);
      ASSERT_TRUE(span.has_value()) << r.code() << ": plan_ref " << r["plan_ref"].toStdString() << " names no part of the plan";
      EXPECT_TRUE(text.part(*span).contains(r["quote"]))
          << r.code() << ": " << r["quote"].toStdString() << " does not stand in " << r["plan_ref"].toStdString();
      if (kTableRow.match(r["plan_ref"]).hasMatch()) {  // a cell of the row, and the row of the indicator's name
        EXPECT_TRUE(text.isCellOf(r["quote"], *span)) << r.code() << ": not a cell of " << r["plan_ref"].toStdString();
        const QString name = QString(r["name_zh"]).remove(QLatin1Char(' ')).left(4);
        EXPECT_TRUE(text.part(*span).remove(QLatin1Char(' ')).remove(QLatin1Char('\n')).contains(name))
            << r.code() << ": " << r["plan_ref"].toStdString() << " is not the row of " << r["name_zh"].toStdString();
      }
    }
  }
}

// The resolver itself: the parts it finds, and a wrong plan_ref caught.
TEST(ShippedCatalogs, PlanRefResolverFindsTheRightPartOnly) {
  const PlanText jiading(readText(QStringLiteral(SEEDS_DIR "/jiading-14th-fyp-urban-management.txt")));
  const PlanText putuo(readText(QStringLiteral(SEEDS_DIR "/putuo-14th-fyp-urban-management.txt")));
  const PlanText songjiang(readText(QStringLiteral(SEEDS_DIR "/songjiang-2024-2026-action-plan.txt")));
  const auto part = [](const PlanText& t, const char* ref) {
    const auto span = t.resolve(QString::fromUtf8(ref));
    return span ? t.part(*span) : QStringLiteral("<none>");
  };
  EXPECT_TRUE(part(jiading, "五(一)2").startsWith(QStringLiteral("2.树立精细化理念")));
  EXPECT_FALSE(part(jiading, "五(一)2").contains(QStringLiteral("3.升级")));
  EXPECT_TRUE(part(jiading, "五(一)3").contains(QStringLiteral("每年至少创建1个示范街镇")));
  EXPECT_FALSE(part(jiading, "五(二)3").contains(QStringLiteral("40%以上")));  // 五(二)4
  EXPECT_TRUE(part(jiading, "四(三) 重要指标目标表 第8项").contains(QStringLiteral("3.08公里/平方公里")));
  EXPECT_FALSE(part(jiading, "四(三) 重要指标目标表 第9项").contains(QStringLiteral("3.08")));
  EXPECT_TRUE(part(jiading, "四(三) 重要指标目标表 第12项").contains(QStringLiteral("供水合格率")));
  EXPECT_EQ(part(jiading, "四(三) 重要指标目标表 第13项"), QStringLiteral("<none>"));
  EXPECT_EQ(part(jiading, "五(一)9"), QStringLiteral("<none>"));
  EXPECT_TRUE(part(putuo, "表2 第16项").contains(QStringLiteral("累计新建绿地面积")));
  EXPECT_FALSE(part(putuo, "表2 第16项").contains(QStringLiteral("人均公园绿地")));
  EXPECT_TRUE(part(putuo, "表2 第27项").contains(QStringLiteral("新增景观特色道路")));
  EXPECT_FALSE(part(putuo, "表2 第27项").contains(QStringLiteral("主要任务")));
  EXPECT_EQ(part(putuo, "表2 第28项"), QStringLiteral("<none>"));
  EXPECT_TRUE(part(putuo, "四(四)2").contains(QStringLiteral("规划新建绿道30公里")));
  EXPECT_FALSE(part(putuo, "四(四)1").contains(QStringLiteral("规划新建绿道30公里")));
  EXPECT_FALSE(part(putuo, "四(五)2").contains(QStringLiteral("126公里")));  // 四(五)3
  EXPECT_TRUE(part(songjiang, "二(一)7").contains(QStringLiteral("点位内户外广告审批率达到95%以上")));
  EXPECT_FALSE(part(songjiang, "二(一)7").contains(QStringLiteral("公交车新能源车比例")));
  EXPECT_EQ(part(songjiang, "二(二)7"), QStringLiteral("<none>"));  // item 7 stands in 二(一)
  EXPECT_FALSE(part(songjiang, "二(一)").contains(QStringLiteral("超低能耗")));
}

// 4: what the plans mark, and where they restrict or doubt a row.
TEST(ShippedCatalogs, ColumnsSayWhatThePlansSay) {
  for (const Plan& plan : plans()) {
    for (const Row& r : catalog(plan.catalog).rows()) {
      EXPECT_EQ(r["plan_period"], plan.period) << r.code();
      const QString nature = r["nature"];
      EXPECT_TRUE(nature == QStringLiteral("约束性") || nature == QStringLiteral("预期性") || nature == QStringLiteral("未注明")) << r.code();
      if (plan.prefix != QStringLiteral("PT")) {
        EXPECT_EQ(nature, QStringLiteral("未注明")) << r.code() << ": the plan marks no nature";
      }
      if (plan.prefix == QStringLiteral("PT") && !r["plan_ref"].startsWith(QStringLiteral("表2"))) {
        EXPECT_EQ(nature, QStringLiteral("未注明")) << r.code();
      }
      const QString kind = r["target_kind"];
      EXPECT_TRUE(kind == QStringLiteral("level") || kind == QStringLiteral("period_total") || kind == QStringLiteral("annual") ||
                  kind == QStringLiteral("yearly_count")) << r.code();
      if (!r["target_max"].isEmpty()) {
        EXPECT_EQ(kind, QStringLiteral("annual")) << r.code();
      }
      if (r["unit"] == QStringLiteral("平方米/人")) {
        EXPECT_TRUE(r["population_basis"] == QStringLiteral("户籍") || r["population_basis"] == QStringLiteral("常住")) << r.code();
      }
      if (!r["doubt"].isEmpty()) {
        EXPECT_FALSE(r["doubt_evidence"].isEmpty()) << r.code();
      }
      if (r["unit"] == QStringLiteral("名")) {
        EXPECT_EQ(r["direction"], QStringLiteral("lower")) << r.code();
      }
    }
  }
  const Catalog& jd = catalog(kJiading);
  const Catalog& pt = catalog(kPutuo);
  const auto jd13 = find(jd, QStringLiteral("JD14-13"));
  ASSERT_TRUE(jd13.has_value());
  EXPECT_EQ((*jd13)["scope"], QStringLiteral("嘉定新城"));
  const auto jd34 = find(jd, QStringLiteral("JD14-34"));
  ASSERT_TRUE(jd34.has_value());
  EXPECT_EQ((*jd34)["target_kind"], QStringLiteral("annual"));
  EXPECT_EQ((*jd34)["target_value"], QStringLiteral("5"));
  EXPECT_EQ((*jd34)["target_max"], QStringLiteral("10"));
  const auto jd23 = find(jd, QStringLiteral("JD14-23"));
  ASSERT_TRUE(jd23.has_value());
  EXPECT_EQ((*jd23)["target_kind"], QStringLiteral("yearly_count"));
  const auto pt16 = find(pt, QStringLiteral("PT14-16"));
  ASSERT_TRUE(pt16.has_value());
  EXPECT_FALSE((*pt16)["doubt"].isEmpty());
  EXPECT_TRUE((*pt16)["doubt_evidence"].contains(QStringLiteral("166.9")));
  EXPECT_EQ((*pt16)["doubt_unit"], QStringLiteral("万平方米"));
  EXPECT_EQ((*pt16)["unit"], QStringLiteral("平方米"));
  EXPECT_EQ((*pt16)["target_value"], QStringLiteral("75"));
  const auto pt17 = find(pt, QStringLiteral("PT14-17"));
  ASSERT_TRUE(pt17.has_value());
  EXPECT_EQ((*pt17)["unit"], QStringLiteral("平方米/人"));
  EXPECT_FALSE((*pt17)["population_basis"].isEmpty());
  EXPECT_EQ((*pt17)["method"], QStringLiteral("spatial:per_capita_area"));
  // Putuo's 属性 column, as printed.
  for (const auto& [code, nature] : {std::pair{"PT14-05", "约束性"}, std::pair{"PT14-06", "预期性"}, std::pair{"PT14-16", "约束性"},
                                     std::pair{"PT14-27", "预期性"}}) {
    const auto r = find(pt, QString::fromUtf8(code));
    ASSERT_TRUE(r.has_value()) << code;
    EXPECT_EQ((*r)["nature"], QString::fromUtf8(nature)) << code;
  }
}

// The targets of Putuo's and Songjiang's texts that are not table rows are rows too.
TEST(ShippedCatalogs, TextTargetsAreRows) {
  struct Expected {
    QString catalog;
    const char* fragment;
    double target;
    const char* kind;
    const char* scope;
  };
  const std::vector<Expected> expected = {
      {kPutuo, "3000平方米以上公园绿地500米服务半径覆盖率", 100, "level", ""},
      {kPutuo, "规划新建绿道", 30, "period_total", ""},
      {kPutuo, "每年创建精品示范路段", 5, "yearly_count", ""},
      {kPutuo, "成功创建精品示范路段的道路设施比例", 20, "level", ""},
      {kPutuo, "分流制排水系统污水管道维修", 18, "period_total", ""},
      {kPutuo, "排水管道检测", 126, "period_total", ""},
      {kPutuo, "桥梁结构性维修工程", 15, "period_total", ""},
      {kPutuo, "可机扫道路机扫率", 100, "level", ""},
      {kPutuo, "已交地地块污染治理", 100, "level", "桃浦智创城核心区"},
      {kSongjiang, "在建建设工地周边道路", 100, "level", ""},
      {kSongjiang, "存在突出安全隐患的违法建筑", 0, "level", ""},
      {kSongjiang, "信号灯故障自动监测", 100, "level", "重点区域"},
  };
  for (const Expected& e : expected) {
    const auto rows = named(catalog(e.catalog), QString::fromUtf8(e.fragment));
    ASSERT_EQ(rows.size(), 1U) << e.fragment;
    const Row& r = rows.front();
    EXPECT_DOUBLE_EQ(r["target_value"].toDouble(), e.target) << e.fragment;
    EXPECT_FALSE(r["target_value"].isEmpty()) << e.fragment;
    EXPECT_EQ(r["target_kind"], QString::fromUtf8(e.kind)) << e.fragment;
    EXPECT_EQ(r["scope"], QString::fromUtf8(e.scope)) << e.fragment;
    EXPECT_EQ(r["nature"], QStringLiteral("未注明")) << e.fragment;
  }
  // The 中心城区 park coverage is measured by service radii.
  const auto parks = named(catalog(kPutuo), QStringLiteral("500米服务半径覆盖率"));
  ASSERT_EQ(parks.size(), 1U);
  EXPECT_EQ(parks.front()["method"], QStringLiteral("spatial:service_coverage"));
}

// Baselines: only ones the plan states, with where it states them.
TEST(ShippedCatalogs, BaselinesComeFromThePlan) {
  static const QRegularExpression kNumber(QStringLiteral("\\d+(?:\\.\\d+)?"));
  int baselines = 0;
  for (const Plan& plan : plans()) {
    const QString text = readText(plan.seed);
    for (const Row& r : catalog(plan.catalog).rows()) {
      const QString source = r["baseline_source"];
      if (r["baseline_value"].isEmpty()) {
        EXPECT_TRUE(r["baseline_year"].isEmpty()) << r.code();
        EXPECT_TRUE(source.isEmpty()) << r.code();
        continue;
      }
      ++baselines;
      ASSERT_FALSE(source.isEmpty()) << r.code() << ": a baseline without its source";
      EXPECT_TRUE(holdsNumber(source, r["baseline_value"].toDouble(), r["unit"])) << r.code();
      for (auto it = kNumber.globalMatch(source); it.hasNext();) {
        const QString n = it.next().captured();
        EXPECT_TRUE(text.contains(n)) << r.code() << ": " << n.toStdString() << " is not in the plan";
      }
    }
  }
  EXPECT_EQ(baselines, 5);  // 森林覆盖率, 海绵城市, 水环境功能区达标率, 人均公园绿地, 市级精品示范路
}

}  // namespace
}  // namespace xiuhua::indicators
