// The bulletin (通报) of a ranking run as xlsx and PDF: title, the ranked table with each metric's
// score, movement against the previous run and the red/yellow list. Pure output: the caller
// passes the rows already formatted in the order to print.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gj::io {

// A metric with nothing due for the subject prints as 不适用; a subject no metric applies to (rank
// 0) prints "—" for its rank and 不参与排名 for its score.
inline constexpr const char* kNotApplicable = "不适用";
inline constexpr const char* kUnranked = "不参与排名";

struct BulletinRow {
  int rank = 0;  // 0: not ranked
  std::string subject;
  std::vector<std::string> about;  // in the order of BulletinData::about_labels (chains: 总链长, 链长)
  double score = 0;
  std::vector<std::optional<double>>
      metric_scores;      // in the order of BulletinData::metric_labels; none: 不适用
  double completion = 0;  // 0..1
  std::string movement;   // ↑2, ↓1, —, 新
  std::string light;      // "", 黄牌, 红牌
};

struct BulletinData {
  std::string title;                      // 东阿县镇街月度评比 2026-10 通报
  std::string subtitle;                   // 截至 2026-10-31 · 第 1 版 · 已发布
  std::vector<std::string> about_labels;  // columns after the subject's (xlsx only), e.g. 总链长, 链长
  std::vector<std::string> metric_labels;
  std::vector<BulletinRow> rows;
};

std::string BulletinXlsx(const BulletinData& d);
// A4 portrait, Noto Sans CJK through pango; several pages when the table is long.
std::string BulletinPdf(const BulletinData& d);

}  // namespace gj::io
