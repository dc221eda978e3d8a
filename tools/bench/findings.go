package main

import _ "embed"

// findings is the hand-written analysis that BENCHMARKS.md ends with: what
// the numbers mean and where the time and memory go, with the diagnostic
// runs that show it. It is kept in tools/bench/findings.md so that `make
// bench` can regenerate the tables without losing it.
//
//go:embed findings.md
var findings string
