// The JSON of assessment (observation events, periodic rankings): its to_json are declared with every other
// result's in results_json.h (one declaration a type) and defined in assessment_json.cpp.
#pragma once

#include "api/json/results_json.h"
