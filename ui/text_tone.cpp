#include "text_tone.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace ui {

namespace {

const char *const kFollowerName = "textToneFollower";

// Lives as the widget's child and colours it again after each change of the app's palette.
class ToneFollower final : public QObject {
public:
    ToneFollower(QWidget *widget, model::TextTone tone)
        : QObject(widget)
        , m_widget(widget)
        , m_tone(tone)
    {
        setObjectName(QLatin1String(kFollowerName));
        widget->installEventFilter(this);
    }

    void setTone(model::TextTone tone)
    {
        m_tone = tone;
        apply();
    }

    void apply()
    {
        QPalette palette; // only the text roles: the rest keeps following the application's
        palette.setColor(QPalette::WindowText,
                         model::textColor(m_tone, QApplication::palette(m_widget)));
        palette.setColor(QPalette::Text, palette.color(QPalette::WindowText));
        m_applying = true;
        m_widget->setPalette(palette);
        m_applying = false;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // A new application palette reaches a widget as its parent's palette changing (only
        // windows are told of the application's).
        if (watched == m_widget && !m_applying &&
            (event->type() == QEvent::PaletteChange ||
             event->type() == QEvent::ApplicationPaletteChange))
            apply();
        return false;
    }

private:
    QWidget *m_widget;
    model::TextTone m_tone;
    bool m_applying = false;
};

ToneFollower *followerOf(QWidget *widget)
{
    // By name: the class has no meta-object of its own to find it by.
    return static_cast<ToneFollower *>(
        widget->findChild<QObject *>(QLatin1String(kFollowerName), Qt::FindDirectChildrenOnly));
}

} // namespace

void setTextTone(QWidget *widget, model::TextTone tone)
{
    if (ToneFollower *follower = followerOf(widget)) {
        follower->setTone(tone);
        return;
    }
    (new ToneFollower(widget, tone))->apply();
}

void clearTextTone(QWidget *widget)
{
    if (ToneFollower *follower = followerOf(widget)) {
        widget->removeEventFilter(follower);
        delete follower;
    }
    widget->setPalette(QPalette());
}

} // namespace ui
