// The JSON of land efficiency (/api/v1/land/…): its to_json are declared with every other result's in
// results_json.h (one declaration a type) and defined in land_json.cpp.
#pragma once

#include "api/json/results_json.h"
