// The home page's endpoint: the caller's to-dos (我的待办), for the home page and the header badge.
#include <memory>

#include "api/json/results_json.h"
#include "api/routes.h"

namespace gj::api {

void HomeRoutes(Services& s, std::vector<Route>& r) {
  // Composed of the services the routes already hold; lives as long as the routes do.
  auto todos = std::make_shared<service::TodoService>(s.ledger, s.progress, s.supervision, s.observations);
  r.push_back({"GET", "/api/v1/me/todos",
               "The caller's to-dos: reports to file and to review this period, problems waiting, visits "
               "owed, events to score (counts and the first five of each)",
               true, [todos](Call& c) { return JsonReply(todos->Todos(c.ctx)); }});
}

}  // namespace gj::api
