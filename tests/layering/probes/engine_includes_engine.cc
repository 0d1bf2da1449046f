// Compiles against the engine include root.
#include "engine/base/input_rules.h"
