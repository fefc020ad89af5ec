// The results of an observation event (观摩评比结果) as a workbook: the ranking per group and, in
// score-sheet events whose scores are shown, each nominated project's score. Pure output: the
// caller passes what the reader may see, already in the order to print; a withheld score is
// absent (a rank-only publication) and its column is left out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gj::io {

struct ObservationPlaceRow {
  std::string group;
  int rank = 0;
  std::string county;
  std::optional<double> score;
};

struct ObservationProjectRow {
  std::string group, county, project;
  std::size_t judges = 0;
  std::optional<double> score;  // none when no judge scored it
};

// One judge's sheet for one project: the points per criterion (in ObservationExportData::criteria
// order) and the total.
struct ObservationSheetRow {
  std::string judge, group, county, project;
  std::vector<double> points;
  double total = 0;
};

struct ObservationExportData {
  std::string title;     // 2026年重点项目观摩评议 评比结果
  std::string subtitle;  // 聊城市 · 2026-11-01 至 2026-11-02 · 已发布（公布名次和得分）
  bool with_scores = false;
  std::vector<ObservationPlaceRow> places;
  std::vector<ObservationProjectRow> projects;  // empty: no 项目得分 sheet
  std::vector<std::string> criteria;            // 投资规模（30分）…, the columns of 评委评分
  std::vector<ObservationSheetRow> sheets;      // empty: no 评委评分 sheet (organisers only)
};

// Sheets 评比结果, 项目得分 (when there are projects) and 评委评分 (when there are sheets); scores
// and points are numbers shown with two decimals.
std::string ObservationResultsXlsx(const ObservationExportData& d);

}  // namespace gj::io
