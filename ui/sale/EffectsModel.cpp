#include "sale/EffectsModel.h"

#include "sale/SaleSession.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace loyalty {

namespace {
bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}
}  // namespace

EffectsModel::EffectsModel(const SaleSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

int EffectsModel::effectCount() const
{
    return int(m_session.effects().effects.size());
}

int EffectsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : effectCount() + int(m_session.effects().notices.size());
}

int EffectsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

EffectsModel::RowStyle EffectsModel::rowStyle(int row) const
{
    if (row >= effectCount())
        return RowStyle::Notice;
    const Effect& effect = m_session.effects().effects.at(row);
    switch (effect.kind) {
    case EffectKind::PointsEarned:
        return RowStyle::PointsChange;
    case EffectKind::PointsRedeemed:
    case EffectKind::StampsRedeemed:
        return effect.discountMinor > 0 ? RowStyle::MoneyOff : RowStyle::PointsChange;
    case EffectKind::Discount:
    case EffectKind::WalletSpent:
    case EffectKind::CreditSpent:
        return RowStyle::MoneyOff;
    case EffectKind::WalletEarned:
    case EffectKind::CreditEarned:
    case EffectKind::Membership:
        return RowStyle::BalanceChange;
    case EffectKind::StampsEarned:
        return RowStyle::StampChange;
    }
    return RowStyle::BalanceChange;
}

QString EffectsModel::kindText(int row) const
{
    if (row >= effectCount())
        return tr("⚠ Notice");
    const Effect& effect = m_session.effects().effects.at(row);
    switch (effect.kind) {
    case EffectKind::PointsEarned:
        return tr("★ Points");
    case EffectKind::PointsRedeemed:
        return effect.ruleId.startsWith(QLatin1String("reward.")) ? tr("Reward") : tr("Redeemed");
    case EffectKind::Discount:
        return effect.code.isEmpty() ? tr("Saving") : tr("Coupon");
    case EffectKind::WalletEarned:
        return tr("Cashback");
    case EffectKind::WalletSpent:
        return tr("Wallet");
    case EffectKind::CreditEarned:
    case EffectKind::CreditSpent:
        return tr("Credit");
    case EffectKind::StampsEarned:
        return tr("Stamps");
    case EffectKind::StampsRedeemed:
        return tr("Stamp card");
    case EffectKind::Membership:
        return tr("Membership");
    }
    return {};
}

QString EffectsModel::reasonText(int row) const
{
    const Evaluation& evaluation = m_session.effects();
    if (row < effectCount())
        return evaluation.effects.at(row).explanation;
    return evaluation.notices.at(row - effectCount());
}

QVariant EffectsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const RowStyle style = rowStyle(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return index.column() == KindColumn ? kindText(row) : reasonText(row);
    case Qt::ToolTipRole:
        return reasonText(row);
    case RowStyleRole:
        return int(style);
    case Qt::ForegroundRole:
        // The tints are for the light theme; on a dark (high-contrast) palette the view's own text
        // colour is the readable one, and a notice is black on the theme's yellow.
        if (darkPalette())
            return style == RowStyle::Notice ? QVariant(QBrush(Qt::black)) : QVariant();
        switch (style) {
        case RowStyle::PointsChange:
            return QBrush(QColor(0x1d, 0x4e, 0xd8));
        case RowStyle::MoneyOff:
            return QBrush(QColor(0x04, 0x78, 0x57));
        case RowStyle::Notice:
            return QBrush(QColor(0x78, 0x35, 0x0f));
        case RowStyle::BalanceChange:
        case RowStyle::StampChange:
            return QBrush(QColor(0x37, 0x41, 0x51));
        }
        return {};
    case Qt::BackgroundRole:
        if (style == RowStyle::Notice)
            return QBrush(darkPalette() ? QColor(0xff, 0xff, 0x00) : QColor(0xfe, 0xf3, 0xc7));
        return {};
    case Qt::FontRole:
        if (style == RowStyle::MoneyOff || style == RowStyle::Notice || index.column() == KindColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant EffectsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case ReasonColumn:
        return tr("What this sale gives, and why");
    default:
        return {};
    }
}

void EffectsModel::refresh()
{
    beginResetModel();
    endResetModel();
}

}  // namespace loyalty
