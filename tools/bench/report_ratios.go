package main

import "fmt"

// The sections and targets that compare industrydata with baselines measured
// in the same run: wall-time ratios to terraform_data, CPU and memory ratios
// to benchnull, and the industrydata_runs list.

// phaseTitle names a phase as the targets do.
var phaseTitle = map[string]string{"adopt": "apply (adopt + name)", "refresh": "plan", "update": "update name", "destroy": "destroy"}

// largestResult is the result of the largest size run with the local backend.
func (r report) largestResult() sizeResult {
	out := r.sizes[0]
	for _, s := range r.sizes {
		if s.N >= out.N {
			out = s
		}
	}
	return out
}

// remoteSection reports the largest size again with -backend=http.
func (r report) remoteSection(p func(string, ...any)) {
	if r.remote == nil {
		return
	}
	s := *r.remote
	p("## With a remote backend: the provider's CPU\n\n")
	p("The largest size again, N = %d, parallelism %d, with Terraform's http backend served from memory by the bench (`-backend=http`): a remote backend persists intermediate states every 20 s instead of rewriting the state file after every resource, so Terraform's share shrinks and the provider's own CPU is what remains. *CPU ratio* = `industrydata` provider CPU / `benchnull` provider CPU for the same N resources, i.e. per resource.\n\n", s.N, s.P)
	p("| phase | `industrydata_run` wall s | `terraform_data` wall s | `benchnull_item` wall s | same state size wall s | industrydata provider CPU s | benchnull provider CPU s | CPU ratio | industrydata CPU ms / resource | Graph requests |\n")
	p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, ph := range s.phases {
		p("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |\n", ph.name, ph.provider.wall.Seconds(), ph.builtin.wall.Seconds(),
			ph.null.wall.Seconds(), ph.sized.wall.Seconds(), ph.provider.procs.cpu.Seconds(), ph.null.procs.cpu.Seconds(), ph.cpuRatio(),
			ms(ph.provider.procs.cpu)/float64(s.N), ph.requests.methods())
	}
	p("\nPeak RSS with the http backend: `industrydata` %.1f MB, `benchnull` %.1f MB.\n\n", mb(peakRSS(s, industrydata)), mb(peakRSS(s, benchnull)))
}

// listSection reports the industrydata_runs benchmark.
func (r report) listSection(p func(string, ...any)) {
	if r.list == nil {
		return
	}
	l := *r.list
	p("## Reading many runs: `industrydata_runs`\n\n")
	p("`terraform plan` of a configuration with one `industrydata_runs` data source over %d ended runs with full statistics (the fake lists %d per page, newest first; every Graph request waits %s), without and with `include_statistics`, next to Terraform planning the same configuration without the data source (*Terraform's own*). *In flight at most* is the largest number of `getStatistics` calls the fake was serving at one instant (from the arrival and answer times it logs).\n\n", l.runs, listPageSize, l.latency)
	p("| configuration | wall s | over Terraform's own s | Graph requests | pages | getStatistics | in flight at most | Terraform CPU s | provider CPU s | provider peak RSS MB | other processes' CPU s |\n")
	p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	p("| Terraform's own (no data source) | %.2f | — | — | — | — | — | %.2f | — | — | %.2f |\n", l.own.wall.Seconds(), l.own.cpu.Seconds(), l.own.otherCPU.Seconds())
	for _, x := range []struct {
		name     string
		run      tfRun
		reqs     requestCounts
		inFlight string
	}{{"`industrydata_runs`", l.plain, l.plainRequests, "—"}, {"`industrydata_runs`, `include_statistics = true`", l.withStatistics, l.statsRequests, fmt.Sprint(l.statisticsInFlight)}} {
		p("| %s | %.2f | %.2f | %d | %d | %d | %s | %.2f | %.2f | %.1f | %.2f |\n", x.name, x.run.wall.Seconds(), x.run.wall.Seconds()-l.own.wall.Seconds(),
			x.reqs.total(), x.reqs.byKind[kindList], x.reqs.byKind[kindStatistics], x.inFlight, (x.run.cpu - x.run.procs.cpu).Seconds(),
			x.run.procs.cpu.Seconds(), mb(x.run.procs.peakRSS), x.run.otherCPU.Seconds())
	}
	p("\n")
}

// ratioTargets writes the target rows measured against baselines of the same run.
func (r report) ratioTargets(p func(string, ...any)) {
	s := r.largestResult()
	where := ""
	if s.size != targetSize {
		where = fmt.Sprintf(" (measured at N = %d, parallelism %d; the comparison holds at N = %d, parallelism %d)", s.N, s.P, targetSize.N, targetSize.P)
	}
	for _, ph := range s.phases {
		generic, ok := genericProviderRatio[ph.name]
		if !ok {
			continue
		}
		p("| wall(`industrydata_run`) / wall(`terraform_data`), %s, N = %d, parallelism %d, local backend: below the generic provider's %.2f%s | %.2f (%.2f s / %.2f s); Terraform alone holding as many bytes: %.2f | %s |\n",
			phaseTitle[ph.name], s.N, s.P, generic, where, ph.wallRatio(), ph.provider.wall.Seconds(), ph.builtin.wall.Seconds(), ph.sizedRatio(), verdict(ph.wallRatio() < generic))
	}
	if r.remote != nil {
		for _, ph := range r.remote.phases {
			p("| provider CPU per resource ≤ %.0f × `benchnull`'s, %s, N = %d, `-backend=http` | %.2f (%.2f s / %.2f s) | %s |\n", targetCPURatio,
				phaseTitle[ph.name], r.remote.N, ph.cpuRatio(), ph.provider.procs.cpu.Seconds(), ph.null.procs.cpu.Seconds(), verdict(ph.cpuRatio() <= targetCPURatio))
		}
	}
	ours, null := peakRSS(s, industrydata), peakRSS(s, benchnull)
	rss := float64(ours) / float64(null)
	p("| peak RSS of the provider ≤ %.1f × `benchnull`'s, N = %d | %.2f (%.1f MB / %.1f MB) | %s |\n", targetRSSRatio, s.N, rss, mb(ours), mb(null), verdict(rss <= targetRSSRatio))
	if r.list != nil {
		l := *r.list
		plainMiss, statsMiss := l.misses()
		over := l.plain.wall.Seconds() - l.own.wall.Seconds()
		p("| `industrydata_runs` over %d runs, no statistics: one request per page (%d) | %d requests%s | %s |\n", l.runs, l.pages, l.plainRequests.total(), withMiss(plainMiss), verdict(plainMiss == ""))
		p("| `industrydata_runs` over %d runs, no statistics: plan ≤ %.0f s over Terraform's own | %.2f s (%.2f s − %.2f s) | %s |\n", l.runs, targetListOver, over, l.plain.wall.Seconds(), l.own.wall.Seconds(), verdict(over <= targetListOver))
		p("| `industrydata_runs` over %d runs, no statistics: provider peak RSS ≤ %.0f MB | %.1f MB | %s |\n", l.runs, targetListRSS/1e6, mb(l.plain.procs.peakRSS), verdict(float64(l.plain.procs.peakRSS) <= targetListRSS))
		p("| `industrydata_runs` over %d runs, with statistics: pages + runs (%d) requests, overlapping, at most %d at once | %d requests, %d getStatistics in flight at most%s | %s |\n",
			l.runs, l.pages+l.runs, statisticsBound, l.statsRequests.total(), l.statisticsInFlight, withMiss(statsMiss), verdict(statsMiss == ""))
	}
}

func withMiss(miss string) string {
	if miss == "" {
		return ""
	}
	return ": " + miss
}
