# Sources of core/cards/formats, added to loyalty_core (filled by its owner).
