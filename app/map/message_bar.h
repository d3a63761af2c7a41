#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace xiuhua::app {

// A strip above the map for problems the user should see without a modal dialog (a file that
// failed, a layer without a CRS). Shows the latest message and how many more are waiting.
class MessageBar : public QFrame {
  Q_OBJECT

 public:
  explicit MessageBar(QWidget* parent = nullptr);
  // actionText non-empty adds a button that emits actionTriggered(actionKey).
  void showMessage(const QString& text, const QString& actionText = {}, const QString& actionKey = {});
  // Drops every message (another project was opened: they were about the last one).
  void clear();
  // Takes back the messages with this action key, shown or waiting (a notice no longer true).
  void withdraw(const QString& actionKey);
  QString currentText() const;
  int pendingCount() const { return static_cast<int>(mQueue.size()); }

 signals:
  void actionTriggered(const QString& key);

 private:
  struct Message {
    QString text;
    QString actionText;
    QString actionKey;
  };
  void showNext();
  // "Dismiss", or "Next (n)" while n more wait.
  void updateCloseButton();
  QList<Message> mQueue;
  QLabel* mText;
  QPushButton* mAction;
  QPushButton* mClose;
  QString mActionKey;
};

}  // namespace xiuhua::app
