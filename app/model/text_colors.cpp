#include "model/text_colors.h"

#include <QGuiApplication>
#include <QPalette>

namespace model {

namespace {

// Pure hues; mixing them with the text colour darkens them on a light palette and lightens them
// on a dark one, which keeps them readable against either background.
QColor hue(TextTone tone)
{
    switch (tone) {
    case TextTone::Edited:
        return QColor(0xE0, 0x70, 0x00);
    case TextTone::Problem:
        return QColor(0xE0, 0x10, 0x10);
    case TextTone::Success:
        return QColor(0x10, 0xA0, 0x30);
    case TextTone::Info:
        return QColor(0x20, 0x70, 0xE0);
    case TextTone::Secondary:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

} // namespace

QColor blend(const QColor &a, const QColor &b, qreal amountOfB)
{
    const qreal keep = 1.0 - amountOfB;
    return QColor::fromRgbF(static_cast<float>(a.redF() * keep + b.redF() * amountOfB),
                            static_cast<float>(a.greenF() * keep + b.greenF() * amountOfB),
                            static_cast<float>(a.blueF() * keep + b.blueF() * amountOfB));
}

QColor textColor(TextTone tone, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    if (tone == TextTone::Secondary)
        return blend(text, palette.color(QPalette::Base), 0.45);
    return blend(hue(tone), text, 0.4);
}

QColor textColor(TextTone tone)
{
    // Without a QGuiApplication there is no platform palette to ask.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return textColor(tone, QPalette(Qt::black, Qt::white));
    return textColor(tone, QGuiApplication::palette());
}

QColor tintColor(TextTone tone, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    return blend(base, tone == TextTone::Secondary ? palette.color(QPalette::Text) : hue(tone),
                 0.14);
}

} // namespace model
