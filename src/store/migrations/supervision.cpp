// Supervision (三张清单): problems and their steps, milestones, procedures and their guides,
// leader assignments, onsite visits, attachments, read marks of the attention list, settings.
// Versions 10–19 belong to this part.
#include "store/migrations/migrations.h"

namespace gj::store {

std::vector<Migration> SupervisionMigrations() {
  return {
      {10, "supervision: problems, milestones, procedures, assignments, visits, attachments", R"SQL(
CREATE TABLE problems (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL,
  unit_id BIGINT REFERENCES units(id),
  coordinator_id BIGINT REFERENCES people(id),
  deadline TEXT,
  raised_on TEXT NOT NULL,
  raised_by BIGINT,
  signed_on TEXT,
  closed_on TEXT,
  defer_reason TEXT NOT NULL DEFAULT '',
  returns INTEGER NOT NULL DEFAULT 0,
  {{VERSION}},
  {{STAMPS}}
);
CREATE INDEX problems_project ON problems(project_id);
CREATE INDEX problems_unit ON problems(unit_id, status);
CREATE INDEX problems_status ON problems(status, deadline);
CREATE TABLE problem_steps (
  id {{ID}},
  problem_id BIGINT NOT NULL REFERENCES problems(id),
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  user_id BIGINT,
  user_name TEXT NOT NULL DEFAULT '',
  on_date TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX problem_steps_problem ON problem_steps(problem_id);
CREATE TABLE attachments (
  id {{ID}},
  owner TEXT NOT NULL,
  owner_id BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,
  user_id BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX attachments_owner ON attachments(owner, owner_id);
CREATE TABLE milestones (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  name TEXT NOT NULL,
  planned_date TEXT NOT NULL,
  actual_date TEXT,
  duration_days INTEGER NOT NULL DEFAULT 0,
  predecessor_id BIGINT,
  unit_id BIGINT REFERENCES units(id),
  sort INTEGER NOT NULL DEFAULT 0,
  {{VERSION}},
  updated_at TEXT NOT NULL
);
CREATE INDEX milestones_project ON milestones(project_id);
CREATE TABLE procedure_kinds (
  code TEXT PRIMARY KEY,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  required_for_start INTEGER NOT NULL DEFAULT 1,
  documents TEXT NOT NULL DEFAULT '',
  handling_unit TEXT NOT NULL DEFAULT '',
  office TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE procedures (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  kind TEXT NOT NULL REFERENCES procedure_kinds(code),
  status TEXT NOT NULL,
  unit_id BIGINT REFERENCES units(id),
  applied_on TEXT,
  approved_on TEXT,
  accepted_pending INTEGER NOT NULL DEFAULT 0,
  pending_document TEXT NOT NULL DEFAULT '',
  approval_no TEXT NOT NULL DEFAULT '',
  {{VERSION}},
  updated_at TEXT NOT NULL,
  UNIQUE (project_id, kind)
);
CREATE TABLE project_assignments (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  UNIQUE (project_id, person_id)
);
CREATE INDEX project_assignments_person ON project_assignments(person_id);
CREATE TABLE visits (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  visit_date TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  problems_discussed TEXT NOT NULL DEFAULT '',
  user_id BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX visits_person ON visits(person_id, visit_date);
CREATE INDEX visits_project ON visits(project_id, visit_date);
CREATE TABLE attention_reads (
  user_id BIGINT NOT NULL,
  item_key TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (user_id, item_key)
);
CREATE TABLE supervision_settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)SQL"},
      {11, "supervision: default procedure kinds (前期手续) and their guides", R"SQL(
INSERT INTO procedure_kinds (code, label_zh, label_en, required_for_start, documents, handling_unit, office, phone, sort) VALUES
('project_approval', '立项/备案', 'Approval / filing', 1, '项目申请报告或备案申请表；企业营业执照；投资项目统一代码', '发展和改革局', '政务服务中心 2 楼 发改窗口', '', 10),
('land_preexam', '用地预审与选址', 'Land pre-examination and site selection', 1, '用地预审与选址申请表；项目立项文件；勘测定界图', '自然资源和规划局', '政务服务中心 3 楼 自然资源窗口', '', 20),
('planning_permit', '规划许可', 'Planning permit', 1, '建设用地规划许可证申请表；总平面图；土地出让合同', '自然资源和规划局', '政务服务中心 3 楼 自然资源窗口', '', 30),
('property_cert', '不动产权证', 'Real-estate title', 1, '不动产登记申请书；土地出让合同及缴款凭证；宗地图', '自然资源和规划局（不动产登记中心）', '不动产登记大厅', '', 40),
('construction_permit', '施工许可', 'Construction permit', 1, '施工许可申请表；工程规划许可证；施工合同；图审合格书', '行政审批服务局', '政务服务中心 1 楼 工程建设窗口', '', 50),
('eia', '环评批复', 'Environmental impact approval', 1, '环境影响报告书（表）；项目立项文件', '生态环境分局', '政务服务中心 2 楼 环保窗口', '', 60),
('energy_review', '节能审查', 'Energy-saving review', 1, '节能报告；项目立项文件；能耗指标来源说明', '发展和改革局', '政务服务中心 2 楼 发改窗口', '', 70);
)SQL"},
  };
}

}  // namespace gj::store
