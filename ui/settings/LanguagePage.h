#pragma once

#include <QWidget>

class QComboBox;

namespace loyalty {

// The settings dialog's "Language" page: German, English or the system's, from the next start.
class LanguagePage final : public QWidget
{
    Q_OBJECT

public:
    explicit LanguagePage(const QString& language, QWidget* parent = nullptr);

    // "de", "en" or empty (the system's language).
    QString language() const;
    QComboBox* languageBox() const { return m_language; }

private:
    QComboBox* m_language;
};

}  // namespace loyalty
