#include "schema/schema_uri.hpp"

#include <cctype>
#include <vector>

namespace ozv::schema_uri {
namespace {

struct Parts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

Parts split(std::string_view uri) {
  Parts p;
  if (const auto hash = uri.find('#'); hash != std::string_view::npos) {
    p.fragment = uri.substr(hash + 1);
    p.has_fragment = true;
    uri = uri.substr(0, hash);
  }
  if (const auto q = uri.find('?'); q != std::string_view::npos) {
    p.query = uri.substr(q + 1);
    p.has_query = true;
    uri = uri.substr(0, q);
  }
  if (has_scheme(uri)) {
    const auto colon = uri.find(':');
    p.scheme = uri.substr(0, colon);
    p.has_scheme = true;
    uri = uri.substr(colon + 1);
  }
  if (uri.substr(0, 2) == "//") {
    uri = uri.substr(2);
    const auto slash = uri.find('/');
    p.authority = uri.substr(0, slash);
    p.has_authority = true;
    uri = slash == std::string_view::npos ? std::string_view{} : uri.substr(slash);
  }
  p.path = uri;
  return p;
}

// RFC 3986 5.2.4, on whole segments.
std::string remove_dot_segments(std::string_view path) {
  const bool absolute = !path.empty() && path.front() == '/';
  std::vector<std::string_view> out;
  std::size_t start = absolute ? 1 : 0;
  bool trailing_slash = false;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const auto segment = path.substr(start, end - start);
    const bool last = end == path.size();
    if (segment == ".") {
      trailing_slash = last;
    } else if (segment == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = last;
    } else {
      out.push_back(segment);
      trailing_slash = false;
    }
    start = end + 1;
  }
  std::string result = absolute ? "/" : "";
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i > 0) result += '/';
    result += out[i];
  }
  if (trailing_slash && !result.empty() && result.back() != '/') result += '/';
  return result;
}

std::string compose(const Parts& p, const std::string& path) {
  std::string s;
  if (p.has_scheme) (s += p.scheme) += ':';
  if (p.has_authority) (s += "//") += p.authority;
  s += path;
  if (p.has_query) (s += '?') += p.query;
  if (p.has_fragment) (s += '#') += p.fragment;
  return s;
}

}  // namespace

bool has_scheme(std::string_view uri) {
  if (uri.empty() || !std::isalpha(static_cast<unsigned char>(uri.front()))) return false;
  for (const char c : uri) {
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

std::string resolve(std::string_view base, std::string_view reference) {
  const Parts r = split(reference);
  if (r.has_scheme) return compose(r, remove_dot_segments(r.path));
  const Parts b = split(base);
  Parts t;
  t.scheme = b.scheme;
  t.has_scheme = b.has_scheme;
  t.fragment = r.fragment;
  t.has_fragment = r.has_fragment;
  std::string path;
  if (r.has_authority) {
    t.authority = r.authority;
    t.has_authority = true;
    path = remove_dot_segments(r.path);
    t.query = r.query;
    t.has_query = r.has_query;
    return compose(t, path);
  }
  t.authority = b.authority;
  t.has_authority = b.has_authority;
  if (r.path.empty()) {
    path = std::string(b.path);
    t.query = r.has_query ? r.query : b.query;
    t.has_query = r.has_query || b.has_query;
  } else {
    if (r.path.front() == '/') {
      path = remove_dot_segments(r.path);
    } else {
      std::string_view directory;  // the base path up to its last '/'
      if (b.has_authority && b.path.empty()) {
        directory = "/";
      } else if (const auto slash = b.path.rfind('/'); slash != std::string_view::npos) {
        directory = b.path.substr(0, slash + 1);
      }
      std::string merged;
      merged.reserve(directory.size() + r.path.size());
      merged.append(directory).append(r.path);
      path = remove_dot_segments(merged);
    }
    t.query = r.query;
    t.has_query = r.has_query;
  }
  return compose(t, path);
}

std::string_view without_fragment(std::string_view uri) { return uri.substr(0, uri.find('#')); }

std::string_view fragment(std::string_view uri) {
  const auto hash = uri.find('#');
  return hash == std::string_view::npos ? std::string_view{} : uri.substr(hash + 1);
}

bool percent_decode(std::string_view text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return false;
    const auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

}  // namespace ozv::schema_uri
