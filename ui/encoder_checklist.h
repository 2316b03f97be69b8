#pragma once

#include <QGroupBox>

namespace ui {

// What to check in the encoder before going live, as the controller lists it: each setting with
// the value the service enforces and what it applies to.
class EncoderChecklist final : public QGroupBox {
    Q_OBJECT
public:
    explicit EncoderChecklist(QWidget *parent = nullptr);
};

} // namespace ui
