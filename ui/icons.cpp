#include "icons.h"

#include <QAction>
#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QPalette>
#include <QPixmap>

namespace ui {

namespace {

// Toolbar and menu sizes at 100 %, 150 % and 200 %.
constexpr int kSizes[] = {16, 22, 24, 32, 44, 48, 64};

QIcon renderedSvg(const QString &resource, const QColor &color)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll().replace("#000000", color.name(QColor::HexRgb).toLatin1());
    QIcon icon;
    for (const int size : kSizes) {
        QBuffer buffer;
        buffer.setData(svg);
        QImageReader reader(&buffer, "svg");
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (!image.isNull())
            icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}

} // namespace

QIcon themedIcon(const QString &themeName, const QString &fallback, const QPalette &palette)
{
    if (QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    const QIcon drawn = renderedSvg(fallback, palette.color(QPalette::ButtonText));
    // Without the SVG image plugin, Qt's own SVG icon engine may still draw the file.
    return drawn.isNull() ? QIcon(fallback) : drawn;
}

void ThemedActionIcons::set(QAction *action, const QString &themeName, const QString &fallback,
                            const QPalette &palette)
{
    action->setIcon(themedIcon(themeName, fallback, palette));
    m_entries.append({action, themeName, fallback});
}

void ThemedActionIcons::redraw(const QPalette &palette)
{
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.action)
            entry.action->setIcon(themedIcon(entry.themeName, entry.fallback, palette));
    }
}

} // namespace ui
