package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

func TestParseSizes(t *testing.T) {
	got, err := parseSizes("100:10, 1000:50")
	if err != nil || len(got) != 2 || got[0] != (size{100, 10}) || got[1] != (size{1000, 50}) {
		t.Errorf("parseSizes: %v, %v", got, err)
	}
	for _, bad := range []string{"", "100", "100:0", "x:1", "100:10,", "-1:2"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) accepted", bad)
		}
	}
}

func TestParseFlags(t *testing.T) {
	if _, err := parseFlags(nil, io.Discard); err == nil {
		t.Error("-terraform is required")
	}
	o, err := parseFlags([]string{"-terraform", "tf", "-smoke", "-sizes", "5:5"}, io.Discard)
	if err != nil || len(o.sizes) != 1 || o.sizes[0] != (size{10, 10}) || o.latency != 0 || o.goBench {
		t.Errorf("-smoke: %+v, %v", o, err)
	}
	o, err = parseFlags([]string{"-terraform", "tf", "-env", "GOGC=200", "-statistics=false"}, io.Discard)
	if err != nil || o.diagnostics() == "" || o.latency != 25*time.Millisecond {
		t.Errorf("diagnostic flags: %+v, %v", o, err)
	}
	if _, err := parseFlags([]string{"-terraform", "tf", "-env", "novalue"}, io.Discard); err == nil {
		t.Error("-env without = accepted")
	}
	if o, err := parseFlags([]string{"-terraform", "tf"}, io.Discard); err != nil || o.backend != backendLocal || o.diagnostics() != "" {
		t.Errorf("the standard benchmark keeps state locally and is no diagnostic: %+v, %v", o, err)
	}
	if o, err := parseFlags([]string{"-terraform", "tf", "-backend", "http"}, io.Discard); err != nil || !strings.Contains(o.diagnostics(), "http backend") {
		t.Errorf("-backend http: %+v, %v", o, err)
	}
	if _, err := parseFlags([]string{"-terraform", "tf", "-backend", "s3"}, io.Discard); err == nil {
		t.Error("-backend s3 accepted")
	}
}

// The state server speaks the http backend's unlocked protocol: no state is
// a 404, a POST stores one per path, a DELETE removes it; locking is refused.
func TestStateServer(t *testing.T) {
	srv := newStateServer()
	defer srv.Close()
	do := func(method, path, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		got, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(got)
	}
	steps := []struct {
		method, path, body string
		wantStatus         int
		wantBody           string
	}{
		{"GET", "/a", "", 404, ""},
		{"POST", "/a", `{"serial":1}`, 200, ""},
		{"GET", "/a", "", 200, `{"serial":1}`},
		{"GET", "/b", "", 404, ""},
		{"LOCK", "/a", "", 405, ""},
		{"DELETE", "/a", "", 200, ""},
		{"GET", "/a", "", 404, ""},
	}
	for i, st := range steps {
		status, body := do(st.method, st.path, st.body)
		if status != st.wantStatus || (st.wantBody != "" && body != st.wantBody) {
			t.Errorf("step %d %s %s: %d %q, want %d %q", i, st.method, st.path, status, body, st.wantStatus, st.wantBody)
		}
	}
}

// The network floor: ceil(N / parallelism) rounds of requests-per-resource
// requests, each taking the latency.
func TestFloor(t *testing.T) {
	for _, tt := range []struct {
		s    size
		rpr  float64
		want float64
	}{
		{size{1000, 50}, 3, 1.5},
		{size{1000, 50}, 1, 0.5},
		{size{100, 10}, 2, 0.5},
		{size{101, 10}, 1, 0.275},
	} {
		if got := floor(tt.s, tt.rpr, 25*time.Millisecond); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("floor(%v, %v) = %v, want %v", tt.s, tt.rpr, got, tt.want)
		}
	}
}

func TestParseRequestLog(t *testing.T) {
	const id = "b3e1c0de-5eed-4000-8000-000000000001"
	log := strings.Join([]string{
		"fakegraph: 2026/01/02 15:04:05 serving 2 runs; Graph base URL https://127.0.0.1:1/beta",
		"fakegraph: 2026/01/02 15:04:05 GET /00000000-0000-0000-0000-0000000000aa/v2.0/.well-known/openid-configuration 200",
		"fakegraph: 2026/01/02 15:04:05 POST /00000000-0000-0000-0000-0000000000aa/oauth2/v2.0/token 200",
		"fakegraph: 2026/01/02 15:04:05 GET /beta/external/industryData/runs/" + id + " 200",
		"fakegraph: 2026/01/02 15:04:05 PATCH /beta/external/industryData/runs/" + id + " 200",
		"fakegraph: 2026/01/02 15:04:05 GET /beta/external/industryData/runs/" + id + "/microsoft.graph.industryData.getStatistics() 200 (received 1767366245.000000, 25.000 ms)",
		"fakegraph: 2026/01/02 15:04:05 GET /beta/external/industryData/runs/" + id + "/microsoft.graph.industryData.getStatistics() 200 (received 1767366245.010000, 25.000 ms)",
		"fakegraph: 2026/01/02 15:04:05 GET /beta/external/industryData/runs/" + id + "/microsoft.graph.industryData.getStatistics() 200 (received 1767366245.035000, 25.000 ms)",
		"fakegraph: 2026/01/02 15:04:05 GET /beta/external/industryData/runs 200",
		"fakegraph: 2026/01/02 15:04:05 GET /beta/external/industryData/runs/" + id + " 404",
		"fakegraph: 2026/01/02 15:04:05 PATCH /beta/external/industryData/runs/" + id + " dropped (fault)",
		"fakegraph: 2026/01/02 15:04:05 GET /beta/external/industryData/runs/" + id, // a line still being written
		"",
	}, "\n")
	c := parseRequestLog(log)
	if c.identity != 2 || c.byMethod["GET"] != 6 || c.byMethod["PATCH"] != 2 || c.total() != 8 {
		t.Errorf("counts: %+v", c)
	}
	if c.byKind[kindGet] != 2 || c.byKind[kindPatch] != 2 || c.byKind[kindStatistics] != 3 || c.byKind[kindList] != 1 || c.byKind[kindOther] != 0 {
		t.Errorf("kinds: %v", c.byKind)
	}
	// The first two overlap; the third starts as the first ends.
	if n := maxInFlight(c.statistics); len(c.statistics) != 3 || n != 2 {
		t.Errorf("getStatistics in flight: %d of %v, want 2", n, c.statistics)
	}
	if c.errors != 2 || !strings.Contains(c.errorLine, "404") {
		t.Errorf("errors: %d %q", c.errors, c.errorLine)
	}
	if got := c.methods(); got != "GET 6, PATCH 2" {
		t.Errorf("methods() = %q", got)
	}
}

func TestCheckRequests(t *testing.T) {
	counts := func(get, stats, patch, other int) requestCounts {
		return requestCounts{byMethod: map[string]int{"GET": get + stats + other, "PATCH": patch},
			byKind: map[string]int{kindGet: get, kindStatistics: stats, kindPatch: patch, kindOther: other}}
	}
	for _, tt := range []struct {
		phase string
		c     requestCounts
		ok    bool
	}{
		{"adopt", counts(10, 10, 10, 0), true},
		{"adopt", counts(10, 10, 0, 0), true}, // at most one PATCH
		{"adopt", counts(20, 10, 10, 0), false},
		{"refresh", counts(10, 0, 0, 0), true},
		{"refresh", counts(10, 10, 0, 0), false}, // an ended run's statistics are settled
		{"update", counts(10, 0, 10, 0), true},
		{"update", counts(20, 0, 10, 0), false}, // a GET after the PATCH
		{"destroy", counts(10, 0, 0, 0), true},
		{"destroy", counts(10, 0, 0, 1), false},
	} {
		miss := checkRequests(phaseResult{name: tt.phase, requests: tt.c}, 10)
		if (miss == "") != tt.ok {
			t.Errorf("%s %v: %q", tt.phase, tt.c.byKind, miss)
		}
	}
}

// The generated seed loads in the fake, and the configurations name every run.
func TestSeedAndConfigs(t *testing.T) {
	dir := t.TempDir()
	for _, stats := range []bool{true, false} {
		ids, err := writeSeed(filepath.Join(dir, "seed.json"), 3, stats)
		if err != nil || len(ids) != 3 || ids[2] != runID(2) {
			t.Fatalf("writeSeed(%v): %v %v", stats, ids, err)
		}
		data, _ := os.ReadFile(filepath.Join(dir, "seed.json"))
		runs, err := fakegraph.LoadRuns(bytes.NewReader(data))
		if err != nil || len(runs) != 3 || (runs[0].Statistics != nil) != stats || runs[0].EndDateTime == nil {
			t.Fatalf("seed (statistics %v) loads as %+v, %v", stats, runs, err)
		}
		if stats && len(runs[0].Statistics.ActivityStatistics) != 3 {
			t.Errorf("statistics: %+v", runs[0].Statistics)
		}
	}
	td, id, null, sized := filepath.Join(dir, "td"), filepath.Join(dir, "id"), filepath.Join(dir, "null"), filepath.Join(dir, "sized")
	for _, d := range []string{td, id, null, sized} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeConfigs(td, id, null, sized, []string{runID(0), runID(1)}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		filepath.Join(id, "run_ids.json"): runID(1),
		filepath.Join(id, "main.tf"):      `resource "industrydata_run" "r"`,
		filepath.Join(td, "main.tf"):      "count = 2",
		filepath.Join(null, "main.tf"):    `resource "benchnull_item" "r"`,
		filepath.Join(sized, "main.tf"):   `file("${path.module}/payload.txt")`,
	} {
		if data, err := os.ReadFile(path); err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q: %v\n%s", path, want, err, data)
		}
	}
}

// The sized baseline's payload is as long as the first industrydata_run's
// attributes in compact JSON, whatever the indentation of the state.
func TestWritePayloadFor(t *testing.T) {
	sized := t.TempDir()
	state := `{"version": 4, "resources": [{"type": "industrydata_run", "instances": [
  {"attributes": {"id": "a", "statistics": {"people": 12}}},
  {"attributes": {"id": "b-longer", "statistics": null}}]}]}`
	n, err := writePayloadFor([]byte(state), sized)
	want := len(`{"id":"a","statistics":{"people":12}}`)
	if err != nil || n != want {
		t.Fatalf("writePayloadFor = %d, %v; want %d", n, err, want)
	}
	if data, err := os.ReadFile(filepath.Join(sized, "payload.txt")); err != nil || len(data) != want {
		t.Errorf("payload.txt: %d bytes, %v; want %d", len(data), err, want)
	}
	if _, err := writePayloadFor([]byte(`{"resources": []}`), sized); err == nil {
		t.Error("an empty state gave no error")
	}
}

// The bench reads /proc, so it (and this test) runs on Linux only, like CI.
func TestReadStat(t *testing.T) {
	if _, ok := readStat(os.Getpid()); !ok {
		t.Error("readStat of this process")
	}
	if hwm, ok := readHWM(os.Getpid()); !ok || hwm <= 0 {
		t.Errorf("readHWM of this process: %d %v", hwm, ok)
	}
	if machineCPU() <= 0 {
		t.Error("machineCPU")
	}
}

// TestAccBenchSmoke is `make bench`'s smoke version inside `make test`: the
// real provider binary, driven by the CLI under test through dev_overrides
// against the standalone fake, with N = 10 and no latency, must send exactly
// the target requests in each phase (adopt: GET + PATCH + getStatistics;
// refresh: GET; update: GET + PATCH; destroy: GET). It times nothing.
func TestAccBenchSmoke(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH")
	}
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH is not set")
	}
	o, err := parseFlags([]string{"-terraform", cli, "-smoke"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(o, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	t.Log("\n" + out.String())
}
