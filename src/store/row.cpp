#include "store/row.h"

#include <memory>
#include <stdexcept>

namespace gj::store {

RowReader::RowReader(const std::vector<std::string>& columns) : names_(columns) {
  // The first of clashing names wins; the store aliases a column it needs to tell apart.
  for (size_t i = 0; i < names_.size(); ++i) index_.emplace(names_[i], i);
}

RowReader& RowReader::Bind(std::vector<Value>& row) {
  row_ = &row;
  reads_ = 0;
  return *this;
}

Value& RowReader::At(std::string_view column) {
  const size_t n = reads_++;
  if (n < recent_.size() && recent_[n].first == column) return (*row_)[recent_[n].second];
  auto it = index_.find(column);
  if (it == index_.end()) throw std::logic_error("the result has no column " + std::string(column));
  const std::pair<std::string_view, size_t> hit{it->first, it->second};
  if (n < recent_.size()) recent_[n] = hit;
  else recent_.push_back(hit);
  return (*row_)[hit.second];
}

int64_t RowReader::Int(std::string_view column) { return AsInt(At(column)); }
std::optional<int64_t> RowReader::OptInt(std::string_view column) { return AsOptInt(At(column)); }
double RowReader::Double(std::string_view column) { return AsDouble(At(column)); }
std::optional<double> RowReader::OptDouble(std::string_view column) { return AsOptDouble(At(column)); }
std::string RowReader::Text(std::string_view column) { return TakeText(At(column)); }
std::optional<std::string> RowReader::OptText(std::string_view column) { return TakeOptText(At(column)); }
bool RowReader::Bool(std::string_view column) { return AsInt(At(column)) != 0; }
gj::Date RowReader::Date(std::string_view column) { return OptDate(column).value_or(gj::Date{}); }

std::optional<gj::Date> RowReader::OptDate(std::string_view column) {
  const Value& v = At(column);
  if (const auto* s = std::get_if<std::string>(&v)) return ParseIsoDate(*s);
  return std::nullopt;  // NULL, or a number: not an ISO date
}

Value DateValue(const std::optional<gj::Date>& d) { return d ? Value(d->ToString()) : Null(); }
Value NullIfEmpty(const std::string& s) { return s.empty() ? Null() : Value(s); }

void ForEachRow(Connection& c, std::string_view sql, const std::vector<Value>& params,
                const std::function<void(RowReader&)>& read) {
  std::unique_ptr<RowReader> reader;  // made at the first row: the columns are known by then
  c.QueryEach(sql, params, [&](const std::vector<std::string>& columns, std::vector<Value>& row) {
    if (!reader) reader = std::make_unique<RowReader>(columns);
    read(reader->Bind(row));
  });
}

}  // namespace gj::store
