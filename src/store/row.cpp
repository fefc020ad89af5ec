#include "store/row.h"

#include <optional>
#include <stdexcept>

namespace gj::store {

RowReader& RowReader::Bind(std::vector<Value>& row) {
  row_ = &row;
  reads_ = 0;
  return *this;
}

size_t RowReader::Find(std::string_view column) const {
  // The first of clashing names wins; the store aliases a column it needs to tell apart.
  const std::vector<std::string>& names = *names_;
  size_t i = 0;
  while (i < names.size() && names[i] != column) ++i;
  return i;
}

// The hit is inlined into each getter; the lookup stays out of line so the hit pays no frame.
Value& RowReader::At(std::string_view column) {
  const size_t n = reads_++;
  if (n < recent_.size()) {
    const uint32_t i = recent_[n];
    if ((*names_)[i] == column) [[likely]]
      return (*row_)[i];
  }
  return LookUp(n, column);
}

Value& RowReader::LookUp(size_t n, std::string_view column) {
  const size_t i = Find(column);
  if (i == names_->size()) throw std::logic_error("the result has no column " + std::string(column));
  if (n < recent_.size()) {
    recent_[n] = static_cast<uint32_t>(i);
  } else {
    if (recent_.empty()) recent_.reserve(names_->size());
    recent_.push_back(static_cast<uint32_t>(i));
  }
  return (*row_)[i];
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
  std::optional<RowReader> reader;  // made at the first row: the columns are known by then
  c.QueryEach(sql, params, [&](const std::vector<std::string>& columns, std::vector<Value>& row) {
    if (!reader) reader.emplace(columns);
    reader->names_ = &columns;  // the same names each row; the engine may hand them anew
    read(reader->Bind(row));
  });
}

}  // namespace gj::store
