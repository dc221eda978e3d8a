package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The industrydata_runs benchmark: `terraform plan` reading a history of
// runs through the data source, without and with include_statistics, next to
// Terraform planning the same configuration without the data source.

// listPageSize is the fake's page size for the list: Graph's usual default
// page for collections (the fake's own default may be smaller, for tests).
const listPageSize = 100

// statisticsBound is industrydata_runs' bound on concurrent getStatistics
// calls (internal/run's statisticsConcurrency), which the overlap must not pass.
const statisticsBound = 8

// listResult is the list benchmark.
type listResult struct {
	runs, pages int
	latency     time.Duration
	// own is Terraform planning the configuration without the data source;
	// plain reads the runs without statistics, withStatistics with them.
	own, plain, withStatistics   tfRun
	plainRequests, statsRequests requestCounts
	statisticsInFlight           int
}

var listPhase = phase{name: "list", args: []string{"plan"}}

// runList seeds n ended runs with full statistics and plans the three
// configurations against the fake.
func runList(o options, b binaries, work string, n int) (listResult, error) {
	res := listResult{runs: n, pages: (n + listPageSize - 1) / listPageSize, latency: o.latency}
	dir := filepath.Join(work, fmt.Sprintf("list-%d", n))
	configs := map[string]string{
		"own":        "",
		"plain":      `data "industrydata_runs" "all" {}` + "\n",
		"statistics": `data "industrydata_runs" "all" { include_statistics = true }` + "\n",
	}
	for name, body := range configs {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			return res, err
		}
		config := "variable \"name\" {\n  type = string\n}\n"
		if body != "" {
			config = `terraform {
  required_providers {
    industrydata = {
      source = "industrydata/industrydata"
    }
  }
}

provider "industrydata" {}

` + config + body
		}
		if err := os.WriteFile(filepath.Join(dir, name, "main.tf"), []byte(config), 0o644); err != nil {
			return res, err
		}
	}
	seed := filepath.Join(dir, "seed.json")
	if _, err := writeSeed(seed, n, true); err != nil {
		return res, err
	}
	fake, err := startFake(b.fake, dir, seed, o.latency, "-page-size", fmt.Sprint(listPageSize))
	if err != nil {
		return res, err
	}
	defer func() { _, _ = fake.stop() }()
	providerBin, pluginDir := b.provider, b.pluginDir
	env, err := terraformEnv(fake, pluginDir, b.nullDir, dir, "")
	if o.profile != "" {
		providerBin, pluginDir = b.profiled, b.profiledDir
		env, err = terraformEnv(fake, pluginDir, b.nullDir, dir, "")
		env = append(env, "BENCH_PROFILE_DIR="+filepath.Join(o.profile, fmt.Sprintf("list-%d", n)))
		if mkErr := os.MkdirAll(filepath.Join(o.profile, fmt.Sprintf("list-%d", n)), 0o755); mkErr != nil {
			return res, mkErr
		}
	}
	if err != nil {
		return res, err
	}
	env = append(env, o.env...)
	logf("industrydata_runs over %d runs, latency %s", n, o.latency)
	if res.own, err = runTerraform(o.terraform, env, filepath.Join(dir, "own"), listPhase, 10, providerBin, fake.pid()); err != nil {
		return res, err
	}
	for _, x := range []struct {
		name string
		run  *tfRun
		reqs *requestCounts
	}{{"plain", &res.plain, &res.plainRequests}, {"statistics", &res.withStatistics, &res.statsRequests}} {
		offset, err := fake.logSize()
		if err != nil {
			return res, err
		}
		if *x.run, err = runTerraform(o.terraform, env, filepath.Join(dir, x.name), listPhase, 10, providerBin, fake.pid()); err != nil {
			return res, err
		}
		if *x.reqs, err = fake.requestsSince(offset); err != nil {
			return res, err
		}
		logf("  %-10s %6.2f s (%s; provider CPU %.1f s, peak RSS %.1f MB)", x.name, x.run.wall.Seconds(), x.reqs.summary(),
			x.run.procs.cpu.Seconds(), mb(x.run.procs.peakRSS))
	}
	res.statisticsInFlight = maxInFlight(res.statsRequests.statistics)
	logf("  Terraform alone %.2f s; getStatistics in flight at most %d", res.own.wall.Seconds(), res.statisticsInFlight)
	_, err = fake.stop()
	return res, err
}

// listMisses reports how the list's requests miss their targets: one per
// page without statistics; one per page plus one per run with them, overlapping
// but within the bound.
func (l listResult) misses() (plain, withStatistics string) {
	if got := l.plainRequests.total(); got != l.pages || l.plainRequests.byKind[kindList] != l.pages {
		plain = fmt.Sprintf("%d requests (%s), want %d pages", got, l.plainRequests.methods(), l.pages)
	}
	c := l.statsRequests
	switch {
	case c.byKind[kindList] != l.pages || c.byKind[kindStatistics] != l.runs || c.total() != l.pages+l.runs:
		withStatistics = fmt.Sprintf("%d pages and %d getStatistics of %d requests, want %d and %d", c.byKind[kindList], c.byKind[kindStatistics], c.total(), l.pages, l.runs)
	case l.statisticsInFlight < 2 || l.statisticsInFlight > statisticsBound:
		withStatistics = fmt.Sprintf("%d getStatistics in flight at most, want 2 to %d", l.statisticsInFlight, statisticsBound)
	}
	return plain, withStatistics
}
