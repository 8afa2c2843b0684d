#pragma once

#include "common/Error.h"
#include "settings/TillIdentityEditor.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace loyalty {

class FieldError;

// The settings dialog's "Till" page: the till's name, its currency (read-only once the till has
// sales) and the head-office address, as stored in the till database (TillIdentityEditor).
class TillIdentityPage final : public QWidget
{
    Q_OBJECT

public:
    TillIdentityPage(const TillIdentityEditor::Identity& stored, bool currencyLocked, QWidget* parent = nullptr);

    TillIdentityEditor::Identity identity() const;
    bool changed() const { return identity() != m_stored; }
    // Checks every field and shows what is wrong next to it; the first refused field, or nullptr.
    QWidget* validate();
    // A refusal from TillIdentityEditor::save, shown next to the field it concerns.
    QWidget* showSaveError(const Error& error);

    QLineEdit* nameField() const { return m_name; }
    QLineEdit* currencyField() const { return m_currency; }
    QLineEdit* headOfficeField() const { return m_headOffice; }

private:
    TillIdentityEditor::Identity m_stored;
    QLineEdit* m_name;
    QLineEdit* m_currency;
    QLineEdit* m_headOffice;
    FieldError* m_nameError;
    FieldError* m_currencyError;
    FieldError* m_headOfficeError;
};

}  // namespace loyalty
