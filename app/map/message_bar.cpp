#include "map/message_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace xiuhua::app {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent), mText(new QLabel(this)), mAction(new QPushButton(this)),
      mClose(new QPushButton(tr("Dismiss"), this)) {
  setStyleSheet(QStringLiteral("xiuhua--app--MessageBar { background: #fff4ce; border-bottom: 1px solid #e0c060; }"));
  setObjectName(QStringLiteral("messageBar"));
  mText->setWordWrap(true);
  // A long path (no space to wrap at) must not widen the window: the label takes the width it gets.
  mText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  mText->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* icon = new QLabel(this);
  icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(icon);
  layout->addWidget(mText, 1);
  layout->addWidget(mAction);
  layout->addWidget(mClose);
  connect(mClose, &QPushButton::clicked, this, &MessageBar::showNext);
  connect(mAction, &QPushButton::clicked, this, [this] {
    const QString key = mActionKey;
    showNext();
    emit actionTriggered(key);
  });
  hide();
}

void MessageBar::showMessage(const QString& text, const QString& actionText, const QString& actionKey) {
  for (const Message& m : std::as_const(mQueue)) {
    if (m.text == text) return;
  }
  // isHidden, not isVisible: before the window is shown, a second message must queue, not replace.
  if (!isHidden() && mText->text().startsWith(text)) return;
  mQueue.append({text, actionText, actionKey});
  if (isHidden()) showNext();
  else updateCloseButton();
}

void MessageBar::clear() {
  mQueue.clear();
  hide();
}

void MessageBar::withdraw(const QString& actionKey) {
  mQueue.removeIf([&](const Message& m) { return m.actionKey == actionKey; });
  if (!isHidden() && mActionKey == actionKey) {
    showNext();
  } else if (!isHidden()) {
    updateCloseButton();
  }
}

QString MessageBar::currentText() const { return isHidden() ? QString() : mText->text(); }  // also before the window is shown

void MessageBar::showNext() {
  if (mQueue.isEmpty()) {
    hide();
    return;
  }
  const Message m = mQueue.takeFirst();
  mText->setText(m.text);
  mActionKey = m.actionKey;
  mAction->setText(m.actionText);
  mAction->setVisible(!m.actionText.isEmpty());
  updateCloseButton();
  show();
}

void MessageBar::updateCloseButton() {
  mClose->setText(mQueue.isEmpty() ? tr("Dismiss") : tr("Next (%1)").arg(mQueue.size()));
}

}  // namespace xiuhua::app
