// The noun-first registry commands: `matchctl company|offer|candidate VERB ...` with
// VERB one of list, get, add, delete, import. Each hands its words to the verb-first
// command of the same name (`matchctl offer get ID` runs `matchctl get offer ID`), so
// both spellings behave alike byte for byte; the verb-first ones stay for one release
// as old spellings (Command::replaced_by).
//
// Thread-compatible (see command.h).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_NOUN_COMMANDS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_NOUN_COMMANDS_H_

#include <string>
#include <vector>

#include "clients/matchctl/command.h"

namespace azubimatch::matchctl {

// The command `noun` ("company", "offer" or "candidate"; its plural is an alias) over
// `verbs`, the verb-first commands it hands its words to. `verbs` must outlive it.
Command RecordNounCommand(const std::string& noun, const std::vector<Command>* verbs);

// `usage` of a verb-first command with its first "matchctl VERB {kinds}" spelled
// noun-first for `noun`: "matchctl get {company|offer|candidate} ID" becomes
// "matchctl offer get ID".
std::string NounFirstUsage(const std::string& usage, const std::string& verb,
                           const std::string& noun);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_NOUN_COMMANDS_H_
