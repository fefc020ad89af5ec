#include "io/simple_csv.h"

namespace gj::io::simple {

Table Parse(std::string_view text) {
  Table table;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t row = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    Record rec;
    rec.row = row;
    std::string field;
    bool record_done = false;
    while (!record_done) {
      field.clear();
      if (i < n && text[i] == '"') {
        ++i;
        bool closed = false;
        while (i < n) {
          char c = text[i++];
          if (c == '"') {
            if (i < n && text[i] == '"') {
              field.push_back('"');
              ++i;
            } else {
              closed = true;
              break;
            }
          } else {
            // A line break inside quotes stays in the cell: one record, one spreadsheet row.
            field.push_back(c);
          }
        }
        if (!closed) {
          table.problems.push_back({rec.row, "unterminated quoted field"});
          rec.fields.push_back(std::move(field));
          table.records.push_back(std::move(rec));
          return table;
        }
        // Tolerate spaces after the closing quote; anything else means a malformed field.
        while (i < n && (text[i] == ' ' || text[i] == '\t')) ++i;
        if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
          table.problems.push_back({rec.row, "unexpected character after a closing quote"});
          while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') ++i;
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
          field.push_back(text[i++]);
        }
      }
      rec.fields.push_back(field);
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      // End of record: CRLF, LF, lone CR, or end of text.
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') ++i;
      record_done = true;
    }
    table.records.push_back(std::move(rec));
    ++row;
  }
  return table;
}

std::string Escape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace gj::io::simple
