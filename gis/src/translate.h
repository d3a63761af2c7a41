#pragma once

#include <QCoreApplication>
#include <QString>

#include <initializer_list>

namespace xiuhua::gis::detail {

// Translates a message of the library. Qt's lupdate files a tr() call by where it stands: in a
// member function of class X under "X", in a free function under its namespace ("xiuhua::gis",
// "xiuhua::gis::detail"). The file-local tr() helpers therefore look under their own context first,
// then under those namespace contexts, so a message is found wherever lupdate put it. n: the count
// for %n (and plural forms), -1 for none.
inline QString translate(const char* context, const char* text, int n = -1) {
  const QString untranslated = QCoreApplication::translate("xiuhua-untranslated", text, nullptr, n);
  for (const char* c : {context, "xiuhua::gis", "xiuhua::gis::detail"}) {
    QString t = QCoreApplication::translate(c, text, nullptr, n);
    if (t != untranslated) return t;
  }
  return untranslated;
}

}  // namespace xiuhua::gis::detail
