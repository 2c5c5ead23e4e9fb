// passk's canonical form of C++ test values, for the output judge of MultiPL-E C++ programs
// (see packages/languages/src/cpp/cpp-output-judge.ts). Two values print the same exactly when
// the tests' `==` calls them equal, for the types MultiPL-E's C++ tests use:
// - numbers (integers, bool, floating point) print as one numeric form, whatever their type, as
//   `==` converts them: integer values in decimal (bool as 0/1, -0.0 as 0), other floats in
//   hexadecimal (exact), nan/inf by name;
// - strings (std::string, string literals) quoted, bytes outside printable ASCII escaped;
// - std::optional prints its value, or `nullopt` (as `optional == value` and `== std::nullopt`);
// - vectors `[a,b]`, tuples and pairs `(a,b)`, maps `{k:v,…}` in key order (unordered maps and
//   sets sorted by their printed entries).
// A type without a form here does not build. Values are written by `passk_judge::Values` to
// passk-values.json as a JSON array of strings, in call order.
#include <bits/stdc++.h>

namespace passk_judge {

inline void show(std::string& out, const std::string& text);
inline void show(std::string& out, const char* text);
inline void show(std::string& out, std::nullopt_t);
template <class T>
typename std::enable_if<std::is_arithmetic<T>::value>::type show(std::string& out, T value);
template <class T> void show(std::string& out, const std::optional<T>& value);
template <class T, class A> void show(std::string& out, const std::vector<T, A>& values);
template <class... T> void show(std::string& out, const std::tuple<T...>& values);
template <class A, class B> void show(std::string& out, const std::pair<A, B>& values);
template <class K, class V, class C, class A> void show(std::string& out, const std::map<K, V, C, A>& values);
template <class T, class C, class A> void show(std::string& out, const std::set<T, C, A>& values);
template <class K, class V, class H, class E, class A>
void show(std::string& out, const std::unordered_map<K, V, H, E, A>& values);
template <class T, class H, class E, class A>
void show(std::string& out, const std::unordered_set<T, H, E, A>& values);

inline void show_number(std::string& out, long double value) {
  if (std::isnan(value)) {
    out += "nan";
  } else if (std::isinf(value)) {
    out += value < 0 ? "-inf" : "inf";
  } else if (value == std::trunc(value) && std::fabs(value) < 9.2e18L) {
    out += std::to_string(static_cast<long long>(value));
  } else {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%La", value);
    out += buffer;
  }
}

template <class T>
typename std::enable_if<std::is_arithmetic<T>::value>::type show(std::string& out, T value) {
  if (std::is_floating_point<T>::value) {
    show_number(out, static_cast<long double>(value));
  } else if (std::is_signed<T>::value) {
    out += std::to_string(static_cast<long long>(value));
  } else {
    out += std::to_string(static_cast<unsigned long long>(value));
  }
}

inline void show(std::string& out, const std::string& text) {
  out += '"';
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
      out += buffer;
    }
  }
  out += '"';
}

inline void show(std::string& out, const char* text) { show(out, std::string(text)); }

inline void show(std::string& out, std::nullopt_t) { out += "nullopt"; }

template <class T> void show(std::string& out, const std::optional<T>& value) {
  if (value.has_value()) show(out, *value);
  else out += "nullopt";
}

template <class It> void show_range(std::string& out, It begin, It end, char open, char close) {
  out += open;
  for (It it = begin; it != end; ++it) {
    if (it != begin) out += ',';
    show(out, *it);
  }
  out += close;
}

template <class T, class A> void show(std::string& out, const std::vector<T, A>& values) {
  out += '[';
  bool first = true;
  for (const auto& value : values) {
    if (!first) out += ',';
    first = false;
    show(out, static_cast<const T&>(value));
  }
  out += ']';
}

template <class Tuple, std::size_t... I>
void show_tuple(std::string& out, const Tuple& values, std::index_sequence<I...>) {
  out += '(';
  ((out += (I == 0 ? "" : ","), show(out, std::get<I>(values))), ...);
  out += ')';
}

template <class... T> void show(std::string& out, const std::tuple<T...>& values) {
  show_tuple(out, values, std::index_sequence_for<T...>{});
}

template <class A, class B> void show(std::string& out, const std::pair<A, B>& values) {
  out += '(';
  show(out, values.first);
  out += ',';
  show(out, values.second);
  out += ')';
}

template <class K, class V> std::string entry(const K& key, const V& value) {
  std::string out;
  show(out, key);
  out += ':';
  show(out, value);
  return out;
}

inline void show_entries(std::string& out, std::vector<std::string> entries, bool sorted) {
  if (sorted) std::sort(entries.begin(), entries.end());
  out += '{';
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) out += ',';
    out += entries[i];
  }
  out += '}';
}

template <class K, class V, class C, class A> void show(std::string& out, const std::map<K, V, C, A>& values) {
  std::vector<std::string> entries;
  for (const auto& item : values) entries.push_back(entry(item.first, item.second));
  show_entries(out, entries, false);
}

template <class T, class C, class A> void show(std::string& out, const std::set<T, C, A>& values) {
  show_range(out, values.begin(), values.end(), '{', '}');
}

template <class K, class V, class H, class E, class A>
void show(std::string& out, const std::unordered_map<K, V, H, E, A>& values) {
  std::vector<std::string> entries;
  for (const auto& item : values) entries.push_back(entry(item.first, item.second));
  show_entries(out, entries, true);
}

template <class T, class H, class E, class A>
void show(std::string& out, const std::unordered_set<T, H, E, A>& values) {
  std::vector<std::string> entries;
  for (const auto& item : values) {
    std::string one;
    show(one, item);
    entries.push_back(one);
  }
  show_entries(out, entries, true);
}

/** The values of the calls, in order; `write()` saves them as a JSON array of strings. */
class Values {
 public:
  template <class T> void add(const T& value) {
    std::string out;
    show(out, value);
    shown_.push_back(out);
  }

  void write() const {
    std::string json = "[";
    for (std::size_t i = 0; i < shown_.size(); ++i) {
      if (i > 0) json += ',';
      json += '"';
      for (unsigned char c : shown_[i]) {
        if (c == '"' || c == '\\') {
          json += '\\';
          json += static_cast<char>(c);
        } else if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          json += buffer;
        } else {
          json += static_cast<char>(c);
        }
      }
      json += '"';
    }
    json += "]";
    std::FILE* file = std::fopen("passk-values.json", "wb");
    if (file == nullptr) std::abort();
    std::fwrite(json.data(), 1, json.size(), file);
    std::fclose(file);
  }

 private:
  std::vector<std::string> shown_;
};

}  // namespace passk_judge
