target_sources(loyalty_ui PRIVATE
    style/TouchTargets.cpp style/TouchTargets.h
)
