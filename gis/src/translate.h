#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace xiuhua::gis::detail {

// Translates a message of the library. Qt's lupdate files a tr() call by where it stands: in a
// member function of class X under "X", in a free function under its namespace ("xiuhua::gis",
// "xiuhua::gis::detail"). The file-local tr() helpers therefore look under their own context first,
// then under those namespace contexts, so a message is found wherever lupdate put it ("detail" too:
// it files a free function returning detail::X as a member of a class "detail"). n: the count
// for %n (and plural forms), -1 for none.
inline QString translate(const char* context, const char* text, int n = -1) {
  const QString untranslated = QCoreApplication::translate("xiuhua-untranslated", text, nullptr, n);
  for (const char* c : {context, "xiuhua::gis", "xiuhua::gis::detail", "detail"}) {
    QString t = QCoreApplication::translate(c, text, nullptr, n);
    if (t != untranslated) return t;
  }
  return untranslated;
}

// Puts args[0], args[1] … in place of %1, %2 … in one pass, so that an argument holding "%2" (a
// path, a value from a file) is left as it is — unlike arg() after arg().
inline QString substitute(const QString& text, const QStringList& args) {
  QString out;
  for (qsizetype i = 0; i < text.size(); ++i) {
    if (text[i] == QLatin1Char('%') && i + 1 < text.size() && text[i + 1].isDigit()) {
      const int n = text[i + 1].digitValue();
      if (n >= 1 && n <= args.size()) {
        out += args[n - 1];
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace xiuhua::gis::detail
