#pragma once

#include "common/Error.h"

#include <utility>
#include <variant>

namespace loyalty {

// A value or the Error that kept it from being produced (std::expected arrives with C++23).
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)  // NOLINT(google-explicit-constructor): implicit on purpose, like std::expected
        : m_state(std::move(value))
    {
    }
    Result(Error error)  // NOLINT(google-explicit-constructor)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T* operator->() const { return &std::get<T>(m_state); }
    const T& operator*() const { return value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but may fail.
struct Done
{
};

}  // namespace loyalty
