// Command bench is `make bench`: it measures plan and apply of
// industrydata_run at scale with a real Terraform against the standalone fake
// Graph, and Terraform's own cost on the same number of terraform_data
// resources, and writes the results to BENCHMARKS.md.
//
// For each size N:parallelism it seeds the fake with N ended runs that have
// full statistics, starts it with a fixed per-request latency, and runs four
// phases on N industrydata_run resources adopting them (run_id) and on N
// terraform_data resources: apply (adopt), plan with no change (refresh),
// apply changing display_name / input on every resource (update), destroy.
// The fake logs every request it answers; the lines a phase added are that
// phase's requests. It also measures the provider binary, its start-up to
// serving its schema, its peak RSS, the fake's own throughput, and runs the
// Go benchmarks of the Terraform ⇄ Graph mapping.
//
// Everything runs on loopback, in a temporary folder; nothing is downloaded.
//
//	go run ./tools/bench -terraform "$(tools/cli.sh terraform)" -out BENCHMARKS.md
//	go run ./tools/bench -terraform … -sizes 200:20 -latency 10ms   # one size, no file
//	go run ./tools/bench -terraform … -smoke                        # request counts only, N = 10
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

type options struct {
	terraform      string
	sizes          []size
	latency        time.Duration
	out            string
	startupSamples int
	loadRequests   int
	loadDuration   time.Duration
	goBench        bool
	smoke          bool
	keep           bool
	profile        string // folder for CPU and heap profiles of the provider; "" for none
	repeat         int
	env            []string // extra NAME=value for Terraform (and so the provider)
	statistics     bool     // seed runs with full statistics (false: without, a diagnostic)
	backend        string   // where Terraform keeps state: backendLocal or backendHTTP
	alsoHTTP       bool     // after the local-backend sizes, run the largest again with backendHTTP
	listRuns       int      // runs industrydata_runs lists in the list benchmark; 0 skips it
	phases         []phase  // the phases to run, in order
	command        string   // the command line, for BENCHMARKS.md
}

// Where Terraform keeps state (-backend).
const (
	backendLocal = "local"
	backendHTTP  = "http"
)

// size is one configuration: N resources applied with -parallelism=P.
type size struct{ N, P int }

func (s size) String() string { return fmt.Sprintf("%d:%d", s.N, s.P) }

// largest is the size with the most resources (the last of equals).
func largest(sizes []size) size {
	out := sizes[0]
	for _, s := range sizes {
		if s.N >= out.N {
			out = s
		}
	}
	return out
}

func parseSizes(v string) ([]size, error) {
	var out []size
	for _, part := range strings.Split(v, ",") {
		n, p, ok := strings.Cut(strings.TrimSpace(part), ":")
		N, errN := strconv.Atoi(n)
		P, errP := strconv.Atoi(p)
		if !ok || errN != nil || errP != nil || N < 1 || P < 1 {
			return nil, fmt.Errorf("-sizes %q: want N:parallelism[,N:parallelism…], e.g. 100:10,1000:50", v)
		}
		out = append(out, size{N, P})
	}
	return out, nil
}

func parseFlags(args []string, output io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(output)
	sizes := fs.String("sizes", "100:10,1000:50", "`N:parallelism` pairs, comma-separated")
	fs.StringVar(&o.terraform, "terraform", "", "Terraform CLI `path` (required; make bench passes tools/cli.sh terraform)")
	fs.DurationVar(&o.latency, "latency", 25*time.Millisecond, "latency the fake adds to every Graph request")
	fs.StringVar(&o.out, "out", "", "write the report (Markdown) to this `file` as well as to stdout")
	fs.IntVar(&o.startupSamples, "startup-samples", 15, "start-up measurements (the median is reported)")
	fs.IntVar(&o.loadRequests, "load-requests", 20000, "bound of the fake's throughput probe: requests")
	fs.DurationVar(&o.loadDuration, "load-duration", 5*time.Second, "bound of the fake's throughput probe: time")
	fs.BoolVar(&o.goBench, "go-bench", true, "run the Go benchmarks of internal/run and internal/graph")
	fs.BoolVar(&o.smoke, "smoke", false, "check request counts only, at N = 10 without latency; fail if one is off")
	fs.BoolVar(&o.keep, "keep", false, "keep the working folder (logs, states, configurations)")
	fs.StringVar(&o.profile, "profile", "", "run the phases with a provider that writes CPU and heap profiles to this `folder` (timings then include profiling)")
	fs.Func("env", "extra `NAME=value` in the environment of Terraform and so of the provider, e.g. GOGC=200 (repeatable; for experiments)", func(v string) error {
		if name, _, ok := strings.Cut(v, "="); !ok || name == "" {
			return fmt.Errorf("want NAME=value, got %q", v)
		}
		o.env = append(o.env, v)
		return nil
	})
	phaseNames := fs.String("phases", "adopt,refresh,update,destroy", "the `phases` to run, a subset in this order; all four for the standard benchmark")
	fs.BoolVar(&o.statistics, "statistics", true, "seed runs with full statistics; false seeds runs without any (a diagnostic: what the statistics cost)")
	fs.StringVar(&o.backend, "backend", backendLocal, "where Terraform keeps state: `local` (the standard benchmark; rewrites the state file after every resource) or http (a remote backend, served from memory by the bench)")
	fs.BoolVar(&o.alsoHTTP, "also-http", true, "with the local backend, also run the largest size with -backend=http (the provider's CPU against benchnull's)")
	fs.IntVar(&o.listRuns, "list-runs", 5000, "`runs` the industrydata_runs benchmark lists, without and with statistics; 0 skips it")
	fs.IntVar(&o.repeat, "repeat", 1, "run the four phases this many `times` per size and keep, per phase, the fastest wall time of each configuration")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if o.terraform == "" {
		return o, errors.New("-terraform is required: the path of the pinned Terraform (tools/cli.sh terraform)")
	}
	var err error
	if o.sizes, err = parseSizes(*sizes); err != nil {
		return o, err
	}
	if o.phases, err = parsePhases(*phaseNames); err != nil {
		return o, err
	}
	if o.smoke {
		o.sizes, o.latency, o.goBench, o.phases = []size{{10, 10}}, 0, false, phases
		o.alsoHTTP, o.listRuns = false, 0
	}
	if o.repeat > 1 && o.phases[len(o.phases)-1].name != "destroy" {
		return o, errors.New("-repeat needs destroy among the -phases: each repetition starts from an empty state")
	}
	if o.backend != backendLocal && o.backend != backendHTTP {
		return o, fmt.Errorf("-backend %q: want %s or %s", o.backend, backendLocal, backendHTTP)
	}
	if o.latency < 0 || o.startupSamples < 1 || o.loadRequests < 1 || o.loadDuration <= 0 || o.repeat < 1 || o.listRuns < 0 {
		return o, errors.New("-latency and -list-runs must not be negative; -startup-samples, -load-requests, -load-duration and -repeat must be positive")
	}
	if o.profile != "" {
		if o.profile, err = filepath.Abs(o.profile); err != nil {
			return o, err
		}
	}
	o.command = "go run ./tools/bench " + strings.Join(args, " ")
	return o, nil
}

// parsePhases picks phases by name, keeping their order; a refresh, update or
// destroy needs the adopt that fills the state first.
func parsePhases(v string) ([]phase, error) {
	want := map[string]bool{}
	for _, name := range strings.Split(v, ",") {
		want[strings.TrimSpace(name)] = true
	}
	var out []phase
	for _, ph := range phases {
		if want[ph.name] {
			out = append(out, ph)
			delete(want, ph.name)
		}
	}
	if len(want) > 0 || len(out) == 0 || out[0].name != "adopt" {
		return nil, fmt.Errorf("-phases %q: want adopt, then any of refresh, update, destroy", v)
	}
	return out, nil
}

// diagnostics describes the options that make a run differ from the
// standard benchmark, "" for none.
func (o options) diagnostics() string {
	var notes []string
	if !o.statistics {
		notes = append(notes, "runs seeded without statistics (-statistics=false)")
	}
	if o.backend == backendHTTP {
		notes = append(notes, "state in Terraform's http backend, served from memory by the bench, instead of the local backend (-backend=http)")
	}
	if o.profile != "" {
		notes = append(notes, "the provider ran with CPU and heap profiling (-profile)")
	}
	if len(o.env) > 0 {
		notes = append(notes, "extra environment "+strings.Join(o.env, " "))
	}
	if len(o.phases) != len(phases) {
		notes = append(notes, fmt.Sprintf("only %d of the four phases (-phases)", len(o.phases)))
	}
	if o.repeat > 1 {
		notes = append(notes, fmt.Sprintf("each configuration ran %d times; the fastest is shown (-repeat)", o.repeat))
	}
	return strings.Join(notes, "; ")
}

func main() {
	o, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err == nil {
		if cmd := os.Getenv("BENCH_COMMAND"); cmd != "" {
			o.command = cmd
		}
		err = run(o, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(o options, stdout io.Writer) error {
	start := time.Now()
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "industrydata-bench.")
	if err != nil {
		return err
	}
	if o.keep {
		logf("working folder %s (kept)", work)
	} else {
		defer os.RemoveAll(work)
	}
	b, err := buildBinaries(root, work, o.profile != "", !o.smoke)
	if err != nil {
		return err
	}
	rep := report{opts: o, machine: describeMachine(o.terraform), binarySize: b.providerSize}

	if !o.smoke {
		logf("provider start-up to schema: %d samples", o.startupSamples)
		if rep.startup, err = measureStartup(b.provider, o.startupSamples); err != nil {
			return fmt.Errorf("start-up: %w", err)
		}
	}
	for _, s := range o.sizes {
		res, err := runSize(o, b, work, s)
		if err != nil {
			return fmt.Errorf("size %d:%d: %w", s.N, s.P, err)
		}
		rep.sizes = append(rep.sizes, res)
	}
	if o.alsoHTTP && o.backend == backendLocal {
		remote := o
		remote.backend = backendHTTP
		res, err := runSize(remote, b, work, largest(o.sizes))
		if err != nil {
			return fmt.Errorf("size %s with -backend=http: %w", largest(o.sizes), err)
		}
		rep.remote = &res
	}
	if o.listRuns > 0 {
		list, err := runList(o, b, work, o.listRuns)
		if err != nil {
			return fmt.Errorf("industrydata_runs over %d runs: %w", o.listRuns, err)
		}
		rep.list = &list
	}
	if o.goBench {
		logf("Go benchmarks")
		if rep.goBench, err = runGoBenchmarks(root); err != nil {
			return err
		}
	}
	rep.elapsed = time.Since(start)

	if o.smoke {
		return checkSmoke(rep.sizes[0], stdout)
	}
	md := rep.markdown()
	fmt.Fprint(stdout, md)
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(md), 0o644); err != nil {
			return err
		}
		logf("wrote %s", o.out)
	}
	return nil
}

// moduleRoot is the folder of the main module's go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run bench inside the provider's module")
	}
	return filepath.Dir(gomod), nil
}

type binaries struct {
	pluginDir, provider, fake string
	providerSize              int64
	// the provider built from tools/bench/profiledprovider, when profiling
	profiledDir, profiled string
	// the baseline provider built from tools/bench/nullprovider
	nullDir, null string
}

// buildBinaries builds the provider as a release does (stripped) and the fake.
func buildBinaries(root, work string, profiled, baseline bool) (binaries, error) {
	b := binaries{pluginDir: filepath.Join(work, "plugins"), profiledDir: filepath.Join(work, "plugins-profiled"), nullDir: filepath.Join(work, "plugins-null")}
	b.null = filepath.Join(b.nullDir, "terraform-provider-benchnull")
	b.provider = filepath.Join(b.pluginDir, "terraform-provider-industrydata")
	b.fake = filepath.Join(work, "fakegraph")
	logf("building the provider (-ldflags '-s -w') and the fake Graph")
	builds := [][]string{
		{"build", "-ldflags", "-s -w", "-o", b.provider, "."},
		{"build", "-o", b.fake, "./internal/fakegraph/cmd/fakegraph"},
	}
	if baseline {
		builds = append(builds, []string{"build", "-ldflags", "-s -w", "-o", b.null, "./tools/bench/nullprovider"})
	}
	if profiled {
		b.profiled = filepath.Join(b.profiledDir, "terraform-provider-industrydata")
		builds = append(builds, []string{"build", "-o", b.profiled, "./tools/bench/profiledprovider"})
	}
	for _, args := range builds {
		cmd := exec.Command("go", args...)
		cmd.Dir, cmd.Stdout, cmd.Stderr = root, os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return b, fmt.Errorf("go %s: %w", strings.Join(args, " "), err)
		}
	}
	st, err := os.Stat(b.provider)
	if err != nil {
		return b, err
	}
	b.providerSize = st.Size()
	return b, nil
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}
