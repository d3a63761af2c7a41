#include "csv_numbers.h"

#include "translate.h"

#include <cpl_csv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <QRegularExpression>

#include <cmath>
#include <memory>
#include <unordered_map>

namespace xiuhua::gis::detail {
namespace {

using Reading = CsvNumberScan::Reading;
using Cell = CsvNumberScan::Cell;

QString tr(const char* text) { return detail::translate("VectorReader", text); }

struct FileCloser {
  void operator()(VSILFILE* f) const { VSIFCloseL(f); }
};

const QRegularExpression kPlain(QStringLiteral(R"(^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$)"));
const QRegularExpression kThousands(QStringLiteral(R"(^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$)"));
const QRegularExpression kDecimalComma(QStringLiteral(R"(^[+-]?\d+,\d+$)"));

QString example(const Cell& c) { return tr("line %1: \"%2\"").arg(c.line).arg(c.text); }

// The text of the numeric fields' values that are not plain numbers, per field, by record (FID 1
// for the first record after the header, blank lines skipped, as GDAL's CSV driver numbers them).
Status collectCells(const QString& file, const VectorData& data, const std::vector<int>& numeric, char& delimiter,
                    std::vector<std::vector<Cell>>& cells, QStringList& warnings) {
  std::unique_ptr<VSILFILE, FileCloser> fp(VSIFOpenL(file.toUtf8().constData(), "rb"));
  if (!fp) return Error{ErrorCode::IoFailed, tr("%1: the file cannot be opened to check its numbers.").arg(file)};
  const char* first = CPLReadLineL(fp.get());
  delimiter = first != nullptr ? CSVDetectSeperator(first) : ',';
  VSIRewindL(fp.get());
  const char separator[2] = {delimiter, '\0'};
  cells.assign(numeric.size(), {});
  int line = 0;
  qint64 fid = 0;
  bool header = true;
  for (;;) {
    const CPLStringList tokens(CSVReadParseLine3L(fp.get(), 0, separator, true, false, false, true));
    if (tokens.List() == nullptr) break;
    ++line;
    if (tokens.Count() == 0) continue;
    if (header) {  // the header, as GDAL takes it: a first line that is not all numbers
      header = false;
      bool allNumbers = true;
      for (int i = 0; i < tokens.Count(); ++i) allNumbers = allNumbers && kPlain.match(QString::fromUtf8(tokens[i]).trimmed()).hasMatch();
      if (!allNumbers && tokens.Count() != static_cast<int>(data.fields.size())) {
        warnings << tr("%1: its header has %2 columns but the layer %3 fields; its numbers could not be checked against the text.")
                        .arg(file)
                        .arg(tokens.Count())
                        .arg(data.fields.size());
        cells.assign(numeric.size(), {});
        return {};
      }
      if (!allNumbers) continue;
    }
    ++fid;
    for (std::size_t k = 0; k < numeric.size(); ++k) {
      if (numeric[k] >= tokens.Count()) continue;
      const QString text = QString::fromUtf8(tokens[numeric[k]]).trimmed();
      if (!text.isEmpty() && !kPlain.match(text).hasMatch()) cells[k].push_back({fid, line, text});
    }
  }
  return {};
}

// How a column is read, or an error when it writes numbers both ways.
Result<Reading> readingOf(const std::vector<Cell>& cells, char delimiter, const QString& file, const QString& field) {
  const Cell* thousands = nullptr;  // unambiguous examples of each way
  const Cell* decimal = nullptr;
  bool ambiguous = false;
  for (const Cell& c : cells) {
    const bool t = kThousands.match(c.text).hasMatch();
    const bool d = kDecimalComma.match(c.text).hasMatch();
    if (t && !d && thousands == nullptr) thousands = &c;
    if (d && !t && decimal == nullptr) decimal = &c;
    ambiguous = ambiguous || (t && d);
  }
  if (thousands != nullptr && decimal != nullptr) {
    return Error{ErrorCode::InvalidArgument,
                 tr("%1: field %2 writes numbers two ways — with thousands separators (%3) and with decimal commas (%4); "
                    "which one \"68,500\" is cannot be told. Write the numbers one way (e.g. 68500 and 68.5) and open it again.")
                     .arg(file, field, example(*thousands), example(*decimal))};
  }
  if (thousands != nullptr) return Reading::Thousands;
  if (decimal != nullptr) return Reading::DecimalComma;
  // 3-digit groups alone ("68,500"): thousands in a comma-separated file, a decimal comma in a
  // semicolon-separated one, as each convention writes them.
  if (ambiguous) return delimiter == ';' ? Reading::DecimalComma : Reading::Thousands;
  return Reading::AsIs;
}

}  // namespace

QStringList CsvNumberScan::misreadFields(const VectorData& data) const {
  QStringList out;
  for (const Column& c : columns) out << data.fields[static_cast<std::size_t>(c.field)].name;
  return out;
}

Result<CsvNumberScan> scanCsvNumbers(const QString& file, const VectorData& data) {
  CsvNumberScan scan;
  std::vector<int> numeric;
  for (std::size_t i = 0; i < data.fields.size(); ++i) {
    if (data.fields[i].type == Field::Type::Integer || data.fields[i].type == Field::Type::Real) numeric.push_back(static_cast<int>(i));
  }
  if (numeric.empty()) return scan;
  char delimiter = ',';
  std::vector<std::vector<Cell>> cells;
  if (Status s = collectCells(file, data, numeric, delimiter, cells, scan.warnings); !s) return s.error();
  for (std::size_t k = 0; k < numeric.size() && k < cells.size(); ++k) {
    if (cells[k].empty()) continue;
    auto reading = readingOf(cells[k], delimiter, file, data.fields[static_cast<std::size_t>(numeric[k])].name);
    if (!reading.ok()) return reading.error();
    scan.columns.push_back({numeric[k], reading.value(), std::move(cells[k])});
  }
  return scan;
}

QStringList applyCsvNumbers(const CsvNumberScan& scan, const QString& file, VectorData& data) {
  QStringList warnings = scan.warnings;
  std::unordered_map<qint64, std::size_t> rowOf;
  for (std::size_t r = 0; r < data.fids.size(); ++r) rowOf.emplace(data.fids[r], r);
  for (const CsvNumberScan::Column& column : scan.columns) {
    const Field& field = data.fields[static_cast<std::size_t>(column.field)];
    int changed = 0;
    QStringList notNumbers;
    int notNumberCount = 0;
    const Cell* firstChanged = nullptr;
    QVariant firstValue;
    for (const Cell& c : column.cells) {
      const auto row = rowOf.find(c.fid);
      // Filtered out, or no field read at all (an empty row).
      if (row == rowOf.end() || data.attributes[row->second].size() <= static_cast<std::size_t>(column.field)) continue;
      const bool matches = (column.reading == Reading::Thousands && kThousands.match(c.text).hasMatch()) ||
                           (column.reading == Reading::DecimalComma && kDecimalComma.match(c.text).hasMatch());
      QString text = c.text;
      text = column.reading == Reading::Thousands ? text.remove(QLatin1Char(',')) : text.replace(QLatin1Char(','), QLatin1Char('.'));
      bool ok = false;
      const double value = text.toDouble(&ok);
      QVariant& cell = data.attributes[row->second][static_cast<std::size_t>(column.field)];
      if (!matches || !ok) {
        if (++notNumberCount <= 3) notNumbers << example(c);
        cell = QVariant();
        continue;
      }
      cell = field.type == Field::Type::Integer && value == std::floor(value) ? QVariant::fromValue<qlonglong>(static_cast<qlonglong>(value))
                                                                            : QVariant(value);
      if (firstChanged == nullptr) {
        firstChanged = &c;
        firstValue = cell;
      }
      ++changed;
    }
    if (changed > 0) {
      warnings << (column.reading == Reading::Thousands
                       ? tr("%1: field %2: %3 values are written with thousands separators and were read so (%4 → %5).")
                       : tr("%1: field %2: %3 values are written with a decimal comma and were read so (%4 → %5)."))
                      .arg(file, field.name)
                      .arg(changed)
                      .arg(example(*firstChanged), firstValue.toString());
    }
    if (!notNumbers.isEmpty()) {
      warnings << tr("%1: field %2: %3 values are not numbers and were left empty (%4).")
                      .arg(file, field.name)
                      .arg(notNumberCount)
                      .arg(notNumbers.join(QStringLiteral("; ")));
    }
  }
  return warnings;
}

}  // namespace xiuhua::gis::detail
