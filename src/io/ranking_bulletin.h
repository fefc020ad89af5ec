// The bulletin (通报) of a ranking run as xlsx and PDF: title, the ranked table with each metric's
// score, movement against the previous run and the red/yellow list. Pure output: the caller
// passes the rows already formatted in the order to print.
#pragma once

#include <string>
#include <vector>

namespace gj::io {

struct BulletinRow {
  int rank = 0;
  std::string subject;
  double score = 0;
  std::vector<double> metric_scores;  // in the order of BulletinData::metric_labels
  double completion = 0;              // 0..1
  std::string movement;               // ↑2, ↓1, —, 新
  std::string light;                  // "", 黄牌, 红牌
};

struct BulletinData {
  std::string title;     // 东阿县镇街月度评比 2026-10 通报
  std::string subtitle;  // 截至 2026-10-31 · 第 1 版 · 已发布
  std::vector<std::string> metric_labels;
  std::vector<BulletinRow> rows;
};

std::string BulletinXlsx(const BulletinData& d);
// A4 portrait, Noto Sans CJK through pango; several pages when the table is long.
std::string BulletinPdf(const BulletinData& d);

}  // namespace gj::io
