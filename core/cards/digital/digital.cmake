# Sources of core/cards/digital, added to loyalty_core (filled by its owner).
