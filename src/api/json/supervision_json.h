// The JSON of supervision (三张清单): its to_json are declared with every other result's in
// results_json.h (one declaration a type) and defined in supervision_json.cpp.
#pragma once

#include "api/json/results_json.h"
