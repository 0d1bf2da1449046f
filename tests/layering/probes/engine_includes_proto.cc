// Must not compile against the engine include root.
#include "azubimatch/v1/records.pb.h"
