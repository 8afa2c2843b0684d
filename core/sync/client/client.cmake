# The till's sync client: signed HTTPS requests, push and pull rounds with backoff, provisioning.
target_sources(loyalty_core PRIVATE
)
