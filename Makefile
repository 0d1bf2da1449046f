# Thin wrapper around CMake. Every target installs missing Debian packages first
# (deploy/install-deps.sh is idempotent and quick when all are present).
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
DATA_DIR ?= demo-data
LISTEN ?= 127.0.0.1:50051
CTEST_ARGS ?=
JOBS ?= $(shell nproc)
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 8

.PHONY: deps configure build test stress-test demo run bench bench-peers fuzz fuzz-smoke clean help

help:
	@echo "make demo    build, start matchd on ./$(DATA_DIR), load a demo cohort, show suggestions and assignments"
	@echo "make test    build and run every test (ctest)"
	@echo "make stress-test  every test, 3 rounds, each repeated until it fails (up to 3x), beside a CPU and I/O load"
	@echo "make build   build matchd, matchctl, tests and benchmarks into $(BUILD_DIR)/"
	@echo "make run     build and run matchd on ./data at $(LISTEN)"
	@echo "make bench   build and run the engine benchmarks"
	@echo "make bench-peers  run the side-by-side comparison with scipy and LEMON"
	@echo "make fuzz    build the libFuzzer targets with clang and run each for $(FUZZ_SECONDS) s"

deps:
	@deploy/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > $(BUILD_DIR).configure.log 2>&1 \
	  || (cat $(BUILD_DIR).configure.log; exit 1)

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)
	@$(MAKE) --no-print-directory fuzz-smoke

# The suite beside a CPU and I/O load generator (tests/stress/run_stress.sh): a test
# that passes only on a quiet machine fails here. Takes several times as long as `make test`.
STRESS_ROUNDS ?= 3
STRESS_REPEAT ?= 3
stress-test: build
	@tests/stress/run_stress.sh $(BUILD_DIR) $(STRESS_ROUNDS) $(STRESS_REPEAT) -- $(CTEST_ARGS)

demo: build
	@deploy/demo.sh $(BUILD_DIR) $(DATA_DIR)

run: build
	@$(BUILD_DIR)/bin/matchd --listen $(LISTEN) --data data

bench: build
	@$(BUILD_DIR)/bin/assignment_bench --benchmark_min_time=0.01

bench-peers: build
	@deploy/install-deps.sh --with-peers
	@/usr/bin/python3 bench/peers/compare.py --build $(BUILD_DIR)

# libFuzzer targets (tests/fuzz/README.md) in their own clang build folder.
fuzz: deps
	@JOBS=$(JOBS) tests/fuzz/run_fuzzers.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS)

# A few seconds per fuzz target; part of `make test`, skipped without clang-14.
fuzz-smoke:
	@JOBS=$(JOBS) tests/fuzz/run_fuzzers.sh --smoke $(FUZZ_BUILD_DIR) $(FUZZ_SMOKE_SECONDS)

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR).configure.log
