// A file a use case produces for download (an export, a template): its bytes and the name it is
// offered under (Content-Disposition), decided by the use case — named after what it holds
// (重点项目台账-2026.xlsx, 问题清单-2026-12-07.xlsx, 组织架构与责任人-咸丰县.xlsx), never the wall clock.
#pragma once

#include <string>

namespace gj::service {

struct NamedFile {
  std::string bytes;
  std::string filename;
};

}  // namespace gj::service
