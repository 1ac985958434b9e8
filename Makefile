# Shortcuts for the scripts; the scripts themselves need only bash.
.PHONY: run test build bench
run:
	scripts/run
test:
	scripts/test
build:
	scripts/build
bench:
	bench/http_load.sh
