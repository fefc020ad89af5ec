// The JSON of targets (时间表): its to_json are declared with every other result's in
// results_json.h (one declaration a type) and defined in targets_json.cpp.
#pragma once

#include "api/json/results_json.h"
