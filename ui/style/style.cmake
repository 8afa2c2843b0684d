target_sources(loyalty_ui PRIVATE
    style/TouchRowSizer.cpp style/TouchRowSizer.h
)
