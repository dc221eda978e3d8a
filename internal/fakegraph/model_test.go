package fakegraph

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestTimeFormat(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"2023-11-01T11:10:46.924769Z", "2023-11-01T11:10:46.924769Z"},
		{"2023-11-01T11:10:46Z", "2023-11-01T11:10:46.000000Z"},
		{"2023-11-01T11:10:46.9247699999Z", "2023-11-01T11:10:46.924769Z"},
		{"2023-11-01T00:10:46.1+01:00", "2023-10-31T23:10:46.100000Z"},
	}
	for _, tt := range tests {
		got, err := parseTime(tt.in)
		if err != nil || formatTime(got) != tt.want || got.Location() != time.UTC {
			t.Errorf("parseTime(%s) = %v, %v; formatted %s, want %s", tt.in, got, err, formatTime(got), tt.want)
		}
	}
	for _, bad := range []string{"", "2023-11-01", "2023-11-01 11:10:46Z", "2023-11-01T11:10:46"} {
		if _, err := parseTime(bad); err == nil {
			t.Errorf("parseTime(%q) accepted", bad)
		}
	}
}

func TestSampleRuns(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 2, 3, 4, 5, 6, 7, time.UTC)
	runs := SampleRuns(now)
	if !reflect.DeepEqual(runs, SampleRuns(now)) {
		t.Error("SampleRuns is not deterministic")
	}
	statuses := map[string]Run{}
	for _, r := range runs {
		statuses[r.Status] = r
		if !guidPattern.MatchString(r.ID) {
			t.Errorf("id %q is not a GUID", r.ID)
		}
		if r.StartDateTime.After(now) {
			t.Errorf("run %s starts in the future", r.ID)
		}
	}
	for _, want := range []string{statusCompleted, statusCompletedWithWarnings, statusRunning, statusFailed} {
		if _, ok := statuses[want]; !ok {
			t.Errorf("no %s run", want)
		}
	}
	if statuses[statusRunning].EndDateTime != nil || statuses[statusFailed].BlockingError == nil {
		t.Error("running run has an end, or failed run has no blockingError")
	}
	if st := statuses[statusCompleted].Statistics; st == nil || st.ActivityStatistics[0].Inbound == nil || st.InboundTotals.People == 0 {
		t.Errorf("completed run statistics %+v", st)
	}
}

// TestLoadRunsRoundTrip renders the sample runs as Graph does and loads them back.
func TestLoadRunsRoundTrip(t *testing.T) {
	t.Parallel()
	want := SampleRuns(time.Now())
	var rendered []runJSON
	for _, r := range want {
		rendered = append(rendered, runToJSON(r, r.Statistics, true))
	}
	data, _ := json.Marshal(map[string]any{"runs": rendered})

	got, err := LoadRuns(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		want[i] = cloneRun(want[i]) // normalised, as the server stores runs
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, want)
	}
}

func TestLoadRunsErrors(t *testing.T) {
	t.Parallel()
	const run = `{"id":"r1","displayName":"x","startDateTime":"2023-11-01T11:10:46Z","status":"running"}`
	tests := []struct{ name, seed, want string }{
		{"not an object", `[]`, "want an object"},
		{"other key", `{"items":[]}`, `"items"`},
		{"unknown run property", `{"runs":[{"id":"r1","colour":"red"}]}`, "Property 'colour' does not exist"},
		{"bad status", `{"runs":[{"id":"r1","startDateTime":"2023-11-01T11:10:46Z","status":"done"}]}`, "'done'"},
		{"missing start", `{"runs":[{"id":"r1","status":"running"}]}`, "startDateTime"},
		{"duplicate id", `{"runs":[` + run + `,` + run + `]}`, "duplicate id r1"},
		{"malformed", `{"runs":[`, "seed:"},
	}
	for _, tt := range tests {
		if _, err := LoadRuns(strings.NewReader(tt.seed)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to mention %s", tt.name, err, tt.want)
		}
	}
	runs, err := LoadRuns(strings.NewReader(`{"runs":[` + strings.Replace(run, `"running"`, `"unknownFutureValue"`, 1) + `]}`))
	if err != nil || len(runs) != 1 || runs[0].Status != statusUnknownFutureValue {
		t.Errorf("seed with the sentinel status: %v %v", runs, err)
	}
}
