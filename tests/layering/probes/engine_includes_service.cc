// Must not compile against the engine include root.
#include "service/registry/validation.h"
