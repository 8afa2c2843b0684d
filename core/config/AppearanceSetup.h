#pragma once

namespace loyalty {

// How the till's screens look on this workstation (applied live by ui/style/TillStyle).
struct AppearanceSetup
{
    enum class Theme
    {
        Standard,
        HighContrast,
    };

    static constexpr int kMinFontScalePercent = 80;
    static constexpr int kMaxFontScalePercent = 200;

    Theme theme = Theme::Standard;
    int fontScalePercent = 100;  // 80..200
    bool touchLayout = false;    // every target at least 44 px (more with a larger font)

    friend bool operator==(const AppearanceSetup&, const AppearanceSetup&) = default;
};

}  // namespace loyalty
