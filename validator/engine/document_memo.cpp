#include "engine/document_memo.hpp"

#include <algorithm>

#include "engine/documents.hpp"

namespace ozv {
namespace {

std::string document_name(const std::string& key) {
  const auto slash = key.rfind('/');
  return slash == std::string::npos ? key : key.substr(slash + 1);
}

}  // namespace

bool findings_relocatable(const Findings& findings, const std::string& key) {
  return std::all_of(findings.begin(), findings.end(), [&](const Finding& f) {
    if (f.location.key != key) return false;
    return std::none_of(f.values.begin(), f.values.end(),
                        [&](const auto& value) { return value.second.find(key) != std::string::npos; });
  });
}

Findings relocated(Findings findings, const std::string& key) {
  for (auto& f : findings) f.location.key = key;
  return findings;
}

DocumentMemo::Result DocumentMemo::read(Store& store, const std::string& key, const JsonLimits& limits, Check check) {
  Result fresh;
  std::optional<BoundedValue> value;
  try {
    value = store.get_bounded(key, limits.max_bytes);
  } catch (const StoreError& e) {
    fresh.findings.push_back(finding_from(e));
    return fresh;
  }
  if (!value) return fresh;
  if (!value->bytes) {
    fresh.findings.push_back(oversize_finding(key, value->size, limits));
    return fresh;
  }
  const Bytes& bytes = *value->bytes;
  // The check's address, the document's name and its bytes: equal only for the same work.
  std::string memo_key = std::to_string(reinterpret_cast<std::uintptr_t>(check)) + '\n' + document_name(key) + '\n';
  memo_key += bytes;
  std::optional<Result> known = entries_.with_shard(memo_key, [&](const auto& shard) -> std::optional<Result> {
    auto it = shard.find(memo_key);
    return it == shard.end() ? std::nullopt : std::optional<Result>(it->second);
  });
  if (known) return Result{known->document, relocated(std::move(known->findings), key)};

  auto parsed = parse_json(bytes, key, limits);
  fresh.findings = std::move(parsed.findings);
  if (parsed.value) {
    fresh.document = std::make_shared<const nlohmann::json>(std::move(*parsed.value));
    check(*fresh.document, key, fresh.findings);
  }
  if (findings_relocatable(fresh.findings, key) && bytes_kept_.fetch_add(memo_key.size()) + memo_key.size() <= max_bytes_) {
    entries_.with_shard(memo_key, [&](auto& shard) { shard.emplace(std::move(memo_key), fresh); });
  }
  return fresh;
}

}  // namespace ozv
