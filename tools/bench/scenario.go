package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// The four phases, in order. Each runs on terraform_data, benchnull_item,
// industrydata_run and terraform_data with a state as large as
// industrydata_run's, with the same N and -parallelism.
var phases = []phase{
	{name: "adopt", args: []string{"apply", "-auto-approve"}, displayName: "Bench"},
	{name: "refresh", args: []string{"plan", "-detailed-exitcode"}, displayName: "Bench"},
	{name: "update", args: []string{"apply", "-auto-approve"}, displayName: "Renamed"},
	{name: "destroy", args: []string{"destroy", "-auto-approve"}, displayName: "Renamed"},
}

type phase struct {
	name        string
	args        []string
	displayName string // the -var name=…: display_name / input of resource i is "<name> <i>"
}

// phaseResult is one phase at one size.
type phaseResult struct {
	name         string
	provider     tfRun // industrydata_run
	builtin      tfRun // terraform_data
	null         tfRun // benchnull_item: an empty framework provider
	sized        tfRun // terraform_data holding as many state bytes as industrydata_run
	requests     requestCounts
	floorSeconds float64
}

// tfRun is one terraform command.
type tfRun struct {
	wall     time.Duration
	cpu      time.Duration // terraform and the processes it waited for (the provider)
	procs    procSummary   // the provider processes it started
	fakeCPU  time.Duration // CPU the fake used meanwhile
	exitCode int
	// otherCPU is the CPU the rest of the machine used meanwhile: all CPU
	// time (/proc/stat) minus Terraform's, the provider's and the fake's. Near
	// 0 on a quiet machine; when it is large, the timings include waiting for
	// other work.
	otherCPU time.Duration
}

// sizeResult is everything measured at one size.
type sizeResult struct {
	size
	phases     []phaseResult // per phase: the fastest of the repetitions
	requestLog []phaseResult // every phase of every repetition, for the request checks
	load       loadResult
	stats      fakeStats
	latency    time.Duration
	// stateBytes is the length of one industrydata_run's attributes in
	// state (compact JSON), the length of the sized baseline's payload.
	stateBytes int
}

func (p phaseResult) costSeconds() float64 {
	return p.provider.wall.Seconds() - p.builtin.wall.Seconds()
}

// floor is ceil(N / parallelism) × requests per resource × latency: the
// least time N resources take when each costs its requests one after another
// and parallelism of them run at once.
func floor(s size, requestsPerResource float64, latency time.Duration) float64 {
	return math.Ceil(float64(s.N)/float64(s.P)) * requestsPerResource * latency.Seconds()
}

func runSize(o options, b binaries, work string, s size) (sizeResult, error) {
	res := sizeResult{size: s, latency: o.latency}
	dir := filepath.Join(work, fmt.Sprintf("n%d-p%d-%s", s.N, s.P, o.backend))
	tdDir, idDir, nullDir := filepath.Join(dir, "terraform_data"), filepath.Join(dir, "industrydata"), filepath.Join(dir, "benchnull")
	sizedDir := filepath.Join(dir, "terraform_data_sized")
	for _, d := range []string{tdDir, idDir, nullDir, sizedDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return res, err
		}
	}
	ids, err := writeSeed(filepath.Join(dir, "seed.json"), s.N, o.statistics)
	if err != nil {
		return res, err
	}
	if err := writeConfigs(tdDir, idDir, nullDir, sizedDir, ids); err != nil {
		return res, err
	}
	fake, err := startFake(b.fake, dir, filepath.Join(dir, "seed.json"), o.latency)
	if err != nil {
		return res, err
	}
	defer func() { _, _ = fake.stop() }() // on an early return; stopping twice is harmless
	providerBin, pluginDir := b.provider, b.pluginDir
	if o.profile != "" {
		providerBin, pluginDir = b.profiled, b.profiledDir
	}
	mirror := ""
	if o.backend == backendHTTP {
		mirror = filepath.Join(dir, "mirror")
		if err := providerMirror(mirror, map[string]string{"industrydata": providerBin, "benchnull": b.null}); err != nil {
			return res, err
		}
	}
	env, err := terraformEnv(fake, pluginDir, b.nullDir, dir, mirror)
	if err != nil {
		return res, err
	}
	env = append(env, o.env...)
	if o.backend == backendHTTP {
		stop, err := useHTTPBackend(o.terraform, env, tdDir, idDir, nullDir, sizedDir)
		if err != nil {
			return res, err
		}
		defer stop()
	}

	logf("N = %d, parallelism %d, latency %s: fake Graph at %s", s.N, s.P, o.latency, fake.info.GraphURL)
	for rep := range o.repeat {
		for i, ph := range o.phases {
			pr := phaseResult{name: ph.name}
			if !o.smoke {
				if pr.builtin, err = runTerraform(o.terraform, env, tdDir, ph, s.P, providerBin, fake.pid()); err != nil {
					return res, err
				}
				if pr.null, err = runTerraform(o.terraform, env, nullDir, ph, s.P, b.null, fake.pid()); err != nil {
					return res, err
				}
			}
			phaseEnv := env
			if o.profile != "" {
				profileDir := filepath.Join(o.profile, fmt.Sprintf("n%d-%s", s.N, ph.name))
				if err := os.MkdirAll(profileDir, 0o755); err != nil {
					return res, err
				}
				phaseEnv = append(slices.Clip(env), "BENCH_PROFILE_DIR="+profileDir)
			}
			offset, err := fake.logSize()
			if err != nil {
				return res, err
			}
			if pr.provider, err = runTerraform(o.terraform, phaseEnv, idDir, ph, s.P, providerBin, fake.pid()); err != nil {
				return res, err
			}
			if pr.requests, err = fake.requestsSince(offset); err != nil {
				return res, err
			}
			if !o.smoke {
				if ph.name == "adopt" {
					if res.stateBytes, err = writeSizedPayload(o.terraform, env, idDir, sizedDir); err != nil {
						return res, err
					}
				}
				if pr.sized, err = runTerraform(o.terraform, env, sizedDir, ph, s.P, providerBin, fake.pid()); err != nil {
					return res, err
				}
			}
			res.requestLog = append(res.requestLog, pr)
			pr.floorSeconds = floor(s, pr.requests.perResource(s.N), o.latency)
			if o.smoke {
				logf("  %-8s industrydata %.2f s (%s)", ph.name, pr.provider.wall.Seconds(), pr.requests.summary())
			} else {
				logf("  %-8s industrydata %6.2f s (%s; CPU: Terraform %.1f s, provider %.1f s, other processes %.1f s; %d provider processes, peak RSS %.1f MB); terraform_data %.2f s; benchnull %.2f s (CPU: Terraform %.1f s, provider %.1f s); terraform_data with %d-byte states %.2f s",
					ph.name, pr.provider.wall.Seconds(), pr.requests.summary(), (pr.provider.cpu - pr.provider.procs.cpu).Seconds(), pr.provider.procs.cpu.Seconds(),
					pr.provider.otherCPU.Seconds(), pr.provider.procs.count, mb(pr.provider.procs.peakRSS), pr.builtin.wall.Seconds(),
					pr.null.wall.Seconds(), (pr.null.cpu - pr.null.procs.cpu).Seconds(), pr.null.procs.cpu.Seconds(), res.stateBytes, pr.sized.wall.Seconds())
			}
			if rep == 0 {
				res.phases = append(res.phases, pr)
				continue
			}
			// Keep the fastest run of each configuration, and its requests.
			if kept := &res.phases[i]; pr.builtin.wall < kept.builtin.wall {
				kept.builtin = pr.builtin
			}
			if kept := &res.phases[i]; pr.null.wall < kept.null.wall {
				kept.null = pr.null
			}
			if kept := &res.phases[i]; pr.sized.wall < kept.sized.wall {
				kept.sized = pr.sized
			}
			if kept := &res.phases[i]; pr.provider.wall < kept.provider.wall {
				kept.provider, kept.requests, kept.floorSeconds = pr.provider, pr.requests, pr.floorSeconds
			}
		}
	}
	if !o.smoke {
		logf("  fake throughput probe: %d workers", s.P)
		if res.load, err = probeFake(fake, ids, s.P, o.loadRequests, o.loadDuration); err != nil {
			return res, err
		}
	}
	if res.stats, err = fake.stop(); err != nil {
		return res, err
	}
	return res, crossCheck(res)
}

// crossCheck compares the requests counted from the fake's log with the
// counters it wrote on exit: they must agree, or a phase's counts are wrong.
func crossCheck(res sizeResult) error {
	want := map[string]int{}
	for _, p := range res.requestLog {
		for m, n := range p.requests.byMethod {
			want[m] += n
		}
	}
	want["GET"] += res.load.requests
	for m, n := range res.stats.Requests {
		if want[m] != n {
			return fmt.Errorf("the fake counted %d %s requests, its log %d: %v vs %v", n, m, want[m], res.stats.Requests, want)
		}
	}
	for m, n := range want {
		if n != res.stats.Requests[m] {
			return fmt.Errorf("the fake's log has %d %s requests, its counters %d", n, m, res.stats.Requests[m])
		}
	}
	return nil
}

// runTerraform runs one phase in dir, watching the provider processes.
func runTerraform(tf string, env []string, dir string, ph phase, parallelism int, providerPath string, fakePID int) (tfRun, error) {
	args := append([]string{"-chdir=" + dir}, ph.args...)
	args = append(args, "-input=false", "-no-color", "-compact-warnings", fmt.Sprintf("-parallelism=%d", parallelism), "-var", "name="+ph.displayName)
	logFile, err := os.Create(filepath.Join(dir, ph.name+".log"))
	if err != nil {
		return tfRun{}, err
	}
	defer logFile.Close()
	cmd := exec.Command(tf, args...)
	cmd.Env, cmd.Stdout, cmd.Stderr = env, logFile, logFile

	w := watchProcesses(providerPath)
	fakeBefore := processCPU(fakePID)
	busyBefore := machineCPU()
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	r := tfRun{wall: wall, procs: w.stop(), fakeCPU: processCPU(fakePID) - fakeBefore}
	if cmd.ProcessState != nil {
		r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		r.exitCode = cmd.ProcessState.ExitCode()
	}
	r.otherCPU = max(0, machineCPU()-busyBefore-r.cpu-r.fakeCPU)
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return r, err
	}
	// plan -detailed-exitcode: 0 is "no changes", 2 would be a diff.
	if r.exitCode != 0 {
		tail, _ := os.ReadFile(logFile.Name())
		return r, fmt.Errorf("terraform %s in %s exited %d (want 0: every phase must succeed, and the refresh plan must show no change):\n%s",
			strings.Join(ph.args, " "), dir, r.exitCode, lastLines(tail, 30))
	}
	return r, nil
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// terraformEnv is this process's environment without Terraform, Azure or
// provider settings, plus what the phases need: the dev_overrides CLI
// configuration (with a filesystem mirror of the bench's providers for
// `terraform init` when mirror is set), the fake's certificate, and the
// credentials.
func terraformEnv(f *fakeProcess, pluginDir, nullDir, dir, mirror string) ([]string, error) {
	env := cleanEnv()
	cliConfig := filepath.Join(dir, "cli.tfrc")
	install := "  direct {}\n"
	if mirror != "" {
		ours := `["industrydata/industrydata", "industrydata/benchnull"]`
		install = fmt.Sprintf("  filesystem_mirror {\n    path    = %q\n    include = %s\n  }\n  direct {\n    exclude = %s\n  }\n", mirror, ours, ours)
	}
	if err := os.WriteFile(cliConfig, fmt.Appendf(nil, "provider_installation {\n  dev_overrides {\n    %q = %q\n    %q = %q\n  }\n%s}\n",
		"industrydata/industrydata", pluginDir, "industrydata/benchnull", nullDir, install), 0o644); err != nil {
		return nil, err
	}
	return append(env,
		"TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1",
		"SSL_CERT_FILE="+f.certFile,
		"ARM_TENANT_ID="+f.info.TenantID, "ARM_CLIENT_ID="+f.info.ClientID, "ARM_CLIENT_SECRET="+f.info.ClientSecret,
		"INDUSTRYDATA_GRAPH_ENDPOINT="+f.info.GraphURL, "INDUSTRYDATA_AUTHORITY_HOST="+f.info.URL+"/",
	), nil
}

// ---- seed and configurations -------------------------------------------------

// runID is the id of seeded run i (a GUID, as run_id requires).
func runID(i int) string { return fmt.Sprintf("b3e1c0de-5eed-4000-8000-%012d", i+1) }

// writeSeed writes N ended runs with full statistics (two inbound activities
// with counters and role counts, one outbound) as the fake's -seed file
// {"runs":[…]}, checks that the fake loads them, and returns their ids.
// Without withStatistics the runs have none (getStatistics then answers
// zero totals and no activities).
func writeSeed(path string, n int, withStatistics bool) ([]string, error) {
	base := time.Date(2024, 5, 1, 2, 0, 0, 123456000, time.UTC)
	runs := make([]any, n)
	ids := make([]string, n)
	for i := range n {
		id := runID(i)
		ids[i] = id
		start := base.Add(time.Duration(i) * time.Minute)
		end := start.Add(12*time.Minute + 34*time.Second + 567891*time.Microsecond)
		actID := func(k int) string { return fmt.Sprintf("ac71e1d0-5eed-4000-8000-%012d", i*10+k) }
		names := []string{"Inbound flow: SIS roster (CSV)", "Inbound flow: HR staff (OneRoster API)", "Outbound provisioning: Microsoft 365 groups"}
		roles := func(kv ...any) []any {
			out := []any{}
			for j := 0; j < len(kv); j += 2 {
				out = append(out, map[string]any{"role": kv[j], "count": kv[j+1]})
			}
			return out
		}
		count := func(active, inactive int) map[string]any {
			return map[string]any{"active": active, "inactive": inactive, "total": active + inactive}
		}
		inbound := func(k int, orgs, people, groups, members map[string]any, matched []any) map[string]any {
			return map[string]any{
				"@odata.type": "#microsoft.graph.industryData.inboundActivityResults",
				"activityId":  actID(k), "displayName": names[k], "status": "completed",
				"errors": 0, "warnings": 3 * k,
				"organizations": orgs, "people": people, "groups": groups, "memberships": members,
				"matchedPeopleByRole": matched, "unmatchedPeopleByRole": roles("student", 12, "teacher", 5),
			}
		}
		runs[i] = map[string]any{
			"@odata.type":   "#microsoft.graph.industryData.industryDataRun",
			"id":            id,
			"displayName":   fmt.Sprintf("Seeded run %d", i),
			"startDateTime": start.Format("2006-01-02T15:04:05.000000Z"),
			"endDateTime":   end.Format("2006-01-02T15:04:05.000000Z"),
			"status":        "completed",
			"blockingError": nil,
			"activities": []any{
				map[string]any{"@odata.type": "#microsoft.graph.industryData.inboundFlowActivity", "id": actID(0), "displayName": names[0], "status": "completed", "blockingError": nil},
				map[string]any{"@odata.type": "#microsoft.graph.industryData.inboundFlowActivity", "id": actID(1), "displayName": names[1], "status": "completed", "blockingError": nil},
				map[string]any{"@odata.type": "#microsoft.graph.industryData.outboundFlowActivity", "id": actID(2), "displayName": names[2], "status": "completed", "blockingError": nil},
			},
			"statistics": map[string]any{
				"@odata.type": "#microsoft.graph.industryData.industryDataRunStatistics",
				"runId":       id, "status": "completed",
				"activityStatistics": []any{
					inbound(0, count(4, 0), count(1210+i%7, 35), count(96, 4), count(2410, 40), roles("student", 1080, "teacher", 95)),
					inbound(1, count(0, 0), count(130, 2), count(0, 0), count(0, 0), roles("staff", 128)),
					map[string]any{"@odata.type": "#microsoft.graph.industryData.industryDataActivityStatistics", "activityId": actID(2), "displayName": names[2], "status": "completed"},
				},
				"inboundTotals": map[string]any{
					"errors": 0, "warnings": 3, "groups": 100, "memberships": 2450, "organizations": 4, "people": 1377 + i%7,
					"matchedPeopleByRole":   roles("staff", 128, "student", 1080, "teacher", 95),
					"unmatchedPeopleByRole": roles("student", 24, "teacher", 10),
				},
			},
		}
	}
	if !withStatistics {
		for _, r := range runs {
			delete(r.(map[string]any), "statistics")
		}
	}
	data, err := json.MarshalIndent(map[string]any{"runs": runs}, "", " ")
	if err != nil {
		return nil, err
	}
	loaded, err := fakegraph.LoadRuns(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the generated seed does not load: %w", err)
	}
	if len(loaded) != n || (loaded[0].Statistics != nil) != withStatistics {
		return nil, fmt.Errorf("the generated seed loads as %d runs (statistics %v), want %d (statistics %v)", len(loaded), loaded[0].Statistics != nil, n, withStatistics)
	}
	return ids, os.WriteFile(path, data, 0o644)
}

// writeConfigs writes the configurations: N industrydata_run adopting the
// seeded runs, N benchnull_item, N terraform_data, and N terraform_data each
// holding a payload as long as an industrydata_run's state. All take
// var.name, so a phase changes every resource's display_name (input) with
// -var.
func writeConfigs(tdDir, idDir, nullDir, sizedDir string, ids []string) error {
	idsJSON, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	files := map[string]string{
		filepath.Join(idDir, "run_ids.json"): string(idsJSON),
		filepath.Join(idDir, "main.tf"): `terraform {
  required_providers {
    industrydata = {
      source = "industrydata/industrydata"
    }
  }
}

# Settings come from ARM_* and INDUSTRYDATA_* environment variables.
provider "industrydata" {}

variable "name" {
  type = string
}

locals {
  run_ids = jsondecode(file("${path.module}/run_ids.json"))
}

resource "industrydata_run" "r" {
  count        = length(local.run_ids)
  run_id       = local.run_ids[count.index]
  display_name = "${var.name} ${count.index}"
}
`,
		filepath.Join(nullDir, "main.tf"): fmt.Sprintf(`terraform {
  required_providers {
    benchnull = {
      source = "industrydata/benchnull"
    }
  }
}

variable "name" {
  type = string
}

resource "benchnull_item" "r" {
  count = %d
  input = "${var.name} ${count.index}"
}
`, len(ids)),
		filepath.Join(tdDir, "main.tf"): terraformDataConfig(len(ids), ""),
		// payload.txt is written after industrydata's adopt (writeSizedPayload).
		filepath.Join(sizedDir, "main.tf"): terraformDataConfig(len(ids), `triggers_replace = file("${path.module}/payload.txt")`),
	}
	for path, content := range files {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// terraformDataConfig is N terraform_data whose input follows var.name, with
// an extra argument line when extra is not empty.
func terraformDataConfig(n int, extra string) string {
	if extra != "" {
		extra = "  " + extra + "\n"
	}
	return fmt.Sprintf(`variable "name" {
  type = string
}

resource "terraform_data" "r" {
  count = %d
  input = "${var.name} ${count.index}"
%s}
`, n, extra)
}

// writeSizedPayload measures one industrydata_run's attributes in the state
// Terraform holds (`terraform state pull`, whatever the backend) and writes a
// payload of that many bytes for the sized terraform_data baseline.
func writeSizedPayload(tf string, env []string, idDir, sizedDir string) (int, error) {
	cmd := exec.Command(tf, "-chdir="+idDir, "state", "pull")
	cmd.Env = env
	state, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("terraform state pull in %s: %w", idDir, err)
	}
	return writePayloadFor(state, sizedDir)
}

// writePayloadFor writes the payload for a state: as many bytes as its first
// resource instance's attributes in compact JSON. The payload is a plain
// string, so the baseline is a lower bound: Terraform indents nested JSON
// when it writes state, which makes industrydata's nested statistics cost
// more per byte.
func writePayloadFor(data []byte, sizedDir string) (int, error) {
	var st struct {
		Resources []struct {
			Instances []struct {
				Attributes json.RawMessage `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return 0, fmt.Errorf("reading the adopted state: %w", err)
	}
	if len(st.Resources) == 0 || len(st.Resources[0].Instances) == 0 {
		return 0, errors.New("the adopted state holds no industrydata_run")
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, st.Resources[0].Instances[0].Attributes); err != nil {
		return 0, err
	}
	n := compact.Len()
	return n, os.WriteFile(filepath.Join(sizedDir, "payload.txt"), []byte(strings.Repeat("x", n)), 0o644)
}

// processCPU is a process's user+system time so far, from /proc (0 when gone).
func processCPU(pid int) time.Duration {
	st, ok := readStat(pid)
	if !ok {
		return 0
	}
	return st.cpu
}
