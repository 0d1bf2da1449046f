#!/bin/sh
# Writes the seed corpora of the fuzz targets into DIR (one folder per target) from the
# small example files in tests/fuzz/seeds/. Each seed is one selector byte (which record
# kind, write mode or file format the target reads) followed by the example. Binary
# protobuf seeds are encoded from text format with protoc.
#
#   tests/fuzz/make_seed_corpora.sh SOURCE_DIR DIR
set -eu
src=$1
out=$2
seeds=$src/tests/fuzz/seeds
mkdir -p "$out/registry_validation_fuzzer" "$out/record_import_fuzzer" "$out/problem_file_fuzzer" \
  "$out/http_request_fuzzer"

# $1 = selector byte (decimal), $2 = payload file, $3 = output file
seed() {
  printf "$(printf '\\%03o' "$1")" > "$3"
  cat "$2" >> "$3"
}

# Registry validation: selector % 5 picks company(0)/offer(1)/candidate(2)/listing(3)/id(4);
# (selector >> 2) % 3 the write mode or the record kind.
tmp=$(mktemp)
for pair in "0 Company company" "1 TrainingOffer offer" "2 Candidate candidate"; do
  set -- $pair
  protoc -I"$src/proto" --encode="azubimatch.v1.$2" "$src/proto/azubimatch/v1/records.proto" \
    < "$seeds/$3.textproto" > "$tmp"
  for mode in 0 1 2; do
    seed $(( $1 + 20 * mode )) "$tmp" "$out/registry_validation_fuzzer/$3-mode$mode"
  done
done
protoc -I"$src/proto" --encode=azubimatch.v1.ListRecordsRequest \
  "$src/proto/azubimatch/v1/registry.proto" < "$seeds/list_request.textproto" > "$tmp"
seed 3 "$tmp" "$out/registry_validation_fuzzer/list-request"
printf '0a1b2c3d4e5f6g7h' > "$tmp"
seed 4 "$tmp" "$out/registry_validation_fuzzer/record-id"
rm -f "$tmp"

# Import files: bit 0 picks CSV(0)/JSON Lines(1), (selector >> 1) % 3 the kind.
seed 0 "$seeds/companies.csv" "$out/record_import_fuzzer/companies-csv"
seed 2 "$seeds/offers.csv" "$out/record_import_fuzzer/offers-csv"
seed 4 "$seeds/candidates.csv" "$out/record_import_fuzzer/candidates-csv"
seed 1 "$seeds/companies.jsonl" "$out/record_import_fuzzer/companies-jsonl"
seed 3 "$seeds/offers.jsonl" "$out/record_import_fuzzer/offers-jsonl"
seed 5 "$seeds/candidates.jsonl" "$out/record_import_fuzzer/candidates-jsonl"

# Problem files: selector % 3 picks orlib(0)/orlib-sparse(1)/edges(2).
seed 0 "$seeds/problem.orlib" "$out/problem_file_fuzzer/orlib"
seed 1 "$seeds/problem.orlib-sparse" "$out/problem_file_fuzzer/orlib-sparse"
seed 2 "$seeds/problem.edges" "$out/problem_file_fuzzer/edges"

# HTTP requests: selector % 5 picks GET(0)/POST(1)/PATCH(2)/DELETE(3)/PUT(4); the
# request target, a newline, then the body.
tmp=$(mktemp)
printf '/v1/candidates?page_size=2&page_token=abc\n' > "$tmp"
seed 0 "$tmp" "$out/http_request_fuzzer/list-candidates"
printf '/v1/candidates/0123456789abcdef:suggestOffers\n{"k": 5, "kldbCode": "62102"}' > "$tmp"
seed 1 "$tmp" "$out/http_request_fuzzer/suggest-offers"
{ printf '/v1/candidates\n'; cat "$seeds/candidates.jsonl" | head -n 1; } > "$tmp"
seed 1 "$tmp" "$out/http_request_fuzzer/create-candidate"
printf '/v1/records:import\n[{"company": {"name": "a"}}, {"candidate": {"displayName": "b"}}]' > "$tmp"
seed 1 "$tmp" "$out/http_request_fuzzer/import-array"
printf '/v1/records:import\n{"company": {}}\n{"offer": {"seats": 2}}\n' > "$tmp"
seed 1 "$tmp" "$out/http_request_fuzzer/import-ndjson"
printf '/v1/placements?status=PLACEMENT_STATUS_ACCEPTED&page_size=3\n' > "$tmp"
seed 0 "$tmp" "$out/http_request_fuzzer/list-placements"
rm -f "$tmp"

# Inputs of earlier findings, stored whole (selector byte included).
for target in registry_validation_fuzzer record_import_fuzzer problem_file_fuzzer http_request_fuzzer; do
  if [ -d "$seeds/regressions/$target" ]; then
    cp "$seeds/regressions/$target"/* "$out/$target/" 2>/dev/null || true
  fi
done
