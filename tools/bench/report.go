package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

type report struct {
	opts       options
	machine    machine
	binarySize int64
	startup    startupResult
	sizes      []sizeResult
	remote     *sizeResult // the largest size again with -backend=http (-also-http)
	list       *listResult // industrydata_runs (-list-runs)
	goBench    string
	elapsed    time.Duration
}

type machine struct {
	cores                int
	cpu, kernel          string
	memory               int64
	goVersion, tfVersion string
	goos, goarch         string
}

func describeMachine(tf string) machine {
	m := machine{cores: runtime.NumCPU(), goos: runtime.GOOS, goarch: runtime.GOARCH}
	if out, err := exec.Command("go", "version").Output(); err == nil {
		m.goVersion = strings.TrimPrefix(strings.TrimSpace(string(out)), "go version ")
	}
	if out, err := exec.Command(tf, "version").Output(); err == nil {
		m.tfVersion = strings.SplitN(strings.TrimSpace(string(out)), "\n", 2)[0]
	}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				m.memory = kb * 1024
			}
		}
	}
	if data, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.kernel = strings.TrimSpace(string(data))
	}
	return m
}

// runGoBenchmarks runs the Go benchmarks of the mapping and of PATCH bodies.
func runGoBenchmarks(root string) (string, error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", ".", "-benchmem", "./internal/run", "./internal/graph")
	cmd.Dir = root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go test -bench: %w\n%s", err, out.String())
	}
	var keep []string
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "Benchmark") || strings.HasPrefix(line, "pkg:") || strings.HasPrefix(line, "cpu:") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n"), nil
}

// ---- targets -------------------------------------------------------------

// expected is the target count per resource of each kind of request, per
// phase; patchAtMost marks a PATCH count that may be lower (adopting a run
// that already matches sends none).
type expected struct {
	get, statistics, patch int
	patchAtMost            bool
}

var targets = map[string]expected{
	"adopt":   {get: 1, statistics: 1, patch: 1, patchAtMost: true}, // getStatistics: the service does not inline statistics
	"refresh": {get: 1},
	"update":  {get: 1, patch: 1},
	"destroy": {get: 1},
}

// checkRequests reports how a phase's requests miss their target, "" when they hold.
func checkRequests(p phaseResult, n int) string {
	want := targets[p.name]
	c := p.requests.byKind
	var miss []string
	if c[kindGet] != want.get*n {
		miss = append(miss, fmt.Sprintf("%d GET of the run, want %d", c[kindGet], want.get*n))
	}
	if c[kindStatistics] != want.statistics*n {
		miss = append(miss, fmt.Sprintf("%d getStatistics, want %d", c[kindStatistics], want.statistics*n))
	}
	if c[kindPatch] > want.patch*n || (!want.patchAtMost && c[kindPatch] != want.patch*n) {
		miss = append(miss, fmt.Sprintf("%d PATCH, want %d", c[kindPatch], want.patch*n))
	}
	if c[kindOther] != 0 {
		miss = append(miss, fmt.Sprintf("%d other requests", c[kindOther]))
	}
	if p.requests.errors != 0 {
		miss = append(miss, fmt.Sprintf("%d answered with an error, e.g. %s", p.requests.errors, p.requests.errorLine))
	}
	return strings.Join(miss, "; ")
}

// requestMisses checks a phase in every repetition.
func requestMisses(s sizeResult, phase string) string {
	var misses []string
	for _, p := range s.requestLog {
		if miss := checkRequests(p, s.N); p.name == phase && miss != "" && !slices.Contains(misses, miss) {
			misses = append(misses, miss)
		}
	}
	return strings.Join(misses, " | ")
}

func checkSmoke(s sizeResult, out io.Writer) error {
	var bad []string
	for _, p := range s.phases {
		miss := requestMisses(s, p.name)
		fmt.Fprintf(out, "%-8s N=%d: %s: %s\n", p.name, s.N, p.requests.summary(), verdict(miss == ""))
		if miss != "" {
			bad = append(bad, p.name+": "+miss)
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("request counts missed their targets:\n  %s", strings.Join(bad, "\n  "))
	}
	return nil
}

func verdict(ok bool) string {
	if ok {
		return "holds"
	}
	return "**missed**"
}

// genericProviderRatio is wall(resource) / wall(terraform_data) per phase
// that the generic Graph provider (microsoft/terraform-provider-msgraph,
// msgraph_update_resource setting displayName: a PATCH with an untyped body,
// no statistics) reached on this bench at N = 1000, parallelism 50, 25 ms,
// local backend (2 cores, TLS, Terraform 1.8.5). industrydata_run's ratio
// must be lower.
var genericProviderRatio = map[string]float64{"adopt": 2.42, "refresh": 11.8, "update": 1.95, "destroy": 1.88}

// The size the wall-time ratios are compared at.
var targetSize = size{1000, 50}

const (
	targetCPURatio = 2.0   // provider CPU per resource / benchnull's, -backend=http
	targetRSSRatio = 1.2   // peak RSS / benchnull's
	targetListOver = 3.0   // seconds a plan listing runs may take over Terraform's own
	targetListRSS  = 200e6 // bytes
	targetStartup  = 150 * time.Millisecond
	targetBinary   = 45e6 // bytes
)

// peakRSS is the largest peak RSS of a configuration's provider over the phases.
func peakRSS(s sizeResult, of func(phaseResult) tfRun) int64 {
	var peak int64
	for _, ph := range s.phases {
		peak = max(peak, of(ph).procs.peakRSS)
	}
	return peak
}

func industrydata(p phaseResult) tfRun { return p.provider }
func benchnull(p phaseResult) tfRun    { return p.null }

// wallRatio is wall(industrydata_run) / wall(terraform_data).
func (p phaseResult) wallRatio() float64 { return p.provider.wall.Seconds() / p.builtin.wall.Seconds() }

// sizedRatio is wall(terraform_data holding as many bytes) / wall(terraform_data):
// what Terraform alone pays for a state as large as industrydata_run's.
func (p phaseResult) sizedRatio() float64 { return p.sized.wall.Seconds() / p.builtin.wall.Seconds() }

// cpuRatio is the provider's CPU over benchnull's for the same N resources.
func (p phaseResult) cpuRatio() float64 {
	return p.provider.procs.cpu.Seconds() / p.null.procs.cpu.Seconds()
}

// ---- Markdown ------------------------------------------------------------

func (r report) markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	m := r.machine
	p("# Benchmarks\n\n")
	p("Plan and apply of `industrydata_run` at scale with a real Terraform against the fake Graph, with a fixed latency per Graph request. ")
	p("Produced by `%s` in %s, on %s.\n\n", r.opts.command, r.elapsed.Round(time.Second), time.Now().UTC().Format("2006-01-02"))
	if notes := r.opts.diagnostics(); notes != "" {
		p("**Diagnostic run, not the standard benchmark**: %s.\n\n", notes)
	}
	p("**Machine**: %d cores (%s), %.1f GiB memory, %s/%s, Linux %s; %s; %s (pinned: `tools/cli.sh terraform`).\n\n",
		m.cores, m.cpu, float64(m.memory)/(1<<30), m.goos, m.goarch, m.kernel, m.goVersion, m.tfVersion)

	p("## Plan and apply\n\n")
	p("Every Graph request waits %s in the fake (`-latency`), concurrently. For each size, each of four phases runs on N `terraform_data` resources (built into Terraform, no network), then on N `benchnull_item` resources (an empty provider, below), then on N `industrydata_run` resources adopting N seeded runs that have ended and have full statistics (two inbound activities with counters and role counts, one outbound), then on N `terraform_data` resources that each hold a string as long as an `industrydata_run`'s state (below), all with the same `-parallelism`:\n\n", r.opts.latency)
	p("- **adopt**: `terraform apply` creating every resource with `run_id` and a `display_name` that differs from the run's (so at most one PATCH is due);\n")
	p("- **refresh**: `terraform plan -detailed-exitcode`, which must show no change;\n")
	p("- **update**: `terraform apply` changing `display_name` (`input` for `terraform_data`) of every resource;\n")
	p("- **destroy**: `terraform destroy`.\n\n")
	p("*Provider cost* = wall time − `terraform_data` wall time. *Requests* are Graph requests as the fake logged them (its counters at exit agree — the bench checks); identity requests (token) are not Graph requests and are listed below. *Network floor* = ceil(N / parallelism) × requests per resource × latency: the least time the requests take when each resource sends its requests one after another.\n\n")
	p("| N | parallelism | phase | wall s | `terraform_data` s | provider cost s | Graph requests (by method) | of which getStatistics | requests / resource | network floor s | cost / floor |\n")
	p("|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|\n")
	for _, s := range r.sizes {
		for _, ph := range s.phases {
			ratio := "—"
			if ph.floorSeconds > 0 {
				ratio = fmt.Sprintf("%.2f", ph.costSeconds()/ph.floorSeconds)
			}
			p("| %d | %d | %s | %.2f | %.2f | %.2f | %s | %d | %.2f | %.2f | %s |\n",
				s.N, s.P, ph.name, ph.provider.wall.Seconds(), ph.builtin.wall.Seconds(), ph.costSeconds(),
				ph.requests.methods(), ph.requests.byKind[kindStatistics], ph.requests.perResource(s.N), ph.floorSeconds, ratio)
		}
	}
	p("\nIdentity requests (not Graph: the OpenID discovery GET and the token POST, once per provider process that sends requests):")
	for _, s := range r.sizes {
		var parts []string
		for _, ph := range s.phases {
			parts = append(parts, fmt.Sprintf("%s %d", ph.name, ph.requests.identity))
		}
		p(" N = %d: %s.", s.N, strings.Join(parts, ", "))
	}
	p("\n\n")

	p("### Where the time goes\n\n")
	p("A third configuration separates what any provider costs from what is industrydata's own: N `benchnull_item` resources of `benchnull` (tools/bench/nullprovider), the smallest plugin-framework provider: one resource with an `input` and an `output` string, no network. `benchnull_item` − `terraform_data` is the price of an out-of-process provider (plugin protocol, gRPC, msgpack, the framework); `industrydata_run` − `benchnull_item` is industrydata's own (its schema, its requests, its code).\n\n")
	p("| N | phase | provider cost s | of which any framework provider (`benchnull_item` − `terraform_data`) s | of which industrydata's own (`industrydata_run` − `benchnull_item`) s | network floor s |\n")
	p("|---:|---|---:|---:|---:|---:|\n")
	for _, s := range r.sizes {
		for _, ph := range s.phases {
			p("| %d | %s | %.2f | %.2f | %.2f | %.2f |\n", s.N, ph.name, ph.costSeconds(), ph.null.wall.Seconds()-ph.builtin.wall.Seconds(),
				ph.provider.wall.Seconds()-ph.null.wall.Seconds(), ph.floorSeconds)
		}
	}
	p("\n")
	p("A fourth configuration measures what Terraform itself spends on a state as large as industrydata's, with no provider at all: N `terraform_data` resources whose `triggers_replace` holds a string as long as one `industrydata_run`'s attributes in state (compact JSON, measured after the adopt). Terraform's local backend rewrites the whole state file after every resource it creates, updates or removes, so an apply or destroy of N resources writes N states of up to N resources: a cost in N² × state size that no provider can remove. The string is a lower bound for industrydata's nested values, which Terraform also decodes, compares and indents.\n\n")
	p("| N | phase | bytes per resource | `terraform_data` s | `terraform_data`, same state size s | `industrydata_run` s | `industrydata_run` − same state size s | network floor s |\n")
	p("|---:|---|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range r.sizes {
		for _, ph := range s.phases {
			p("| %d | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |\n", s.N, ph.name, s.stateBytes, ph.builtin.wall.Seconds(), ph.sized.wall.Seconds(),
				ph.provider.wall.Seconds(), ph.provider.wall.Seconds()-ph.sized.wall.Seconds(), ph.floorSeconds)
		}
	}
	p("\n")
	p("CPU seconds of each process during the phase (from /proc, polled every %s; the provider's CPU is summed over the provider processes Terraform started; a process that lives less than one poll may be missed, which matters only for the short schema-reading ones). Terraform's CPU excludes the provider's. Wall seconds for comparison. *Other processes' CPU* is what the rest of the machine used meanwhile (all CPU time in /proc/stat minus Terraform's, the provider's and the fake's): near 0 on a quiet machine; where it is large, the wall times include waiting for other work.\n\n", pollInterval)
	p("| N | phase | resource | wall s | Terraform CPU s | provider processes | provider CPU s | provider peak RSS MB | fake CPU s | other processes' CPU s |\n")
	p("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range r.sizes {
		for _, ph := range s.phases {
			for _, x := range []struct {
				name string
				run  tfRun
			}{{"`terraform_data`", ph.builtin}, {"`benchnull_item`", ph.null}, {"`industrydata_run`", ph.provider}, {"`terraform_data`, same state size", ph.sized}} {
				rss := "—"
				if x.run.procs.count > 0 {
					rss = fmt.Sprintf("%.1f", mb(x.run.procs.peakRSS))
				}
				p("| %d | %s | %s | %.2f | %.2f | %d | %.2f | %s | %.2f | %.2f |\n", s.N, ph.name, x.name, x.run.wall.Seconds(),
					(x.run.cpu - x.run.procs.cpu).Seconds(), x.run.procs.count, x.run.procs.cpu.Seconds(), rss, x.run.fakeCPU.Seconds(), x.run.otherCPU.Seconds())
			}
		}
	}
	p("\n")

	r.remoteSection(p)
	r.listSection(p)

	p("## Provider binary, start-up, memory\n\n")
	p("- **Binary**: %.1f MB (%d bytes), built with `go build -ldflags '-s -w'`.\n", mb(r.binarySize), r.binarySize)
	st := r.startup
	p("- **Start-up to serving the schema**: median **%.0f ms** (min %.0f, max %.0f, %d runs); of which exec to the plugin handshake line: median %.0f ms. ",
		ms(median(st.schema)), ms(minOf(st.schema)), ms(maxOf(st.schema)), len(st.schema), ms(median(st.handshake)))
	p("Method: the bench starts the binary as Terraform does (go-plugin's magic cookie, protocol 6, a client certificate for automatic mTLS), reads the handshake line, connects over the announced socket with mTLS and calls `tfplugin6.Provider/GetProviderSchema` (answer: %d bytes); a sample is exec → schema received. One unmeasured run first warms the page cache. This leaves out Terraform's own start-up, which timing `terraform providers schema -json` with and without the provider would mix in.\n", st.schemaBytes)
	for _, s := range r.sizes {
		var peak int64
		var peakPhase string
		for _, ph := range s.phases {
			if ph.provider.procs.peakRSS > peak {
				peak, peakPhase = ph.provider.procs.peakRSS, ph.name
			}
		}
		p("- **Peak RSS of the provider**, N = %d: %.1f MB (VmHWM of the largest provider process, phase %s).\n", s.N, mb(peak), peakPhase)
	}
	p("\n")

	p("## Is the fake the bottleneck?\n\n")
	p("After the phases, the bench drives the same fake with as many concurrent clients as the parallelism, each sending `GET /runs/{id}` one after another over one HTTP/2 connection with a valid token (bounded: %d requests or %s). A fake that only waited its latency would serve workers / latency requests per second; the phases needed far fewer.\n\n", r.opts.loadRequests, r.opts.loadDuration)
	p("| N | workers | requests | seconds | requests/s | ideal requests/s | p50 ms | p99 ms | fake CPU s | busiest phase's request rate /s |\n")
	p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range r.sizes {
		busiest := 0.0
		for _, ph := range s.phases {
			busiest = max(busiest, float64(ph.requests.total())/ph.provider.wall.Seconds())
		}
		l := s.load
		l.latency = s.latency
		p("| %d | %d | %d | %.2f | %.0f | %.0f | %.1f | %.1f | %.2f | %.0f |\n", s.N, l.workers, l.requests, l.elapsed.Seconds(), l.perSecond(), l.ideal(),
			ms(l.p50), ms(l.p99), l.fakeCPU.Seconds(), busiest)
	}
	p("\n")

	if r.goBench != "" {
		p("## Go benchmarks\n\n`go test -run '^$' -bench . -benchmem ./internal/run ./internal/graph`: the Terraform ⇄ Graph mapping of a run with full statistics, and building a PATCH body.\n\n```\n%s\n```\n\n", r.goBench)
	}

	p("## Targets\n\n")
	p("| target | measured | verdict |\n|---|---|---|\n")
	for _, s := range r.sizes {
		for _, ph := range s.phases {
			miss := requestMisses(s, ph.name)
			measured := fmt.Sprintf("%.2f GET of the run, %.2f PATCH, %.2f getStatistics per resource", per(ph.requests.byKind[kindGet], s.N),
				per(ph.requests.byKind[kindPatch], s.N), per(ph.requests.byKind[kindStatistics], s.N))
			if miss != "" {
				measured += ": " + miss
			}
			p("| requests, %s, N = %d: %s | %s | %s |\n", ph.name, s.N, describeTarget(ph.name), measured, verdict(miss == ""))
		}
	}
	r.ratioTargets(p)
	p("| start-up to schema ≤ 150 ms (median) | %.0f ms | %s |\n", ms(median(st.schema)), verdict(median(st.schema) <= targetStartup))
	p("| binary ≤ 45 MB | %.1f MB | %s |\n", mb(r.binarySize), verdict(float64(r.binarySize) <= targetBinary))
	p("\nMB is 10⁶ bytes.\n")
	if findings != "" {
		p("\n%s", findings)
	}
	return b.String()
}

func describeTarget(phase string) string {
	switch phase {
	case "adopt":
		return "1 GET + at most 1 PATCH (+1 getStatistics: the service does not inline statistics)"
	case "refresh":
		return "1 GET"
	case "update":
		return "refresh (1 GET) + 1 PATCH, nothing after the PATCH"
	case "destroy":
		return "refresh (1 GET) only, no write"
	}
	return ""
}

func per(n, of int) float64 { return float64(n) / float64(of) }

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func minOf(d []time.Duration) time.Duration {
	m := d[0]
	for _, v := range d {
		m = min(m, v)
	}
	return m
}

func maxOf(d []time.Duration) time.Duration {
	m := d[0]
	for _, v := range d {
		m = max(m, v)
	}
	return m
}
